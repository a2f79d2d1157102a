/**
 * Wiring: a workflow on the real time-skipping test server calls an activity served by the worker's
 * Nest module, which writes a row to the real PostgreSQL; the test reads it back.
 */
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WorkerService } from '../../apps/worker/src/worker.service';
import { SELF_CHECK_WORKFLOW, selfCheckWorkflowId, SelfCheckResult } from '../../libs/contracts/src';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createTimeSkippingEnv, uniqueTaskQueue } from '../support/temporal';
import { testConfig } from '../support/config';
import { testEnv } from '../support/test-env';

describe('worker wiring', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let app: INestApplicationContext;

  beforeAll(async () => {
    [db, env] = await Promise.all([createTestDatabase(), createTimeSkippingEnv()]);
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot(testConfig({ DATABASE_URL: db.url }))],
    }).compile();
    app = await moduleRef.init();
  });

  afterAll(async () => {
    await app?.close();
    await env?.teardown();
    await db?.drop();
  });

  it('runs a workflow whose activity writes to PostgreSQL, once even when executed twice', async () => {
    const taskQueue = uniqueTaskQueue('wiring');
    const service = app.get(WorkerService);
    const worker = await service.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundlePath: testEnv().workflowBundlePath,
    });
    const checkId = 'check-1';
    const run = (id: string) =>
      env.client.workflow.execute<(i: { checkId: string; requestedBy: string }) => Promise<SelfCheckResult>>(
        SELF_CHECK_WORKFLOW,
        {
          workflowId: id,
          taskQueue,
          args: [{ checkId, requestedBy: 'wiring-test' }],
        },
      );
    const [first, second] = await worker.runUntil(async () => [
      await run(selfCheckWorkflowId(checkId)),
      await run(`${selfCheckWorkflowId(checkId)}-again`),
    ]);

    const rows = await db.dataSource.query(
      `SELECT id, actor, action, entity_id, after FROM audit_log WHERE action = 'system.self_check'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.auditId, actor: 'system:worker', entity_id: checkId });
    expect(rows[0].after).toEqual({ requestedBy: 'wiring-test', workflowId: selfCheckWorkflowId(checkId) });
    expect(second.auditId).toBe(first.auditId);
  });
});
