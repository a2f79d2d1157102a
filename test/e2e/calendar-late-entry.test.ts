/**
 * A calendar for any year and honest late entry, on the time-skipping server from Monday 04/01/2027 08:00
 * (Asia/Ho_Chi_Minh), with mail delivered to a real SMTP server on loopback.
 *
 * Late entry: the province issues its 2026 plan for the record with a child deadline 200 days ago (18/06/2026):
 * every child gets one notice saying 200 days, the province one digest saying 200 days for each child, and nothing
 * is sent for the reminder and digest days that passed.
 *
 * Calendar: 2027 has no confirmed data, so Tết Đinh Mùi (Saturday 06/02/2027) is provisional: the five days
 * 05–09/02 plus two compensatory days 10–11/02, and a 2027 plan's deadline 08/02 ends on Friday 12/02. The admin
 * confirms the announced break 03–09/02 (Wed–Tue): the pending deadlines move two days earlier, to Wednesday 10/02;
 * one already met stays. Reminders and the on-time verdict follow the new date.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startStack, Stack } from '../support/stack';
import { withDemoData } from '../support/demo';
import { startSmtpSink } from '../support/smtp';
import { eventually } from '../support/worker';
import { demoUserEmail, DEMO_UNITS } from '../../libs/persistence/src/seed';

const START = '2027-01-04T01:00:00Z'; // Monday 04/01/2027 08:00 in Viet Nam
const DAY_MS = 86_400_000;

describe('calendar for any year and honest late entry (time-skipping, real SMTP)', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer' | 'admin', unit: string) => ({
    Authorization: `Bearer ${await demo.token(role, unit)}`,
  });
  const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH');
  const mailsOf = (email: string, prefix: string, obligationIds?: string[]) =>
    smtp.mails.filter(
      (m) =>
        m.to === email && m.key.startsWith(prefix) && (!obligationIds || obligationIds.includes(m.key.split('/')[1])),
    );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startStack({
      startAt: START,
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

  const issuePlan = async (year: number, childDeadline: string) => {
    const plan = await http()
      .post('/plans')
      .set(await as('approver', 'BTH'))
      .send({
        year,
        title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${year}`,
        sections: { purpose: 'Nâng cao nhận thức', content: 'Tuyên truyền CCHC' },
        childDeadline,
      })
      .expect(201);
    await http()
      .post(`/plans/${plan.body.id}/issue`)
      .set(await as('approver', 'BTH'))
      .expect(202);
    const ids = async () =>
      (
        await db.dataSource.query(`SELECT id FROM obligations WHERE source_plan_id = $1 AND kind = 'plan'`, [
          plan.body.id,
        ])
      ).map((r: { id: string }) => r.id as string);
    await eventually(async () => (await ids()).length === children.length, 30_000, 'obligations');
    return { planId: plan.body.id as string, obligationIds: await ids() };
  };

  it('issuing a plan whose child deadline passed 200 days ago sends one notice each, saying 200 days', async () => {
    const deadline = new Date(Date.parse('2027-01-04T00:00:00Z') - 200 * DAY_MS).toISOString().slice(0, 10);
    expect(deadline).toBe('2026-06-18'); // a Thursday, a working day: nominal = effective
    const { obligationIds } = await issuePlan(2026, deadline);
    const approver = demoUserEmail('approver', 'BTH');
    await eventually(
      async () =>
        children.every((c) => mailsOf(demoUserEmail('drafter', c.code), 'reminder/', obligationIds).length > 0) &&
        mailsOf(approver, 'digest/').length > 0,
      60_000,
      'late-entry notices',
    );
    await new Promise((r) => setTimeout(r, 1500)); // anything else still in flight would arrive now

    for (const c of children) {
      const mails = mailsOf(demoUserEmail('drafter', c.code), 'reminder/', obligationIds);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toMatch(/^Quá hạn 200 ngày: đơn vị chưa xây dựng, ban hành kế hoạch/);
      expect(mails[0].key).toMatch(/\/2026-06-18\/overdue:late-entry:2027-01-04$/);
    }
    const digests = mailsOf(approver, 'digest/');
    expect(digests).toHaveLength(1);
    expect(digests[0].key.endsWith('/late-entry')).toBe(true);
    expect(digests[0].text.match(/hạn 18\/06\/2026, quá hạn 200 ngày/g)).toHaveLength(children.length);
    expect(smtp.mails.filter((m) => /quá hạn (?!200 )\d+ ngày/i.test(m.subject + m.text))).toEqual([]);
    // In-app rows too: nothing stamped before today.
    const [{ earliest }] = await db.dataSource.query(`SELECT min(created_at) AS earliest FROM notifications`);
    expect(new Date(earliest).getTime()).toBeGreaterThanOrEqual(Date.parse(START));

    // The overdue rhythm continues from today (every 3 days): nothing more on 05/01 and 06/01.
    await stack.sleepUntil('2027-01-06T10:00:00Z');
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsOf(demoUserEmail('drafter', 'BTH.STP'), 'reminder/', obligationIds)).toHaveLength(1);
  });

  it('a confirmed 2027 calendar moves the pending deadlines; reminders and verdicts follow', async () => {
    const before = await http()
      .get('/calendar/2027')
      .set(await as('drafter', 'BTH'))
      .expect(200);
    expect(before.body).toMatchObject({ year: 2027, source: 'provisional', provisional: true });
    const provisionalDays = before.body.holidays.map((h: { date: string }) => h.date);
    expect(provisionalDays).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-09', '2027-02-10', '2027-02-11']));

    const { obligationIds } = await issuePlan(2027, '2027-02-08');
    const outgoing = async () =>
      new Map<string, Record<string, unknown>>(
        (
          await http()
            .get('/obligations/outgoing?year=2027&kind=plan')
            .set(await as('approver', 'BTH'))
            .expect(200)
        ).body.map((o: { unitCode: string }) => [o.unitCode, o]),
      );
    const first = await outgoing();
    expect(first.get('BTH.STP')).toMatchObject({
      nominalDeadline: '2027-02-08',
      deadline: '2027-02-12',
      provisional: true,
    });

    // Sở Tư pháp meets its deadline before the calendar is confirmed: its deadline stays.
    await stack.sleepUntil('2027-01-20T03:00:00Z');
    const submit = async (code: string) => {
      const draft = await http()
        .post('/plans')
        .set(await as('drafter', code))
        .send({
          year: 2027,
          // typed decomposed (NFD), as some keyboards and PDFs produce it
          title: `Kế hoạch tuyên truyền CCHC năm 2027 (${code})`.normalize('NFD'),
          sections: { purpose: 'Nâng cao nhận thức', content: 'b' },
          childDeadline: '2027-02-27',
        })
        .expect(201);
      await http()
        .post(`/plans/${draft.body.id}/submit`)
        .set(await as('drafter', code))
        .expect(200);
      return draft.body.id as string;
    };
    const stpPlan = await submit('BTH.STP');
    // Text is stored NFC; calendar dates stay dates in the version snapshot.
    const [stored] = await db.dataSource.query(`SELECT title, sections FROM plans WHERE id = $1`, [stpPlan]);
    expect(stored.title).toBe('Kế hoạch tuyên truyền CCHC năm 2027 (BTH.STP)'.normalize('NFC'));
    expect(stored.title).not.toBe(stored.title.normalize('NFD'));
    expect(stored.sections.purpose).toBe('Nâng cao nhận thức'.normalize('NFC'));
    const versions = await http()
      .get(`/plans/${stpPlan}/versions`)
      .set(await as('drafter', 'BTH.STP'))
      .expect(200);
    const snapshot = JSON.stringify(versions.body);
    expect(snapshot).toContain('"childDeadline":"2027-02-27"');
    expect(snapshot).not.toMatch(/\d{4}-\d{2}-\d{2}T00:00:00\.000Z/);

    // 25/01: the admin confirms the announced Tết break Wed 03/02 – Tue 09/02/2027.
    await stack.sleepUntil('2027-01-25T03:00:00Z');
    const day = (date: string, name: string) => ({ date, name });
    const confirmed = {
      announcement: 'Thông báo lịch nghỉ Tết Âm lịch năm 2027 (thử nghiệm)',
      holidays: [
        day('2027-01-01', 'Tết Dương lịch'),
        ...['03', '04', '05', '06', '07', '08', '09'].map((d) => day(`2027-02-${d}`, 'Tết Nguyên đán')),
        day('2027-04-16', 'Giỗ Tổ Hùng Vương'),
        day('2027-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'),
        day('2027-05-01', 'Ngày Quốc tế Lao động'),
        day('2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'),
        day('2027-09-01', 'Quốc khánh'),
        day('2027-09-02', 'Quốc khánh'),
      ],
      workingWeekends: [],
    };
    await http()
      .put('/calendar/2027')
      .set(await as('drafter', 'BTH'))
      .send(confirmed)
      .expect(403);
    const put = await http()
      .put('/calendar/2027')
      .set(await as('admin', 'BTH'))
      .send(confirmed)
      .expect(200);
    const pending = children.length - 1;
    expect(put.body).toMatchObject({ source: 'confirmed', provisional: false, movedDeadlines: pending });

    const after = await outgoing();
    for (const c of children) {
      if (c.code === 'BTH.STP')
        expect(after.get(c.code)).toMatchObject({ deadline: '2027-02-12', submittedOnTime: true });
      else
        expect(after.get(c.code)).toMatchObject({
          nominalDeadline: '2027-02-08',
          deadline: '2027-02-10',
          provisional: false,
        });
    }
    const audits = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'obligation.deadline_shifted_by_calendar'`,
    );
    expect(audits[0].n).toBe(pending);
    // The unit is told the new date.
    await eventually(
      async () => mailsOf(demoUserEmail('drafter', 'BTH.SKHDT'), 'deadline/', obligationIds).length === 1,
      30_000,
      'deadline notice',
    );
    const notice = mailsOf(demoUserEmail('drafter', 'BTH.SKHDT'), 'deadline/', obligationIds)[0];
    expect(notice.subject).toContain('từ 12/02/2027 sang 10/02/2027');
    expect(mailsOf(demoUserEmail('drafter', 'BTH.STP'), 'deadline/', obligationIds)).toEqual([]);

    // 10/02 late evening: Sở TT&TT submits on the new last day (on time); 11/02 Sở KH&ĐT submits (late now, though
    // it would have been on time under the provisional calendar).
    await stack.sleepUntil('2027-02-10T14:00:00Z');
    await submit('BTH.STTTT');
    await stack.sleepUntil('2027-02-11T03:00:00Z');
    await submit('BTH.SKHDT');
    const verdicts = await outgoing();
    expect(verdicts.get('BTH.STTTT')).toMatchObject({ submittedOnTime: true, late: false });
    expect(verdicts.get('BTH.SKHDT')).toMatchObject({ submittedOnTime: false, late: true });

    // Reminders followed the new deadline: the due-day reminder came on 10/02, none was planned for 12/02.
    const keys = mailsOf(demoUserEmail('drafter', 'BTH.SLDTBXH'), 'reminder/', obligationIds).map((m) =>
      m.key.split('/').slice(2).join('/'),
    );
    expect(keys).toContain('2027-02-10/due_today:0');
    expect(keys.filter((k) => k.startsWith('2027-02-12/'))).toEqual([]); // its first slot (04/02) was never reached
    expect(verdicts.get('BTH.SLDTBXH')).toMatchObject({ late: true, overdue: true });
  });
});
