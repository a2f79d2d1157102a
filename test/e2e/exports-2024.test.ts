/**
 * Documents out (issue 13), end to end on the time-skipping server from 02/01/2024: province → Sở Nội vụ (reviewing
 * office), Sở GDĐT with three schools, Sở LĐTBXH with one. Quý I: reports on time, late, missing. Each exported file
 * is downloaded, read back (.docx XML, .xlsx with exceljs) and its figures compared with the rollup and review APIs
 * for the same unit and period; header texts, number, date line and recipients; scope (a sibling's report is 404,
 * nothing outside the caller's subtree appears); LibreOffice renders every document (page 1 → docs/screenshots).
 */
import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { binary, renderDocx } from '../support/documents';
import { startStack, Stack } from '../support/stack';
import { eventually } from '../support/worker';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { seedDemo } from '../../libs/persistence/src/seed/demo-seeder';
import { DEMO_PASSWORD, demoUserEmail, type SeedUnit } from '../../libs/persistence/src/seed';
import { headerColumns, readDocx } from '../../libs/documents/src/docx-reader';
import { formatNumber, formatPercent } from '../../libs/documents/src/text';

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
  { code: 'PV.D2.S4', name: 'Trường Cao đẳng nghề số 4', abbreviation: 'CĐN4', kind: 'school', parentCode: 'PV.D2' },
];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TARGETS = [
  { indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' },
  { indicatorCode: 'RADIO_ITEMS', amount: 1, basis: 'week' },
];

describe('documents out: Nghị định 30 Word files and the review spreadsheet (2024)', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  const tokens = new Map<string, string>();
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer', code: string) => {
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
  const unitId = async (code: string) =>
    (await db.dataSource.query(`SELECT id FROM units WHERE code = $1`, [code]))[0].id as string;
  const obligation = async (code: string, period: string) =>
    (
      await db.dataSource.query(
        `SELECT o.id FROM obligations o JOIN units u ON u.id = o.unit_id WHERE u.code = $1 AND o.kind = 'report' AND o.period = $2`,
        [code, period],
      )
    )[0].id as string;
  const plan = async (code: string, extra: Record<string, unknown> = {}) => {
    const res = await http()
      .post('/plans')
      .set(await as(code === 'PV' ? 'approver' : 'drafter', code))
      .send({
        year: 2024,
        title: `Kế hoạch tuyên truyền cải cách hành chính năm 2024`,
        sections: { purpose: 'Nâng cao nhận thức về cải cách hành chính.', content: 'Tuyên truyền chủ trương CCHC.' },
        ...extra,
      })
      .expect(201);
    return res.body.id as string;
  };
  const approvePlan = async (code: string, parent: string, extra: Record<string, unknown> = {}) => {
    const id = await plan(code, extra);
    await http()
      .post(`/plans/${id}/submit`)
      .set(await as('drafter', code))
      .expect(200);
    await http()
      .post(`/plans/${id}/approve`)
      .set(await as('approver', parent))
      .expect(200);
    return id;
  };
  const report = async (code: string, values: Record<string, number>, narrative: Record<string, string>) => {
    const res = await http()
      .put('/reports')
      .set(await as('drafter', code))
      .send({ obligationId: await obligation(code, 'Q1'), values, narrative })
      .expect(200);
    await http()
      .post(`/reports/${res.body.id}/submit`)
      .set(await as('drafter', code))
      .expect(200);
    return res.body.id as string;
  };
  const accept = async (parent: string, id: string) =>
    http()
      .post(`/reports/${id}/accept`)
      .set(await as('approver', parent))
      .expect(200);
  const download = (url: string, headers: Record<string, string>, query: Record<string, unknown> = {}) =>
    http().get(url).query(query).set(headers).buffer(true).parse(binary);
  const rollupOf = async (code: string, role: 'drafter' | 'approver' | 'reviewer', as_: string) =>
    (
      await http()
        .get(`/units/${await unitId(code)}/rollup`)
        .query({ year: 2024, period: 'Q1' })
        .set(await as(role, as_))
        .expect(200)
    ).body;
  const decodedName = (cd: string) => decodeURIComponent(cd.split("filename*=UTF-8''")[1]);
  const catalogue = async () =>
    new Map<string, string>(
      (
        await http()
          .get('/indicators')
          .set(await as('drafter', 'PV.D1.S1'))
          .expect(200)
      ).body.map((d: { code: string; name: string }) => [d.code, d.name]),
    );
  /**
   * The indicator table (name, target, actual, %) a rollup implies: its target lines in plan order, then every other
   * indicator with a total (catalogue order), without a target.
   */
  const expectedRows = async (
    targets: Array<{ indicatorCode: string; target: number; actual: number; ratio: number | null }>,
    totals: Record<string, number>,
  ) => {
    const names = await catalogue();
    const withTarget = targets.map((t) => [
      names.get(t.indicatorCode),
      formatNumber(t.target),
      formatNumber(t.actual),
      formatPercent(t.ratio),
    ]);
    const others = [...names.keys()]
      .filter((code) => code in totals && !targets.some((t) => t.indicatorCode === code))
      .map((code) => [names.get(code), '—', formatNumber(totals[code]), '—']);
    return [...withTarget, ...others];
  };
  const tableFigures = (table: string[][]) => table.slice(1).map((r) => [r[1], r[3], r[4], r[5]]);

  let topPlan: string;
  let d1Plan: string;
  let s1Report: string;

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

  it('sets up the 2024 cascade and the quý I reports: on time, late, missing', async () => {
    topPlan = await plan('PV', {
      number: 163,
      issuePlace: 'Phước Vĩnh',
      issueDate: '2023-12-25',
      signer: { name: 'Nguyễn Văn An', title: 'Phó Chủ tịch', signingForm: 'TM.', onBehalfOf: 'Ủy ban nhân dân' },
      recipients: ['Bộ Nội vụ (b/c)', 'Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố', 'Lưu: VT, NC'],
      childDeadline: '2024-01-31',
      targets: TARGETS,
    });
    await http()
      .post(`/plans/${topPlan}/issue`)
      .set(await as('approver', 'PV'))
      .expect(202);
    await eventually(
      async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations`))[0].n === 3,
      30_000,
      'department obligations',
    );
    d1Plan = await approvePlan('PV.D1', 'PV', {
      childDeadline: '2024-02-15',
      targets: TARGETS,
      sections: {
        purpose: 'Nâng cao nhận thức.',
        content: 'Tuyên truyền CCHC trong ngành giáo dục.',
        activities: 'Hội nghị quán triệt.',
      },
      recipients: ['Sở Nội vụ', 'Các trường THPT'],
    });
    await approvePlan('PV.D2', 'PV', { childDeadline: '2024-02-15', targets: TARGETS });
    await eventually(
      async () =>
        (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations WHERE kind = 'plan'`))[0].n === 7,
      30_000,
      'school obligations',
    );
    for (const s of ['PV.D1.S1', 'PV.D1.S2', 'PV.D1.S3']) await approvePlan(s, 'PV.D1');
    await approvePlan('PV.D2.S4', 'PV.D2');
    await eventually(
      async () =>
        (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations WHERE kind = 'report'`))[0].n === 24,
      30_000,
      'report obligations',
    );

    await stack.sleepUntil('2024-03-05T02:00:00Z');
    s1Report = await report(
      'PV.D1.S1',
      { WEB_NEWS: 16, RADIO_ITEMS: 4 },
      {
        achievements: 'Đăng 16 tin, bài trên trang thông tin điện tử.',
        shortcomings: 'Truyền thanh còn ít.',
        causes: 'Chưa có cộng tác viên.',
        proposals: '=Đề nghị tập huấn viết tin, bài.',
      },
    );
    const s2 = await report('PV.D1.S2', { WEB_NEWS: 14 }, { shortcomings: 'Chưa đạt chỉ tiêu tin, bài.' });
    await accept('PV.D1', s1Report);
    await accept('PV.D1', s2);
    const d1 = await report(
      'PV.D1',
      { WEB_NEWS: 5 },
      { shortcomings: 'Một số trường chưa gửi báo cáo.', proposals: 'Bổ sung kinh phí tuyên truyền.' },
    );
    await accept('PV', d1);
    // after the deadline (10/03/2024 is a Sunday → 11/03): S4 reports late; S3 and D2 never do
    await stack.sleepUntil('2024-03-13T02:00:00Z');
    await accept('PV.D2', await report('PV.D2.S4', { WEB_NEWS: 20 }, { causes: 'Thiếu nhân lực.' }));
  });

  it('the plan: header, number, date line, sections, targets, deadlines, schedule, signer and recipients', async () => {
    const res = await download(`/plans/${topPlan}/document.docx`, await as('approver', 'PV')).expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/,
    );
    expect(decodedName(res.headers['content-disposition'])).toBe('Kế hoạch 163/KH-UBND - UBND năm 2024.docx');
    const doc = await readDocx(res.body);
    expect(headerColumns(doc.tables[0])).toEqual([
      'ỦY BAN NHÂN DÂN\nTỈNH PHƯỚC VĨNH\n\nSố: 163/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nPhước Vĩnh, ngày 25 tháng 12 năm 2023',
    ]);
    expect(doc.paragraphs).toContain('KẾ HOẠCH');
    expect(doc.paragraphs).toContain('Tuyên truyền cải cách hành chính năm 2024');
    const names = await catalogue();
    expect(doc.tables[1].slice(1)).toEqual([
      ['1', names.get('WEB_NEWS'), expect.stringMatching(/^5 .+\/tháng$/), '60', 'Tất cả đơn vị'],
      ['2', names.get('RADIO_ITEMS'), expect.stringMatching(/^1 .+\/tuần$/), '52', 'Tất cả đơn vị'],
    ]);
    const body = doc.paragraphs.join('\n');
    expect(body).toContain('chậm nhất là ngày 31/01/2024.');
    expect(body).toContain('- Báo cáo quý I: trước ngày 10/03/2024 (số liệu từ ngày 15/12/2023 đến ngày 14/03/2024);');
    const [recipients, signature] = doc.tables[doc.tables.length - 1][0];
    expect(recipients.split('\n')).toEqual([
      'Nơi nhận:',
      '- Bộ Nội vụ (b/c);',
      '- Các sở, ban, ngành;',
      '- UBND các huyện, thị xã, thành phố;',
      '- Lưu: VT, NC.',
    ]);
    expect(signature.split('\n').filter(Boolean)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']);

    // a department's plan cites the plan it implements and sits under its parent body
    const child = await readDocx(
      (await download(`/plans/${d1Plan}/document.docx`, await as('drafter', 'PV.D1')).expect(200)).body,
    );
    const d1 = (
      await http()
        .get(`/plans/${d1Plan}`)
        .set(await as('drafter', 'PV.D1'))
        .expect(200)
    ).body;
    expect(d1.symbol).toMatch(/^\d+\/KH-SGDĐT$/); // numbered when approved
    expect(headerColumns(child.tables[0])[0]).toBe(`UBND TỈNH PHƯỚC VĨNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: ${d1.symbol}`);
    expect(child.paragraphs.join('\n')).toContain(
      'Thực hiện Kế hoạch số 163/KH-UBND ngày 25/12/2023 của Ủy ban nhân dân tỉnh Phước Vĩnh về tuyên truyền cải cách hành chính năm 2024, Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:',
    );
    // a school drafter cannot export its parent's plan
    await download(`/plans/${d1Plan}/document.docx`, await as('drafter', 'PV.D1.S1')).expect(404);
  });

  it("a unit's report: figures equal the rollup API's, header, number, date line, narrative, recipients", async () => {
    const res = await download(`/reports/${s1Report}/document.docx`, await as('drafter', 'PV.D1.S1')).expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(decodedName(res.headers['content-disposition'])).toBe('Báo cáo Quý I năm 2024 - THPT1.docx');
    const doc = await readDocx(res.body);
    expect(headerColumns(doc.tables[0])).toEqual([
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT SỐ 1\n\nSố:      /BC-THPT1',
      // the place of the nearest plan (the province's); the date of the export (the API's clock: 13/03/2024)
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nPhước Vĩnh, ngày 13 tháng 3 năm 2024',
    ]);
    const rollup = await rollupOf('PV.D1.S1', 'drafter', 'PV.D1.S1');
    expect(rollup.targets.map((t: { actual: number }) => t.actual)).toEqual([16, 4]);
    expect(tableFigures(doc.tables[1])).toEqual(await expectedRows(rollup.targets, rollup.totalAccepted));
    expect(doc.tables[1].slice(1).map((r) => r[6])).toEqual(['Đạt', 'Chưa đạt']); // 16 ≥ 15; 4 < 13
    expect(doc.paragraphs).toContain('Đăng 16 tin, bài trên trang thông tin điện tử.');
    expect(doc.paragraphs).toContain('=Đề nghị tập huấn viết tin, bài.');
    // it cites the plan the school's plan implements: its Sở's
    const d1 = (
      await http()
        .get(`/plans/${d1Plan}`)
        .set(await as('drafter', 'PV.D1'))
        .expect(200)
    ).body;
    const [y, m, d] = d1.issueDate.split('-');
    expect(doc.paragraphs.join('\n')).toContain(
      `Thực hiện Kế hoạch số ${d1.symbol} ngày ${d}/${m}/${y} của Sở Giáo dục và Đào tạo về tuyên truyền cải cách hành chính năm 2024, Trường THPT số 1 báo cáo`,
    );
    expect(doc.tables[doc.tables.length - 1][0][0].split('\n')).toEqual([
      'Nơi nhận:',
      '- Sở Giáo dục và Đào tạo (b/c);',
      '- Lưu: VT.',
    ]);
    // the parent's approver may export it; a sibling's drafter may not, nor a unit of another branch
    await download(`/reports/${s1Report}/document.docx`, await as('approver', 'PV.D1')).expect(200);
    const sibling = await download(`/reports/${s1Report}/document.docx`, await as('drafter', 'PV.D1.S2')).expect(404);
    expect(JSON.parse(sibling.body.toString()).code).toBe('report.not_found');
    await download(`/reports/${s1Report}/document.docx`, await as('approver', 'PV.D2')).expect(404);
  });

  it("the reviewing office's aggregated report: totals, completeness, units, score and narratives of the province", async () => {
    const pv = await unitId('PV');
    const res = await download(`/units/${pv}/aggregate-report.docx`, await as('reviewer', 'PV.SNV'), {
      year: 2024,
      period: 'Q1',
    }).expect(200);
    expect(decodedName(res.headers['content-disposition'])).toBe('Báo cáo tổng hợp Quý I năm 2024 - PV.docx');
    const doc = await readDocx(res.body);
    expect(headerColumns(doc.tables[0])[0]).toBe('UBND TỈNH PHƯỚC VĨNH\nSỞ NỘI VỤ TỈNH PHƯỚC VĨNH\n\nSố:      /BC-SNV');
    expect(headerColumns(doc.tables[0])[1]).toContain('Phước Vĩnh, ngày 13 tháng 3 năm 2024');
    const [, indicators, levels, units, score] = doc.tables;

    const rollup = await rollupOf('PV', 'reviewer', 'PV.SNV');
    // accepted: 16 + 14 + 5 (D1's own) + 20 = 55 tin, bài; 4 radio items
    expect(rollup.totalAccepted).toEqual({ WEB_NEWS: 55, RADIO_ITEMS: 4 });
    // the province implements no parent plan: no targets bind it, the totals are listed against none
    expect(tableFigures(indicators)).toEqual(await expectedRows(rollup.targets, rollup.totalAccepted));
    expect(
      indicators
        .slice(1)
        .map((r) => r[4])
        .sort(),
    ).toEqual(['4', '55']);

    const review = (
      await http()
        .get('/review')
        .query({ year: 2024, period: 'Q1' })
        .set(await as('reviewer', 'PV.SNV'))
        .expect(200)
    ).body.periods[0];
    const c = review.completeness;
    expect(levels[levels.length - 1]).toEqual([
      'Toàn bộ',
      ...[c.expected, c.submitted, c.onTime, c.lateSubmitted, c.missing, c.accepted].map(String),
      formatPercent(c.onTime / c.expected),
    ]);
    expect(c).toMatchObject({ expected: 6, submitted: 4, onTime: 3, lateSubmitted: 1, missing: 2 });
    expect(levels.slice(1, -1).map((r) => r.slice(0, 2))).toEqual([
      ['Cấp 1 (trực thuộc trực tiếp)', '2'],
      ['Cấp 2', '4'],
    ]);
    expect(Object.fromEntries(units.slice(1).map((r) => [r[1], r[4]]))).toEqual({
      'Sở Giáo dục và Đào tạo': 'Đúng hạn',
      'Sở Lao động - Thương binh và Xã hội': 'Chưa gửi (quá hạn)',
      'Trường THPT số 1': 'Đúng hạn',
      'Trường THPT số 2': 'Đúng hạn',
      'Trường THPT số 3': 'Chưa gửi (quá hạn)',
      'Trường Cao đẳng nghề số 4': 'Muộn',
    });
    expect(score[3]).toEqual(['Tổng', '2', formatNumber(rollup.score.total), '']);
    // the children's narrative parts under each heading, the unit named (direct children only: D1 here)
    const at = (h: string) => doc.paragraphs.indexOf(h);
    expect(doc.paragraphs.slice(at('1. Tồn tại, hạn chế') + 1, at('2. Nguyên nhân'))).toEqual([
      '- Sở Giáo dục và Đào tạo: Một số trường chưa gửi báo cáo.',
    ]);
    expect(doc.paragraphs[at('III. ĐỀ XUẤT, KIẾN NGHỊ') + 1]).toBe(
      '- Sở Giáo dục và Đào tạo: Bổ sung kinh phí tuyên truyền.',
    );
    expect(doc.tables[doc.tables.length - 1][0][0].split('\n')).toEqual([
      'Nơi nhận:',
      '- Ủy ban nhân dân tỉnh Phước Vĩnh (b/c);',
      '- Bộ Nội vụ (b/c);',
      '- Lưu: VT.',
    ]);
  });

  it("a parent's aggregated report shows its subtree only; others are refused", async () => {
    const d1 = await unitId('PV.D1');
    const res = await download(`/units/${d1}/aggregate-report.docx`, await as('approver', 'PV.D1'), {
      year: 2024,
      period: 'Q1',
    }).expect(200);
    const doc = await readDocx(res.body);
    const all = doc.paragraphs.join('\n');
    expect(headerColumns(doc.tables[0])[0]).toBe('UBND TỈNH PHƯỚC VĨNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố:      /BC-SGDĐT');
    for (const outside of ['Trường Cao đẳng nghề số 4', 'Sở Lao động', 'Thiếu nhân lực', 'Sở Nội vụ tỉnh'])
      expect(all).not.toContain(outside);
    const rollup = await rollupOf('PV.D1', 'approver', 'PV.D1');
    expect(rollup.totalAccepted).toEqual({ WEB_NEWS: 35, RADIO_ITEMS: 4 });
    expect(tableFigures(doc.tables[1])).toEqual(await expectedRows(rollup.targets, rollup.totalAccepted));
    expect(rollup.targets.map((t: { target: number }) => t.target)).toEqual([15, 13]); // 5/month, 1/week over Q1
    expect(doc.tables[3].slice(1).map((r) => r[1])).toEqual([
      'Trường THPT số 1',
      'Trường THPT số 2',
      'Trường THPT số 3',
    ]);
    expect(all).toContain('- Trường THPT số 1: Truyền thanh còn ít.');
    expect(all).toContain('- Trường THPT số 2: Chưa đạt chỉ tiêu tin, bài.');
    expect(doc.tables[doc.tables.length - 1][0][0].split('\n')).toEqual([
      'Nơi nhận:',
      '- Ủy ban nhân dân tỉnh Phước Vĩnh (b/c);',
      '- Lưu: VT.',
    ]);
    // a sibling department, a school and a drafter without review rights
    await download(`/units/${await unitId('PV.D2')}/aggregate-report.docx`, await as('approver', 'PV.D1'), {
      year: 2024,
      period: 'Q1',
    }).expect(404);
    await download(`/units/${d1}/aggregate-report.docx`, await as('drafter', 'PV.D1.S1'), {
      year: 2024,
      period: 'Q1',
    }).expect(404);
    await download(`/units/${d1}/aggregate-report.docx`, await as('drafter', 'PV.D1'), {
      year: 2024,
      period: 'Q1',
    }).expect(403);
    const bad = await download(`/units/${d1}/aggregate-report.docx`, await as('approver', 'PV.D1'), {
      year: 2024,
      period: 'Q5',
    }).expect(400);
    expect(JSON.parse(bad.body.toString()).code).toBeDefined();
  });

  it('the review spreadsheet: matrix, per indicator, per child, late/missing equal the review and rollup APIs', async () => {
    const res = await download('/review/export.xlsx', await as('reviewer', 'PV.SNV'), {
      year: 2024,
      period: 'Q1',
    }).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(decodedName(res.headers['content-disposition'])).toBe('Tổng hợp rà soát Quý I năm 2024 - PV.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ma trận rà soát',
      'Tổng hợp chỉ tiêu',
      'Theo đơn vị',
      'Chậm, chưa gửi',
    ]);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r, i) => i > 2 && out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const review = (
      await http()
        .get('/review')
        .query({ year: 2024, period: 'Q1' })
        .set(await as('reviewer', 'PV.SNV'))
        .expect(200)
    ).body;
    expect(rows('Ma trận rà soát').map((r) => r[1])).toEqual(review.matrix.map((m: { code: string }) => m.code));
    const perIndicator = Object.fromEntries(rows('Tổng hợp chỉ tiêu').map((r) => [r[1], r]));
    const rollup = await rollupOf('PV', 'reviewer', 'PV.SNV');
    for (const [code, total] of Object.entries(review.periods[0].totals as Record<string, number>)) {
      expect(perIndicator[code][5]).toBe(total);
      const t = rollup.targets.find((x: { indicatorCode: string }) => x.indicatorCode === code);
      expect(perIndicator[code][4] ?? null).toBe(t ? t.target : null);
    }
    const perChild = Object.fromEntries(rows('Theo đơn vị').map((r) => [r[1], r]));
    expect(Object.keys(perChild).sort()).toEqual(rollup.children.map((c: { code: string }) => c.code).sort());
    const header = (wb.getWorksheet('Theo đơn vị')!.getRow(2).values as string[]).slice(1);
    const web = (await catalogue()).get('WEB_NEWS')!;
    const webCol = header.findIndex((h) => h.startsWith(web));
    expect(webCol).toBeGreaterThan(4);
    for (const c of rollup.children as Array<{ code: string; accepted: Record<string, number> }>)
      expect(perChild[c.code][webCol] ?? null).toBe(c.accepted.WEB_NEWS ?? null);
    expect(rows('Chậm, chưa gửi').map((r) => [r[2], r[4]])).toEqual([
      ['PV.D1.S3', 'Chưa gửi (quá hạn)'],
      ['PV.D2', 'Chưa gửi (quá hạn)'],
      ['PV.D2.S4', 'Muộn'],
    ]);

    // a department's approver gets its own subtree only
    const d1 = await download('/review/export.xlsx', await as('approver', 'PV.D1'), {
      year: 2024,
      period: 'Q1',
    }).expect(200);
    const wb1 = new Workbook();
    await wb1.xlsx.load(d1.body as never);
    const codes: string[] = [];
    wb1.worksheets.forEach((ws) => ws.eachRow((r) => r.eachCell((c) => void codes.push(String(c.value)))));
    expect(codes.filter((v) => v.startsWith('PV.')).every((v) => v.startsWith('PV.D1'))).toBe(true);
    expect(codes.join('\n')).not.toContain('Cao đẳng nghề');
    await download('/review/export.xlsx', await as('drafter', 'PV.D1.S1'), {
      year: 2024,
      unitId: await unitId('PV'),
    }).expect(404);
  });

  it('OpenAPI describes the binary responses and the error responses', async () => {
    const spec = (await http().get('/docs/openapi.json').expect(200)).body;
    for (const [path, type] of [
      ['/plans/{id}/document.docx', DOCX],
      ['/reports/{id}/document.docx', DOCX],
      ['/units/{id}/aggregate-report.docx', DOCX],
      ['/review/export.xlsx', XLSX],
    ]) {
      const op = spec.paths[path].get;
      expect(op.responses['200'].content[type].schema).toEqual({ type: 'string', format: 'binary' });
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    }
  });

  it('LibreOffice renders each document: header lines on page 1 and a table (page 1 → docs/screenshots)', async () => {
    const files = {
      plan: (await download(`/plans/${topPlan}/document.docx`, await as('approver', 'PV')).expect(200)).body,
      report: (await download(`/reports/${s1Report}/document.docx`, await as('drafter', 'PV.D1.S1')).expect(200)).body,
      aggregate: (
        await download(`/units/${await unitId('PV')}/aggregate-report.docx`, await as('reviewer', 'PV.SNV'), {
          year: 2024,
          period: 'Q1',
        }).expect(200)
      ).body,
    };
    for (const [name, buffer] of Object.entries(files)) {
      const r = await renderDocx(buffer, name);
      const lines = r.page1.split('\n');
      const find = (re: RegExp) => lines.findIndex((l) => re.test(l));
      expect(find(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/)).toBeGreaterThanOrEqual(0);
      expect(find(/Độc lập - Tự do - Hạnh phúc/)).toBe(find(/CỘNG HÒA/) + 1);
      expect(find(/Số: .*\/(KH|BC)-/)).toBeGreaterThan(find(/CỘNG HÒA/));
      expect(find(/Phước Vĩnh, ngày \d\d tháng \d+ năm \d{4}/)).toBeGreaterThan(find(/Độc lập/));
      expect(find(name === 'plan' ? /^\s*KẾ HOẠCH\s*$/ : /^\s*BÁO CÁO\s*$/)).toBeGreaterThan(find(/Số:/));
      // a table: its header row laid out on one line with wide gaps between the cells
      expect(find(/STT\s{2,}.*Chỉ tiêu/)).toBeGreaterThan(0);
      expect(r.text).toContain('Nơi nhận:');
    }
  });
});
