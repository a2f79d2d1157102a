/**
 * Tracing end to end: the real API and worker (time-skipping server, demo tree) export their spans over OTLP/HTTP to a
 * small collector started here, which decodes the JSON the exporter sends to /v1/traces. Issuing a plan continues
 * the caller's trace (a load balancer's `traceparent`) through the HTTP server span, the workflow start, the
 * workflow run, the activity it schedules and that activity's run — one trace id, each span the parent of the next.
 * With tracing off, the same story exports nothing and the workflow carries no trace context.
 */
import { INestApplication } from '@nestjs/common';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import request from 'supertest';
import { Worker } from '@temporalio/worker';
import { Tracing } from '../../libs/temporal/src';
import { planCascadeWorkflowId } from '../../libs/contracts/src';
import { SEED_001_BINH_THUAN_2024 } from '../../libs/persistence/src/seed';
import { startStack, Stack } from '../support/stack';
import { createTestApi } from '../support/api';
import { contractViolations } from '../support/contract';
import { createTestDatabase, TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';
import { eventually } from '../support/worker';
import { testEnv } from '../support/test-env';

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: OtlpValue }>;
  status?: { code?: number };
  events?: Array<{ name: string; attributes?: Array<{ key: string; value: OtlpValue }> }>;
}
/** A received span, flattened: its resource's service name and its attributes as plain values. */
interface Received {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attrs: Record<string, unknown>;
  statusCode?: number;
  events: Array<{ name: string; attrs: Record<string, unknown> }>;
}

const plain = (v: OtlpValue) => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : v.boolValue);

/** A minimal OTLP/HTTP collector: accepts JSON export requests on /v1/traces and keeps the spans. */
class FakeCollector {
  readonly spans: Received[] = [];
  readonly contentTypes = new Set<string>();
  requests = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.receive(req).then((status) => res.writeHead(status).end('{}')));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async receive(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/traces') return 404;
    this.requests++;
    this.contentTypes.add(String(req.headers['content-type']));
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    for (const rs of body.resourceSpans ?? []) {
      const service = plain(
        (rs.resource?.attributes ?? []).find((a: { key: string }) => a.key === 'service.name')?.value ?? {},
      );
      for (const ss of rs.scopeSpans ?? [])
        for (const s of (ss.spans ?? []) as OtlpSpan[])
          this.spans.push({
            service: String(service),
            traceId: s.traceId,
            spanId: s.spanId,
            parentSpanId: s.parentSpanId || undefined,
            name: s.name,
            kind: s.kind,
            attrs: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, plain(a.value)])),
            statusCode: s.status?.code,
            events: (s.events ?? []).map((e) => ({
              name: e.name,
              attrs: Object.fromEntries((e.attributes ?? []).map((a) => [a.key, plain(a.value)])),
            })),
          });
    }
    return 200;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const LB_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const LB_SPAN_ID = '00f067aa0ba902b7';
const OTLP_SPAN_KIND_SERVER = 2;
const OTLP_STATUS_ERROR = 2;

/** Signs in the province approver, drafts the province plan and issues it (with the given extra headers). */
async function issueProvincePlan(stack: Stack, headers: Record<string, string> = {}) {
  const demo = await withDemoData(stack.db.dataSource, stack.api);
  const http = () => request(stack.api.getHttpServer());
  const auth = { Authorization: `Bearer ${await demo.token('approver', 'BTH')}` };
  const seed = SEED_001_BINH_THUAN_2024;
  const created = await http()
    .post('/plans')
    .set(auth)
    .send({
      year: 2024,
      title: seed.title,
      issuePlace: 'Bình Thuận',
      parentPlanRef: 'Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh',
      sections: { purpose: seed.sections.purpose, content: seed.sections.content },
      targets: [{ indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }],
      childDeadline: '2024-01-31',
    })
    .expect(201);
  const planId: string = created.body.id;
  await http()
    .post(`/plans/${planId}/issue`)
    .set({ ...auth, ...headers })
    .expect(202);
  // The cascade runs its batch activity (obligations and their workflows) and completes.
  const result = await stack.env.client.workflow.getHandle(planCascadeWorkflowId(planId)).result();
  expect(result.obligations).toBeGreaterThan(0);
  return planId;
}

