import { EntityManager } from 'typeorm';
import { periodReferenceDate, type PeriodKind } from '@cchc/domain';

export interface SubtreeRollup {
  /** Indicator code → value over accepted reports. */
  accepted: Record<string, number>;
  /** Indicator code → value over reports submitted but not yet accepted (shown apart). */
  submittedOnly: Record<string, number>;
}

/**
 * The rollup of report facts over the subtree of `unitId` (from `minDepth`: 0 includes the unit itself, 1 starts
 * with its children), for a year and period, over the unit tree as of the period's cut-off end — a unit moved
 * during the year counts once. Across units counts add up; 'last' (a level reported once per unit and period)
 * adds up too; 'max' and 'avg' as named (ACROSS_UNITS_RULE in libs/domain/src/reports).
 *
 * The one rollup query: used by the API, the worker's version snapshots and `npm run bench -- rollup`.
 */
export async function subtreeRollup(
  m: EntityManager,
  q: { unitId: string; year: number; period: string; minDepth: number },
): Promise<SubtreeRollup> {
  const rows: Array<{ code: string; state: string; value: number }> = await m.query(
    `SELECT f.indicator_code AS code, f.state,
            CASE i.aggregation WHEN 'max' THEN max(f.value) WHEN 'avg' THEN avg(f.value) ELSE sum(f.value) END::float8 AS value
       FROM unit_closure c
       JOIN report_facts f ON f.unit_id = c.descendant_id AND f.year = $2 AND f.period = $3
       JOIN indicators i ON i.code = f.indicator_code
      WHERE c.ancestor_id = $1 AND c.depth >= $4 AND c.valid_from <= $5::date AND c.valid_to > $5::date
      GROUP BY f.indicator_code, f.state, i.aggregation`,
    [q.unitId, q.year, q.period, q.minDepth, periodReferenceDate(q.year, q.period as PeriodKind)],
  );
  const out: SubtreeRollup = { accepted: {}, submittedOnly: {} };
  for (const r of rows) (r.state === 'accepted' ? out.accepted : out.submittedOnly)[r.code] = r.value;
  return out;
}
