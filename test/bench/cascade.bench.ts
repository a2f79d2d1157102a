// @needs-temporal
/**
 * `npm run bench -- cascade` (@needs-temporal: a Temporal dev server is started for it).
 *
 * The synthetic province (1 + 25 departments + 150 communes + 1,500 schools), all levels, on the dev server:
 *  level 1: the province issues its plan → 175 obligations (one cascade workflow);
 *  level 2: the 151 units with children (Sở GDĐT and the communes) issue theirs at once → 1,500 obligations.
 * Obligations created per second against empty workflows started per second, in the same round on the same server
 * with the same worker and the same client concurrency. A workflow counts once its first workflow task has run on
 * the worker — an obligation's row, audit entry and workflow exist and its deadline timer is set; an empty workflow
 * ran to completion — read exactly from the worker's own SDK metrics (workflow tasks completed per workflow type, on
 * a Prometheus endpoint in this process), not from a probe workflow: the task queue is partitioned, so a probe may
 * overtake the backlog it is meant to wait for. Timing only until the start calls return is printed too
 * (`start_calls_ratio`); it charges the cascade for the obligations' first tasks (its starts wait behind them) and
 * not the baseline for the ones it leaves queued, which are about two thirds of an empty workflow's server work.
 * The baseline is split, half before the cascade and half after, so a drift of the machine's load weighs on both.
 * Three rounds (each a new plan year) in one run; cascade_ratio = the median of the three (goal ≥ 0.8): one round on
 * a shared 2-core machine is too noisy.
 */
import 'reflect-metadata';
import { join } from 'path';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WorkerService } from '../../apps/worker/src/worker.service';
import { buildWorkflowBundle } from '../../apps/worker/src/bundle/build-workflow-bundle';
import { loadConfig } from '../../libs/config/src';
import { generateProvince } from '../../libs/persistence/src/seed';
import {
  benchEnv,
  freshDatabase,
  report,
  insertGeneratedUnits,
  insertCascadePlans,
  pool,
  runCascades,
} from './bench-support';

const ROUNDS = 3;

