/**
 * The API contract, checked on every response the tests receive: an Express middleware wraps `res.json`, finds
 * the matched route, method and status in the served OpenAPI document and validates the body against the
 * documented schema (ajv). Violations are collected per test file; jest-setup.ts fails the file when any was seen.
 *
 * Stricter than OpenAPI's default on purpose: an object schema that lists its properties admits no others unless
 * it says `additionalProperties`, so a field the code returns but the document omits is a violation too.
 */
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';

type Json = Record<string, any>;
export type OpenApiDocument = Json & { paths: Record<string, Record<string, Json>>; components?: Json };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Violations recorded in this test file (global, so the setup file and the test file share it). */
export function contractViolations(): string[] {
  const g = globalThis as { __cchcContractViolations?: string[] };
  return (g.__cchcContractViolations ??= []);
}

/** OpenAPI 3.0 schema → JSON Schema ajv understands: `nullable`, closed objects, refs to the shared root. */
export function toJsonSchema(schema: unknown, refBase: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, refBase));
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = { ...(schema as Json) };
  if (typeof s.$ref === 'string') return { $ref: s.$ref.replace(/^#/, `${refBase}#`) };
  for (const key of ['items', 'not', 'additionalProperties']) {
    if (typeof s[key] === 'object') s[key] = toJsonSchema(s[key], refBase);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (s[key]) s[key] = toJsonSchema(s[key], refBase);
  if (s.properties) {
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Json).map(([k, v]) => [k, toJsonSchema(v, refBase)]),
    );
    if (s.additionalProperties === undefined && !s.allOf && !s.anyOf && !s.oneOf) s.additionalProperties = false;
  }
  delete s.example;
  delete s.examples;
  if (s.nullable === true) {
    delete s.nullable;
    if (s.allOf || s.anyOf || s.oneOf) return { anyOf: [s, { type: 'null' }] };
    if (s.enum) s.enum = [...s.enum, null];
    if (typeof s.type === 'string') s.type = [s.type, 'null'];
  } else delete s.nullable;
  return s;
}

/** Compiles the response schemas of a document; `validate` answers the problems of one response (empty: fine). */
export class ContractValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    const schemas = Object.fromEntries(
      Object.entries((doc.components?.schemas ?? {}) as Json).map(([name, s]) => [name, toJsonSchema(s, 'openapi')]),
    );
    this.ajv.addSchema({ $id: 'openapi', components: { schemas } });
  }

  /** `/plans/:id` → `/plans/{id}`. */
  static specPath(expressPath: string): string {
    return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  }

  validate(method: string, expressPath: string, status: number, body: unknown): string[] {
    const path = ContractValidator.specPath(expressPath);
    const operation = this.doc.paths[path]?.[method.toLowerCase()];
    const where = `${method.toUpperCase()} ${path} → ${status}`;
    // The catch-all route (`/{*path}`) only answers 404 in the error shape.
    const response = !operation
      ? path.includes('*') && status === 404
        ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }
        : undefined
      : (operation.responses?.[String(status)] ?? operation.responses?.default);
    if (!operation && !response) return [`${where}: operation not in the OpenAPI document`];
    if (!response) return [`${where}: status not documented (documented: ${Object.keys(operation?.responses ?? {})})`];
    const key = `${method} ${path} ${status}`;
    if (!this.cache.has(key)) {
      const schema = response.content?.['application/json']?.schema;
      this.cache.set(key, schema ? this.ajv.compile(toJsonSchema(schema, 'openapi') as Json) : null);
    }
    const validate = this.cache.get(key);
    if (!validate) return body === undefined ? [] : [`${where}: JSON body but no application/json schema documented`];
    // What the client receives: Dates become strings, undefined fields disappear.
    const received = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
    if (validate(received)) return [];
    return (validate.errors ?? []).map((e) => {
      const params = e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : '';
      const got = JSON.stringify(valueAt(received, e.instancePath))?.slice(0, 120);
      return `${where}: ${e.instancePath || '(body)'} ${e.message}${params}; got ${got}`;
    });
  }

  /** Every operation of the document, for the completeness check. */
  operations(): Array<{ method: string; path: string; operation: Json }> {
    return Object.entries(this.doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]) => ({ method, path, operation })),
    );
  }
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((v, k) => (v === null || v === undefined ? v : v[k]), body);
}

/** Installs the checking middleware; call before app.init(), then `load()` after it (reads the served document). */
export function installContractCheck(app: INestApplication): { load(): Promise<void> } {
  let validator: ContractValidator | undefined;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const route = (req as Request & { route?: { path?: string } }).route;
      if (validator && typeof route?.path === 'string') {
        try {
          const problems = validator.validate(req.method, route.path, res.statusCode, body);
          if (problems.length) contractViolations().push(...problems.slice(0, 5));
        } catch (e) {
          contractViolations().push(`${req.method} ${route.path}: validator failed: ${(e as Error).message}`);
        }
      }
      return json(body);
    };
    next();
  });
  return {
    async load() {
      const res = await request(app.getHttpServer()).get('/docs/openapi.json');
      validator = new ContractValidator(res.body as OpenApiDocument);
    },
  };
}
