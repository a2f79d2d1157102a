/**
 * Maintained subtree totals on real PostgreSQL: reports submitted, accepted and returned through
 * ReportFactsRepository, units moved, merged and deactivated through UnitTreeRepository; every rollup is
 * checked against values worked out by hand from the tree, and `verify` against the closure definition.
 */
import { DataSource, EntityManager } from 'typeorm';
import { ReportFactsRepository, SubtreeTotals } from '../../libs/persistence/src/reports';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { defaultReminderPolicy, defaultReportSchedule, type PeriodKind } from '../../libs/domain/src';
import { createTestDatabase, TestDatabase } from '../support/database';

const YEAR = 2025;
// Q1's tree is the one of its cut-off end (mid-March): a change dated 1/2 touches it, one dated 1/4 does not.
const BEFORE_Q1 = '2025-02-01';
const AFTER_Q1 = '2025-04-01';

describe('subtree totals', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let facts: ReportFactsRepository;
  const id: Record<string, string> = {};
  let planId: string;

  const tx = <T>(fn: (m: EntityManager) => Promise<T>) => ds.transaction(fn);

  const reportOf: Record<string, string> = {};
  /** `unit`'s Q1 report (created on first use) with `values`, submitted; returns its id. */
  async function submit(unit: string, values: Record<string, number>, period: PeriodKind = 'Q1'): Promise<string> {
    return tx(async (m) => {
      if (!reportOf[unit]) {
        const [o] = await m.query(
          `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, status, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
           VALUES ('report', $1, $2, $3, $4, $5, 'submitted', make_date($4, 3, 10), make_date($4, 3, 10), now(), 'test/' || gen_random_uuid()) RETURNING id`,
          [planId, id[unit], id.VN, YEAR, period],
        );
        const [r] = await m.query(
          `INSERT INTO reports (obligation_id, unit_id, year, period, created_by) VALUES ($1, $2, $3, $4, 'test') RETURNING id`,
          [o.id, id[unit], YEAR, period],
        );
        reportOf[unit] = r.id;
      }
      const reportId = reportOf[unit];
      await m.query(`DELETE FROM report_values WHERE report_id = $1`, [reportId]);
      for (const [code, value] of Object.entries(values))
        await m.query(`INSERT INTO report_values (report_id, indicator_code, value) VALUES ($1, $2, $3)`, [
          reportId,
          code,
          value,
        ]);
      await facts.submit({ reportId, unitId: id[unit], year: YEAR, period }, m);
      return reportId;
    });
  }
  const accept = (reportId: string) => tx((m) => facts.accept(reportId, m));
  const withdraw = (reportId: string) => tx((m) => facts.withdraw(reportId, m));
  const rollup = (unit: string) => facts.rollup({ unitId: id[unit], year: YEAR, period: 'Q1' });
  const verify = () => new SubtreeTotals(ds.manager).verify();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    facts = new ReportFactsRepository(ds.manager);
    await ds.query(
      `INSERT INTO indicators (code, name, unit_of_measure, aggregation, category, value_type) VALUES
         ('PEAK_T', 'Đỉnh', 'lần', 'max', 'other', 'integer'), ('MEAN_T', 'Trung bình', 'điểm', 'avg', 'other', 'decimal')`,
    );
    // VN ─ P1 ─ C1, C2 ; VN ─ P2 ─ C3 ; VN ─ P3
    const units = [
      ['VN', null],
      ['P1', 'VN'],
      ['P2', 'VN'],
      ['P3', 'VN'],
      ['C1', 'P1'],
      ['C2', 'P1'],
      ['C3', 'P2'],
    ] as const;
    const ids = await tx((m) =>
      new UnitTreeRepository(m).insertUnits(
        units.map(([code, parent]) => ({
          code: `T_${code}`,
          name: `Đơn vị ${code}`,
          abbreviation: code,
          kind: parent ? 'commune' : 'province',
          parentId: null,
          parentCode: parent ? `T_${parent}` : undefined,
        })),
        '2020-01-01',
        m,
      ),
    );
    units.forEach(([code], i) => (id[code] = ids[i]));
    [{ id: planId }] = await ds.query(
      `INSERT INTO plans (unit_id, year, title, child_deadline, report_schedule, reminder_policy, created_by)
       VALUES ($1, $2, 'Kế hoạch', make_date($2, 1, 31), $3, $4, 'test') RETURNING id`,
      [id.VN, YEAR, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps sum, max and avg of every subtree through submit, accept, withdraw and tree changes', async () => {
    const c1 = await submit('C1', { WEB_NEWS: 5, PEAK_T: 7, MEAN_T: 2 });
    const c2 = await submit('C2', { WEB_NEWS: 3, PEAK_T: 9, MEAN_T: 4 });
    const p1 = await submit('P1', { WEB_NEWS: 2, PEAK_T: 1, MEAN_T: 6 });
    // submitted only: shown apart, never in accepted
    let vn = await rollup('VN');
    expect(vn.total.accepted).toEqual({});
    expect(vn.total.submittedOnly).toEqual({ WEB_NEWS: 10, PEAK_T: 9, MEAN_T: 4 });

    await accept(c1);
    await accept(c2);
    await accept(p1);
    vn = await rollup('VN');
    expect(vn.total.submittedOnly).toEqual({});
    expect(vn.total.accepted).toEqual({ WEB_NEWS: 10, PEAK_T: 9, MEAN_T: 4 });
    const p1Rollup = await rollup('P1');
    expect(p1Rollup.own.accepted).toEqual({ WEB_NEWS: 2, PEAK_T: 1, MEAN_T: 6 });
    expect(p1Rollup.below.accepted).toEqual({ WEB_NEWS: 8, PEAK_T: 9, MEAN_T: 3 });
    expect(p1Rollup.total.accepted).toEqual({ WEB_NEWS: 10, PEAK_T: 9, MEAN_T: 4 });

    // the largest value is returned: the next largest takes its place
    await withdraw(c2);
    vn = await rollup('VN');
    expect(vn.total.accepted).toEqual({ WEB_NEWS: 7, PEAK_T: 7, MEAN_T: 4 });
    expect((await facts.rollupPerChild({ unitId: id.VN, year: YEAR, period: 'Q1' })).get(id.P1)?.accepted).toEqual({
      WEB_NEWS: 7,
      PEAK_T: 7,
      MEAN_T: 4,
    });

    const c3 = await submit('C3', { WEB_NEWS: 4, PEAK_T: 20, MEAN_T: 10 });
    await accept(c3);
    expect((await rollup('VN')).total.accepted).toEqual({ WEB_NEWS: 11, PEAK_T: 20, MEAN_T: 6 });
    expect(await verify()).toEqual({ differences: 0, sample: [] });

    // C1 moves to P2 before Q1's day: it counts under P2 for Q1, P1 keeps only its own values
    await tx((m) => new UnitTreeRepository(m).move(id.C1, id.P2, BEFORE_Q1, m));
    expect((await rollup('P1')).total.accepted).toEqual({ WEB_NEWS: 2, PEAK_T: 1, MEAN_T: 6 });
    expect((await rollup('P2')).below.accepted).toEqual({ WEB_NEWS: 9, PEAK_T: 20, MEAN_T: 6 });
    expect((await rollup('VN')).total.accepted).toEqual({ WEB_NEWS: 11, PEAK_T: 20, MEAN_T: 6 });

    // a move after Q1's day leaves Q1 as it was
    await tx((m) => new UnitTreeRepository(m).move(id.C3, id.P3, AFTER_Q1, m));
    expect((await rollup('P2')).below.accepted).toEqual({ WEB_NEWS: 9, PEAK_T: 20, MEAN_T: 6 });
    expect((await rollup('P3')).below.accepted).toEqual({});
    expect(await verify()).toEqual({ differences: 0, sample: [] });
  });

  it('rebuilds on a merge and a deactivation dated before the period, and verify reports a wrong total', async () => {
    const c2 = await submit('C2', { WEB_NEWS: 30, PEAK_T: 50, MEAN_T: 1 });
    await accept(c2);
    // P1 (with C2 below it) merges into P3 on 1/2: C2 now counts under P3; P1's own values drop out of Q1
    await tx((m) => new UnitTreeRepository(m).merge([id.P1], id.P3, BEFORE_Q1, m));
    expect((await rollup('P3')).below.accepted).toEqual({ WEB_NEWS: 30, PEAK_T: 50, MEAN_T: 1 });
    expect((await rollup('P1')).total.accepted).toEqual({});
    // VN: C1 5/7/2 (under P2), C3 4/20/10 (under P2 on Q1's day), C2 30/50/1; P1 is gone
    expect((await rollup('VN')).total.accepted).toEqual({ WEB_NEWS: 39, PEAK_T: 50, MEAN_T: 13 / 3 });
    expect(await verify()).toEqual({ differences: 0, sample: [] });

    await ds.query(`UPDATE subtree_totals SET sum = sum + 1 WHERE unit_id = $1 AND indicator_code = 'WEB_NEWS'`, [
      id.VN,
    ]);
    const v = await verify();
    expect(v.differences).toBe(1);
    expect(v.sample[0]).toMatchObject({ unitId: id.VN, indicatorCode: 'WEB_NEWS', state: 'accepted' });
    expect(v.sample[0].expected?.sum).toBe('39');
    expect(v.sample[0].stored?.sum).toBe('40');
    await new SubtreeTotals(ds.manager).rebuildAll();
    expect(await verify()).toEqual({ differences: 0, sample: [] });
  });

  it('keeps the totals exact when sibling subtrees accept at the same time', async () => {
    // R ─ Q0…Q3 ─ 5 communes each; 20 reports submitted and accepted concurrently (each in its own transaction)
    const codes = ['R', ...[0, 1, 2, 3].flatMap((q) => [`Q${q}`, ...[0, 1, 2, 3, 4].map((c) => `Q${q}C${c}`)])];
    const ids = await tx((m) =>
      new UnitTreeRepository(m).insertUnits(
        codes.map((code) => ({
          code: `T_${code}`,
          name: `Đơn vị ${code}`,
          abbreviation: code,
          kind: code === 'R' ? 'province' : 'commune',
          parentId: null,
          parentCode: code === 'R' ? undefined : code.length === 2 ? 'T_R' : `T_${code.slice(0, 2)}`,
        })),
        '2020-01-01',
        m,
      ),
    );
    codes.forEach((code, i) => (id[code] = ids[i]));
    const communes = codes.filter((c) => c.length === 4);
    const value = (c: string) => 1 + communes.indexOf(c);
    await Promise.all(
      communes.map(async (c) => accept(await submit(c, { WEB_NEWS: value(c), PEAK_T: value(c), MEAN_T: value(c) }))),
    );
    const n = communes.length;
    expect((await rollup('R')).total.accepted).toEqual({ WEB_NEWS: (n * (n + 1)) / 2, PEAK_T: n, MEAN_T: (n + 1) / 2 });
    expect((await rollup('Q2')).below.accepted).toEqual({ WEB_NEWS: 11 + 12 + 13 + 14 + 15, PEAK_T: 15, MEAN_T: 13 });
    expect(await verify()).toEqual({ differences: 0, sample: [] });
  });
});