async function main() {
  const env = benchEnv();
  if (!env.temporalAddress) throw new Error('BENCH_TEMPORAL_ADDRESS is not set');
  // The worker's SDK metrics tell when its workflow tasks have run (see above).
  const metricsAddress = `127.0.0.1:${process.env.BENCH_METRICS_PORT ?? '9477'}`;
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } },
  });
  const { url, ds } = await freshDatabase('cchc_bench_cascade');
  const units = generateProvince();
  await insertGeneratedUnits(ds, units);
  await ds.query('VACUUM ANALYZE');

  const bundlePath = join(env.dataDir, 'workflow-bundle.js');
  await buildWorkflowBundle(bundlePath);
  const taskQueue = `bench-${Date.now()}`;
  const connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection });
  const config = loadConfig({
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    DATABASE_POOL_SIZE: '20',
    // the production recommendation (docs/deploy.md); the SDK's default cache grows with the heap (≈ 2,300 here)
    WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS ?? '500',
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: process.env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS ?? '200',
    WORKER_MAX_CONCURRENT_ACTIVITIES: process.env.WORKER_MAX_CONCURRENT_ACTIVITIES ?? '40',
    WORKER_WORKFLOW_POLLERS: process.env.WORKER_WORKFLOW_POLLERS ?? '4',
    WORKER_ACTIVITY_POLLERS: process.env.WORKER_ACTIVITY_POLLERS ?? '4',
    ...(process.env.WORKFLOW_START_CONCURRENCY
      ? { WORKFLOW_START_CONCURRENCY: process.env.WORKFLOW_START_CONCURRENCY }
      : {}),
  });
  // The baseline starts empty workflows with the same concurrency as a cascade batch starts obligation workflows.
  const CONCURRENCY = config.temporal.startConcurrency;
  const workerApp = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { temporalClient: client }),
    { logger: false },
  );
  const service = workerApp.get(WorkerService);
  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await service.create({ connection: nativeConnection, taskQueue, workflowBundlePath: bundlePath });
  const running = worker.run();

  // Starting a workflow returns before the worker ran its first task: each phase ends when the worker's counters say
  // every workflow it started has had its first task.
  const counter = async (metric: string, workflowType: string) => {
    const text = await (await fetch(`http://${metricsAddress}/metrics`)).text();
    let sum = 0;
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${metric}{`)) continue;
      if (!line.includes(`task_queue="${taskQueue}"`) || !line.includes(`workflow_type="${workflowType}"`)) continue;
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return sum;
  };
  const firstTasks = (workflowType: string) => counter('temporal_workflow_task_execution_latency_count', workflowType);
  const until = async (read: () => Promise<number>, target: number) => {
    while ((await read()) < target) await new Promise((r) => setTimeout(r, 20));
  };
  const rootId = (await ds.query(`SELECT id FROM units WHERE code = 'SYN'`))[0].id;
  const rounds: Array<{
    level1: number;
    total: number;
    cascades: number;
    level1Ms: number;
    level2Ms: number;
    emptyMs: number;
    ratio: number;
    startCallsRatio: number;
  }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const year = new Date().getFullYear() + 1 + round;
    const count = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM obligations WHERE year = $1`, [year]))[0].n as number;
    // baseline, first half: start empty workflows, same server, same worker, same concurrency
    const empties = async (n: number, from: number) => {
      const ids = Array.from({ length: n }, (_, i) => `bench-empty/${taskQueue}/${round}/${from + i}`);
      const before = await firstTasks('emptyWorkflow');
      const t0 = process.hrtime.bigint();
      await pool(ids, CONCURRENCY, (workflowId) =>
        client.workflow.start('emptyWorkflow', { workflowId, taskQueue, args: [] }),
      );
      const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
      await until(() => firstTasks('emptyWorkflow'), before + n);
      return { startMs, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
    };
    // a cascade phase: until the cascades completed and every new obligation's workflow had its first task
    const timedCascade = async (planIds: string[]) => {
      const [obligationsBefore, tasksBefore] = [await count(), await firstTasks('obligationWorkflow')];
      const t0 = process.hrtime.bigint();
      await runCascades(client, taskQueue, planIds, CONCURRENCY);
      const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const created = (await count()) - obligationsBefore;
      await until(() => firstTasks('obligationWorkflow'), tasksBefore + created);
      return { startMs, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
    };
    const expected = units.length - 1; // every unit but the root gets one obligation per round (checked below)
    const emptyBefore = await empties(Math.floor(expected / 2), 0);
    // level 1
    const [rootPlan] = await insertCascadePlans(ds, year, [{ unitId: rootId, obligationId: null }]);
    const level1Phase = await timedCascade([rootPlan]);
    const level1 = await count();

    // level 2: every level-1 unit with children issues its plan (as its approval would)
    const parents: Array<{ unit_id: string; id: string }> = await ds.query(
      `SELECT o.unit_id, o.id FROM obligations o WHERE o.year = $1 AND EXISTS (SELECT 1 FROM unit_links l WHERE l.parent_id = o.unit_id)`,
      [year],
    );
    const plans = await insertCascadePlans(
      ds,
      year,
      parents.map((p) => ({ unitId: p.unit_id, obligationId: p.id })),
    );
    const level2Phase = await timedCascade(plans);
    const total = await count();
    const [level1Ms, level2Ms] = [level1Phase.ms, level2Phase.ms];
    const cascadeRate = total / ((level1Ms + level2Ms) / 1000);

    // baseline, second half: the baseline brackets the cascade, so a change of the machine's load during the round
    // weighs on both sides alike
    const emptyAfter = await empties(total - Math.floor(expected / 2), Math.floor(expected / 2));
    const emptyMs = emptyBefore.ms + emptyAfter.ms;
    const emptyRate = total / (emptyMs / 1000);
    if (total !== expected) throw new Error(`expected ${expected} obligations per round, got ${total}`);
    const emptyStartMs = emptyBefore.startMs + emptyAfter.startMs;
    const startCallsRatio = emptyStartMs / (level1Phase.startMs + level2Phase.startMs);
    const ratio = cascadeRate / emptyRate;
    rounds.push({ level1, total, cascades: plans.length, level1Ms, level2Ms, emptyMs, ratio, startCallsRatio });
    console.log(
      `round ${round + 1}: level 1: ${level1} obligations in ${level1Ms.toFixed(0)} ms; level 2: ${total - level1} obligations (${plans.length} cascades) in ${level2Ms.toFixed(0)} ms (cascades completed at ${level2Phase.startMs.toFixed(0)} ms); ${total} empty workflows in ${emptyMs.toFixed(0)} ms (start calls returned after ${emptyStartMs.toFixed(0)} ms); ratio ${ratio.toFixed(2)} (start calls only ${startCallsRatio.toFixed(2)})`,
    );
  }

  worker.shutdown();
  await running;
  await workerApp.close();
  await nativeConnection.close();
  await connection.close();
  await ds.destroy();

  const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
  const median = sorted[Math.floor(ROUNDS / 2)];
  const rate = (r: (typeof rounds)[number]) => r.total / ((r.level1Ms + r.level2Ms) / 1000);
  console.log('');
  report({
    units: units.length,
    rounds: ROUNDS,
    obligations_per_round: median.total,
    level2_cascades: median.cascades,
    round_ratios: rounds.map((r) => r.ratio.toFixed(2)).join(','),
    cascade_obligations_per_s: rate(median),
    empty_workflow_starts_per_s: median.total / (median.emptyMs / 1000),
    cascade_ratio: median.ratio,
    start_calls_ratio: [...rounds].sort((a, b) => a.startCallsRatio - b.startCallsRatio)[Math.floor(ROUNDS / 2)]
      .startCallsRatio,
    goal_ratio_at_least_0_8: median.ratio >= 0.8 ? 'met' : 'missed',
    process_peak_rss_mb: process.resourceUsage().maxRSS / 1024, // bench client and worker in one process
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
