import { EntityManager } from 'typeorm';
import { PERIOD_KINDS, periodReferenceDate, type PeriodKind } from '@cchc/domain';

/** "valid at :date" for a row with valid_from/valid_to columns under alias a. */
const validAt = (a: string, p: string) => `${a}.valid_from <= ${p}::date AND ${a}.valid_to > ${p}::date`;

/** One (year, period) and the day whose tree its rollups use. */
interface PeriodKey {
  year: number;
  period: PeriodKind;
  asOf: string;
}

/** A maintained total that differs from the one recomputed from facts (`verify`). */
export interface TotalsDifference {
  unitId: string;
  year: number;
  period: string;
  indicatorCode: string;
  state: string;
  expected: { sum: string; count: number; max: string } | null;
  stored: { sum: string; count: number; max: string } | null;
}

/** Ancestors of some units before a tree change, per period the change touches (see `SubtreeTotals.beforeTreeChange`). */
export interface TreeChangeSnapshot {
  periods: PeriodKey[];
  /** `${year}/${period}` → ancestor ids as of that period's day, before the change. */
  before: Map<string, string[]>;
  unitIds: string[];
}

/**
 * Maintained subtree totals (table `subtree_totals`): per (unit, year, period, indicator, state) the sum, count and
 * largest of the per-unit values of the unit's strict descendants as of the period's day (its own values stay in
 * `report_facts`: own + below = total). A rollup is then a lookup.
 *
 * Kept up to date in the writer's transaction, bottom-up along the ancestor chain: each ancestor's row is recomputed
 * from its direct children (their own facts + their below totals), never adjusted by a delta. So every rule is exact
 * after any change — the largest value after a withdrawal included — and a recompute costs one small aggregate over
 * a unit's direct children (≤ a few hundred), whatever the subtree's size. Concurrent writers lock the (ancestor,
 * year, period) keys they recompute, deepest first (an advisory transaction lock): two chains in one tree share
 * their upper part in the same order, so there is no deadlock, and a writer that waited recomputes from its
 * children as committed by the other.
 *
 * The definition the totals must equal is the closure query (`expectedSql`): `verify` recomputes it for every
 * period and reports every difference; `rebuildAll` writes it (migration, bulk loads).
 */
export class SubtreeTotals {
  constructor(private readonly m: EntityManager) {}

  // ---------------------------------------------------------------- after a report's facts changed

  /** Recomputes the totals of every ancestor of `unitId` for one period (after its facts were written). */
  async refreshAncestors(unitId: string, year: number, period: PeriodKind): Promise<void> {
    const asOf = periodReferenceDate(year, period);
    const chain: string[] = (
      await this.m.query(
        `SELECT c.ancestor_id AS id FROM unit_closure c
          WHERE c.descendant_id = $1 AND c.depth > 0 AND ${validAt('c', '$2')} ORDER BY c.depth`,
        [unitId, asOf],
      )
    ).map((r: { id: string }) => r.id);
    await this.recompute(chain, { year, period, asOf });
  }

  // ---------------------------------------------------------------- around a change in the tree

  /**
   * Call before a move, merge or deactivation dated `date` of `unitIds`: remembers, for every period whose day is on
   * or after `date` (the ones the change touches), the units' ancestors. `afterTreeChange` then rebuilds them and
   * the new ancestors.
   */
  async beforeTreeChange(unitIds: string[], date: string): Promise<TreeChangeSnapshot> {
    const [{ maxYear }] = await this.m.query(`SELECT max(year)::int AS "maxYear" FROM report_facts`);
    const periods: PeriodKey[] = [];
    for (let year = Number(date.slice(0, 4)); maxYear !== null && year <= maxYear; year++) {
      for (const period of PERIOD_KINDS) {
        const asOf = periodReferenceDate(year, period);
        if (asOf >= date) periods.push({ year, period, asOf });
      }
    }
    const before = new Map<string, string[]>();
    for (const p of periods) before.set(`${p.year}/${p.period}`, await this.ancestorsOf(unitIds, p.asOf));
    return { periods, before, unitIds };
  }

  /** Rebuilds, for every period the change touched, the totals of the old and the new ancestors (deepest first). */
  async afterTreeChange(s: TreeChangeSnapshot): Promise<void> {
    for (const p of s.periods) {
      const ids = [
        ...new Set([...s.before.get(`${p.year}/${p.period}`)!, ...(await this.ancestorsOf(s.unitIds, p.asOf))]),
      ];
      if (!ids.length) continue;
      // deepest first: a unit's children are recomputed before it
      const levels: Array<{ id: string }> = await this.m.query(
        `SELECT x.id FROM unnest($1::uuid[]) AS x(id)
          ORDER BY (SELECT count(*) FROM unit_closure c WHERE c.descendant_id = x.id AND ${validAt('c', '$2')}) DESC, x.id`,
        [ids, p.asOf],
      );
      await this.recompute(
        levels.map((l) => l.id),
        p,
      );
    }
  }

