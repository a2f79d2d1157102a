import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WorkerService } from '../../apps/worker/src/worker.service';
import { testConfig } from './config';
import { testEnv } from './test-env';

/** The real worker (Nest module, DI activities, prebuilt bundle) on a test server and database. */
export async function createTestWorker(opts: {
  env: TestWorkflowEnvironment;
  databaseUrl: string;
  taskQueue: string;
  shutdownGraceTime?: string;
  extraEnv?: Record<string, string>;
  maxCachedWorkflows?: number;
}): Promise<{ app: INestApplicationContext; worker: Worker; service: WorkerService }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      WorkerModule.forRoot(
        testConfig({ DATABASE_URL: opts.databaseUrl, TEMPORAL_TASK_QUEUE: opts.taskQueue, ...opts.extraEnv }),
        { temporalClient: opts.env.client },
      ),
    ],
  }).compile();
  const app = await moduleRef.init();
  const service = app.get(WorkerService);
  const worker = await service.create({
    connection: opts.env.nativeConnection,
    taskQueue: opts.taskQueue,
    workflowBundlePath: testEnv().workflowBundlePath,
    shutdownGraceTime: opts.shutdownGraceTime,
    maxCachedWorkflows: opts.maxCachedWorkflows,
  });
  return { app, worker, service };
}

/** Polls until `check` returns a truthy value (real time), or fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const start = Date.now();
  let last: T;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
