/** Operator metrics through HTTP: GET /metrics counts requests by route pattern and status, with latencies. */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('API metrics', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('counts requests by route pattern and status, and 5xx apart', async () => {
    const http = request(app.getHttpServer());
    for (let i = 0; i < 3; i++) await http.get('/health').expect(200);
    // an id in the path is reported as the route's pattern, and a refused request with its status
    await http.get('/units/00000000-0000-4000-8000-000000000001/rollup?year=2025&period=Q1').expect(401);
    await http.get('/no-such-route').expect(404);

    const res = await http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const line = (name: string, labels: string) =>
      res.text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`)) ?? '';
    expect(line('http_requests_total', 'method="GET",route="/health",status="200"')).toMatch(/ 3$/);
    expect(line('http_request_duration_seconds_count', 'method="GET",route="/health",status="200"')).toMatch(/ 3$/);
    expect(line('http_requests_total', 'method="GET",route="/units/:id/rollup",status="401"')).toMatch(/ 1$/);
    expect(line('http_requests_total', 'method="GET",route="unmatched",status="404"')).toMatch(/ 1$/);
    expect(res.text).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(res.text).toContain('http_request_errors_total');
    expect(res.text).toContain('process_resident_memory_bytes');
  });
});
