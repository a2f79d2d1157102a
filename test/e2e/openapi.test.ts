/**
 * The API contract is complete: every operation of the OpenAPI document built from the real AppModule documents a
 * success response with a schema and its error responses in the one error shape. Walks all operations, so an
 * endpoint added later without them fails here. (Responses are checked against these schemas in every e2e test:
 * see test/support/contract.ts.)
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { ContractValidator, type OpenApiDocument } from '../support/contract';

const ERROR_SCHEMA = '#/components/schemas/ErrorResponse';
/** Operations anyone may call without a token. */
const PUBLIC = new Set(['get /health', 'get /ready', 'get /metrics', 'post /auth/login', 'post /auth/refresh']);

describe('OpenAPI contract', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let doc: OpenApiDocument;
  let operations: ReturnType<ContractValidator['operations']>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({ databaseUrl: db.url });
    doc = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
    operations = new ContractValidator(doc).operations();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('documents every route the application serves', () => {
    // Every controller route (express router) appears in the document, and nothing else.
    const router =
      (app.getHttpAdapter().getInstance() as any).router ?? (app.getHttpAdapter().getInstance() as any)._router;
    const served = new Set<string>();
    for (const layer of router.stack as any[]) {
      if (!layer.route || String(layer.route.path).includes('*')) continue; // the catch-all 404
      for (const method of Object.keys(layer.route.methods)) {
        served.add(`${method} ${ContractValidator.specPath(layer.route.path)}`);
      }
    }
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    expect([...served].filter((s) => !documented.has(s) && !s.startsWith('get /docs'))).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(61);
  });

  it('every operation documents a 2xx response with a schema', () => {
    const missing = operations.flatMap(({ method, path, operation }) => {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (!success.length) return [`${method.toUpperCase()} ${path}: no 2xx response`];
      return success
        .filter(([status, r]: [string, any]) => {
          if (status === '204') return false; // no content, by definition
          const content = r.content ?? {};
          const json = content['application/json']?.schema;
          // files (binary) and text formats (Prometheus' text exposition) document a string schema
          const binary = Object.values(content).some((c: any) => c?.schema?.format === 'binary');
          const text = Object.entries(content).some(
            ([type, c]: [string, any]) => type.startsWith('text/') && c?.schema,
          );
          return !(json && (json.$ref || json.type || json.allOf || json.oneOf || json.anyOf)) && !binary && !text;
        })
        .map(([status]) => `${method.toUpperCase()} ${path} → ${status}: no response schema`);
    });
    expect(missing).toEqual([]);
  });

  it('every operation documents its error responses in the error shape', () => {
    const missing = operations.flatMap(({ method, path, operation }) => {
      const key = `${method} ${path}`;
      const responses = operation.responses ?? {};
      const errors = Object.entries(responses).filter(([status]) => /^4\d\d$/.test(status));
      const problems: string[] = [];
      if (!errors.length && !PUBLIC.has(key)) problems.push('no 4xx response');
      if (!PUBLIC.has(key) && !responses['401']) problems.push('no 401 (it needs a token)');
      const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody;
      if (hasInput && !responses['400']) problems.push('takes input but documents no 400');
      for (const [status, r] of errors as Array<[string, any]>) {
        if (r.content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA)
          problems.push(`${status} not ErrorResponse`);
      }
      return problems.map((p) => `${method.toUpperCase()} ${path}: ${p}`);
    });
    expect(missing).toEqual([]);
  });

  it('the response check rejects a body that does not match (so it can fail)', () => {
    const v = new ContractValidator(doc);
    const ok = { statusCode: 404, code: 'unit.not_found', message: 'Không tìm thấy đơn vị' };
    expect(v.validate('GET', '/units/:id', 404, ok)).toEqual([]);
    expect(v.validate('GET', '/units/:id', 404, { ...ok, statusCode: '404' })).not.toEqual([]);
    expect(v.validate('GET', '/units/:id', 404, { ...ok, extra: 1 })).not.toEqual([]);
    expect(v.validate('GET', '/units/:id', 418, ok)).not.toEqual([]);
    expect(v.validate('GET', '/no/such/:route', 200, {})).not.toEqual([]);
  });
});
