/**
 * A whole reporting year, on the time-skipping server from 02/01/2024, for province → 2 departments → 3 schools
 * each (plus Sở Nội vụ as the reviewing office). Due dates per seed 003 shifted by the calendar (quý I 10/03/2024
 * is a Sunday → 11/03); reports on time, late, missing, returned and fixed; the province's totals equal the sum of
 * the accepted leaf values; completeness and timeliness exact; the reviewing office's matrix.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startStack, Stack } from '../support/stack';
import { eventually } from '../support/worker';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { seedDemo } from '../../libs/persistence/src/seed/demo-seeder';
import { DEMO_PASSWORD, demoUserEmail, type SeedUnit } from '../../libs/persistence/src/seed';

const UNITS: SeedUnit[] = [
  { code: 'PV', name: 'Ủy ban nhân dân tỉnh Phước Vĩnh', abbreviation: 'UBND', kind: 'province', parentCode: null },
  {
    code: 'PV.SNV',
    name: 'Sở Nội vụ tỉnh Phước Vĩnh',
    abbreviation: 'SNV',
    kind: 'department',
    parentCode: 'PV',
    isReviewingOffice: true,
  },
  { code: 'PV.D1', name: 'Sở Giáo dục và Đào tạo', abbreviation: 'SGDĐT', kind: 'department', parentCode: 'PV' },
  {
    code: 'PV.D2',
    name: 'Sở Lao động - Thương binh và Xã hội',
    abbreviation: 'SLĐTBXH',
    kind: 'department',
    parentCode: 'PV',
  },
  ...[1, 2, 3].map((i) => ({
    code: `PV.D1.S${i}`,
    name: `Trường THPT số ${i}`,
    abbreviation: `THPT${i}`,
    kind: 'school' as const,
    parentCode: 'PV.D1',
  })),
  ...[4, 5, 6].map((i) => ({
    code: `PV.D2.S${i}`,
    name: `Trường Cao đẳng nghề số ${i}`,
    abbreviation: `CĐN${i}`,
    kind: 'school' as const,
    parentCode: 'PV.D2',
  })),
];

describe('quarterly reports, rollup and review (time-skipping, 2024)', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  const tokens = new Map<string, string>();
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer' | 'admin', code: string) => {
    const key = `${role}@${code}`;
    if (!tokens.has(key)) {
      const res = await http()
        .post('/auth/login')
        .send({ email: demoUserEmail(role, code), password: DEMO_PASSWORD })
        .expect(200);
      tokens.set(key, res.body.accessToken);
    }
    return { Authorization: `Bearer ${tokens.get(key)}` };
  };
  const sleepUntil = (iso: string) => stack.sleepUntil(iso);
  const unitId = async (code: string) =>
    (await db.dataSource.query(`SELECT id FROM units WHERE code = $1`, [code]))[0].id as string;
  const reportObligation = async (code: string, period: string) =>
    (
      await db.dataSource.query(
        `SELECT o.id, o.status, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline FROM obligations o JOIN units u ON u.id = o.unit_id
          WHERE u.code = $1 AND o.kind = 'report' AND o.period = $2`,
        [code, period],
      )
    )[0];
  const plan = async (code: string, extra: Record<string, unknown> = {}) => {
    const res = await http()
      .post('/plans')
      .set(await as(code === 'PV' ? 'approver' : 'drafter', code))
      .send({
        year: 2024,
        title: `Kế hoạch tuyên truyền CCHC năm 2024 (${code})`,
        sections: { purpose: 'Mục đích', content: 'Nội dung' },
        ...extra,
      })
      .expect(201);
    return res.body.id as string;
  };
  const report = async (code: string, period: string, values: Record<string, number>) => {
    const o = await reportObligation(code, period);
    const res = await http()
      .put('/reports')
      .set(await as('drafter', code))
      .send({ obligationId: o.id, values, narrative: { achievements: `Kết quả ${period} của ${code}` } })
      .expect(200);
    await http()
      .post(`/reports/${res.body.id}/submit`)
      .set(await as('drafter', code))
      .expect(200);
    return res.body.id as string;
  };
  const accept = async (parent: string, reportId: string) =>
    http()
      .post(`/reports/${reportId}/accept`)
      .set(await as('approver', parent))
      .expect(200);

  beforeAll(async () => {
    stack = await startStack({
      startAt: '2024-01-02T01:00:00Z',
      prepare: async (d) => void (await seedDemo(d.dataSource.manager, hashPassword, UNITS)),
    });
    ({ db, api } = stack);
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('sets up the cascade: every unit owes four reports with the seed 003 due dates, shifted', async () => {
    const top = await plan('PV', {
      childDeadline: '2024-01-31',
      targets: [{ indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }],
    });
    await http()
      .post(`/plans/${top}/issue`)
      .set(await as('approver', 'PV'))
      .expect(202);
    await eventually(
      async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations`))[0].n === 3,
      30_000,
      'department obligations',
    );
    for (const d of ['PV.D1', 'PV.D2']) {
      const id = await plan(d, { childDeadline: '2024-02-15' });
      await http()
        .post(`/plans/${id}/submit`)
        .set(await as('drafter', d))
        .expect(200);
      await http()
        .post(`/plans/${id}/approve`)
        .set(await as('approver', 'PV'))
        .expect(200);
    }
    await eventually(
      async () =>
        (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations WHERE kind = 'plan'`))[0].n === 9,
      30_000,
      'school obligations',
    );
    for (const [d, schools] of [
      ['PV.D1', ['PV.D1.S1', 'PV.D1.S2', 'PV.D1.S3']],
      ['PV.D2', ['PV.D2.S4', 'PV.D2.S5', 'PV.D2.S6']],
    ] as const) {
      for (const s of schools) {
        const id = await plan(s);
        await http()
          .post(`/plans/${id}/submit`)
          .set(await as('drafter', s))
          .expect(200);
        await http()
          .post(`/plans/${id}/approve`)
          .set(await as('approver', d))
          .expect(200);
      }
    }
    await eventually(
      async () =>
        (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations WHERE kind = 'report'`))[0].n === 8 * 4,
      30_000,
      'report obligations',
    );
    const due = await db.dataSource.query(
      `SELECT period, array_agg(DISTINCT to_char(effective_deadline, 'YYYY-MM-DD')) AS d FROM obligations WHERE kind = 'report' GROUP BY period ORDER BY period`,
    );
    expect(Object.fromEntries(due.map((r: { period: string; d: string[] }) => [r.period, r.d]))).toEqual({
      H1: ['2024-06-10'],
      Q1: ['2024-03-11'], // 10/03/2024 is a Sunday
      Q3: ['2024-09-10'],
      YEAR: ['2024-12-10'],
    });
  });

  it('quý I: on time, returned and fixed, late, missing — rollups and completeness are exact', async () => {
    await sleepUntil('2024-03-05T02:00:00Z');
    const s1 = await report('PV.D1.S1', 'Q1', { WEB_NEWS: 16, RADIO_ITEMS: 4 });
    const s2 = await report('PV.D1.S2', 'Q1', { WEB_NEWS: 14, CONFERENCES: 2 });
    const s3 = await report('PV.D1.S3', 'Q1', { WEB_NEWS: 9 });
    const s4 = await report('PV.D2.S4', 'Q1', { WEB_NEWS: 20, BUDGET_SPENT: 12.5 });
    await accept('PV.D1', s1);
    await accept('PV.D1', s2);
    await accept('PV.D2', s4);
    // the province approver cannot accept a school's report (not its direct child)
    await http()
      .post(`/reports/${s3}/accept`)
      .set(await as('approver', 'PV'))
      .expect(404);
    await http()
      .post(`/reports/${s3}/return`)
      .set(await as('approver', 'PV.D1'))
      .send({ reason: 'Số tin, bài chưa khớp với trang thông tin điện tử' })
      .expect(200);
    await http()
      .put('/reports')
      .set(await as('drafter', 'PV.D1.S3'))
      .send({ obligationId: (await reportObligation('PV.D1.S3', 'Q1')).id, values: { WEB_NEWS: 12 } })
      .expect(200);
    await http()
      .post(`/reports/${s3}/submit`)
      .set(await as('drafter', 'PV.D1.S3'))
      .expect(200);

    // while S3's fix waits, D1 sees it apart, as submitted-not-accepted; the province does not count it
    const d1Draft = await http()
      .get(`/units/${await unitId('PV.D1')}/rollup`)
      .query({ year: 2024, period: 'Q1' })
      .set(await as('approver', 'PV.D1'))
      .expect(200);
    expect(d1Draft.body.subtreeAccepted).toEqual({ WEB_NEWS: 30, RADIO_ITEMS: 4, CONFERENCES: 2 });
    expect(d1Draft.body.subtreeSubmittedOnly).toEqual({ WEB_NEWS: 12 });
    await accept('PV.D1', s3);

    // D1's own report is prefilled with its subtree's accepted totals
    const d1 = await http()
      .put('/reports')
      .set(await as('drafter', 'PV.D1'))
      .send({ obligationId: (await reportObligation('PV.D1', 'Q1')).id, values: { WEB_NEWS: 5 } })
      .expect(200);
    expect(d1.body.subtreeAccepted).toEqual({ WEB_NEWS: 42, RADIO_ITEMS: 4, CONFERENCES: 2 });
    expect(d1.body.totals).toEqual({ WEB_NEWS: 47, RADIO_ITEMS: 4, CONFERENCES: 2 });
    await http()
      .post(`/reports/${d1.body.id}/submit`)
      .set(await as('drafter', 'PV.D1'))
      .expect(200);
    await accept('PV', d1.body.id);

    // after the deadline (11/03): S5 reports late; S6 and D2 never do
    await sleepUntil('2024-03-12T02:00:00Z');
    const s5 = await report('PV.D2.S5', 'Q1', { WEB_NEWS: 7 });
    await accept('PV.D2', s5);

    const province = await http()
      .get(`/units/${await unitId('PV')}/rollup`)
      .query({ year: 2024, period: 'Q1' })
      .set(await as('approver', 'PV'))
      .expect(200);
    // accepted leaf values 16 + 14 + 12 + 20 + 7 = 69, plus D1's own 5
    expect(province.body.totalAccepted).toEqual({ WEB_NEWS: 74, RADIO_ITEMS: 4, CONFERENCES: 2, BUDGET_SPENT: 12.5 });
    expect(province.body.completeness.children).toMatchObject({ expected: 2, submitted: 1, accepted: 1, missing: 1 });
    expect(province.body.completeness.subtree).toMatchObject({
      expected: 8,
      submitted: 6,
      accepted: 6,
      missing: 2,
      onTime: 5,
    });
    const d2 = province.body.children.find((c: { code: string }) => c.code === 'PV.D2');
    expect(d2.accepted).toEqual({ WEB_NEWS: 27, BUDGET_SPENT: 12.5 });

    // the reviewing office sees the whole province
    const review = await http()
      .get('/review')
      .query({ year: 2024, period: 'Q1' })
      .set(await as('reviewer', 'PV.SNV'))
      .expect(200);
    const q1 = review.body.periods[0];
    expect(q1.totals).toEqual({ WEB_NEWS: 74, RADIO_ITEMS: 4, CONFERENCES: 2, BUDGET_SPENT: 12.5 });
    expect(q1.missing.map((m: { code: string }) => m.code).sort()).toEqual(['PV.D2', 'PV.D2.S6']);
    expect(q1.late.map((m: { code: string }) => m.code).sort()).toEqual(['PV.D2', 'PV.D2.S5', 'PV.D2.S6']);
    // 8 units owe a quý I report; Sở Nội vụ owes only its plan (not yet issued), so it is in the matrix too
    expect(review.body.matrix).toHaveLength(9);
    // plan status is part of the review: every unit's plan cell, the plan headline and the levels agree with the
    // obligations table read directly
    const planRows: Array<{ code: string; status: string; on_time: boolean | null; overdue: boolean }> =
      await db.dataSource.query(
        `SELECT u.code, o.status, o.submitted_on_time AS on_time, o.overdue FROM obligations o JOIN units u ON u.id = o.unit_id
          WHERE o.kind = 'plan' AND o.year = 2024 AND u.code <> 'PV'`,
      );
    expect(planRows.length).toBeGreaterThan(0);
    const byCode = new Map(review.body.matrix.map((r: { code: string }) => [r.code, r]));
    for (const p of planRows) {
      const cell = (byCode.get(p.code) as { plan: { status: string; onTime: boolean | null } }).plan;
      expect({ code: p.code, status: cell.status, onTime: cell.onTime }).toEqual({
        code: p.code,
        status: p.status,
        onTime: p.on_time,
      });
    }
    const issuedOnTime = planRows.filter((p) => p.on_time === true).length;
    expect(review.body.plans.completeness).toMatchObject({
      expected: planRows.length,
      onTime: issuedOnTime,
      lateSubmitted: planRows.filter((p) => p.on_time === false).length,
    });
    // quý I report cells: PV.D2 never sent (missing), PV.D2.S5 sent late
    const cell = (code: string) => (byCode.get(code) as { periods: Record<string, { state: string }> }).periods.Q1;
    expect(cell('PV.D2').state).toBe('missing');
    expect(cell('PV.D2.S5').state).toBe('late');
    // levels: departments at depth 1, schools at depth 2; their units add up to the matrix
    const levels = review.body.levels as Array<{ depth: number; units: number }>;
    expect(levels.map((l) => l.depth)).toEqual([1, 2]);
    expect(levels.reduce((n, l) => n + l.units, 0)).toBe(9);
    expect((byCode.get('PV.D2.S5') as { depth: number; kind: string }).depth).toBe(2);
    expect(q1.onTimeRate).toBeCloseTo(q1.completeness.onTime / (q1.completeness.onTime + q1.completeness.late), 10);
    // Sở Nội vụ was told, in one digest per day, which departments are late with quý I (in-app: no SMTP here)
    const inbox = await http()
      .get('/notifications')
      .query({ limit: 100 })
      .set(await as('reviewer', 'PV.SNV'))
      .expect(200);
    const digests = inbox.body.items.filter((n: { title: string }) => n.title.includes('gửi báo cáo quý I năm 2024'));
    const q1Digest = digests.find((n: { title: string }) =>
      n.title.includes('trực thuộc Ủy ban nhân dân tỉnh Phước Vĩnh'),
    );
    // it follows the whole province, so it also gets Sở LĐTBXH's digest about its two schools (12/03 08:00)
    expect(digests.map((n: { title: string }) => n.title)).toContain(
      'Đôn đốc: 2 đơn vị trực thuộc Sở Lao động - Thương binh và Xã hội quá hạn gửi báo cáo quý I năm 2024 về công tác tuyên truyền cải cách hành chính',
    );
    expect(q1Digest.title).toBe(
      'Đôn đốc: 1 đơn vị trực thuộc Ủy ban nhân dân tỉnh Phước Vĩnh quá hạn gửi báo cáo quý I năm 2024 về công tác tuyên truyền cải cách hành chính',
    );
    expect(q1Digest.body).toContain(
      'Sở Lao động - Thương binh và Xã hội — hạn 11/03/2024, quá hạn 1 ngày (Chưa thực hiện)',
    );
    const d2Approver = await http()
      .get('/notifications')
      .query({ limit: 100 })
      .set(await as('approver', 'PV.D2'))
      .expect(200);
    expect(d2Approver.body.items.map((n: { body: string }) => n.body).join('\n')).toContain(
      'Trường Cao đẳng nghề số 6 — hạn 11/03/2024',
    );
    // a school drafter cannot open the province review
    await http()
      .get('/review')
      .query({ year: 2024, unitId: await unitId('PV') })
      .set(await as('drafter', 'PV.D1.S1'))
      .expect(404);
  });

  it('năm: the annual totals equal the sum of accepted leaf values; versions keep what was submitted', async () => {
    await sleepUntil('2024-12-02T02:00:00Z');
    const leafValues: Record<string, number> = {
      'PV.D1.S1': 61,
      'PV.D1.S2': 60,
      'PV.D1.S3': 58,
      'PV.D2.S4': 70,
      'PV.D2.S5': 49,
    };
    const parentOf = (c: string) => c.split('.').slice(0, 2).join('.');
    for (const [code, v] of Object.entries(leafValues))
      await accept(parentOf(code), await report(code, 'YEAR', { WEB_NEWS: v }));
    await report('PV.D2.S6', 'YEAR', { WEB_NEWS: 100 }); // submitted, never accepted: not in the totals
    const rollup = await http()
      .get(`/units/${await unitId('PV')}/rollup`)
      .query({ year: 2024, period: 'YEAR' })
      .set(await as('approver', 'PV'))
      .expect(200);
    const sum = Object.values(leafValues).reduce((a, b) => a + b, 0);
    expect(rollup.body.totalAccepted).toEqual({ WEB_NEWS: sum });
    const d2 = await http()
      .get(`/units/${await unitId('PV.D2')}/rollup`)
      .query({ year: 2024, period: 'YEAR' })
      .set(await as('approver', 'PV.D2'))
      .expect(200);
    expect(d2.body.subtreeSubmittedOnly).toEqual({ WEB_NEWS: 100 });
    // 60 a year per school-level target applies to departments via the province plan: D1's plan implements it
    const d1 = await http()
      .get(`/units/${await unitId('PV.D1')}/rollup`)
      .query({ year: 2024, period: 'YEAR' })
      .set(await as('approver', 'PV.D1'))
      .expect(200);
    expect(d1.body.targets).toEqual([
      expect.objectContaining({ indicatorCode: 'WEB_NEWS', target: 60, actual: 179, met: true }),
    ]);

    const rid = (
      await db.dataSource.query(
        `SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id WHERE u.code = 'PV.D1.S3' AND r.period = 'Q1'`,
      )
    )[0].id;
    const versions = await http()
      .get(`/reports/${rid}/versions`)
      .set(await as('drafter', 'PV.D1.S3'))
      .expect(200);
    expect(
      versions.body.map((v: { versionNo: number; decision: string; content: { values: unknown } }) => [
        v.versionNo,
        v.decision,
        v.content.values,
      ]),
    ).toEqual([
      [1, 'returned', [{ indicatorCode: 'WEB_NEWS', value: 9 }]],
      [2, 'approved', [{ indicatorCode: 'WEB_NEWS', value: 12 }]],
    ]);
  });

  it('lets a top-level admin manage the indicator catalogue, and nobody else', async () => {
    const list = await http()
      .get('/indicators')
      .set(await as('drafter', 'PV.D1.S1'))
      .expect(200);
    expect(list.body.map((i: { code: string }) => i.code)).toContain('WEB_NEWS');
    const adminToken = (
      await http()
        .post('/auth/login')
        .send({ email: demoUserEmail('admin', 'PV'), password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken;
    const deptAdmin = (
      await http()
        .post('/auth/login')
        .send({ email: demoUserEmail('admin', 'PV.D1'), password: DEMO_PASSWORD })
        .expect(200)
    ).body.accessToken;
    const body = {
      code: 'ZALO_GROUP_POSTS',
      name: 'Tin, bài trên nhóm Zalo của đơn vị',
      unitOfMeasure: 'tin, bài',
      category: 'online',
    };
    await http()
      .post('/indicators')
      .set({ Authorization: `Bearer ${deptAdmin}` })
      .send(body)
      .expect(403);
    const created = await http()
      .post('/indicators')
      .set({ Authorization: `Bearer ${adminToken}` })
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'ZALO_GROUP_POSTS',
      aggregation: 'sum',
      valueType: 'integer',
      activeToYear: null,
    });
    await http()
      .post('/indicators')
      .set({ Authorization: `Bearer ${adminToken}` })
      .send(body)
      .expect(409);
    const updated = await http()
      .patch('/indicators/ZALO_GROUP_POSTS')
      .set({ Authorization: `Bearer ${adminToken}` })
      .send({ activeToYear: 2023 })
      .expect(200);
    expect(updated.body.activeToYear).toBe(2023);
    // no longer active in 2024: refused in a 2024 report
    const o = await reportObligation('PV.D1.S2', 'H1');
    const res = await http()
      .put('/reports')
      .set(await as('drafter', 'PV.D1.S2'))
      .send({ obligationId: o.id, values: { ZALO_GROUP_POSTS: 3 } })
      .expect(400);
    expect(res.body.details.problems[0].code).toBe('inactive_indicator');
  });

  it('refuses invalid values with every problem listed and changes nothing', async () => {
    const o = await reportObligation('PV.D1.S1', 'H1');
    const res = await http()
      .put('/reports')
      .set(await as('drafter', 'PV.D1.S1'))
      .send({ obligationId: o.id, values: { WEB_NEWS: -1, NO_SUCH: 3, CONFERENCES: 1.5, RADIO_ITEMS: 'mười' } })
      .expect(400);
    expect(res.body.code).toBe('report.invalid_values');
    expect(res.body.details.problems.map((p: { indicatorCode: string }) => p.indicatorCode).sort()).toEqual([
      'CONFERENCES',
      'NO_SUCH',
      'RADIO_ITEMS',
      'WEB_NEWS',
    ]);
    expect(
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM reports WHERE obligation_id = $1`, [o.id]))[0].n,
    ).toBe(0);
  });

  it('6 tháng: a max and an avg indicator roll up by their rules over the 3-level tree, own values included', async () => {
    for (const [code, aggregation, valueType] of [
      ['LARGEST_AUDIENCE', 'max', 'integer'],
      ['SATISFACTION_RATE', 'avg', 'decimal'],
    ] as const) {
      await http()
        .post('/indicators')
        .set(await as('admin', 'PV'))
        .send({ code, name: `Chỉ tiêu ${code}`, unitOfMeasure: 'người', aggregation, valueType, activeFromYear: 2024 })
        .expect(201);
    }
    // schools: S1, S2 under D1; S4 under D2. Departments report their own values too.
    const s1 = await report('PV.D1.S1', 'H1', { LARGEST_AUDIENCE: 300, SATISFACTION_RATE: 80 });
    const s2 = await report('PV.D1.S2', 'H1', { LARGEST_AUDIENCE: 450, SATISFACTION_RATE: 90 });
    const s4 = await report('PV.D2.S4', 'H1', { LARGEST_AUDIENCE: 200, SATISFACTION_RATE: 70 });
    for (const [parent, id] of [
      ['PV.D1', s1],
      ['PV.D1', s2],
      ['PV.D2', s4],
    ] as const)
      await accept(parent, id);
    const d1 = await report('PV.D1', 'H1', { LARGEST_AUDIENCE: 120, SATISFACTION_RATE: 60 });
    const d2 = await report('PV.D2', 'H1', { SATISFACTION_RATE: 100 });
    await accept('PV', d1);
    await accept('PV', d2);

    const rollupOf = async (code: string, who: string) =>
      (
        await http()
          .get(`/units/${await unitId(code)}/rollup?year=2024&period=H1`)
          .set(await as('approver', who))
          .expect(200)
      ).body;
    // by hand: max over all units; the average over every unit's value (not an average of averages, not own + subtree)
    const province = await rollupOf('PV', 'PV');
    expect(province.totalAccepted.LARGEST_AUDIENCE).toBe(450);
    expect(province.totalAccepted.SATISFACTION_RATE).toBeCloseTo((80 + 90 + 70 + 60 + 100) / 5, 10);
    const perChild = Object.fromEntries(
      province.children.map((c: { code: string; accepted: Record<string, number> }) => [c.code, c.accepted]),
    );
    expect(perChild['PV.D1'].LARGEST_AUDIENCE).toBe(450);
    expect(perChild['PV.D1'].SATISFACTION_RATE).toBeCloseTo((60 + 80 + 90) / 3, 10);
    expect(perChild['PV.D2'].LARGEST_AUDIENCE).toBe(200);
    expect(perChild['PV.D2'].SATISFACTION_RATE).toBeCloseTo((100 + 70) / 2, 10);

    const dept = await rollupOf('PV.D1', 'PV.D1');
    expect(dept.own).toMatchObject({ LARGEST_AUDIENCE: 120, SATISFACTION_RATE: 60 });
    expect(dept.subtreeAccepted.SATISFACTION_RATE).toBeCloseTo((80 + 90) / 2, 10);
    expect(dept.totalAccepted.LARGEST_AUDIENCE).toBe(450);
    expect(dept.totalAccepted.SATISFACTION_RATE).toBeCloseTo((60 + 80 + 90) / 3, 10);
  });

  it('a school moved on 01/07: its former parent still reads the quý I and 6 tháng reports it accepted', async () => {
    await http()
      .post(`/units/${await unitId('PV.D1.S1')}/move`)
      .set(await as('admin', 'PV'))
      .send({ newParentId: await unitId('PV.D2'), effectiveDate: '2024-07-01' })
      .expect(201);
    const reportOf = async (period: string) =>
      (
        await db.dataSource.query(
          `SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id WHERE u.code = 'PV.D1.S1' AND r.period = $1`,
          [period],
        )
      )[0].id as string;
    for (const period of ['Q1', 'H1']) {
      const id = await reportOf(period);
      // the former parent, which accepted it, keeps reading it and its versions
      const read = await http()
        .get(`/reports/${id}`)
        .set(await as('approver', 'PV.D1'))
        .expect(200);
      expect(read.body.status).toBe('approved');
      await http()
        .get(`/reports/${id}/versions`)
        .set(await as('approver', 'PV.D1'))
        .expect(200);
      // the new parent sees the school from the move onward, not its reports of earlier periods
      await http()
        .get(`/reports/${id}`)
        .set(await as('approver', 'PV.D2'))
        .expect(404);
    }
    // and the school is the new parent's child today
    await http()
      .get(`/units/${await unitId('PV.D1.S1')}`)
      .set(await as('approver', 'PV.D2'))
      .expect(200);
  });

  it('two schools merged on 01/07: the parent still reads the quý I report of the school that ceased to exist', async () => {
    const [s2Report] = await db.dataSource.query(
      `SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id WHERE u.code = 'PV.D1.S2' AND r.period = 'Q1'`,
    );
    await http()
      .post('/units/merge')
      .set(await as('admin', 'PV'))
      .send({ sourceIds: [await unitId('PV.D1.S2')], intoId: await unitId('PV.D1.S3'), effectiveDate: '2024-07-01' })
      .expect(201);
    const read = await http()
      .get(`/reports/${s2Report.id}`)
      .set(await as('approver', 'PV.D1'))
      .expect(200);
    expect(read.body.unitName).toBe('Trường THPT số 2');
    // another department never read it, before or after
    await http()
      .get(`/reports/${s2Report.id}`)
      .set(await as('approver', 'PV.D2'))
      .expect(404);
  });
});
