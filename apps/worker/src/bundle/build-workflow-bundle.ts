/**
 * Builds the workflow bundle (webpack via @temporalio/worker) with the same path aliases as tsconfig.
 * Used by the build step (scripts/build.sh) and by the test global setup.
 */
import { bundleWorkflowCode } from '@temporalio/worker';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';

/** The project root: the nearest folder above this file holding workflows/index.ts (works from src and dist). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(resolve(dir, 'workflows/index.ts'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project root (workflows/index.ts)');
    dir = up;
  }
  return dir;
}
const ROOT = projectRoot();

/** Bundles the workflow code from source (workflows/index.ts) with the project's aliases; returns the code. */
export async function bundleWorkflowsFromSource(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: resolve(ROOT, 'workflows/index.ts'),
    // Tracing: inert unless a workflow starts with a trace context (see the module); one bundle for tracing on and off.
    workflowInterceptorModules: [resolve(ROOT, 'workflows/tracing-interceptors.ts')],
    // Evaluated once per worker thread and shared by every workflow, instead of once per workflow: pure functions and
    // constants with no state a workflow could change (the domain's calendar, rules and state machines; the
    // contracts' update/query definitions). Their module scope was most of a new workflow's cost.
    preloadModules: ['@cchc/domain', '@cchc/contracts'],
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string>),
        '@cchc/domain': resolve(ROOT, 'libs/domain/src'),
        '@cchc/contracts': resolve(ROOT, 'libs/contracts/src'),
      };
      return config;
    },
    logger: { info() {}, warn: console.warn, error: console.error, debug() {}, trace() {}, log() {} },
  });
  return code;
}

export async function buildWorkflowBundle(outFile: string): Promise<void> {
  const code = await bundleWorkflowsFromSource();
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? resolve(ROOT, 'dist/workflow-bundle.js'));
  buildWorkflowBundle(out)
    .then(() => console.log(`workflow bundle written to ${out}`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
