import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Client } from '@temporalio/client';
import type { Clock } from '../../libs/config/src';
import { AppModule } from '../../apps/api/src/app.module';
import { setupApp } from '../../apps/api/src/setup-app';
import { testConfig } from './config';

/** The real API application (same module and setup as main.ts) on a test database and Temporal client. */
export async function createTestApi(opts: {
  databaseUrl: string;
  temporalClient?: Client;
  env?: Record<string, string>;
  clock?: Clock;
}): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot(testConfig({ DATABASE_URL: opts.databaseUrl, ...opts.env }), {
        temporalClient: opts.temporalClient,
        clock: opts.clock,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  setupApp(app);
  await app.init();
  return app;
}
