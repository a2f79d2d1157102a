/**
 * The unit tree over HTTP: dated moves and merges (the 1/7/2025 removal of districts), history as of a date,
 * accent-insensitive search, pagination, and the CSV/XLSX import (all-or-nothing, idempotent).
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';
import { buildUnitCsv, buildUnitXlsx } from '../support/unit-files';

describe('unit tree (e2e)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  let admin: string; // admin of the province (UBND tỉnh)
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({ databaseUrl: db.url });
    demo = await withDemoData(db.dataSource, app);
    admin = await demo.token('admin', 'BTH');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('re-parents a commune from 1/7/2025: 2024 sees the district, 2026 the province', async () => {
    const commune = demo.unitId('BTH.HTB.MA-LAM');
    const district = demo.unitId('BTH.HTB');
    const province = demo.unitId('BTH');
    await http()
      .post(`/units/${commune}/move`)
      .set(as(admin))
      .send({ newParentId: province, effectiveDate: '2025-07-01' })
      .expect(201);

    const in2024 = await http().get(`/units/${commune}`).query({ asOf: '2024-06-30' }).set(as(admin)).expect(200);
    const in2026 = await http().get(`/units/${commune}`).query({ asOf: '2026-01-15' }).set(as(admin)).expect(200);
    expect(in2024.body.parentId).toBe(district);
    expect(in2026.body.parentId).toBe(province);

    const districtKids2024 = await http()
      .get(`/units/${district}/children`)
      .query({ asOf: '2024-06-30' })
      .set(as(admin))
      .expect(200);
    const districtKids2026 = await http()
      .get(`/units/${district}/children`)
      .query({ asOf: '2026-01-15' })
      .set(as(admin))
      .expect(200);
    expect(districtKids2024.body.map((u: { id: string }) => u.id)).toContain(commune);
    expect(districtKids2026.body.map((u: { id: string }) => u.id)).not.toContain(commune);

    const anc2024 = await http()
      .get(`/units/${commune}/ancestors`)
      .query({ asOf: '2024-06-30' })
      .set(as(admin))
      .expect(200);
    expect(anc2024.body.map((u: { code: string }) => u.code)).toEqual(['BTH', 'BTH.HTB']);
    const anc2026 = await http()
      .get(`/units/${commune}/ancestors`)
      .query({ asOf: '2026-01-15' })
      .set(as(admin))
      .expect(200);
    expect(anc2026.body.map((u: { code: string }) => u.code)).toEqual(['BTH']);

    // the district's own subtree count follows the date too
    const c2024 = await http()
      .get(`/units/${district}/subtree/count`)
      .query({ asOf: '2024-06-30' })
      .set(as(admin))
      .expect(200);
    const c2026 = await http()
      .get(`/units/${district}/subtree/count`)
      .query({ asOf: '2026-01-15' })
      .set(as(admin))
      .expect(200);
    expect(c2024.body.count - c2026.body.count).toBe(1);

    // a district approver saw the commune as a child in 2024 only
    const districtApprover = await demo.token('approver', 'BTH.HTB');
    await http().get(`/units/${commune}`).query({ asOf: '2024-06-30' }).set(as(districtApprover)).expect(200);
    await http().get(`/units/${commune}`).query({ asOf: '2026-01-15' }).set(as(districtApprover)).expect(404);

    // history cannot be rewritten in the middle: a change dated before the recorded move is refused
    const res = await http()
      .post(`/units/${commune}/move`)
      .set(as(admin))
      .send({ newParentId: demo.unitId('BTH.PTH'), effectiveDate: '2025-01-01' })
      .expect(409);
    expect(res.body.code).toBe('unit.change_before_recorded_change');
  });

  it('merges two communes into a new one from 1/7/2025 and keeps both histories reachable', async () => {
    const a = demo.unitId('BTH.LGI.PHUOC-HOI');
    const b = demo.unitId('BTH.LGI.TAN-HAI');
    const province = demo.unitId('BTH');
    const merged = await http()
      .post('/units/merge')
      .set(as(admin))
      .send({
        sourceIds: [a, b],
        intoNew: {
          parentId: province,
          code: 'BTH.PHUOC-HAI',
          name: 'Ủy ban nhân dân xã Phước Hải',
          abbreviation: 'UBND',
          kind: 'commune',
        },
        effectiveDate: '2025-07-01',
      })
      .expect(201);
    const c = merged.body.into.id;

    const history = await http().get(`/units/${c}/history`).set(as(admin)).expect(200);
    expect(history.body.predecessors.map((p: { code: string }) => p.code).sort()).toEqual([
      'BTH.LGI.PHUOC-HOI',
      'BTH.LGI.TAN-HAI',
    ]);
    expect(history.body.predecessors.every((p: { mergedOn: string }) => p.mergedOn === '2025-07-01')).toBe(true);

    // the old units still answer for 2024, under their old parent, and are gone in 2026
    const old2024 = await http().get(`/units/${a}`).query({ asOf: '2024-06-30' }).set(as(admin)).expect(200);
    expect(old2024.body).toMatchObject({ parentId: demo.unitId('BTH.LGI'), activeTo: '2025-07-01', mergedIntoId: c });
    const lgi2026 = await http()
      .get(`/units/${demo.unitId('BTH.LGI')}/children`)
      .query({ asOf: '2026-01-15' })
      .set(as(admin))
      .expect(200);
    expect(lgi2026.body).toEqual([]);
    const lgi2024 = await http()
      .get(`/units/${demo.unitId('BTH.LGI')}/children`)
      .query({ asOf: '2024-06-30' })
      .set(as(admin))
      .expect(200);
    expect(lgi2024.body).toHaveLength(2);

    // merge, move and deactivation are audited with before → after
    const audit = await http().get('/audit').query({ entityType: 'unit', entityId: a }).set(as(admin)).expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'unit.merged_away',
      after: { intoId: c, effectiveDate: '2025-07-01' },
    });
  });

  it('finds units without diacritics and pages through a subtree', async () => {
    const res = await http().get('/units').query({ q: 'so giao duc' }).set(as(admin)).expect(200);
    expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Sở Giáo dục và Đào tạo');
    const upper = await http().get('/units').query({ q: 'TRUONG THPT CONG HIEN' }).set(as(admin)).expect(200);
    expect(upper.body.items.map((u: { code: string }) => u.code)).toEqual(['BTH.SGDDT.THPT-CH']);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await http()
        .get('/units')
        .query({ limit: 7, ...(after ? { after } : {}) })
        .set(as(admin))
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.items.map((u: { code: string }) => u.code));
      after = page.body.nextCursor ?? undefined;
    } while (after);
    const count = await http()
      .get(`/units/${demo.unitId('BTH')}/subtree/count`)
      .set(as(admin))
      .expect(200);
    expect(seen).toHaveLength(count.body.count);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('rejects an out-of-range limit and an impossible date with 400', async () => {
    const a = await http().get('/units').query({ limit: 5000 }).set(as(admin)).expect(400);
    expect(a.body.details.fields).toHaveProperty('limit');
    const b = await http()
      .get(`/units/${demo.unitId('BTH')}`)
      .query({ asOf: '2024-02-30' })
      .set(as(admin))
      .expect(400);
    expect(b.body.details.fields).toHaveProperty('asOf');
  });

  describe('import', () => {
    const rows = [
      {
        code: 'BTH.PTH.PGDDT.THCS-NT',
        name: 'Trường THCS Nguyễn Trãi',
        abbreviation: 'THCSNT',
        kind: 'school',
        parentCode: 'BTH.PTH.PGDDT',
        email: 'nt@edu.vn',
      },
      {
        code: 'BTH.PTH.PGDDT.TH-KD',
        name: 'Trường Tiểu học Kim Đồng',
        abbreviation: 'THKD',
        kind: 'school',
        parentCode: 'BTH.PTH.PGDDT',
      },
      {
        code: 'BTH.PTH.TTVH',
        name: 'Trung tâm Văn hóa - Thể thao thành phố',
        abbreviation: 'TTVH',
        kind: 'centre',
        parentCode: 'BTH.PTH',
      },
      {
        code: 'BTH.PTH.TTVH.DOI',
        name: 'Đội Thông tin lưu động',
        abbreviation: 'ĐTTLĐ',
        kind: 'other',
        parentCode: 'BTH.PTH.TTVH',
      },
    ];
    const upload = (token: string, buf: Buffer | string, name: string, query: Record<string, string> = {}) =>
      http().post('/units/import').query(query).set(as(token)).attach('file', Buffer.from(buf), name);
    const countUnits = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM units`))[0].n;

    it('reports every bad row and writes nothing', async () => {
      const before = await countUnits();
      const bad = [
        ...rows,
        { code: 'BAD 1', name: 'Mã có dấu cách', abbreviation: 'X', kind: 'school', parentCode: 'BTH.PTH' },
        { code: 'BTH.X2', name: 'Loại sai', abbreviation: 'X', kind: 'spaceship', parentCode: 'BTH.PTH' },
        { code: 'BTH.X3', name: 'Cấp trên không có', abbreviation: 'X', kind: 'school', parentCode: 'NO.SUCH.UNIT' },
      ];
      const res = await upload(admin, buildUnitCsv(bad), 'units.csv').expect(422);
      expect(res.body.code).toBe('import.invalid_rows');
      expect(res.body.details.badRows).toBe(3);
      expect([...new Set(res.body.details.problems.map((p: { rowNumber: number }) => p.rowNumber))]).toEqual([6, 7, 8]);
      expect(res.body.message).toContain('3 dòng');
      expect(await countUnits()).toBe(before);
    });

    it('imports an XLSX file, and importing it again changes nothing', async () => {
      const file = await buildUnitXlsx(rows);
      const dry = await upload(admin, file, 'units.xlsx', { dryRun: 'true', validFrom: '2026-01-01' }).expect(201);
      expect(dry.body).toMatchObject({ dryRun: true, created: 4 });
      const first = await upload(admin, file, 'units.xlsx', { validFrom: '2026-01-01' }).expect(201);
      expect(first.body).toMatchObject({ dryRun: false, rows: 4, created: 4, updated: 0, moved: 0, unchanged: 0 });
      const auditBefore = (await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
      const second = await upload(admin, file, 'units.xlsx', { validFrom: '2026-01-01' }).expect(201);
      expect(second.body).toMatchObject({ created: 0, updated: 0, moved: 0, unchanged: 4 });
      expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(auditBefore);

      const doi = (await db.dataSource.query(`SELECT id FROM units WHERE code = 'BTH.PTH.TTVH.DOI'`))[0].id;
      const anc = await http().get(`/units/${doi}/ancestors`).query({ asOf: '2026-02-01' }).set(as(admin)).expect(200);
      expect(anc.body.map((u: { code: string }) => u.code)).toEqual(['BTH', 'BTH.PTH', 'BTH.PTH.TTVH']);
    });

    it('refuses rows under a parent outside the admin’s subtree', async () => {
      const sgddtAdmin = await demo.token('admin', 'BTH.SGDDT');
      const res = await upload(
        sgddtAdmin,
        buildUnitCsv([
          { code: 'BTH.STP.X', name: 'Phòng mới', abbreviation: 'P', kind: 'office', parentCode: 'BTH.STP' },
        ]),
        'u.csv',
      ).expect(422);
      expect(res.body.details.problems[0]).toMatchObject({ rowNumber: 2, code: 'import.parent_out_of_scope' });
      const drafter = await demo.token('drafter', 'BTH');
      const res2 = await upload(
        drafter,
        buildUnitCsv([{ code: 'BTH.Y', name: 'Phòng mới', abbreviation: 'P', kind: 'office', parentCode: 'BTH' }]),
        'u.csv',
      ).expect(422);
      expect(res2.body.details.problems[0].code).toBe('import.parent_out_of_scope');
    });

    it('answers a clear error for an unreadable file or a missing one', async () => {
      const res = await upload(admin, Buffer.from('%PDF-1.4 not a spreadsheet'), 'units.pdf').expect(422);
      expect(res.body.code).toBe('import.unsupported_file');
      const none = await http().post('/units/import').set(as(admin)).expect(400);
      expect(none.body.code).toBe('import.no_file');
    });
  });
});
