/**
 * The outbound webhook for SMS/Zalo gateways: a user who chose only the webhook channel gets the reminder as
 * HMAC-signed JSON; the receiver fails the first attempt (HTTP 500) and the delivery is retried with backoff
 * and recorded once as sent. No e-mail goes to that user.
 */
import { createHmac } from 'crypto';
import { createServer, IncomingHttpHeaders } from 'http';
import { AddressInfo } from 'net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestDatabase, TestDatabase } from '../support/database';
import { startSmtpSink } from '../support/smtp';
import { createTimeSkippingEnv, uniqueTaskQueue } from '../support/temporal';
import { createTestWorker, eventually } from '../support/worker';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { PLAN_CASCADE_WORKFLOW } from '../../libs/contracts/src';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { planCascadeWorkflowId } from '../../libs/contracts/src';

const SECRET = 'webhook-secret-for-tests';

describe('outbound webhook', () => {
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    [db, env] = await Promise.all([createTestDatabase(), createTimeSkippingEnv({ startAt: '2024-01-23T01:00:00Z' })]);
  });
  afterAll(async () => {
    await env?.teardown();
    await db?.drop();
  });

  it('signs, retries after a failure, and delivers once', async () => {
    const calls: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls.push({ headers: req.headers, body });
        res.statusCode = calls.length === 1 ? 500 : 204; // the gateway is down the first time
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const smtp = await startSmtpSink();
    try {
      const m = db.dataSource.manager;
      const tree = new UnitTreeRepository(m);
      const [rootId] = await tree.insertUnits(
        [
          {
            code: 'W',
            name: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
            abbreviation: 'UBND',
            kind: 'province',
            parentId: null,
          },
        ],
        '2020-01-01',
        m,
      );
      const [childId] = await tree.insertUnits(
        [{ code: 'W.1', name: 'Ủy ban nhân dân xã Hòa Bình', abbreviation: 'UBND', kind: 'commune', parentId: rootId }],
        '2020-01-01',
        m,
      );
      const [user] = await m.query(
        `INSERT INTO users (unit_id, email, full_name, password_hash, roles, notification_channels, phone)
         VALUES ($1, 'chuyenvien@hoabinh.test.vn', 'Lê Thị Hoa', 'x', '{drafter}', '{webhook}', '0912345678') RETURNING id`,
        [childId],
      );
      const [plan] = await m.query(
        `INSERT INTO plans (unit_id, year, title, sections, child_deadline, report_schedule, reminder_policy, created_by)
         VALUES ($1, 2024, 'Kế hoạch tuyên truyền CCHC năm 2024', '{"purpose":"x","content":"y"}', '2024-01-31', $2, $3, 'test') RETURNING id`,
        [rootId, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
      );
      const taskQueue = uniqueTaskQueue('webhook');
      const { app, worker } = await createTestWorker({
        env,
        databaseUrl: db.url,
        taskQueue,
        extraEnv: {
          WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
          WEBHOOK_SECRET: SECRET,
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
        },
      });
      await worker.runUntil(async () => {
        await env.client.workflow.start(PLAN_CASCADE_WORKFLOW, {
          workflowId: planCascadeWorkflowId(plan.id),
          taskQueue,
          args: [{ planId: plan.id, issuedBy: 'test' }],
        });
        await env.sleep(Date.parse('2024-01-24T01:10:00Z') - (await env.currentTimeMs())); // the 24/01 08:00 reminder, and the retry 30 s later
        await eventually(async () => calls.length >= 2, 30_000, 'the retried webhook');
      });
      await app.close();

      expect(calls).toHaveLength(2);
      const [failed, delivered] = calls;
      expect(delivered.body).toBe(failed.body);
      expect(delivered.headers['x-cchc-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(delivered.body).digest('hex')}`,
      );
      expect(delivered.headers['x-cchc-delivery']).toBe(failed.headers['x-cchc-delivery']);
      const payload = JSON.parse(delivered.body);
      expect(payload).toMatchObject({
        event: 'reminder.before',
        recipient: { userId: user.id, fullName: 'Lê Thị Hoa', phone: '0912345678' },
        title: 'Nhắc hạn: còn 7 ngày để xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
      });
      expect(payload.text).toContain('Kính gửi: Ủy ban nhân dân xã Hòa Bình');
      const rows = await m.query(`SELECT channel, status, attempts FROM outbound_messages`);
      expect(rows).toEqual([{ channel: 'webhook', status: 'sent', attempts: 2 }]);
      expect(smtp.mails).toEqual([]); // the user chose the webhook only
    } finally {
      server.close();
      await smtp.close();
    }
  }, 120_000);
});