describe('tracing on: one trace from the HTTP request through the workflow to its activities', () => {
  const collector = new FakeCollector();
  let stack: Stack;

  beforeAll(async () => {
    const endpoint = await collector.start();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
    stack = await startStack({ startAt: '2024-01-15T01:00:00Z', apiEnv: otel, workerEnv: otel });
  });
  afterAll(async () => {
    await stack?.teardown();
    await collector.stop();
  });

  const flush = async () => {
    await stack.api.get(Tracing).forceFlush();
    await stack.workerApp.get(Tracing).forceFlush();
  };
  const only = (name: string, traceId = LB_TRACE_ID) => {
    const found = collector.spans.filter((s) => s.name === name && s.traceId === traceId);
    expect(found.map((s) => s.name)).toEqual([name]);
    return found[0]!;
  };

  it('continues the caller’s trace: HTTP span → StartWorkflow → RunWorkflow → StartActivity → RunActivity', async () => {
    expect(stack.api.get(Tracing).enabled).toBe(true);
    expect(stack.workerApp.get(Tracing).enabled).toBe(true);
    const planId = await issueProvincePlan(stack, { traceparent: `00-${LB_TRACE_ID}-${LB_SPAN_ID}-01` });
    await request(stack.api.getHttpServer()).get('/health').expect(200);
    await request(stack.api.getHttpServer()).get('/ke-hoach').expect(200); // a page of the web app
    await request(stack.api.getHttpServer()).get('/no-such-route').expect(404);

    // The workflow's spans reach the worker's processor through the sink once its activation completes.
    await eventually(
      async () => {
        await flush();
        return collector.spans.some((s) => s.name === 'RunWorkflow:planCascadeWorkflow' && s.traceId === LB_TRACE_ID);
      },
      30_000,
      'the RunWorkflow span',
    );
    expect([...collector.contentTypes]).toEqual(['application/json']);

    const httpSpan = only('POST /plans/:id/issue');
    expect(httpSpan).toMatchObject({ service: 'cchc-api', parentSpanId: LB_SPAN_ID, kind: OTLP_SPAN_KIND_SERVER });
    expect(httpSpan.attrs).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/plans/:id/issue',
      'url.path': `/plans/${planId}/issue`,
      'http.response.status_code': 202,
    });

    const start = only('StartWorkflow:planCascadeWorkflow');
    expect(start).toMatchObject({ service: 'cchc-api', parentSpanId: httpSpan.spanId });
    expect(start.attrs).toMatchObject({ temporalWorkflowId: planCascadeWorkflowId(planId) });

    const run = only('RunWorkflow:planCascadeWorkflow');
    expect(run).toMatchObject({ service: 'cchc-worker', parentSpanId: start.spanId });

    const startActivity = only('StartActivity:cascadeBatch');
    expect(startActivity).toMatchObject({ service: 'cchc-worker', parentSpanId: run.spanId });

    const runActivity = only('RunActivity:cascadeBatch');
    expect(runActivity).toMatchObject({ service: 'cchc-worker', parentSpanId: startActivity.spanId });
    expect(runActivity.attrs).toMatchObject({ temporalWorkflowId: planCascadeWorkflowId(planId) });

    // The activity starts each child's obligation workflow through the worker's traced client: same trace again.
    const obligationStarts = collector.spans.filter(
      (s) => s.name === 'StartWorkflow:obligationWorkflow' && s.traceId === LB_TRACE_ID,
    );
    expect(obligationStarts.length).toBeGreaterThan(0);
    for (const s of obligationStarts) expect(s.parentSpanId).toBe(runActivity.spanId);

    // Other requests are traces of their own (their own roots).
    const creation = collector.spans.find((s) => s.name === 'POST /plans');
    expect(creation).toMatchObject({ service: 'cchc-api', parentSpanId: undefined });
    expect(creation!.traceId).not.toBe(LB_TRACE_ID);
    // Probes and the web app's pages and assets (served before the API's middleware) are not traced.
    expect(collector.spans.filter((s) => ['/health', '/ke-hoach'].includes(String(s.attrs['url.path'])))).toEqual([]);
    // A path no route matched is named by its method alone (the semantic conventions' rule: no unbounded names).
    const unmatched = collector.spans.filter((s) => s.kind === OTLP_SPAN_KIND_SERVER && !s.attrs['http.route']);
    expect(unmatched.map((s) => [s.name, s.attrs['url.path'], s.attrs['http.response.status_code']])).toEqual([
      ['GET', '/no-such-route', 404],
    ]);

    // A traced workflow's history replays deterministically with the bundle (the interceptors add no command).
    for (const workflowId of [planCascadeWorkflowId(planId), String(obligationStarts[0]!.attrs.temporalWorkflowId)]) {
      const history = await stack.env.client.workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: testEnv().workflowBundlePath }, ...stack.workerApp.get(Tracing).workerOptions() },
        history,
        workflowId,
      );
    }
  });
});

