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

  describe('accepted but wrong', () => {
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
