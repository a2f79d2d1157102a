/**
 * Eager start, on the real dev server: in the worker process, a workflow started on the worker's own task queue gets
 * its first workflow task in the start's answer and runs on this worker at once; a delayed start, or one on another
 * task queue, is an ordinary start; a second start of the same id is still 'already_started'. A cascade's obligation
 * workflows go the eager way (the bench `npm run bench -- cascade` measures what it saves).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createLocalEnv, uniqueTaskQueue } from '../support/temporal';
import { createTestWorker } from '../support/worker';
import { TemporalClientProvider } from '../../libs/temporal/src';

describe('eager start of workflows from the worker', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    [db, env] = await Promise.all([createTestDatabase(), createLocalEnv()]);
  });
  afterAll(async () => {
    await env?.teardown();
    await db?.drop();
  });

  it('starts on its own task queue eagerly, delayed or elsewhere normally, and only once', async () => {
    const taskQueue = uniqueTaskQueue('eager');
    const { app, worker } = await createTestWorker({ env, databaseUrl: db.url, taskQueue });
    const temporal = app.get(TemporalClientProvider);
    const outcomes = await worker.runUntil(async () => {
      const first = await temporal.startOnce('emptyWorkflow', { workflowId: `eager/${taskQueue}/1`, args: [] });
      await env.client.workflow.getHandle(`eager/${taskQueue}/1`).result();
      const again = await temporal.startOnce('emptyWorkflow', { workflowId: `eager/${taskQueue}/1`, args: [] });
      const delayed = await temporal.startOnce('emptyWorkflow', {
        workflowId: `eager/${taskQueue}/2`,
        args: [],
        startDelayMs: 120_000,
      });
      const elsewhere = await temporal.startOnce('emptyWorkflow', {
        workflowId: `eager/${taskQueue}/3`,
        args: [],
        taskQueue: `${taskQueue}-other`,
      });
      return { first, again, delayed, elsewhere };
    });
    expect(outcomes).toEqual({
      first: 'started_eagerly',
      again: 'already_started',
      delayed: 'started',
      elsewhere: 'started',
    });
    for (const id of [2, 3]) await env.client.workflow.getHandle(`eager/${taskQueue}/${id}`).terminate('test over');
    await app.close();
  }, 60_000);
});
