/**
 * Two of each process: two API instances (separate Nest apps) and two workers (separate OS processes running the
 * real entry point, apps/worker/src/main.ts, on one task queue) against one PostgreSQL and one Temporal dev server.
 * A plan is issued through API A to 2,000 child units; one worker is killed with SIGKILL part-way through the cascade
 * (no shutdown, in-flight activities and sticky workflows lost); the other finishes. The plan's deadline has passed,
 * so every obligation starts overdue and sends its unit's drafter one late notice: exactly 2,000 obligations, 2,000
 * obligation workflows and 2,000 notices, none twice — and API B sees what API A started.
 */
import { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { planCascadeWorkflowId } from '../../libs/contracts/src';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { createLocalEnv, uniqueTaskQueue } from '../support/temporal';
import { eventually } from '../support/worker';
import { testEnv } from '../support/test-env';

const CHILDREN = 2000;
const PASSWORD = 'Hai-Tien-Trinh@2026';
const ROOT = join(__dirname, '..', '..');

describe('two APIs and two workers', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  const apis: INestApplication[] = [];
  const workers: ChildProcess[] = [];
  const taskQueue = uniqueTaskQueue('two');

  /** A worker process: the real main.ts (config from its environment), TypeScript run as jest runs it. */
  const startWorker = (name: string) => {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.js', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: env.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: testEnv().workflowBundlePath,
        WORKER_MAX_CACHED_WORKFLOWS: '500',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM' && code !== 0) console.error(`${name} exited: ${code}`);
    });
    workers.push(child);
    process.once('exit', () => child.exitCode === null && child.kill('SIGKILL')); // never outlives the test run
    return child;
  };

  beforeAll(async () => {
    [db, env] = await Promise.all([createTestDatabase(), createLocalEnv()]);
    for (let i = 0; i < 2; i++)
      apis.push(
        await createTestApi({
          databaseUrl: db.url,
          temporalClient: env.client,
          env: { TEMPORAL_TASK_QUEUE: taskQueue },
        }),
      );
  });
  afterAll(async () => {
    const alive = workers.filter((w) => w.exitCode === null && w.signalCode === null);
    await Promise.all(alive.map((w) => new Promise((r) => w.once('exit', r) && w.kill('SIGTERM'))));
    for (const a of apis) await a.close();
    await env?.teardown();
    await db?.drop();
  });

  it(`ends with exactly ${CHILDREN} obligations, workflows and notices after a worker is killed`, async () => {
    const m = db.dataSource.manager;
    const tree = new UnitTreeRepository(m);
    const [rootId] = await tree.insertUnits(
      [{ code: 'TWO', name: 'Ủy ban nhân dân tỉnh Hai', abbreviation: 'UBND', kind: 'province', parentId: null }],
      '2020-01-01',
      m,
    );
    const childIds = await tree.insertUnits(
      Array.from({ length: CHILDREN }, (_, i) => ({
        code: `TWO.X${String(i).padStart(4, '0')}`,
        name: `Ủy ban nhân dân xã số ${i + 1}`,
        abbreviation: 'UBND',
        kind: 'commune' as const,
        parentId: rootId,
      })),
      '2020-01-01',
      m,
    );
    const hash = await hashPassword(PASSWORD);
    await m.query(
      `INSERT INTO users (unit_id, email, full_name, password_hash, roles, notification_channels)
       SELECT u, 'drafter' || i || '@two.cchc.vn', 'Chuyên viên ' || i, $2, ARRAY['drafter'], ARRAY['in_app']
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(u, i)`,
      [childIds, hash],
    );
    await m.query(
      `INSERT INTO users (unit_id, email, full_name, password_hash, roles, notification_channels)
       VALUES ($1, 'lanhdao@two.cchc.vn', 'Lãnh đạo tỉnh', $2, ARRAY['approver'], ARRAY['in_app'])`,
      [rootId, hash],
    );
    // this year's plan whose deadline for the children (31/1) has passed: every obligation starts overdue
    const year = new Date().getUTCFullYear();
    const [plan] = await m.query(
      `INSERT INTO plans (unit_id, year, title, sections, child_deadline, report_schedule, reminder_policy, created_by)
       VALUES ($1, $2, 'Kế hoạch tuyên truyền CCHC', '{"purpose":"Mục đích","content":"Nội dung"}', make_date($2, 1, 31), $3, $4, 'test') RETURNING id`,
      [rootId, year, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
    );
    const count = async (sql: string) => (await m.query(sql, [plan.id]))[0].n as number;
    const obligations = () => count(`SELECT count(*)::int AS n FROM obligations WHERE source_plan_id = $1`);

    const doomed = startWorker('worker 1');
    startWorker('worker 2');

    // issued through API A
    const [apiA, apiB] = apis.map((a) => request(a.getHttpServer()));
    const login = await apiA.post('/auth/login').send({ email: 'lanhdao@two.cchc.vn', password: PASSWORD }).expect(200);
    const auth = { authorization: `Bearer ${login.body.accessToken}` };
    await apiA.post(`/plans/${plan.id}/issue`).set(auth).expect(202);

    // worker 1 dies without warning part-way
    await eventually(async () => (await obligations()) >= 300, 60_000, '300 obligations');
    doomed.kill('SIGKILL');
    const atKill = await obligations();
    expect(atKill).toBeLessThan(CHILDREN);

    // worker 2 finishes: the cascade completes, every obligation's workflow sends its late notice
    const result = await env.client.workflow.getHandle(planCascadeWorkflowId(plan.id)).result();
    expect(result).toEqual({ planId: plan.id, obligations: CHILDREN });
    expect(await obligations()).toBe(CHILDREN);
    const notices = () =>
      m.query(
        `SELECT count(*)::int AS n, count(DISTINCT n.obligation_id)::int AS obligations, count(DISTINCT n.user_id)::int AS users
           FROM notifications n JOIN obligations o ON o.id = n.obligation_id WHERE o.source_plan_id = $1`,
        [plan.id],
      );
    // an activity the killed worker had started is retried when its start-to-close timeout (1 minute) expires
    await eventually(async () => (await notices())[0].n >= CHILDREN, 150_000, `${CHILDREN} notices`);
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate would have had time to land
    expect((await notices())[0]).toEqual({ n: CHILDREN, obligations: CHILDREN, users: CHILDREN });

    // exactly one obligation workflow per obligation, all running (nothing started twice, nothing lost)
    const workflows = (query: string) =>
      env.client.workflow.count(`TaskQueue="${taskQueue}" AND WorkflowType="obligationWorkflow"${query}`);
    await eventually(
      async () => (await workflows(' AND ExecutionStatus="Running"')).count === CHILDREN,
      30_000,
      `${CHILDREN} running obligation workflows`,
    );
    expect((await workflows('')).count).toBe(CHILDREN);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.issued' AND entity_id = $1::text`),
    ).toBe(1);

    // API B serves what API A started: the plan is issued, and a child's obligation is listed for its drafter
    const plan2 = await apiB.get(`/plans/${plan.id}`).set(auth).expect(200);
    expect(plan2.body.status).toBe('issued');
    const drafter = await apiB
      .post('/auth/login')
      .send({ email: 'drafter1@two.cchc.vn', password: PASSWORD })
      .expect(200);
    const inbox = await apiB.get('/obligations/incoming').set({ authorization: `Bearer ${drafter.body.accessToken}` });
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).toContain(plan.id);
  }, 300_000);
});
