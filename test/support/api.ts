import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Client } from '@temporalio/client';
import type { Clock } from '../../libs/config/src';
import { AppModule } from '../../apps/api/src/app.module';
import { setupApp } from '../../apps/api/src/setup-app';
import { testConfig } from './config';
import { installContractCheck } from './contract';

/**
 * The real API application (same module and setup as main.ts) on a test database and Temporal client, its responses
 * checked against the OpenAPI document.
 */
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
  // Every JSON response the tests receive is validated against the served OpenAPI document (see contract.ts).
  const contract = installContractCheck(app);
  await app.init();
  await contract.load();
  return app;
}