  private async ancestorsOf(unitIds: string[], asOf: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT DISTINCT c.ancestor_id AS id FROM unit_closure c
        WHERE c.descendant_id = ANY($1::uuid[]) AND c.depth > 0 AND ${validAt('c', '$2')}`,
      [unitIds, asOf],
    );
    return rows.map((r) => r.id);
  }

  /** Locks then recomputes `ids` (ordered deepest first) for one period. */
  private async recompute(ids: string[], p: PeriodKey): Promise<void> {
    if (!ids.length) return;
    await this.m.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(x.id::text || '/' || $2 || '/' || $3, 0))
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord) ORDER BY x.ord`,
      [ids, p.year, p.period],
    );
    // each statement sees what the writers it waited for committed
    for (const id of ids) {
      await this.m.query(
        `WITH kids AS (SELECT l.unit_id FROM unit_links l WHERE l.parent_id = $1 AND ${validAt('l', '$4')}),
         parts AS (
           SELECT f.indicator_code AS code, f.state, f.value AS sum, 1 AS count, f.value AS max
             FROM kids JOIN report_facts f ON f.unit_id = kids.unit_id AND f.year = $2 AND f.period = $3
           UNION ALL
           SELECT t.indicator_code, t.state, t.sum, t.count, t.max
             FROM kids JOIN subtree_totals t ON t.unit_id = kids.unit_id AND t.year = $2 AND t.period = $3
         ),
         tot AS (SELECT code, state, sum(sum) AS sum, sum(count)::int AS count, max(max) AS max FROM parts GROUP BY 1, 2),
         gone AS (
           DELETE FROM subtree_totals t WHERE t.unit_id = $1 AND t.year = $2 AND t.period = $3
              AND NOT EXISTS (SELECT 1 FROM tot WHERE tot.code = t.indicator_code AND tot.state = t.state)
         )
         INSERT INTO subtree_totals AS t (unit_id, year, period, indicator_code, state, sum, count, max)
         SELECT $1, $2, $3, code, state, sum, count, max FROM tot ORDER BY code, state
         ON CONFLICT (unit_id, year, period, indicator_code, state) DO UPDATE
            SET sum = excluded.sum, count = excluded.count, max = excluded.max
          WHERE (t.sum, t.count, t.max) IS DISTINCT FROM (excluded.sum, excluded.count, excluded.max)`,
        [id, p.year, p.period, p.asOf],
      );
    }
  }

  // ---------------------------------------------------------------- the definition: rebuild and verify

  /** Totals by definition for one period: every ancestor's strict descendants' facts, over the closure of its day. */
  private expectedSql = `
    SELECT c.ancestor_id AS unit_id, f.indicator_code, f.state,
           sum(f.value) AS sum, count(*)::int AS count, max(f.value) AS max
      FROM report_facts f
      JOIN unit_closure c ON c.descendant_id = f.unit_id AND c.depth > 0 AND ${validAt('c', '$3')}
     WHERE f.year = $1 AND f.period = $2
     GROUP BY 1, 2, 3`;

  /** Every (year, period) that has facts or totals. */
  private async allPeriods(): Promise<PeriodKey[]> {
    const rows: Array<{ year: number; period: PeriodKind }> = await this.m.query(
      `SELECT year, period FROM report_facts GROUP BY 1, 2
       UNION SELECT year, period FROM subtree_totals GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return rows.map((r) => ({ year: r.year, period: r.period, asOf: periodReferenceDate(r.year, r.period) }));
  }

  /** Replaces every total with its definition (the migration, bulk loads). */
  async rebuildAll(): Promise<void> {
    await this.m.query(`DELETE FROM subtree_totals`);
    for (const p of await this.allPeriods()) {
      await this.m.query(
        `INSERT INTO subtree_totals (unit_id, year, period, indicator_code, state, sum, count, max)
         SELECT unit_id, $1, $2, indicator_code, state, sum, count, max FROM (${this.expectedSql}) e
          ORDER BY unit_id, indicator_code, state`, // a unit's rows together
        [p.year, p.period, p.asOf],
      );
    }
  }

  /** Recomputes every total from the facts and returns each one that differs from the stored total (none: []). */
  async verify(limit = 100): Promise<{ differences: number; sample: TotalsDifference[] }> {
    let differences = 0;
    const sample: TotalsDifference[] = [];
    for (const p of await this.allPeriods()) {
      const rows: Array<Omit<TotalsDifference, 'year' | 'period'>> = await this.m.query(
        `WITH e AS (${this.expectedSql}),
              s AS (SELECT * FROM subtree_totals WHERE year = $1 AND period = $2)
         SELECT coalesce(e.unit_id, s.unit_id) AS "unitId", coalesce(e.indicator_code, s.indicator_code) AS "indicatorCode",
                coalesce(e.state, s.state) AS state,
                CASE WHEN e.unit_id IS NULL THEN NULL ELSE json_build_object('sum', e.sum::text, 'count', e.count, 'max', e.max::text) END AS expected,
                CASE WHEN s.unit_id IS NULL THEN NULL ELSE json_build_object('sum', s.sum::text, 'count', s.count, 'max', s.max::text) END AS stored
           FROM e FULL JOIN s ON s.unit_id = e.unit_id AND s.indicator_code = e.indicator_code AND s.state = e.state
          WHERE (e.sum, e.count, e.max) IS DISTINCT FROM (s.sum, s.count, s.max)`,
        [p.year, p.period, p.asOf],
      );
      differences += rows.length;
      for (const r of rows.slice(0, Math.max(0, limit - sample.length)))
        sample.push({ ...r, year: p.year, period: p.period });
    }
    return { differences, sample };
  }
}
