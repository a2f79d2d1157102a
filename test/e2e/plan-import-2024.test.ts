/**
 * Issue 14 over HTTP, on the time-skipping server started on 10/01/2024 08:00 (Asia/Ho_Chi_Minh):
 * hostile and broken uploads are refused with stable codes and write nothing; UBND tỉnh Bình Thuận uploads seed 001
 * as a .docx and gets a draft (nothing issued) with the deadline 31/01/2024 read from the text; on confirmation the
 * plan is issued and the cascade gives every child an obligation due that day. Sở GDĐT then uploads its own plan
 * (seed 000 as Markdown, citing the province plan by its symbol and date, with a deadline for its units): the
 * draft is matched to the province plan, confirmed (= submitted), approved, and cascades with the extracted deadline.
 */
import { INestApplication } from '@nestjs/common';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readFileSync } from 'fs';
import request from 'supertest';
import { TestDatabase } from '../support/database';
import { startStack, Stack } from '../support/stack';
import { withDemoData } from '../support/demo';
import { eventually } from '../support/worker';
import { DEMO_UNITS } from '../../libs/persistence/src/seed';

const SEEDS = '/work/shared/seeds';
const seed = (f: string) => readFileSync(`${SEEDS}/${f}`, 'utf8');

async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  });
  return Packer.toBuffer(doc);
}

