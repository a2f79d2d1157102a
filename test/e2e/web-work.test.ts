/**
 * What the web app needs from the API, on the time-skipping server from 22/01/2024 with the real worker and a real
 * SMTP server: "Việc cần làm" (GET /me/work) with the return reason, decision notices to the drafters (links to web
 * pages), bulk approve (one refusal does not stop the others), Nhắc ngay (once per day, e-mail with a web link),
 * audit entries; and the web app served on the same origin (deep links, JSON 404 for unknown API paths, gzip).
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startStack, Stack } from '../support/stack';
import { withDemoData } from '../support/demo';
import { startSmtpSink } from '../support/smtp';
import { eventually } from '../support/worker';
import { demoUserEmail, DEMO_UNITS } from '../../libs/persistence/src/seed';
import { webDistDir } from '../../apps/api/src/web/web.module';

describe('web app support: my work, decisions, bulk approve, remind now, serving', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer', unit: string) => ({
    Authorization: `Bearer ${await demo.token(role, unit)}`,
  });
  const obligationOf = async (code: string) =>
    (
      await db.dataSource.query(
        `SELECT o.id, o.status FROM obligations o JOIN units u ON u.id = o.unit_id WHERE u.code = $1 AND o.kind = 'plan'`,
        [code],
      )
    )[0] as { id: string; status: string };
  const planIds = new Map<string, string>();

  const draftAndSubmit = async (code: string) => {
    const created = await http()
      .post('/plans')
      .set(await as('drafter', code))
      .send({
        year: 2024,
        title: `Kế hoạch tuyên truyền cải cách hành chính năm 2024 (${code})`,
        sections: { purpose: 'Nâng cao nhận thức về CCHC', content: 'Tuyên truyền các chủ trương về CCHC' },
      })
      .expect(201);
    planIds.set(code, created.body.id);
    await http()
      .post(`/plans/${created.body.id}/submit`)
      .set(await as('drafter', code))
      .expect(200);
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startStack({
      startAt: '2024-01-22T01:00:00Z',
      workerEnv: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'CCHC <cchc@binhthuan.gov.vn>' },
    });
    ({ db, api } = stack);
    demo = await withDemoData(db.dataSource, api);
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
    for (const code of ['BTH.STP', 'BTH.STTTT', 'BTH.SGDDT']) await draftAndSubmit(code);
  });
  afterAll(async () => {
    await stack?.teardown();
    await smtp?.close();
  });

  it('lists what waits for the approver, with version numbers', async () => {
    const res = await http()
      .get('/me/work')
      .set(await as('approver', 'BTH'))
      .expect(200);
    const waiting = res.body.awaitingDecision.map((o: any) => o.unitCode).sort();
    expect(waiting).toEqual(['BTH.SGDDT', 'BTH.STP', 'BTH.STTTT']);
    expect(res.body.awaitingDecision.every((o: any) => o.versionNo === 1)).toBe(true);
  });

  it('refuses a return without a proper reason and changes nothing', async () => {
    const res = await http()
      .post(`/plans/${planIds.get('BTH.STP')}/return`)
      .set(await as('approver', 'BTH'))
      .send({ reason: 'ngắn' })
      .expect(400);
    expect(res.body.code).toBe('request.validation_failed');
    expect((await obligationOf('BTH.STP')).status).toBe('submitted');
  });

  it('returns a plan: the drafter sees the reason at home and gets a notice linking to the web page', async () => {
    const reason = 'Đề nghị bổ sung chỉ tiêu số tin, bài trên trang thông tin điện tử';
    await http()
      .post(`/plans/${planIds.get('BTH.STP')}/return`)
      .set(await as('approver', 'BTH'))
      .send({ reason })
      .expect(200);
    const o = await obligationOf('BTH.STP');
    const work = await http()
      .get('/me/work')
      .set(await as('drafter', 'BTH.STP'))
      .expect(200);
    const owed = work.body.owes.find((x: any) => x.id === o.id);
    expect(owed).toMatchObject({ status: 'returned', returnReason: reason, kind: 'plan' });
    expect(work.body.owes[0].id).toBe(o.id); // returned work comes first
    const notes = await http()
      .get('/notifications?unread=true')
      .set(await as('drafter', 'BTH.STP'))
      .expect(200);
    const notice = notes.body.items.find((n: any) => n.kind === 'decision');
    expect(notice.title).toBe(
      'Kế hoạch tuyên truyền cải cách hành chính năm 2024 bị Ủy ban nhân dân tỉnh Bình Thuận trả lại',
    );
    expect(notice.body).toContain(reason);
    expect(notice.link).toMatch(new RegExp(`/nghia-vu/${o.id}$`));
    expect(notice.obligationId).toBe(o.id);
    expect(work.body.notifications.unread).toBeGreaterThanOrEqual(1);
    // The approver of the same unit is not a drafter: no decision notice for them.
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'decision' AND u.email = $1`,
      [demoUserEmail('approver', 'BTH.STP')],
    );
    expect(n).toBe(0);
  });

  it('bulk-approves the selected submissions; a returned one is refused without stopping the others', async () => {
    const ids = [
      (await obligationOf('BTH.STTTT')).id,
      (await obligationOf('BTH.SGDDT')).id,
      (await obligationOf('BTH.STP')).id,
    ];
    const res = await http()
      .post('/approvals/bulk')
      .set(await as('approver', 'BTH'))
      .send({ obligationIds: ids })
      .expect(200);
    expect(res.body.approved).toBe(2);
    expect(res.body.failed).toBe(1);
    expect(res.body.results[2]).toMatchObject({
      obligationId: ids[2],
      ok: false,
      code: 'obligation.illegal_transition',
    });
    expect((await obligationOf('BTH.STTTT')).status).toBe('approved');
    expect((await obligationOf('BTH.SGDDT')).status).toBe('approved');
    expect((await obligationOf('BTH.STP')).status).toBe('returned');
    const [audit] = await db.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'obligation.bulk_approve' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.after).toMatchObject({ requested: 3, approved: 2 });
    const approvedNotice = await db.dataSource.query(
      `SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'decision' AND u.email = $1`,
      [demoUserEmail('drafter', 'BTH.STTTT')],
    );
    expect(approvedNotice).toHaveLength(1);
    expect(approvedNotice[0].title).toMatch(/đã được .* duyệt$/);
  });

  it('refuses a bulk approve of nothing, and of children of another unit', async () => {
    await http()
      .post('/approvals/bulk')
      .set(await as('approver', 'BTH'))
      .send({ obligationIds: [] })
      .expect(400);
    const res = await http()
      .post('/approvals/bulk')
      .set(await as('approver', 'BTH.SGDDT'))
      .send({ obligationIds: [(await obligationOf('BTH.STP')).id] })
      .expect(200);
    expect(res.body).toMatchObject({ approved: 0, failed: 1 });
    expect(res.body.results[0].code).toBe('obligation.not_found');
  });

  it('sends a reminder now, once a day, by e-mail with a link to the web page; audited', async () => {
    const khdt = await obligationOf('BTH.SKHDT');
    const res = await http()
      .post(`/obligations/${khdt.id}/remind`)
      .set(await as('approver', 'BTH'))
      .expect(202);
    expect(res.body).toMatchObject({ obligationId: khdt.id, kind: 'before' });
    // To every drafter and approver of the unit (by their channels); the drafter's copy is checked here.
    const drafter = demoUserEmail('drafter', 'BTH.SKHDT');
    const mail = (await eventually(
      async () =>
        smtp.mails.find(
          (m) => m.to === drafter && m.key.startsWith(`reminder/${khdt.id}/`) && m.key.includes('/manual:'),
        ),
      30_000,
      'manual reminder mail',
    ))!;
    expect(mail.text).toContain(`/nghia-vu/${khdt.id}`);
    expect(mail.text).toContain('31/01/2024');
    const again = await http()
      .post(`/obligations/${khdt.id}/remind`)
      .set(await as('approver', 'BTH'))
      .expect(409);
    expect(again.body.code).toBe('obligation.already_reminded_today');
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'obligation.reminded' AND entity_id = $1`,
      [khdt.id],
    );
    expect(n).toBe(1);
  });

  it('does not remind a unit that has submitted, and drafters may not remind', async () => {
    const approved = await obligationOf('BTH.STTTT');
    const res = await http()
      .post(`/obligations/${approved.id}/remind`)
      .set(await as('approver', 'BTH'))
      .expect(409);
    expect(res.body.code).toBe('obligation.not_awaiting_unit');
    await http()
      .post(`/obligations/${(await obligationOf('BTH.SKHDT')).id}/remind`)
      .set(await as('drafter', 'BTH.SKHDT'))
      .expect(403);
  });

  it('Đôn đốc from the review: the unit and its parent get it now, once a day; audited; refusals per item', async () => {
    const ldtbxh = await obligationOf('BTH.SLDTBXH');
    const dpt = await obligationOf('BTH.DPTTH');
    const submitted = await obligationOf('BTH.STTTT');
    const res = await http()
      .post('/review/remind')
      .set(await as('reviewer', 'BTH.SNV'))
      .send({ obligationIds: [ldtbxh.id, dpt.id, submitted.id] })
      .expect(200);
    expect(res.body.sent).toBe(2);
    expect(res.body.failed).toBe(1);
    expect(res.body.results.find((r: { obligationId: string }) => r.obligationId === submitted.id).code).toBe(
      'obligation.not_awaiting_unit',
    );
    // the unit's drafter and the parent's (the province's) approver both get the Sở LĐTBXH reminder
    const to = [demoUserEmail('drafter', 'BTH.SLDTBXH'), demoUserEmail('approver', 'BTH')];
    for (const who of to) {
      await eventually(
        async () =>
          smtp.mails.find(
            (m) => m.to === who && m.key.startsWith(`reminder/${ldtbxh.id}/`) && m.key.includes('/urge:'),
          ),
        30_000,
        `urge mail to ${who}`,
      );
    }
    // a unit of another parent is not told
    const otherApprover = demoUserEmail('approver', 'BTH.SGDDT');
    expect(smtp.mails.some((m) => m.to === otherApprover && m.key.startsWith(`reminder/${ldtbxh.id}/`))).toBe(false);
    const again = await http()
      .post('/review/remind')
      .set(await as('reviewer', 'BTH.SNV'))
      .send({ obligationIds: [ldtbxh.id] })
      .expect(200);
    expect(again.body.results[0].code).toBe('obligation.already_reminded_today');
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'obligation.urged' AND entity_id = ANY($1)`,
      [[ldtbxh.id, dpt.id]],
    );
    expect(n).toBe(2);
    // the audit list filters by who and by action (family)
    const [{ id: reviewerId }] = await db.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      demoUserEmail('reviewer', 'BTH.SNV'),
    ]);
    const audit = await http()
      .get('/audit')
      .query({ actor: `user:${reviewerId}`, action: 'obligation.' })
      .set(await as('reviewer', 'BTH.SNV'))
      .expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['obligation.urged', 'obligation.urged']);
    // a drafter may not urge; nothing is sent for it
    const refused = await http()
      .post('/review/remind')
      .set(await as('drafter', 'BTH.STP'))
      .send({ obligationIds: [dpt.id] })
      .expect(200);
    expect(refused.body).toMatchObject({ sent: 0, failed: 1 });
    await http()
      .post('/review/remind')
      .set(await as('reviewer', 'BTH.SNV'))
      .send({ obligationIds: [] })
      .expect(400);
  });

  it('gives the report of a report obligation (none yet) and 404 outside the scope', async () => {
    const o = await obligationOf('BTH.STP');
    const res = await http()
      .get(`/obligations/${o.id}/report`)
      .set(await as('drafter', 'BTH.STP'))
      .expect(200);
    expect(res.body).toEqual({ obligationId: o.id, reportId: null });
    await http()
      .get(`/obligations/${o.id}/report`)
      .set(await as('drafter', 'BTH.STTTT'))
      .expect(404);
  });

  describe('the web app on the same origin', () => {
    it('has a built web app to serve (npm run build, or the test command, builds it)', () => {
      expect(webDistDir()).not.toBeNull();
    });

    it('answers deep links with the page, so a reload or an e-mail link works', async () => {
      for (const path of [
        '/',
        '/ke-hoach/6a1c7f8e-0000-4000-8000-000000000000',
        '/nghia-vu/abc',
        '/hop-thu-duyet?tab=theo-doi',
      ]) {
        const res = await http().get(path).set('Accept', 'text/html').expect(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.text).toContain('<div id="root">');
      }
    });

    it('keeps JSON answers for API paths, known and unknown', async () => {
      const unknown = await http().get('/khong-co-api').set('Accept', 'text/html').expect(404);
      expect(unknown.headers['content-type']).toMatch(/application\/json/);
      expect(unknown.body.statusCode).toBe(404);
      const api = await http().get('/obligations/incoming').set('Accept', 'text/html').expect(401);
      expect(api.headers['content-type']).toMatch(/application\/json/);
    });

    it('sends assets compressed and cacheable', async () => {
      const index = await http().get('/').expect(200);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
      expect(script).toBeDefined();
      const res = await http().get(script!).set('Accept-Encoding', 'gzip').buffer(true).expect(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toContain('immutable');
    });
  });
});
