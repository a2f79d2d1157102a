/**
 * Issue 17 over HTTP: nobody widens their own scope, no input gives a 500, accepted-but-wrong input is refused,
 * and what the audit trail reveals depends on the role.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';
import { demoUserEmail } from '../../libs/persistence/src/seed';

describe('security (e2e)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const auditCount = async (where = 'true', params: unknown[] = []) =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`, params))[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({ databaseUrl: db.url });
    demo = await withDemoData(db.dataSource, app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('no way to widen one’s own scope', () => {
    it('a unit’s own admin cannot make it a reviewing office; an admin above can', async () => {
      const commune = demo.unitId('BTH.PTH.PHU-THUY');
      const own = await demo.token('admin', 'BTH.PTH.PHU-THUY');
      const res = await http().patch(`/units/${commune}`).set(as(own)).send({ isReviewingOffice: true }).expect(403);
      expect(res.body.code).toBe('access.forbidden');
      const [row] = await db.dataSource.query(`SELECT is_reviewing_office FROM units WHERE id = $1`, [commune]);
      expect(row.is_reviewing_office).toBe(false);
      // its plain attributes stay its own admin's to edit
      await http().patch(`/units/${commune}`).set(as(own)).send({ name: 'Phường Phú Thủy (mới)' }).expect(200);
      const district = await demo.token('admin', 'BTH.PTH');
      const ok = await http().patch(`/units/${commune}`).set(as(district)).send({ isReviewingOffice: true });
      expect(ok.status).toBe(200);
      expect(ok.body.isReviewingOffice).toBe(true);
    });

    it('an office’s own admin cannot create or promote reviewers who would follow the parent’s subtree', async () => {
      const snv = demo.unitId('BTH.SNV');
      const officeAdmin = await demo.token('admin', 'BTH.SNV');
      const body = (email: string, roles: string[]) => ({
        unitId: snv,
        email,
        fullName: 'Trần Thị Bình',
        roles,
        password: 'Tuyen-truyen-CCHC-2025',
      });
      const refused = await http()
        .post('/users')
        .set(as(officeAdmin))
        .send(body('rv1@snv.example.vn', ['reviewer']))
        .expect(403);
      expect(refused.body.code).toBe('user.role_beyond_scope');
      expect(await auditCount(`action = 'user.created'`)).toBe(0);

      // a drafter of the office is within its admin's reach …
      const drafter = await http()
        .post('/users')
        .set(as(officeAdmin))
        .send(body('dr1@snv.example.vn', ['drafter']))
        .expect(201);
      // … but promoting them to reviewer is not
      const promote = await http()
        .patch(`/users/${drafter.body.id}`)
        .set(as(officeAdmin))
        .send({ roles: ['drafter', 'reviewer'] })
        .expect(403);
      expect(promote.body.code).toBe('user.role_beyond_scope');
      const [{ roles }] = await db.dataSource.query(`SELECT roles FROM users WHERE id = $1`, [drafter.body.id]);
      expect(roles).toEqual(['drafter']);

      // the province's admin holds the province's reach and may grant it
      const provinceAdmin = await demo.token('admin', 'BTH');
      await http()
        .post('/users')
        .set(as(provinceAdmin))
        .send(body('rv2@snv.example.vn', ['reviewer']))
        .expect(201);
    });
  });

  describe('no input gives a 500', () => {
    const expectClean = (res: request.Response, status: number[]) => {
      expect(status).toContain(res.status);
      expect(res.body.code).toMatch(/^[a-z_]+\.[a-z_.]+$/);
      expect(res.body.message).toMatch(/[àáảãạăâđêôơưộệếềờớ]/i);
    };

    it('JSON nested 5,000 deep', async () => {
      const admin = await demo.token('admin', 'BTH');
      const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const res = await http()
        .patch(`/units/${demo.unitId('BTH.STP')}`)
        .set(as(admin))
        .set('content-type', 'application/json')
        .send(`{"name":"Sở Tư pháp","x":${deep}}`);
      expectClean(res, [400]);
      expect(res.body.code).toBe('request.too_deep');
      const put = await http()
        .put('/reports')
        .set(as(admin))
        .set('content-type', 'application/json')
        .send(`{"obligationId":"00000000-0000-4000-8000-000000000000","values":${deep}}`);
      expectClean(put, [400]);
    });

    it('a NUL character in text', async () => {
      const admin = await demo.token('admin', 'BTH');
      const res = await http()
        .patch(`/units/${demo.unitId('BTH.STP')}`)
        .set(as(admin))
        .send({ name: 'Sở Tư\u0000 pháp' });
      expectClean(res, [400]);
      expect(res.body.code).toBe('request.invalid_character');
      const q = await http().get('/units').query({ q: 'a\u0000b' }).set(as(admin));
      expectClean(q, [400]);
    });

    it('an integer overflow in /plans/:id/diff?from=', async () => {
      const approver = await demo.token('approver', 'BTH');
      const plan = await http()
        .post('/plans')
        .set(as(approver))
        .send({ unitId: demo.unitId('BTH'), year: 2026, title: 'Kế hoạch tuyên truyền CCHC năm 2026' });
      const id = plan.body.id ?? '00000000-0000-4000-8000-000000000000';
      const res = await http().get(`/plans/${id}/diff`).query({ from: '99999999999', to: '1' }).set(as(approver));
      expectClean(res, [400]);
    });

    it('an impossible date in /audit?from=', async () => {
      const admin = await demo.token('admin', 'BTH');
      for (const from of ['2024-02-30', '2024-13-01T00:00:00Z', '99999-01-01']) {
        const res = await http().get('/audit').query({ from }).set(as(admin));
        expectClean(res, [400]);
      }
      await http().get('/audit').query({ from: '2024-02-29T10:00:00+07:00' }).set(as(admin)).expect(200);
    });

    it('POST /indicators without its required fields', async () => {
      const admin = await demo.token('admin', 'BTH');
      const res = await http().post('/indicators').set(as(admin)).send({ code: 'ZALO_POSTS' });
      expectClean(res, [400]);
      expect(Object.keys(res.body.details.fields).sort()).toEqual(['name', 'unitOfMeasure']);
      expect(await auditCount(`action = 'indicator.created'`)).toBe(0);
    });
  });

  describe('accepted but wrong', () => {
    it('an admin cannot reset its own password without the current one (409); /auth/password is the way', async () => {
      const admin = await demo.token('admin', 'BTH.STP');
      const me = (await http().get('/auth/me').set(as(admin)).expect(200)).body;
      const res = await http()
        .post(`/users/${me.userId}/reset-password`)
        .set(as(admin))
        .send({ password: 'Mot-cau-mat-khau-moi-2025' })
        .expect(409);
      expect(res.body.code).toBe('user.cannot_reset_own_password');
      await http().get('/auth/me').set(as(admin)).expect(200);
    });

    it('POST /plans without its required fields is a 400', async () => {
      const approver = await demo.token('approver', 'BTH.STP');
      const res = await http().post('/plans').set(as(approver)).send({ year: 2026 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('plan.title_required');
    });

    it('a PATCH that changes nothing writes nothing and audits nothing', async () => {
      const admin = await demo.token('admin', 'BTH');
      const unit = demo.unitId('BTH.STP');
      const before = await auditCount();
      const a = await http().patch(`/units/${unit}`).set(as(admin)).send({}).expect(200);
      expect(a.body.id).toBe(unit);
      await http().patch(`/units/${unit}`).set(as(admin)).send({ name: a.body.name }).expect(200);
      const [{ id: userId, full_name }] = await db.dataSource.query(
        `SELECT id, full_name FROM users WHERE email = $1`,
        [demoUserEmail('drafter', 'BTH.STP')],
      );
      await http().patch(`/users/${userId}`).set(as(admin)).send({}).expect(200);
      await http().patch(`/users/${userId}`).set(as(admin)).send({ fullName: full_name }).expect(200);
      expect(await auditCount()).toBe(before);
    });

    it('an indicator active from 2030 to 2001 (422)', async () => {
      const admin = await demo.token('admin', 'BTH');
      const res = await http()
        .post('/indicators')
        .set(as(admin))
        .send({
          code: 'BACKWARDS',
          name: 'Chỉ tiêu ngược',
          unitOfMeasure: 'lần',
          activeFromYear: 2030,
          activeToYear: 2001,
        })
        .expect(422);
      expect(res.body.code).toBe('indicator.active_years_reversed');
      const [ind] = await db.dataSource.query(`SELECT code FROM indicators LIMIT 1`);
      const upd = await http()
        .patch(`/indicators/${ind.code}`)
        .set(as(admin))
        .send({ activeFromYear: 2099, activeToYear: 2001 });
      expect(upd.status).toBe(422);
      expect(await auditCount(`action LIKE 'indicator.%'`)).toBe(0);
    });

    it('refuses __proto__ keys (400) instead of dropping them', async () => {
      const admin = await demo.token('admin', 'BTH');
      const res = await http()
        .patch(`/units/${demo.unitId('BTH.STP')}`)
        .set(as(admin))
        .set('content-type', 'application/json')
        .send('{"name":"Sở Tư pháp tỉnh","__proto__":{"isReviewingOffice":true}}')
        .expect(400);
      expect(res.body.code).toBe('request.forbidden_key');
      const nested = await http()
        .put('/reports')
        .set(as(admin))
        .set('content-type', 'application/json')
        .send('{"obligationId":"00000000-0000-4000-8000-000000000000","values":{"__proto__":{"x":1}}}')
        .expect(400);
      expect(nested.body.code).toBe('request.forbidden_key');
    });

    it('/calendar/1e3 and other non-years are 400', async () => {
      const admin = await demo.token('admin', 'BTH');
      for (const y of ['1e3', '0x7e9', '2025.0', ' 2025', '99999']) {
        const res = await http()
          .get(`/calendar/${encodeURIComponent(y)}`)
          .set(as(admin));
        expect([y, res.status]).toEqual([y, 400]);
        expect(res.body.code).toBe('request.invalid_year');
      }
      await http().get('/calendar/2025').set(as(admin)).expect(200);
    });

    it('refuses a back-dated deactivation that would erase recorded activity (409), nothing changed', async () => {
      const admin = await demo.token('admin', 'BTH');
      const school = demo.unitId('BTH.SGDDT.THPT-PBC');
      // something happens to the school today …
      await http().patch(`/units/${school}`).set(as(admin)).send({ email: 'thpt-pbc@example.vn' }).expect(200);
      // … so it cannot have ceased to exist a year ago
      const res = await http()
        .post(`/units/${school}/deactivate`)
        .set(as(admin))
        .send({ effectiveDate: '2025-01-01' })
        .expect(409);
      expect(res.body.code).toBe('unit.deactivation_before_recorded_activity');
      expect(res.body.message).toMatch(/ngày/);
      const [row] = await db.dataSource.query(`SELECT active_to::text AS t FROM units WHERE id = $1`, [school]);
      expect(row.t).toBe('infinity');
    });
  });
});