describe('plan import → confirm → issue (seed 001 and 000, time-skipping)', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let stack: Stack;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(api.getHttpServer());
  const as = async (role: 'drafter' | 'approver' | 'reviewer' | 'admin', unit: string) => ({
    Authorization: `Bearer ${await demo.token(role, unit)}`,
  });
  const counts = async () =>
    (
      await db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM plans) AS plans, (SELECT count(*)::int FROM plan_imports) AS imports,
                (SELECT count(*)::int FROM obligations) AS obligations`,
      )
    )[0];
  const deadlinesOf = (planId: string) =>
    db.dataSource.query(
      `SELECT u.code, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline FROM obligations o
         JOIN units u ON u.id = o.unit_id WHERE o.source_plan_id = $1 AND o.kind = 'plan' ORDER BY u.code`,
      [planId],
    );

  beforeAll(async () => {
    stack = await startStack({ startAt: '2024-01-10T01:00:00Z' });
    ({ db, api } = stack);
    demo = await withDemoData(db.dataSource, api);
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('refuses broken and hostile files with a Vietnamese message and a stable code, writing nothing', async () => {
    const before = await counts();
    const upload = async (buffer: Buffer, name: string) =>
      http()
        .post('/plan-imports')
        .set(await as('approver', 'BTH'))
        .attach('file', buffer, name);

    const doc = await upload(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 'kh.doc');
    expect(doc.status).toBe(415);
    expect(doc.body).toMatchObject({ statusCode: 415, code: 'plan_import.unsupported_file' });
    expect(doc.body.message).toMatch(/Word 97–2003/);

    const fake = await upload(Buffer.from('KẾ HOẠCH giả'), 'kh.docx');
    expect([fake.status, fake.body.code]).toEqual([415, 'plan_import.not_docx']);

    const good = await docxOf('KẾ HOẠCH\nTuyên truyền');
    const broken = await upload(good.subarray(0, good.length - 50), 'kh.docx');
    expect([broken.status, broken.body.code]).toEqual([422, 'plan_import.unreadable']);
    expect(broken.body.message).toMatch(/Không đọc được tệp Word/);

    const huge = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 0x61), 'kh.txt');
    expect([huge.status, huge.body.code]).toEqual([413, 'plan_import.file_too_large']);
    expect(huge.body.message).toMatch(/Tệp quá lớn/);

    const none = await http()
      .post('/plan-imports')
      .set(await as('approver', 'BTH'))
      .send({});
    expect([none.status, none.body.code]).toEqual([400, 'plan_import.no_file']);

    // a unit outside the caller's scope: 404, before the file is read
    const outside = await http()
      .post('/plan-imports')
      .set(await as('drafter', 'BTH.STP'))
      .field('unitId', demo.unitId('BTH.SGDDT'))
      .attach('file', Buffer.from(seed('000_175b57d5af05de13.txt')), 'kh.txt');
    expect(outside.status).toBe(404);

    expect(await counts()).toEqual(before);
  });

  let provinceImportId: string;
  let provincePlanId: string;

  it('turns seed 001 (.docx) into a draft with the fields marked by sentence; nothing issued', async () => {
    const res = await http()
      .post('/plan-imports')
      .set(await as('approver', 'BTH'))
      .attach('file', await docxOf(seed('001_581e4daf63d91ab6.txt')), 'ke-hoach-tuyen-truyen-cchc-2024.docx')
      .expect(201);
    provinceImportId = res.body.id;
    provincePlanId = res.body.planId;
    const { extraction, plan, text } = res.body;
    expect(res.body).toMatchObject({ status: 'draft', format: 'docx', parentMatch: null });
    expect(plan).toMatchObject({
      status: 'draft',
      year: 2024,
      childDeadline: '2024-01-31',
      title: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh',
    });
    expect(plan.targets).toHaveLength(5);
    expect(plan.targets[0]).toEqual({
      indicatorCode: 'WEB_NEWS',
      amount: 5,
      basis: 'month',
      unitKinds: ['department', 'district'],
    });
    expect(plan.recipients).toHaveLength(15);
    const d = extraction.childDeadline;
    expect(d.value).toBe('2024-01-31');
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(text.slice(d.source.start, d.source.end)).toBe(d.source.text);
    expect(d.source.text).toMatch(/Chậm nhất là ngày 31\/01\/2024/);
    expect(extraction.parentPlan.value).toMatchObject({ symbol: '4912/KH-UBND', date: '2023-12-15' });
    expect(extraction.notFound).toEqual(expect.arrayContaining(['issueDate', 'number', 'reportPeriods']));
    expect(res.body.defaults).toEqual(['reportSchedule']);
    expect(await deadlinesOf(provincePlanId)).toEqual([]);

    // stored with the draft: readable again, within scope only
    const again = await http()
      .get(`/plan-imports/${provinceImportId}`)
      .set(await as('reviewer', 'BTH.SNV'))
      .expect(200);
    expect(again.body.extraction.targets).toHaveLength(5);
    await http()
      .get(`/plan-imports/${provinceImportId}`)
      .set(await as('drafter', 'BTH.STP'))
      .expect(404);

    // a second upload for the same unit and year: 409, nothing added
    const before = await counts();
    const dup = await http()
      .post('/plan-imports')
      .set(await as('approver', 'BTH'))
      .attach('file', Buffer.from(seed('001_581e4daf63d91ab6.txt')), 'kh.txt')
      .expect(409);
    expect(dup.body.code).toBe('plan.exists');
    expect(await counts()).toEqual(before);

    const audit = await db.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [provinceImportId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['plan_import.created']);
  });

  it('issues on confirmation; the cascade runs with the extracted deadline 31/01/2024', async () => {
    const refused = await http()
      .post(`/plan-imports/${provinceImportId}/confirm`)
      .set(await as('drafter', 'BTH'))
      .send({})
      .expect(403);
    expect(refused.body.code).toBeDefined();
    expect((await db.dataSource.query(`SELECT status FROM plan_imports WHERE id = $1`, [provinceImportId]))[0]).toEqual(
      {
        status: 'draft',
      },
    );

    const res = await http()
      .post(`/plan-imports/${provinceImportId}/confirm`)
      .set(await as('approver', 'BTH'))
      .send({ changes: { issuePlace: 'Bình Thuận' } })
      .expect(200);
    expect(res.body).toMatchObject({ action: 'issued', import: { status: 'confirmed' } });

    const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH')
      .map((u) => u.code)
      .sort();
    const rows = await eventually(
      async () => {
        const r = await deadlinesOf(provincePlanId);
        return r.length === children.length && r;
      },
      30_000,
      'province obligations',
    );
    expect(rows.map((r: { code: string }) => r.code)).toEqual(children);
    expect(new Set(rows.map((r: { deadline: string }) => r.deadline))).toEqual(new Set(['2024-01-31']));

    const again = await http()
      .post(`/plan-imports/${provinceImportId}/confirm`)
      .set(await as('approver', 'BTH'))
      .send({})
      .expect(409);
    expect(again.body.code).toBe('plan_import.already_confirmed');
  });

  it('matches a department’s document to the province plan it cites; confirm submits, approval cascades with its deadline', async () => {
    const province = await eventually(
      async () => {
        const p = await http()
          .get(`/plans/${provincePlanId}`)
          .set(await as('approver', 'BTH'));
        return p.body.status === 'issued' && p.body;
      },
      30_000,
      'province plan issued',
    );
    const [y, m, d] = province.issueDate.split('-');
    // Seed 000 rewritten as Sở GDĐT Bình Thuận's plan: it cites the province plan by symbol and date, and sets a
    // deadline for its units ("chậm nhất là ngày 15 tháng 02 năm 2024").
    const text = seed('000_175b57d5af05de13.txt')
      .replace(
        'Kế hoạch số 163/KH-UBND ngày 25/12/2023 của UBND tỉnh Nam Định',
        `Kế hoạch số ${province.symbol} ngày ${d}/${m}/${y} của UBND tỉnh Bình Thuận`,
      )
      .replace(
        '- Tổ chức phổ biến, quán triệt và chỉ đạo triển khai',
        '- Xây dựng kế hoạch của đơn vị, hoàn thành chậm nhất là ngày 15 tháng 02 năm 2024.\n\n- Tổ chức phổ biến, quán triệt và chỉ đạo triển khai',
      );
    const res = await http()
      .post('/plan-imports')
      .set(await as('drafter', 'BTH.SGDDT'))
      .attach('file', Buffer.from(text), 'ke-hoach-so-gddt.md')
      .expect(201);
    expect(res.body.parentMatch).toMatchObject({
      planId: provincePlanId,
      symbol: province.symbol,
      matchedBy: 'symbol',
    });
    expect(res.body.plan).toMatchObject({ status: 'draft', childDeadline: '2024-02-15', parentPlanId: provincePlanId });
    expect(res.body.plan.obligationId).toBeTruthy();

    const confirmed = await http()
      .post(`/plan-imports/${res.body.id}/confirm`)
      .set(await as('drafter', 'BTH.SGDDT'))
      .send({})
      .expect(200);
    expect(confirmed.body).toMatchObject({ action: 'submitted', result: { to: 'submitted' } });

    await http()
      .post(`/plans/${res.body.planId}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(200);
    const rows = await eventually(
      async () => {
        const r = await deadlinesOf(res.body.planId);
        return r.length > 0 && r;
      },
      30_000,
      'department obligations',
    );
    expect(new Set(rows.map((r: { deadline: string }) => r.deadline))).toEqual(new Set(['2024-02-15']));
  });

  it('keep_draft: a drafter confirms what was read (with corrections) and the plan stays a draft, nothing issued', async () => {
    // Seed 003 (Sở LĐTBXH Lạng Sơn, 2023) as Sở Tư pháp's document, read by hand: "Lạng Sơn, ngày tháng 3 năm 2023",
    // "có ít nhất 04 tin, bài về CCHC đăng trên trang thông tin điện tử của Sở" (hàng tháng), no deadline for the
    // units below it (so the default 31/01 of the plan's year).
    const drafter = await as('drafter', 'BTH.STP');
    const up = await http()
      .post('/plan-imports')
      .set(drafter)
      .attach('file', Buffer.from(seed('003_3c3cbfb97a6eb7de.txt')), 'ke-hoach-stp.txt')
      .expect(201);
    const { id, planId } = up.body;
    expect(up.body.plan).toMatchObject({
      status: 'draft',
      year: 2023,
      issuePlace: 'Lạng Sơn',
      childDeadline: '2023-01-31',
    });
    expect(up.body.plan.targets).toContainEqual(
      expect.objectContaining({ indicatorCode: 'WEB_NEWS', amount: 4, basis: 'month' }),
    );
    const importStatus = async () =>
      (await db.dataSource.query(`SELECT status FROM plan_imports WHERE id = $1`, [id]))[0].status;
    // waiting for confirmation: listed for the unit's drafter (to come back to the review), not for another unit's
    const pendingIds = async (who: Record<string, string>) =>
      ((await http().get('/plan-imports').set(who).expect(200)).body.items as Array<{ id: string }>).map((x) => x.id);
    const listed = (await http().get('/plan-imports').set(drafter).expect(200)).body.items;
    expect(listed.find((x: { id: string }) => x.id === id)).toMatchObject({
      planId,
      unitName: 'Sở Tư pháp',
      filename: 'ke-hoach-stp.txt',
      format: 'txt',
      year: 2023,
    });
    expect(await pendingIds(await as('drafter', 'BTH.SGDDT'))).not.toContain(id);

    // the default mode issues, which a drafter may not do; keep_draft needs the right to draft, which a reviewer lacks
    await http().post(`/plan-imports/${id}/confirm`).set(drafter).send({}).expect(403);
    const reviewer = await http()
      .post(`/plan-imports/${id}/confirm`)
      .set(await as('reviewer', 'BTH.SNV'))
      .send({ mode: 'keep_draft' })
      .expect(403);
    expect(reviewer.body.message).toBeTruthy();
    const badMode = await http().post(`/plan-imports/${id}/confirm`).set(drafter).send({ mode: 'publish' }).expect(400);
    expect(badMode.body.code).toBe('request.validation_failed');
    await http()
      .post(`/plan-imports/${id}/confirm`)
      .set(drafter)
      .send({ mode: 'keep_draft', changes: { childDeadline: '31/03/2023' } })
      .expect(400);
    expect(await importStatus()).toBe('draft');

    const res = await http()
      .post(`/plan-imports/${id}/confirm`)
      .set(drafter)
      .send({ mode: 'keep_draft', changes: { childDeadline: '2023-04-14', issuePlace: 'Phan Thiết' } })
      .expect(200);
    expect(res.body).toMatchObject({
      action: 'kept_draft',
      import: { status: 'confirmed', planId },
      result: { id: planId, status: 'draft', childDeadline: '2023-04-14', issuePlace: 'Phan Thiết' },
    });
    expect(res.body.import.confirmedAt).toBeTruthy();
    const plan = await http().get(`/plans/${planId}`).set(drafter).expect(200);
    expect(plan.body).toMatchObject({
      status: 'draft',
      childDeadline: '2023-04-14',
      issuePlace: 'Phan Thiết',
      year: 2023,
    });
    expect(plan.body.targets).toContainEqual(
      expect.objectContaining({ indicatorCode: 'WEB_NEWS', amount: 4, basis: 'month' }),
    );
    expect(await deadlinesOf(planId)).toEqual([]);
    const audit = await db.dataSource.query(
      `SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['plan_import.created', 'plan_import.confirmed']);
    expect(audit[1].after).toMatchObject({ action: 'kept_draft', changed: ['childDeadline', 'issuePlace'] });

    const again = await http()
      .post(`/plan-imports/${id}/confirm`)
      .set(drafter)
      .send({ mode: 'keep_draft' })
      .expect(409);
    expect(again.body.code).toBe('plan_import.already_confirmed');
    expect(await pendingIds(drafter)).not.toContain(id); // confirmed: no longer waiting
  });

  it('documents the endpoints in OpenAPI with their response schema and error responses', async () => {
    const res = await http().get('/docs/openapi.json').expect(200);
    const upload = res.body.paths['/plan-imports'].post;
    expect(Object.keys(upload.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '422',
    ]);
    expect(upload.responses['201'].content['application/json'].schema.$ref).toMatch(/PlanImportResponse$/);
    expect(upload.requestBody.content['multipart/form-data']).toBeDefined();
    const confirm = res.body.paths['/plan-imports/{id}/confirm'].post;
    expect(confirm.responses['200'].content['application/json'].schema.$ref).toMatch(/ConfirmPlanImportResponse$/);
    expect(res.body.components.schemas.ExtractedFieldDto.properties.source).toBeDefined();
    expect(res.body.components.schemas.ConfirmPlanImportDto.properties.mode.enum).toEqual(['issue', 'keep_draft']);
  });
});
