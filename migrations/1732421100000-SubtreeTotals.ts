import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintained subtree totals (issue 16): per (unit, year, period, indicator, state) the sum, count and largest of the
 * per-unit values of the unit's strict descendants as of the period's day, kept in the transaction that writes
 * report facts, so a rollup is a lookup (libs/persistence/src/reports/subtree-totals.ts). Filled here from the facts
 * already recorded, with the periods' days of the default schedule as of this migration (cut-off ends 14/3, 14/6,
 * 14/9, 14/12); `npm run verify:rollups` checks them against the current definition.
 */
export class SubtreeTotals1732421100000 implements MigrationInterface {
  name = 'SubtreeTotals1732421100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subtree_totals (
        unit_id uuid NOT NULL REFERENCES units(id),
        year int NOT NULL,
        period text NOT NULL CHECK (period IN ('Q1','H1','Q3','YEAR')),
        indicator_code text NOT NULL REFERENCES indicators(code),
        state text NOT NULL CHECK (state IN ('submitted','accepted')),
        sum numeric NOT NULL,
        count int NOT NULL CHECK (count > 0),
        max numeric NOT NULL,
        -- covering: a unit's totals for a period are one index-only range scan
        PRIMARY KEY (unit_id, year, period, indicator_code, state) INCLUDE (sum, count, max)
      )`);
    await q.query(`
      INSERT INTO subtree_totals (unit_id, year, period, indicator_code, state, sum, count, max)
      SELECT c.ancestor_id, f.year, f.period, f.indicator_code, f.state, sum(f.value), count(*), max(f.value)
        FROM report_facts f
        JOIN unit_closure c ON c.descendant_id = f.unit_id AND c.depth > 0
         AND c.valid_from <= make_date(f.year, CASE f.period WHEN 'Q1' THEN 3 WHEN 'H1' THEN 6 WHEN 'Q3' THEN 9 ELSE 12 END, 14)
         AND c.valid_to > make_date(f.year, CASE f.period WHEN 'Q1' THEN 3 WHEN 'H1' THEN 6 WHEN 'Q3' THEN 9 ELSE 12 END, 14)
       GROUP BY 1, 2, 3, 4, 5
       ORDER BY 1, 2, 3, 4, 5`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subtree_totals`);
  }
}
