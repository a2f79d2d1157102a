/**
 * Seed 001 replayed through HTTP on the time-skipping server, started on 15/01/2024 08:00 (Asia/Ho_Chi_Minh):
 * UBND tỉnh Bình Thuận issues its 2024 plan; every department and district owes a plan by 31/01/2024;
 * Sở Tư pháp submits on 20/01 and is approved; Sở TT&TT is returned with a reason, resubmits and is approved;
 * Sở KH&ĐT misses the deadline and is recorded late; Sở GDĐT's approved plan cascades to its schools with
 * deadline 15/02/2024 and a school's plan is approved. The real worker runs the real workflows.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startStack, Stack } from '../support/stack';
import { withDemoData } from '../support/demo';
import { eventually } from '../support/worker';
import { DEMO_UNITS, SEED_001_BINH_THUAN_2024 } from '../../libs/persistence/src/seed';

const DAY = 24 * 3600 * 1000;

describe('plan cascade 2024 (seed 001, time-skipping)', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer' | 'admin', unit: string) => ({
    Authorization: `Bearer ${await demo.token(role, unit)}`,
  });
  // The API's clock follows the test server's (days left are counted in the scenario's time).
  const sleepUntil = (iso: string) => stack.sleepUntil(iso);

  beforeAll(async () => {
    stack = await startStack({ startAt: '2024-01-15T01:00:00Z' });
    ({ db, api } = stack);
    demo = await withDemoData(db.dataSource, api);
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  const obligationOf = async (unitCode: string, sourcePlanId: string) =>
    (
      await db.dataSource.query(
        `SELECT o.* FROM obligations o JOIN units u ON u.id = o.unit_id WHERE u.code = $1 AND o.source_plan_id = $2`,
        [unitCode, sourcePlanId],
      )
    )[0];

  const draftAndSubmit = async (unitCode: string, extra: Record<string, unknown> = {}) => {
    const created = await http()
      .post('/plans')
      .set(await as('drafter', unitCode))
      .send({
        year: 2024,
        title: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024',
        parentPlanRef: 'Thực hiện Kế hoạch của UBND tỉnh về tuyên truyền CCHC năm 2024',
        sections: { purpose: 'Nâng cao nhận thức về CCHC', content: 'Tuyên truyền các chủ trương, chính sách về CCHC' },
        targets: [{ indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }],
        ...extra,
      })
      .expect(201);
    const submitted = await http()
      .post(`/plans/${created.body.id}/submit`)
      .set(await as('drafter', unitCode))
      .expect(200);
    return { plan: created.body, submitted: submitted.body };
  };

  let provincePlanId: string;

  it('issues the province plan on 15/01/2024 and gives every child an obligation due 31/01/2024', async () => {
    const seed = SEED_001_BINH_THUAN_2024;
    const res = await http()
      .post('/plans')
      .set(await as('approver', 'BTH'))
      .send({
        year: 2024,
        title: seed.title,
        issuePlace: 'Bình Thuận',
        parentPlanRef: 'Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh',
        sections: { purpose: seed.sections.purpose, content: seed.sections.content },
        targets: [
          { indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' },
          { indicatorCode: 'RADIO_ITEMS', amount: 1, basis: 'week', unitKinds: ['district', 'commune'] },
          { indicatorCode: 'PORTAL_NEWS', amount: 2, basis: 'month' },
        ],
        childDeadline: '2024-01-31',
      })
      .expect(201);
    provincePlanId = res.body.id;
    await http()
      .post(`/plans/${provincePlanId}/issue`)
      .set(await as('drafter', 'BTH'))
      .expect(403);
    await http()
      .post(`/plans/${provincePlanId}/issue`)
      .set(await as('approver', 'BTH'))
      .expect(202);
    await http()
      .post(`/plans/${provincePlanId}/issue`)
      .set(await as('approver', 'BTH'))
      .expect(202); // twice: nothing twice

    const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH')
      .map((u) => u.code)
      .sort();
    const rows = await eventually(
      async () => {
        const r = await db.dataSource.query(
          `SELECT u.code, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline, o.status FROM obligations o JOIN units u ON u.id = o.unit_id
          WHERE o.source_plan_id = $1 ORDER BY u.code`,
          [provincePlanId],
        );
        return r.length === children.length && r;
      },
      30_000,
      'province obligations',
    );
    expect(rows.map((r: { code: string }) => r.code)).toEqual(children);
    expect(new Set(rows.map((r: { deadline: string }) => r.deadline))).toEqual(new Set(['2024-01-31']));
    const plan = await http()
      .get(`/plans/${provincePlanId}`)
      .set(await as('approver', 'BTH'))
      .expect(200);
    expect(plan.body).toMatchObject({ status: 'issued', number: 1, symbol: '1/KH-UBND', issueDate: '2024-01-15' });

    // What Sở Tư pháp owes, as it sees it
    const incoming = await http()
      .get('/obligations/incoming')
      .query({ year: 2024 })
      .set(await as('drafter', 'BTH.STP'))
      .expect(200);
    expect(incoming.body).toHaveLength(1);
    expect(incoming.body[0]).toMatchObject({
      status: 'pending',
      deadline: '2024-01-31',
      sourcePlanSymbol: '1/KH-UBND',
      late: false,
      daysLeft: 16,
    });
  });

  it('Sở Tư pháp submits on 20/01 and is approved, on time', async () => {
    await sleepUntil('2024-01-20T02:00:00Z');
    const { plan, submitted } = await draftAndSubmit('BTH.STP');
    expect(submitted).toMatchObject({ from: 'draft', to: 'submitted', versionNo: 1, submittedOnTime: true });
    expect(submitted.at.slice(0, 10)).toBe('2024-01-20');

    // refusals change nothing: a sibling's approver cannot see it, the province drafter may not decide
    await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('approver', 'BTH.STTTT'))
      .expect(404);
    await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('drafter', 'BTH'))
      .expect(404); // a drafter sees only its own unit
    await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('reviewer', 'BTH.SNV'))
      .expect(403); // sees it, may not decide
    const inbox = await http()
      .get('/inbox')
      .set(await as('approver', 'BTH'))
      .expect(200);
    expect(inbox.body.map((o: { unitCode: string }) => o.unitCode)).toEqual(['BTH.STP']);

    const approved = await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(200);
    expect(approved.body).toMatchObject({ from: 'submitted', to: 'approved' });
    const again = await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(409);
    expect(again.body.code).toBe('obligation.illegal_transition');

    const o = await obligationOf('BTH.STP', provincePlanId);
    expect(o).toMatchObject({ status: 'approved', submitted_on_time: true, overdue: false });
  });

  it('Sở TT&TT is returned with a reason, resubmits and is approved; versions and diff are kept', async () => {
    const { plan } = await draftAndSubmit('BTH.STTTT');
    const noReason = await http()
      .post(`/plans/${plan.id}/return`)
      .set(await as('approver', 'BTH'))
      .send({ reason: 'ngắn' })
      .expect(400);
    expect(noReason.body.code).toBe('request.validation_failed');
    expect(noReason.body.details.fields).toEqual({ reason: ['Lý do trả lại phải có ít nhất 10 ký tự'] });
    expect(noReason.body.message).toBe('Dữ liệu gửi lên không hợp lệ: Lý do trả lại phải có ít nhất 10 ký tự');
    const reason = 'Đề nghị bổ sung chỉ tiêu tin, bài trên Cổng thông tin điện tử tỉnh';
    const returned = await http()
      .post(`/plans/${plan.id}/return`)
      .set(await as('approver', 'BTH'))
      .send({ reason })
      .expect(200);
    expect(returned.body).toMatchObject({ from: 'submitted', to: 'returned' });

    // a returned plan is edited, then resubmitted as version 2
    await http()
      .patch(`/plans/${plan.id}`)
      .set(await as('drafter', 'BTH.STTTT'))
      .send({
        targets: [
          { indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' },
          { indicatorCode: 'PORTAL_NEWS', amount: 2, basis: 'month' },
        ],
      })
      .expect(200);
    const resubmitted = await http()
      .post(`/plans/${plan.id}/submit`)
      .set(await as('drafter', 'BTH.STTTT'))
      .expect(200);
    expect(resubmitted.body).toMatchObject({ from: 'returned', to: 'submitted', versionNo: 2 });
    await http()
      .patch(`/plans/${plan.id}`)
      .set(await as('drafter', 'BTH.STTTT'))
      .send({ title: 'Sửa khi đang chờ duyệt' })
      .expect(409);
    await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(200);

    const versions = await http()
      .get(`/plans/${plan.id}/versions`)
      .set(await as('approver', 'BTH'))
      .expect(200);
    expect(versions.body.map((v: { versionNo: number; decision: string }) => [v.versionNo, v.decision])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
    expect(versions.body[0].reason).toBe(reason);
    const diff = await http()
      .get(`/plans/${plan.id}/diff`)
      .query({ from: 1, to: 2 })
      .set(await as('drafter', 'BTH.STTTT'))
      .expect(200);
    expect(diff.body.changes).toEqual([
      { path: 'targets[1]', before: null, after: { indicatorCode: 'PORTAL_NEWS', amount: 2, basis: 'month' } },
    ]);

    const audit = await http()
      .get('/audit')
      .query({ entityType: 'obligation', entityId: (await obligationOf('BTH.STTTT', provincePlanId)).id })
      .set(await as('admin', 'BTH'))
      .expect(200);
    expect(
      audit.body.items
        .map(
          (a: { action: string; before: { status?: string } | null; after: { status?: string } }) =>
            `${a.action}:${a.before?.status ?? ''}>${a.after.status ?? ''}`,
        )
        .reverse(),
    ).toEqual([
      'obligation.created:>pending',
      'obligation.start_draft:pending>draft',
      'obligation.submit:draft>submitted',
      'obligation.return:submitted>returned',
      'obligation.submit:returned>submitted',
      'obligation.approve:submitted>approved',
    ]);
  });

  it('Sở GDĐT’s approved plan cascades to its schools with deadline 15/02/2024, and a school is approved', async () => {
    const { plan } = await draftAndSubmit('BTH.SGDDT', { childDeadline: '2024-02-15' });
    await http()
      .post(`/plans/${plan.id}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(200);

    const below = DEMO_UNITS.filter((u) => u.parentCode === 'BTH.SGDDT')
      .map((u) => u.code)
      .sort();
    const rows = await eventually(
      async () => {
        const r = await db.dataSource.query(
          `SELECT u.code, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline FROM obligations o JOIN units u ON u.id = o.unit_id
          WHERE o.source_plan_id = $1 ORDER BY u.code`,
          [plan.id],
        );
        return r.length === below.length && r;
      },
      30_000,
      'Sở GDĐT obligations',
    );
    expect(rows.map((r: { code: string }) => r.code)).toEqual(below);
    expect(rows.every((r: { deadline: string }) => r.deadline === '2024-02-15')).toBe(true);
    const issued = await http()
      .get(`/plans/${plan.id}`)
      .set(await as('drafter', 'BTH.SGDDT'))
      .expect(200);
    expect(issued.body).toMatchObject({ status: 'issued', symbol: '1/KH-SGDĐT', parentPlanId: provincePlanId });

    // only Sở GDĐT's approvers decide for its schools: the province approver does not even see them
    const school = await draftAndSubmit('BTH.SGDDT.THPT-CH');
    await http()
      .post(`/plans/${school.plan.id}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(404);
    await http()
      .post(`/plans/${school.plan.id}/approve`)
      .set(await as('reviewer', 'BTH.SNV'))
      .expect(403);
    await http()
      .post(`/plans/${school.plan.id}/approve`)
      .set(await as('approver', 'BTH.SGDDT'))
      .expect(200);
    const schoolPlan = await eventually(
      async () => {
        const r = await http()
          .get(`/plans/${school.plan.id}`)
          .set(await as('drafter', 'BTH.SGDDT.THPT-CH'));
        return r.body.status === 'issued' && r.body;
      },
      30_000,
      'school plan issued',
    );
    expect(schoolPlan.symbol).toBe('1/KH-THPTCH');
  });

  it('Sở KH&ĐT misses 31/01/2024 and is recorded late; submitting afterwards stays late', async () => {
    await sleepUntil('2024-01-31T16:00:00Z'); // 23:00 on 31/01 local: still on time
    let o = await obligationOf('BTH.SKHDT', provincePlanId);
    expect(o.overdue).toBe(false);
    await sleepUntil('2024-02-01T01:00:00Z'); // 08:00 on 01/02 local
    o = await eventually(
      async () => {
        const r = await obligationOf('BTH.SKHDT', provincePlanId);
        return r.overdue && r;
      },
      30_000,
      'overdue flag',
    );
    expect(o.status).toBe('pending');

    const outgoing = await http()
      .get('/obligations/outgoing')
      .query({ year: 2024, kind: 'plan' })
      .set(await as('approver', 'BTH'))
      .expect(200);
    const byCode = new Map(outgoing.body.map((x: { unitCode: string }) => [x.unitCode, x]));
    expect(byCode.get('BTH.SKHDT')).toMatchObject({ status: 'pending', late: true, overdue: true });
    expect(byCode.get('BTH.STP')).toMatchObject({ status: 'approved', late: false, submittedOnTime: true });

    const { submitted } = await draftAndSubmit('BTH.SKHDT');
    expect(submitted.submittedOnTime).toBe(false);
    expect((await obligationOf('BTH.SKHDT', provincePlanId)).submitted_on_time).toBe(false);
  });

  it('shifts a 2026 plan’s 31/01/2026 deadline (a Saturday) to Monday 02/02/2026', async () => {
    const res = await http()
      .get('/calendar/2026')
      .set(await as('drafter', 'BTH'))
      .expect(200);
    expect(res.body.example).toMatchObject({ nominal: '2026-01-31', effective: '2026-02-02' });
    void DAY;
  });
});
