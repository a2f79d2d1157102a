/**
 * Scoped access over HTTP: for each role and each action against the own unit, a child, a sibling and
 * another branch — allowed exactly where the policy says, 403/404 elsewhere — and list endpoints never
 * return a row outside the caller's scope. Expected outcomes are written out by hand below.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApi } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';
import { DEMO_UNITS, subtreeCodes, type Role } from '../../libs/persistence/src/seed';

const OWN = 'BTH.SGDDT';
const TARGETS = {
  own: OWN,
  child: 'BTH.SGDDT.THPT-CH',
  sibling: 'BTH.STTTT',
  otherBranch: 'BTH.PTH.PGDDT.THCS-TS',
} as const;
type Target = keyof typeof TARGETS;
type Action = 'read' | 'subtree' | 'audit' | 'edit' | 'createChild' | 'createUser';

// [actor role, actor unit] → action → expected status per target (own, child, sibling, otherBranch)
const EXPECTED: Array<{ role: Role; unit: string; table: Record<Action, [number, number, number, number]> }> = [
  {
    role: 'drafter',
    unit: OWN,
    table: {
      read: [200, 404, 404, 404],
      subtree: [200, 404, 404, 404],
      audit: [200, 404, 404, 404],
      edit: [403, 404, 404, 404],
      createChild: [403, 404, 404, 404],
      createUser: [403, 404, 404, 404],
    },
  },
  {
    role: 'approver',
    unit: OWN,
    table: {
      read: [200, 200, 404, 404],
      subtree: [200, 200, 404, 404],
      audit: [200, 200, 404, 404],
      edit: [403, 403, 404, 404],
      createChild: [403, 403, 404, 404],
      createUser: [403, 403, 404, 404],
    },
  },
  {
    role: 'admin',
    unit: OWN,
    table: {
      read: [200, 200, 404, 404],
      subtree: [200, 200, 404, 404],
      audit: [200, 200, 404, 404],
      edit: [200, 200, 404, 404],
      createChild: [201, 201, 404, 404],
      createUser: [201, 201, 404, 404],
    },
  },
  {
    // A reviewer in an ordinary unit follows its own subtree.
    role: 'reviewer',
    unit: OWN,
    table: {
      read: [200, 200, 404, 404],
      subtree: [200, 200, 404, 404],
      audit: [200, 200, 404, 404],
      edit: [403, 403, 404, 404],
      createChild: [403, 403, 404, 404],
      createUser: [403, 403, 404, 404],
    },
  },
  {
    // Sở Nội vụ (reviewing office) follows the whole province: reads everything, changes nothing.
    role: 'reviewer',
    unit: 'BTH.SNV',
    table: {
      read: [200, 200, 200, 200],
      subtree: [200, 200, 200, 200],
      audit: [200, 200, 200, 200],
      edit: [403, 403, 403, 403],
      createChild: [403, 403, 403, 403],
      createUser: [403, 403, 403, 403],
    },
  },
  {
    // Văn phòng Sở GDĐT (reviewing office inside the Sở) follows the Sở's subtree.
    role: 'reviewer',
    unit: 'BTH.SGDDT.VP',
    table: {
      read: [200, 200, 404, 404],
      subtree: [200, 200, 404, 404],
      audit: [200, 200, 404, 404],
      edit: [403, 403, 404, 404],
      createChild: [403, 403, 404, 404],
      createUser: [403, 403, 404, 404],
    },
  },
];

describe('scoped access (e2e)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  let seq = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApi({ databaseUrl: db.url });
    demo = await withDemoData(db.dataSource, app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = async (token: string, action: Action, unitId: string) => {
    const http = request(app.getHttpServer());
    const auth = { Authorization: `Bearer ${token}` };
    const n = ++seq;
    switch (action) {
      case 'read':
        return http.get(`/units/${unitId}`).set(auth);
      case 'subtree':
        return http.get(`/units/${unitId}/subtree`).set(auth);
      case 'audit':
        return http.get(`/audit`).query({ unitId }).set(auth);
      case 'edit':
        return http
          .patch(`/units/${unitId}`)
          .set(auth)
          .send({ email: `edited${n}@demo.cchc.vn` });
      case 'createChild':
        return http
          .post('/units')
          .set(auth)
          .send({
            parentId: unitId,
            code: `TEST.NEW${n}`,
            name: `Tổ công tác số ${n}`,
            abbreviation: 'TCT',
            kind: 'office',
          });
      case 'createUser':
        return http
          .post('/users')
          .set(auth)
          .send({
            unitId,
            email: `new${n}@demo.cchc.vn`,
            fullName: 'Trần Thị Bình',
            roles: ['drafter'],
            password: 'MatKhau2024x',
          });
    }
  };

  for (const { role, unit, table } of EXPECTED) {
    describe(`${role} of ${unit}`, () => {
      for (const action of Object.keys(table) as Action[]) {
        it(`${action}: ${table[action].join(' ')}`, async () => {
          const token = await demo.token(role, unit);
          const got: number[] = [];
          for (const target of Object.keys(TARGETS) as Target[]) {
            const res = await call(token, action, demo.unitId(TARGETS[target]));
            got.push(res.status);
            if (res.status >= 400) expect(res.body.code).toEqual(expect.any(String));
          }
          expect(got).toEqual(table[action]);
        });
      }
    });
  }

  // Visible units per actor, derived from the seed tree (not from the API under test).
  const direct = (code: string) => DEMO_UNITS.filter((u) => u.parentCode === code).map((u) => u.code);
  const VISIBLE: Array<{ role: Role; unit: string; codes: string[] }> = [
    { role: 'drafter', unit: OWN, codes: [OWN] },
    { role: 'approver', unit: OWN, codes: [OWN, ...direct(OWN)] },
    { role: 'admin', unit: OWN, codes: [...subtreeCodes(DEMO_UNITS, OWN)] },
    { role: 'reviewer', unit: 'BTH.SNV', codes: [...subtreeCodes(DEMO_UNITS, 'BTH')] },
    { role: 'reviewer', unit: 'BTH.SGDDT.VP', codes: [...subtreeCodes(DEMO_UNITS, OWN)] },
    { role: 'drafter', unit: 'BTH.PTH.PGDDT.THCS-TS', codes: ['BTH.PTH.PGDDT.THCS-TS'] },
  ];

  it.each(VISIBLE)('lists only in-scope rows: $role of $unit', async ({ role, unit, codes }) => {
    const token = await demo.token(role, unit);
    const http = request(app.getHttpServer());
    const allowed = new Set(codes.map((c) => demo.unitId(c)));

    const units = await http.get('/units').query({ limit: 500 }).set('Authorization', `Bearer ${token}`).expect(200);
    const seeded = units.body.items.filter((u: { code: string }) => !u.code.startsWith('TEST.'));
    expect(seeded.map((u: { code: string }) => u.code).sort()).toEqual([...codes].sort());

    const users = await http.get('/users').query({ limit: 500 }).set('Authorization', `Bearer ${token}`).expect(200);
    expect(users.body.items.length).toBeGreaterThan(0);
    for (const u of users.body.items) expect(allowed.has(u.unitId) || !(await isSeeded(u.unitId))).toBe(true);

    const audit = await http.get('/audit').query({ limit: 500 }).set('Authorization', `Bearer ${token}`).expect(200);
    for (const a of audit.body.items)
      expect(a.unitId === null ? false : allowed.has(a.unitId) || !(await isSeeded(a.unitId))).toBe(true);

    // search never leaks either
    const search = await http
      .get('/units')
      .query({ q: 'truong', limit: 500 })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    for (const u of search.body.items) expect(allowed.has(u.id) || u.code.startsWith('TEST.')).toBe(true);
  });

  async function isSeeded(unitId: string): Promise<boolean> {
    const rows = await db.dataSource.query(`SELECT code FROM units WHERE id = $1`, [unitId]);
    return rows.length > 0 && !rows[0].code.startsWith('TEST.');
  }

  it('answers 401 without a token and 400 for a malformed id', async () => {
    const http = request(app.getHttpServer());
    const res = await http.get(`/units/${demo.unitId(OWN)}`).expect(401);
    expect(res.body.code).toBe('auth.missing_token');
    const token = await demo.token('admin', OWN);
    const bad = await http.get('/units/not-a-uuid').set('Authorization', `Bearer ${token}`).expect(400);
    expect(bad.body.code).toBe('request.invalid_id');
  });
});
