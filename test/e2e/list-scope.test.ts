/**
 * One scope for lists and aggregates: every list endpoint, for each role at several units, reveals only units the
 * access policy lets the caller read one by one. The expected answer is computed here from the demo tree (parent
 * codes, in memory) and the domain policy — not from the product's SQL.
 *
 * Data: the province plan issued (its departments owe plans), Sở GDĐT's plan approved (its schools owe plans), so
 * obligations exist two levels below the province.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startStack, Stack } from '../support/stack';
import { eventually } from '../support/worker';
import { TestDatabase } from '../support/database';
import { withDemoData } from '../support/demo';
import { decideFor, relationFromDepth, type Role } from '../../libs/domain/src';
import { DEMO_UNITS } from '../../libs/persistence/src/seed';

const PARENT = new Map(DEMO_UNITS.map((u) => [u.code, u.parentCode ?? null]));
const REVIEWING_OFFICE = new Set(DEMO_UNITS.filter((u) => u.isReviewingOffice).map((u) => u.code));

/** Depth of `code` below `ancestor` in the demo tree, or null when not below it. */
function depthBelow(ancestor: string, code: string): number | null {
  let depth = 0;
  for (let c: string | null = code; c; c = PARENT.get(c) ?? null, depth++) if (c === ancestor) return depth;
  return null;
}

/** The policy's answer for one role at one unit: may it read `code` one by one? */
function mayRead(role: Role, at: string, code: string): boolean {
  const anchor = role === 'reviewer' && REVIEWING_OFFICE.has(at) ? (PARENT.get(at) ?? at) : at;
  return decideFor('unit.read', [[role, relationFromDepth(depthBelow(anchor, code))]]) === 'allow';
}

const CONTENT = {
  sections: { purpose: 'Nâng cao nhận thức về CCHC', content: 'Tuyên truyền các chủ trương, chính sách về CCHC' },
  targets: [{ indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }],
};

const CALLERS: Array<[Role, string]> = [
  ['drafter', 'BTH'],
  ['approver', 'BTH'],
  ['reviewer', 'BTH.SNV'],
  ['admin', 'BTH'],
  ['drafter', 'BTH.SGDDT'],
  ['approver', 'BTH.SGDDT'],
  ['reviewer', 'BTH.SGDDT.VP'],
  ['admin', 'BTH.SGDDT'],
  ['approver', 'BTH.SGDDT.THPT-CH'],
];

describe('every list reveals only units the policy lets the caller read', () => {
  let stack: Stack;
  let db: TestDatabase;
  let api: INestApplication;
  let demo: Awaited<ReturnType<typeof withDemoData>>;
  const http = () => request(api.getHttpServer());
  const as = async (role: Role, unit: string) => ({ Authorization: `Bearer ${await demo.token(role, unit)}` });

  beforeAll(async () => {
    stack = await startStack({ startAt: '2026-01-05T01:00:00Z' });
    ({ db, api } = stack);
    demo = await withDemoData(db.dataSource, api);
    const plan = await http()
      .post('/plans')
      .set(await as('approver', 'BTH'))
      .send({ year: 2026, title: 'Kế hoạch tuyên truyền CCHC năm 2026', childDeadline: '2026-01-31', ...CONTENT })
      .expect(201);
    await http()
      .post(`/plans/${plan.body.id}/issue`)
      .set(await as('approver', 'BTH'))
      .expect(202);
    const childrenOfBth = DEMO_UNITS.filter((u) => u.parentCode === 'BTH').length;
    await eventually(
      async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations`))[0].n === childrenOfBth,
      30_000,
      'department obligations',
    );
    const dept = await http()
      .post('/plans')
      .set(await as('drafter', 'BTH.SGDDT'))
      .send({
        year: 2026,
        title: 'Kế hoạch tuyên truyền CCHC năm 2026 của Sở GDĐT',
        childDeadline: '2026-02-15',
        ...CONTENT,
      })
      .expect(201);
    await http()
      .post(`/plans/${dept.body.id}/submit`)
      .set(await as('drafter', 'BTH.SGDDT'))
      .expect(200);
    await http()
      .post(`/plans/${dept.body.id}/approve`)
      .set(await as('approver', 'BTH'))
      .expect(200);
    const schools = DEMO_UNITS.filter((u) => u.parentCode === 'BTH.SGDDT').length;
    await eventually(
      async () =>
        (await db.dataSource.query(`SELECT count(*)::int AS n FROM obligations WHERE kind = 'plan'`))[0].n ===
        childrenOfBth + schools,
      30_000,
      'school obligations',
    );
    await demo.refreshIds();
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  /** Unit ids anywhere in a response body (fields named unitId, plus `id` of unit rows). */
  function revealedUnitIds(body: unknown, unitRows = false): Set<string> {
    const out = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.unitId === 'string') out.add(o.unitId);
        if (unitRows && typeof o.id === 'string' && typeof o.code === 'string') out.add(o.id);
        Object.values(o).forEach(walk);
      }
    };
    walk(body);
    return out;
  }

  it.each(CALLERS)('%s of %s', async (role, at) => {
    const codeOf = new Map(DEMO_UNITS.map((u) => [demo.unitId(u.code), u.code]));
    const own = demo.unitId(at);
    const h = await as(role, at);
    const lists: Array<[string, boolean]> = [
      [`/units/${own}/subtree?limit=500`, true],
      [`/users?limit=500`, false],
      [`/plans?year=2026`, false],
      [`/obligations/incoming?year=2026`, false],
      [`/obligations/outgoing?year=2026`, false],
      [`/inbox`, false],
      [`/audit?limit=200`, false],
      [`/units/${own}/rollup?year=2026&period=Q1`, true],
      [`/review?year=2026`, false],
    ];
    let revealedTotal = 0;
    for (const [path, unitRows] of lists) {
      const res = await http().get(path).set(h);
      if (res.status !== 200) {
        // refused as a whole (e.g. review for a drafter): reveals nothing
        expect([403, 404]).toContain(res.status);
        continue;
      }
      const revealed = [...revealedUnitIds(res.body, unitRows)].map((id) => codeOf.get(id) ?? id);
      revealedTotal += revealed.length;
      const outside = revealed.filter((code) => !mayRead(role, at, code));
      expect({ path, outside }).toEqual({ path, outside: [] });
    }
    expect(revealedTotal).toBeGreaterThan(0);
  });

  it('the policy oracle itself: a drafter reads only its unit; an approver its children; Sở Nội vụ the province', () => {
    expect(mayRead('drafter', 'BTH', 'BTH.SGDDT')).toBe(false);
    expect(mayRead('approver', 'BTH', 'BTH.SGDDT')).toBe(true);
    expect(mayRead('approver', 'BTH', 'BTH.SGDDT.THPT-CH')).toBe(false);
    expect(mayRead('reviewer', 'BTH.SNV', 'BTH.SGDDT.THPT-CH')).toBe(true);
    expect(mayRead('reviewer', 'BTH.SGDDT.VP', 'BTH.SGDDT.THPT-CH')).toBe(true);
    expect(mayRead('reviewer', 'BTH.SGDDT.VP', 'BTH.STTTT')).toBe(false);
  });
});
