/** API baseline through HTTP: health, readiness against real PostgreSQL and Temporal, error shape, docs. */
import { INestApplication } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createTimeSkippingEnv } from '../support/temporal';

describe('API baseline', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let app: INestApplication;

  beforeAll(async () => {
    [db, env] = await Promise.all([createTestDatabase(), createTimeSkippingEnv()]);
    app = await createTestApi({ databaseUrl: db.url, temporalClient: env.client });
  });
  afterAll(async () => {
    await app?.close();
    await env?.teardown();
    await db?.drop();
  });

  it('GET /health answers ok and echoes a request id', async () => {
    const res = await request(app.getHttpServer()).get('/health').set('x-request-id', 'req-123').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('GET /ready reports PostgreSQL and Temporal as ok, and no worker as a failing check of its own', async () => {
    const res = await request(app.getHttpServer()).get('/ready').expect(503);
    expect(res.body.status).toBe('error');
    expect(res.body.checks.postgres.status).toBe('ok');
    expect(res.body.checks.temporal.status).toBe('ok');
    expect(res.body.checks.worker.status).toBe('error');
  });

  it('unknown routes answer the stable error shape', async () => {
    const res = await request(app.getHttpServer()).get('/no-such-route').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'route.not_found', message: expect.any(String) });
  });

  it('malformed JSON answers 400 with a code, not 500', async () => {
    const res = await request(app.getHttpServer())
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"broken":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.malformed_json');
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/ready']));
  });
});

describe('API readiness when PostgreSQL is unreachable', () => {
  it('answers 503 with the failing dependency named', async () => {
    const env = await createTimeSkippingEnv();
    const db = await createTestDatabase();
    const app = await createTestApi({ databaseUrl: db.url, temporalClient: env.client });
    try {
      await db.drop(); // the database disappears under the running API
      const res = await request(app.getHttpServer()).get('/ready').expect(503);
      expect(res.body.checks.postgres.status).toBe('error');
      expect(res.body.checks.temporal.status).toBe('ok');
    } finally {
      await app.close().catch(() => undefined);
      await env.teardown();
    }
  });
});
