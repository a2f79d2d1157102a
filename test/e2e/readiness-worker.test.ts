/**
 * /ready reports the worker as its own check: a worker polling the task queue (Temporal DescribeTaskQueue) is
 * ready; once it stops, /ready answers 503 naming the worker. A real dev server with a 2 s long poll, so that a
 * live worker polls often and a 5 s window tells a live one from a gone one.
 */
import { INestApplication } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { uniqueTaskQueue } from '../support/temporal';
import { testEnv } from '../support/test-env';
import { createTestWorker, eventually } from '../support/worker';

describe('readiness reports the worker', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let app: INestApplication;
  const taskQueue = uniqueTaskQueue('ready');

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // already installed by another helper in this process
    }
    [db, env] = await Promise.all([
      createTestDatabase(),
      TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: testEnv().temporalCliPath },
          ip: '127.0.0.1',
          extraArgs: ['--dynamic-config-value', 'matching.longPollExpirationInterval="2s"'],
        },
      }),
    ]);
    app = await createTestApi({
      databaseUrl: db.url,
      temporalClient: env.client,
      env: { TEMPORAL_TASK_QUEUE: taskQueue, READY_WORKER_POLL_WINDOW_SECONDS: '5' },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await env?.teardown();
    await db?.drop();
  });

  it('is 503 without a worker, 200 with one, and 503 again once it is gone', async () => {
    const none = await request(app.getHttpServer()).get('/ready').expect(503);
    expect(none.body.checks.postgres.status).toBe('ok');
    expect(none.body.checks.temporal.status).toBe('ok');
    expect(none.body.checks.worker).toMatchObject({ status: 'error', error: expect.stringContaining(taskQueue) });

    const { app: workerApp, worker } = await createTestWorker({ env, databaseUrl: db.url, taskQueue });
    const running = worker.run();
    const up = await eventually(
      async () => {
        const res = await request(app.getHttpServer()).get('/ready');
        return res.status === 200 ? res : null;
      },
      20_000,
      '/ready 200 with a worker',
    );
    expect(up!.body.checks.worker).toMatchObject({ status: 'ok', pollers: 1 });
    // still there after several long polls
    await new Promise((r) => setTimeout(r, 6000));
    await request(app.getHttpServer()).get('/ready').expect(200);

    worker.shutdown();
    await running;
    await workerApp.close();
    const gone = await eventually(
      async () => {
        const res = await request(app.getHttpServer()).get('/ready');
        return res.status === 503 ? res : null;
      },
      20_000,
      '/ready 503 once the worker is gone',
    );
    expect(gone!.body.checks.worker.status).toBe('error');
    expect(gone!.body.checks.postgres.status).toBe('ok');
  }, 60_000);
});
