// @needs-temporal
/**
 * `npm run bench -- country` (opt-in, not in CI; @needs-temporal: a Temporal dev server is started for it).
 *
 * The 60,011-unit synthetic country (1 + 34 provinces × 1,765 units), cascaded at all levels on the dev server by a real
 * worker process (`node dist-bench/apps/worker/src/main.js`, tuned through its environment as in production):
 *  level 1: the country issues its plan → 34 provincial obligations;
 *  level 2: each province issues its plan → its departments and communes;
 *  level 3: every unit with children (Sở GDĐT, communes) issues its plan → the schools.
 * Every obligation workflow stays open (it waits for its plan and reports), so the worker's memory must stay bounded
 * by its workflow cache, not by the number of open workflows. Prints obligations/s, total time, the worker's peak RSS
 * (VmHWM), the number of open workflows, and a sample of the worker's Prometheus metrics endpoint.
 *
 * COUNTRY_PROVINCES=n (default 34) cascades levels 2–3 in the first n provinces only (a documented fraction on a
 * shared machine; `extrapolated_full_country_s` then scales the measured rate to the 60,010 obligations).
 * Worker tuning defaults below; override with the WORKER_* variables (libs/config).
 */
import 'reflect-metadata';
import { spawn } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Client, Connection } from '@temporalio/client';
import { buildWorkflowBundle } from '../../apps/worker/src/bundle/build-workflow-bundle';
import { generateCountry } from '../../libs/persistence/src/seed';
import {
  benchEnv,
  freshDatabase,
  report,
  insertGeneratedUnits,
  insertCascadePlans,
  runCascades,
} from './bench-support';

const CONCURRENCY = 8;
const PROVINCES = Number(process.env.COUNTRY_PROVINCES ?? 34);
const METRICS_PORT = Number(process.env.CCHC_COUNTRY_METRICS_PORT ?? 54420);
const TUNING: Record<string, string> = {
  WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS ?? '500',
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: process.env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS ?? '200',
  WORKER_MAX_CONCURRENT_ACTIVITIES: process.env.WORKER_MAX_CONCURRENT_ACTIVITIES ?? '40',
  WORKER_WORKFLOW_POLLERS: process.env.WORKER_WORKFLOW_POLLERS ?? '4',
  WORKER_ACTIVITY_POLLERS: process.env.WORKER_ACTIVITY_POLLERS ?? '4',
};

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function main() {
  const env = benchEnv();
  if (!env.temporalAddress) throw new Error('BENCH_TEMPORAL_ADDRESS is not set');
  const { url, ds } = await freshDatabase('cchc_bench_country');
  const country = generateCountry();
  await insertGeneratedUnits(ds, country);
  await ds.query('VACUUM ANALYZE');
  const year = new Date().getFullYear() + 1;
  const bundlePath = join(env.dataDir, 'workflow-bundle.js');
  await buildWorkflowBundle(bundlePath);
  const taskQueue = `country-${Date.now()}`;

  const worker = spawn(process.execPath, ['dist-bench/apps/worker/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '20',
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKFLOW_BUNDLE_PATH: bundlePath,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${METRICS_PORT}`,
      LOG_LEVEL: 'warn',
      ...TUNING,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // the worker never outlives the benchmark, and the benchmark stops if the worker dies
  const killWorker = () => worker.exitCode === null && worker.kill('SIGKILL');
  process.once('exit', killWorker);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      killWorker();
      process.exit(1);
    });
  worker.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`the worker exited (${code ?? signal}) during the benchmark`);
      process.exit(1);
    }
  });
  let stopping = false;
  let peakSeen = 0;
  const sampler = setInterval(() => {
    try {
      peakSeen = Math.max(peakSeen, memory(worker.pid!).rss);
    } catch {
      // exited
    }
  }, 1000);
  const connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection });

  const obligations = async () => (await ds.query(`SELECT count(*)::int AS n FROM obligations`))[0].n as number;
  const timed = async (fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };

  // level 1: the country
  const rootId = (await ds.query(`SELECT id FROM units WHERE code = 'VN'`))[0].id;
  const level1Ms = await timed(async () =>
    runCascades(
      client,
      taskQueue,
      await insertCascadePlans(ds, year, [{ unitId: rootId, obligationId: null }]),
      CONCURRENCY,
    ),
  );
  // level 2: the first PROVINCES provinces
  const provinces: Array<{ unitId: string; obligationId: string }> = await ds.query(
    `SELECT o.unit_id AS "unitId", o.id AS "obligationId" FROM obligations o JOIN units u ON u.id = o.unit_id
      ORDER BY u.code LIMIT $1`,
    [PROVINCES],
  );
  const level2Ms = await timed(async () =>
    runCascades(client, taskQueue, await insertCascadePlans(ds, year, provinces), CONCURRENCY),
  );
  // level 3: every unit with children below them
  const parents: Array<{ unitId: string; obligationId: string }> = await ds.query(
    `SELECT o.unit_id AS "unitId", o.id AS "obligationId" FROM obligations o
      WHERE o.parent_unit_id <> $2 -- not the provinces left out of level 2
        AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.unit_id = o.unit_id AND p.year = $1)
        AND EXISTS (SELECT 1 FROM unit_links l WHERE l.parent_id = o.unit_id)`,
    [year, rootId],
  );
  const level3Ms = await timed(async () =>
    runCascades(client, taskQueue, await insertCascadePlans(ds, year, parents), CONCURRENCY),
  );
  const total = await obligations();
  const totalMs = level1Ms + level2Ms + level3Ms;
  const rate = total / (totalMs / 1000);

  // the obligation workflows stay open; let the worker settle, then read its memory and its metrics
  await new Promise((r) => setTimeout(r, 5000));
  const open = (await client.workflow.count(`TaskQueue="${taskQueue}" AND ExecutionStatus="Running"`)).count;
  const mem = memory(worker.pid!);
  const metrics = await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text();
  const series = metrics.split('\n').filter((l) => l && !l.startsWith('#'));
  const stickyCache = series.find((l) => l.startsWith('temporal_sticky_cache_size')) ?? '(none)';
  clearInterval(sampler);
  stopping = true;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await connection.close();
  await ds.destroy();

  const fullCountry = country.length - 1; // every unit but the root owes one plan
  console.log(
    `\nlevels: 1 → ${provinces.length ? 34 : 0} in ${level1Ms.toFixed(0)} ms; 2 → ${provinces.length} provinces in ${level2Ms.toFixed(0)} ms; 3 → ${parents.length} cascades in ${level3Ms.toFixed(0)} ms`,
  );
  console.log(`worker tuning: ${JSON.stringify(TUNING)}; sticky cache: ${stickyCache}\n`);
  report({
    units: country.length,
    provinces_cascaded: provinces.length,
    obligations: total,
    total_ms: totalMs,
    obligations_per_s: rate,
    extrapolated_full_country_s: fullCountry / rate,
    open_workflows: open,
    worker_rss_mb: mem.rss,
    worker_peak_rss_mb: Math.max(mem.peak, peakSeen),
    worker_metrics_series: series.length,
    goal_rss_below_1536_mb: Math.max(mem.peak, peakSeen) < 1536 ? 'met' : 'missed',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
