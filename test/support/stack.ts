import { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestApi } from './api';
import { createTestDatabase, TestDatabase } from './database';
import { createTimeSkippingEnv, uniqueTaskQueue } from './temporal';
import { createTestWorker } from './worker';
import { recordHistories } from './histories';

export interface Stack {
  db: TestDatabase;
  env: TestWorkflowEnvironment;
  api: INestApplication;
  /** The worker's application context (its providers, e.g. its Tracing). */
  workerApp: INestApplicationContext;
  /** Moves the test server's clock forward to `iso` (no-op if already past it); the API's clock follows. */
  sleepUntil(iso: string): Promise<void>;
  teardown(): Promise<void>;
}

/**
 * The whole product for an e2e test: a cloned database, the time-skipping server started at `startAt`, the real
 * API (its clock following the server's) and the real worker, running, on a task queue of its own.
 */
export async function startStack(opts: {
  startAt: string;
  workerEnv?: Record<string, string>;
  /** Extra configuration of the API (e.g. API_PUBLIC_URL, JWT_ACCESS_TTL_SECONDS). */
  apiEnv?: Record<string, string>;
  prepare?: (db: TestDatabase) => Promise<void>;
}): Promise<Stack> {
  const taskQueue = uniqueTaskQueue('e2e');
  const [db, env] = await Promise.all([createTestDatabase(), createTimeSkippingEnv({ startAt: opts.startAt })]);
  let clockOffset = 0;
  const syncClock = async () => {
    clockOffset = (await env.currentTimeMs()) - Date.now();
  };
  const api = await createTestApi({
    databaseUrl: db.url,
    temporalClient: env.client,
    env: { TEMPORAL_TASK_QUEUE: taskQueue, ...opts.apiEnv },
    clock: { now: () => new Date(Date.now() + clockOffset) },
  });
  await syncClock();
  await opts.prepare?.(db);
  const { app: workerApp, worker } = await createTestWorker({
    env,
    databaseUrl: db.url,
    taskQueue,
    extraEnv: opts.workerEnv,
  });
  const running = worker.run();
  return {
    db,
    env,
    api,
    workerApp,
    async sleepUntil(iso: string) {
      const now = await env.currentTimeMs();
      if (Date.parse(iso) > now) await env.sleep(Date.parse(iso) - now);
      await syncClock();
    },
    async teardown() {
      if (process.env.CCHC_RECORD_HISTORIES) await recordHistories(env.client, db.url);
      worker.shutdown();
      await running.catch(() => undefined);
      await workerApp.close();
      await api.close();
      await env.teardown();
      await db.drop();
    },
  };
}
