/**
 * Durability: a plan issued to 2,000 child units; the worker is stopped in the middle of the cascade (in-flight
 * activities cancelled after a 1 s grace period, as in a crash or a redeploy) and a new worker finishes it.
 * Exactly 2,000 obligations exist at the end — rows, audit entries and running workflows — none twice, none missing.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createLocalEnv, uniqueTaskQueue } from '../support/temporal';
import { createTestWorker, eventually } from '../support/worker';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { PLAN_CASCADE_WORKFLOW, type PlanCascadeResult } from '../../libs/contracts/src';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { planCascadeWorkflowId, planObligationWorkflowId } from '../../libs/contracts/src';

const CHILDREN = 2000;

describe('cascade survives a worker crash', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    [db, env] = await Promise.all([createTestDatabase(), createLocalEnv()]); // the real server: sticky queues, timeouts
  });
  afterAll(async () => {
    await env?.teardown();
    await db?.drop();
  });

  it(`ends with exactly ${CHILDREN} obligations after a restart mid-cascade`, async () => {
    const m = db.dataSource.manager;
    const [rootId] = await new UnitTreeRepository(m).insertUnits(
      [
        {
          code: 'BIG',
          name: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
          abbreviation: 'UBND',
          kind: 'province',
          parentId: null,
        },
      ],
      '2020-01-01',
      m,
    );
    await new UnitTreeRepository(m).insertUnits(
      Array.from({ length: CHILDREN }, (_, i) => ({
        code: `BIG.X${String(i).padStart(4, '0')}`,
        name: `Ủy ban nhân dân xã số ${i + 1}`,
        abbreviation: 'UBND',
        kind: 'commune' as const,
        parentId: rootId,
      })),
      '2020-01-01',
      m,
    );
    const [plan] = await m.query(
      `INSERT INTO plans (unit_id, year, title, sections, child_deadline, report_schedule, reminder_policy, created_by)
       VALUES ($1, 2030, 'Kế hoạch tuyên truyền CCHC năm 2030', '{"purpose":"x","content":"y"}', '2030-01-31', $2, $3, 'test') RETURNING id`,
      [rootId, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
    );
    const taskQueue = uniqueTaskQueue('crash');
    const count = async () =>
      (await m.query(`SELECT count(*)::int AS n FROM obligations WHERE source_plan_id = $1`, [plan.id]))[0].n as number;

    // first worker: starts the cascade and is stopped part-way
    const first = await createTestWorker({ env, databaseUrl: db.url, taskQueue, shutdownGraceTime: '1 second' });
    const firstRun = first.worker.run();
    await env.client.workflow.start(PLAN_CASCADE_WORKFLOW, {
      workflowId: planCascadeWorkflowId(plan.id),
      taskQueue,
      args: [{ planId: plan.id, issuedBy: 'test' }],
    });
    await eventually(async () => (await count()) >= 400, 60_000, '400 obligations');
    first.worker.shutdown();
    await firstRun;
    await first.app.close();
    const atCrash = await count();
    expect(atCrash).toBeLessThan(CHILDREN);

    // a new worker picks the cascade up where the history says it was
    const second = await createTestWorker({ env, databaseUrl: db.url, taskQueue });
    // (an interrupted batch is retried once its 10 s heartbeat timeout expires)
    const result = await second.worker.runUntil(
      env.client.workflow.getHandle(planCascadeWorkflowId(plan.id)).result() as Promise<PlanCascadeResult>,
    );
    expect(result).toEqual({ planId: plan.id, obligations: CHILDREN });

    expect(await count()).toBe(CHILDREN);
    const [audit] = await m.query(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS d FROM audit_log WHERE action = 'obligation.created'`,
    );
    expect(audit).toEqual({ n: CHILDREN, d: CHILDREN });
    const [issued] = await m.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.issued'`);
    expect(issued.n).toBe(1);

    // every obligation has its own running workflow, under its deterministic id
    const units: Array<{ unit_id: string }> = await m.query(
      `SELECT unit_id FROM obligations WHERE source_plan_id = $1`,
      [plan.id],
    );
    const statuses = new Map<string, number>();
    for (let i = 0; i < units.length; i += 100) {
      const descs = await Promise.all(
        units
          .slice(i, i + 100)
          .map((u) => env.client.workflow.getHandle(planObligationWorkflowId(plan.id, u.unit_id)).describe()),
      );
      for (const d of descs) statuses.set(d.status.name, (statuses.get(d.status.name) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ RUNNING: CHILDREN });
    await second.app.close();
  }, 240_000);
});
