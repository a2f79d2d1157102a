/**
 * A reminder round (08:00 on 24/01/2024, seven days before a 31/01 deadline) for 40 units, their drafters and
 * approvers: the worker is stopped while the round is being sent and a new worker finishes it. Every e-mail
 * arrives exactly once at the SMTP server and every in-app notification exists once.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestDatabase, TestDatabase } from '../support/database';
import { startSmtpSink } from '../support/smtp';
import { createTimeSkippingEnv, uniqueTaskQueue } from '../support/temporal';
import { createTestWorker, eventually } from '../support/worker';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { PLAN_CASCADE_WORKFLOW } from '../../libs/contracts/src';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { planCascadeWorkflowId } from '../../libs/contracts/src';

const UNITS = 40;

describe('reminder round across a worker restart', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    [db, env] = await Promise.all([createTestDatabase(), createTimeSkippingEnv({ startAt: '2024-01-22T01:00:00Z' })]);
  });
  afterAll(async () => {
    await env?.teardown();
    await db?.drop();
    await smtp?.close();
  });

  it('sends nothing twice', async () => {
    const m = db.dataSource.manager;
    const tree = new UnitTreeRepository(m);
    const [rootId] = await tree.insertUnits(
      [{ code: 'R', name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', abbreviation: 'UBND', kind: 'province', parentId: null }],
      '2020-01-01',
      m,
    );
    const ids = await tree.insertUnits(
      Array.from({ length: UNITS }, (_, i) => ({
        code: `R.X${String(i).padStart(2, '0')}`,
        name: `Ủy ban nhân dân xã Số ${i + 1}`,
        abbreviation: 'UBND',
        kind: 'commune' as const,
        parentId: rootId,
      })),
      '2020-01-01',
      m,
    );
    for (const role of ['drafter', 'approver']) {
      await m.query(
        `INSERT INTO users (unit_id, email, full_name, password_hash, roles) SELECT id, $2 || '.' || lower(code) || '@test.vn', 'Cán bộ', 'x', ARRAY[$2] FROM units WHERE id = ANY($1)`,
        [ids, role],
      );
    }
    const [plan] = await m.query(
      `INSERT INTO plans (unit_id, year, title, sections, child_deadline, report_schedule, reminder_policy, created_by)
       VALUES ($1, 2024, 'Kế hoạch tuyên truyền CCHC năm 2024', '{"purpose":"x","content":"y"}', '2024-01-31', $2, $3, 'test') RETURNING id`,
      [rootId, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
    );
    const taskQueue = uniqueTaskQueue('restart');
    const smtpEnv = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'CCHC <cchc@test.vn>' };
    const expected = UNITS * 2;

    const first = await createTestWorker({
      env,
      databaseUrl: db.url,
      taskQueue,
      extraEnv: smtpEnv,
      maxCachedWorkflows: 0,
      shutdownGraceTime: '1 second',
    });
    const firstRun = first.worker.run();
    await env.client.workflow.start(PLAN_CASCADE_WORKFLOW, {
      workflowId: planCascadeWorkflowId(plan.id),
      taskQueue,
      args: [{ planId: plan.id, issuedBy: 'test' }],
    });
    await eventually(
      async () => (await m.query(`SELECT count(*)::int AS n FROM obligations`))[0].n === UNITS,
      30_000,
      'obligations',
    );

    // 24/01 08:00: the round starts; stop the worker a few messages in
    const now = await env.currentTimeMs();
    void env.sleep(Date.parse('2024-01-24T01:00:00Z') - now);
    await eventually(async () => smtp.mails.length >= 10, 60_000, 'the round to start');
    first.worker.shutdown();
    await firstRun;
    await first.app.close();
    const atStop = smtp.mails.length;

    const second = await createTestWorker({
      env,
      databaseUrl: db.url,
      taskQueue,
      extraEnv: smtpEnv,
      maxCachedWorkflows: 0,
    });
    await second.worker.runUntil(eventually(async () => smtp.mails.length >= expected, 120_000, `${expected} mails`));
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive now
    await second.app.close();

    expect(atStop).toBeLessThan(expected);
    const pairs = smtp.mails.map((x) => `${x.to} ${x.key}`);
    expect(pairs).toHaveLength(expected);
    expect(new Set(pairs).size).toBe(expected);
    expect(smtp.mails.every((x) => x.key.endsWith('/2024-01-31/before:-7'))).toBe(true);
    const [n] = await m.query(
      `SELECT count(*)::int AS rows, count(DISTINCT (user_id, dedupe_key))::int AS distinct_rows FROM notifications`,
    );
    expect(n).toEqual({ rows: expected, distinct_rows: expected });
  }, 240_000);
});