describe('tracing on: a failing request', () => {
  const collector = new FakeCollector();
  let db: TestDatabase;
  let api: INestApplication | undefined;

  beforeAll(async () => {
    const endpoint = await collector.start();
    db = await createTestDatabase();
    api = await createTestApi({ databaseUrl: db.url, env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await collector.stop();
  });

  it('is an error span carrying the exception and the error id, exported when the app shuts down', async () => {
    // A real fault: the accounts table is gone, so signing in fails inside the database layer.
    await db.dataSource.query(`ALTER TABLE users RENAME TO users_gone`);
    const res = await request(api!.getHttpServer())
      .post('/auth/login')
      .send({ email: 'someone@example.vn', password: 'whatever-1234' })
      .expect(500);
    // Deliberate: the document does not list 500 for sign-in (no route does); drop that one contract finding.
    const violations = contractViolations();
    violations.splice(0, violations.length, ...violations.filter((v) => !v.startsWith('POST /auth/login → 500')));
    // Nothing forced: closing the application (as on SIGTERM) shuts its tracing down, flushing the batch.
    expect(collector.spans.find((s) => s.name === 'POST /auth/login')).toBeUndefined();
    await api!.close();
    api = undefined;
    const span = collector.spans.find((s) => s.name === 'POST /auth/login');
    expect(span).toMatchObject({ service: 'cchc-api', statusCode: OTLP_STATUS_ERROR, kind: OTLP_SPAN_KIND_SERVER });
    expect(span!.attrs).toMatchObject({
      'http.response.status_code': 500,
      'error.type': '500',
      'cchc.error_id': res.body.errorId,
    });
    expect(span!.events).toEqual([
      expect.objectContaining({
        name: 'exception',
        attrs: expect.objectContaining({ 'exception.message': expect.stringContaining('users') }),
      }),
    ]);
  });
});

describe('tracing off: nothing exported, nothing changes', () => {
  const collector = new FakeCollector();
  let stack: Stack;

  beforeAll(async () => {
    const endpoint = await collector.start();
    // An endpoint is configured but OTEL_SDK_DISABLED wins: were anything exported, it would arrive here.
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SDK_DISABLED: 'true' };
    stack = await startStack({ startAt: '2024-01-15T01:00:00Z', apiEnv: otel, workerEnv: otel });
  });
  afterAll(async () => {
    await stack?.teardown();
    await collector.stop();
  });

  it('issues a plan whose cascade runs to the end, exporting nothing and carrying no trace context', async () => {
    expect(stack.api.get(Tracing).enabled).toBe(false);
    expect(stack.workerApp.get(Tracing).enabled).toBe(false);
    const planId = await issueProvincePlan(stack, { traceparent: `00-${LB_TRACE_ID}-${LB_SPAN_ID}-01` });
    await stack.api.get(Tracing).forceFlush();
    await stack.workerApp.get(Tracing).forceFlush();
    await new Promise((r) => setTimeout(r, 300));
    expect(collector.requests).toBe(0);
    // The workflow was started without the trace header, so its workflow-side interceptors stayed inert.
    const history = await stack.env.client.workflow.getHandle(planCascadeWorkflowId(planId)).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    expect(Object.keys(started?.header?.fields ?? {})).toEqual([]);
  });
});
