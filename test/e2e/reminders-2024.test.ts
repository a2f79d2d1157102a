/**
 * Reminders and escalation for an obligation due 31/01/2024, on the time-skipping server from 15/01/2024,
 * with mail delivered to a real SMTP server on loopback:
 *  - Sở Tư pháp submits on 29/01: exactly the reminders due before that (24/01, 26/01);
 *  - Sở KH&ĐT never submits: every reminder of the policy (12), and the province's office gets digests naming it,
 *    one per parent and day, not one per child;
 *  - Sở TT&TT is granted an extension on 30/01 to 07/02: the remaining reminders follow the new deadline;
 *  - Vietnamese text arrives with its diacritics; no (recipient, message) pair is delivered twice.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startStack, Stack } from '../support/stack';
import { withDemoData } from '../support/demo';
import { startSmtpSink } from '../support/smtp';
import { eventually } from '../support/worker';
import { demoUserEmail, DEMO_UNITS } from '../../libs/persistence/src/seed';

describe('deadline reminders and escalation (time-skipping, real SMTP)', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer', unit: string) => ({
    Authorization: `Bearer ${await demo.token(role, unit)}`,
  });
  const sleepUntil = (iso: string) => stack.sleepUntil(iso);
  const keysFor = (email: string, deadline?: string) =>
    smtp.mails
      .filter((m) => m.to === email && m.key.startsWith('reminder/') && (!deadline || m.key.includes(`/${deadline}/`)))
      .map((m) => m.key.split('/').pop()!);
  const obligationId = async (code: string) =>
    (
      await db.dataSource.query(`SELECT o.id FROM obligations o JOIN units u ON u.id = o.unit_id WHERE u.code = $1`, [
        code,
      ])
    )[0].id as string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startStack({
      startAt: '2024-01-15T01:00:00Z',
      workerEnv: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'Hệ thống CCHC <cchc@binhthuan.gov.vn>',
      },
    });
    ({ db, api } = stack);
    demo = await withDemoData(db.dataSource, api);
  });
  afterAll(async () => {
    await stack?.teardown();
    await smtp?.close();
  });

  it('runs the whole reminder year of a 31/01/2024 deadline', async () => {
    const plan = await http()
      .post('/plans')
      .set(await as('approver', 'BTH'))
      .send({
        year: 2024,
        title: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024',
        sections: { purpose: 'Nâng cao nhận thức', content: 'Tuyên truyền CCHC' },
        childDeadline: '2024-01-31',
      })
      .expect(201);
    await http()
      .post(`/plans/${plan.body.id}/issue`)
      .set(await as('approver', 'BTH'))
      .expect(202);
    const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH');
    await eventually(
      async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations`))[0].n === children.length,
      30_000,
      'obligations',
    );

    // 29/01: Sở Tư pháp drafts and submits
    await sleepUntil('2024-01-29T03:00:00Z');
    const stp = await http()
      .post('/plans')
      .set(await as('drafter', 'BTH.STP'))
      .send({
        year: 2024,
        title: 'Kế hoạch tuyên truyền CCHC năm 2024 của Sở Tư pháp',
        sections: { purpose: 'a', content: 'b' },
      })
      .expect(201);
    await http()
      .post(`/plans/${stp.body.id}/submit`)
      .set(await as('drafter', 'BTH.STP'))
      .expect(200);

    // 30/01 10:00: Sở TT&TT gets until 07/02 (after that morning's reminder)
    await sleepUntil('2024-01-30T03:00:00Z');
    await http()
      .post(`/obligations/${await obligationId('BTH.STTTT')}/extend`)
      .set(await as('approver', 'BTH'))
      .send({ deadline: '2024-02-07', reason: 'Đơn vị đề nghị gia hạn do thay đổi nhân sự' })
      .expect(200);

    // … and on to the last overdue reminder: 30 days after the deadline, Friday 01/03/2024 08:00.
    await sleepUntil('2024-03-01T01:00:00Z');
    const skhdtDrafter = demoUserEmail('drafter', 'BTH.SKHDT');
    await eventually(async () => keysFor(skhdtDrafter).length >= 12, 60_000, 'all reminders delivered');
    await new Promise((r) => setTimeout(r, 1000)); // anything still in flight would arrive now

    // Sở Tư pháp: only the reminders due before it submitted
    expect(keysFor(demoUserEmail('drafter', 'BTH.STP'))).toEqual(['before:-7', 'before:-3']);
    expect(keysFor(demoUserEmail('approver', 'BTH.STP'))).toEqual(['before:-7', 'before:-3']);

    // Sở KH&ĐT: the whole policy, to drafters, approvers and the unit's contact address
    const all = [
      'before:-7',
      'before:-3',
      'before:-1',
      'due_today:0',
      'overdue:3',
      'overdue:6',
      'overdue:9',
      'overdue:18',
      'overdue:21',
      'overdue:24',
      'overdue:27',
      'overdue:30',
    ];
    expect(keysFor(skhdtDrafter)).toEqual(all);
    expect(keysFor(demoUserEmail('approver', 'BTH.SKHDT'))).toEqual(all);
    const contact = DEMO_UNITS.find((u) => u.code === 'BTH.SKHDT')!.email!.toLowerCase();
    expect(keysFor(contact)).toEqual(all);
    expect(keysFor(demoUserEmail('reviewer', 'BTH.SKHDT'))).toEqual([]); // reviewers are not reminded of their own unit's duty

    // Sở TT&TT: the old deadline's reminders up to the extension, then the new deadline's
    const stttt = demoUserEmail('drafter', 'BTH.STTTT');
    expect(keysFor(stttt, '2024-01-31')).toEqual(['before:-7', 'before:-3', 'before:-1']);
    expect(keysFor(stttt, '2024-02-07').slice(0, 5)).toEqual([
      'before:-7',
      'before:-3',
      'before:-1',
      'due_today:0',
      'overdue:3',
    ]);

    // Vietnamese text intact
    const first = smtp.mails.find((m) => m.to === skhdtDrafter && m.key.endsWith('before:-7'))!;
    expect(first.subject).toBe(
      'Nhắc hạn: còn 7 ngày để xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );
    expect(first.text).toContain('Kính gửi: Sở Kế hoạch và Đầu tư');
    expect(first.text).toContain('Thực hiện Kế hoạch số 1/KH-UBND của Ủy ban nhân dân tỉnh Bình Thuận');
    expect(first.text).toContain('chậm nhất ngày 31/01/2024 (còn 7 ngày)');
    const lateMail = smtp.mails.find((m) => m.to === skhdtDrafter && m.key.endsWith('overdue:6'))!;
    expect(lateMail.subject).toBe(
      'Quá hạn 6 ngày: đơn vị chưa xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );

    // Digests: the province's approvers and Sở Nội vụ's reviewers, one per day listing every late child
    for (const officer of [demoUserEmail('approver', 'BTH'), demoUserEmail('reviewer', 'BTH.SNV')]) {
      const digests = smtp.mails.filter((m) => m.to === officer && m.key.startsWith('digest/'));
      expect(digests.map((d) => d.key.split('/').pop())).toEqual([
        'overdue:first',
        'overdue:3',
        'overdue:6',
        'overdue:9',
        'overdue:18',
        'overdue:21',
        'overdue:24',
        'overdue:27',
        'overdue:30',
      ]);
      expect(digests[0].subject).toMatch(/^Đôn đốc: \d+ đơn vị trực thuộc Ủy ban nhân dân tỉnh Bình Thuận quá hạn/);
      expect(digests[0].text).toContain('Sở Kế hoạch và Đầu tư — hạn 31/01/2024, quá hạn 1 ngày (Chưa thực hiện)');
      expect(digests[0].text).not.toContain('Sở Tư pháp');
      expect(digests[0].text).not.toContain('Sở Thông tin và Truyền thông'); // extended: not late on 01/02
    }
    expect(smtp.mails.filter((m) => m.to === demoUserEmail('drafter', 'BTH') && m.key.startsWith('digest/'))).toEqual(
      [],
    );

    // exactly once per recipient and message
    const pairs = smtp.mails.map((m) => `${m.to} ${m.key}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const [{ pending, failed }] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM outbound_messages`,
    );
    expect({ pending, failed }).toEqual({ pending: 0, failed: 0 });

    // in-app: the same reminders, with an unread count, marked read one by one
    const headers = await as('drafter', 'BTH.SKHDT');
    const count = await http().get('/notifications/unread-count').set(headers).expect(200);
    expect(count.body.unread).toBe(12);
    const list = await http().get('/notifications').query({ limit: 3 }).set(headers).expect(200);
    expect(list.body.items[0].title).toBe(
      'Quá hạn 30 ngày: đơn vị chưa xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );
    await http().post(`/notifications/${list.body.items[0].id}/read`).set(headers).expect(200);
    await http()
      .post(`/notifications/${list.body.items[0].id}/read`)
      .set(await as('drafter', 'BTH.STP'))
      .expect(404);
    expect((await http().get('/notifications/unread-count').set(headers).expect(200)).body.unread).toBe(11);
  }, 240_000);
});
