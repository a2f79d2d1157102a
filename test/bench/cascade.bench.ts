// @needs-temporal
/**
 * `npm run bench -- cascade` (@needs-temporal: a Temporal dev server is started for it).
 *
 * The synthetic province (1 + 25 departments + 150 communes + 1,500 schools), all levels, on the dev server:
 *  level 1: the province issues its plan → 175 obligations (one cascade workflow);
 *  level 2: the 151 units with children (Sở GDĐT and the communes) issue theirs at once → 1,500 obligations.
 * Obligations created per second, end to end (rows, audit, workflow starts, first workflow tasks), and, in the
 * same run on the same server with the same worker, the rate of starting empty workflows with the same
 * client concurrency. Prints cascade_ratio = cascade rate / empty-start rate (goal ≥ 0.8).
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
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { generateProvince } from '../../libs/persistence/src/seed';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { PLAN_CASCADE_WORKFLOW } from '../../libs/contracts/src';
import { benchEnv, freshDatabase, report } from './bench-support';
import { planCascadeWorkflowId } from '../../libs/contracts/src';

const CONCURRENCY = 8; // the same as the cascade's startObligationWorkflows

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await fn(x);
    }),
  );
}

async function main() {
  const env = benchEnv();
  if (!env.temporalAddress) throw new Error('BENCH_TEMPORAL_ADDRESS is not set');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const { url, ds } = await freshDatabase('cchc_bench_cascade');
  const units = generateProvince();
  await ds.transaction((m) =>
    new UnitTreeRepository(m).insertUnits(
      units.map((u) => ({ ...u, email: null, parentId: null, parentCode: u.parentCode ?? undefined })),
      '2020-01-01',
      m,
    ),
  );
  await ds.query('VACUUM ANALYZE');
  const year = new Date().getFullYear() + 1;

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
  });
  const workerApp = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { temporalClient: client }),
    { logger: false },
  );
  const service = workerApp.get(WorkerService);
  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await service.create({ connection: nativeConnection, taskQueue, workflowBundlePath: bundlePath });
  const running = worker.run();

  const insertPlan = async (unitId: string, obligationId: string | null) =>
    (
      await ds.query(
        `INSERT INTO plans (unit_id, year, obligation_id, title, sections, child_deadline, report_schedule, reminder_policy, status, created_by)
         VALUES ($1, $2, $3, 'Kế hoạch tuyên truyền CCHC', '{"purpose":"x","content":"y"}', make_date($2, 1, 31), $4, $5, $6, 'bench') RETURNING id`,
        [
          unitId,
          year,
          obligationId,
          JSON.stringify(defaultReportSchedule()),
          JSON.stringify(defaultReminderPolicy()),
          obligationId ? 'approved' : 'draft',
        ],
      )
    )[0].id as string;
  const cascade = async (planIds: string[]) => {
    await pool(planIds, CONCURRENCY, (planId) =>
      client.workflow.start(PLAN_CASCADE_WORKFLOW, {
        workflowId: planCascadeWorkflowId(planId),
        taskQueue,
        args: [{ planId, issuedBy: 'bench' }],
      }),
    );
    await pool(planIds, CONCURRENCY, (planId) => client.workflow.getHandle(planCascadeWorkflowId(planId)).result());
  };

  // level 1
  const rootId = (await ds.query(`SELECT id FROM units WHERE code = 'SYN'`))[0].id;
  const rootPlan = await insertPlan(rootId, null);
  let t = process.hrtime.bigint();
  await cascade([rootPlan]);
  const level1Ms = Number(process.hrtime.bigint() - t) / 1e6;
  const level1 = (await ds.query(`SELECT count(*)::int AS n FROM obligations`))[0].n;

  // level 2: every level-1 unit with children issues its plan (as its approval would)
  const parents: Array<{ unit_id: string; id: string }> = await ds.query(
    `SELECT o.unit_id, o.id FROM obligations o WHERE EXISTS (SELECT 1 FROM unit_links l WHERE l.parent_id = o.unit_id)`,
  );
  const plans: string[] = [];
  for (const p of parents) plans.push(await insertPlan(p.unit_id, p.id));
  t = process.hrtime.bigint();
  await cascade(plans);
  const level2Ms = Number(process.hrtime.bigint() - t) / 1e6;
  const total = (await ds.query(`SELECT count(*)::int AS n FROM obligations`))[0].n;
  const cascadeRate = total / ((level1Ms + level2Ms) / 1000);

  // baseline: start as many empty workflows, same server, same worker, same concurrency
  const ids = Array.from({ length: total }, (_, i) => `bench-empty/${taskQueue}/${i}`);
  t = process.hrtime.bigint();
  await pool(ids, CONCURRENCY, (workflowId) =>
    client.workflow.start('emptyWorkflow', { workflowId, taskQueue, args: [] }),
  );
  const emptyMs = Number(process.hrtime.bigint() - t) / 1e6;
  const emptyRate = total / (emptyMs / 1000);

  worker.shutdown();
  await running;
  await workerApp.close();
  await nativeConnection.close();
  await connection.close();
  await ds.destroy();

  console.log(
    `\nlevel 1: ${level1} obligations in ${level1Ms.toFixed(0)} ms; level 2: ${total - level1} obligations (${plans.length} cascades) in ${level2Ms.toFixed(0)} ms`,
  );
  console.log(`empty workflows: ${total} started in ${emptyMs.toFixed(0)} ms\n`);
  report({
    units: units.length,
    obligations: total,
    level1_obligations: level1,
    level2_obligations: total - level1,
    level2_cascades: plans.length,
    cascade_ms: level1Ms + level2Ms,
    cascade_obligations_per_s: cascadeRate,
    empty_workflow_starts_per_s: emptyRate,
    cascade_ratio: cascadeRate / emptyRate,
    goal_ratio_at_least_0_8: cascadeRate / emptyRate >= 0.8 ? 'met' : 'missed',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
