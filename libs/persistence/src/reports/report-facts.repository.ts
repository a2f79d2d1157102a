import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  periodReferenceDate,
  rollupFromAggregates,
  type AggregateRow,
  type FactRollup,
  type IndicatorDef,
  type PeriodKind,
} from '@cchc/domain';
import { SubtreeTotals } from './subtree-totals';

/** A unit's rollup for a period: its own values, its subtree below it, and both together (each finished by rule). */
export interface SubtreeRollup {
  own: FactRollup;
  below: FactRollup;
  total: FactRollup;
}

export interface RollupQuery {
  unitId: string;
  year: number;
  period: PeriodKind;
}

type Rule = Pick<IndicatorDef, 'code' | 'aggregation'>;
const validAt = (a: string, p: string) => `${a}.valid_from <= ${p}::date AND ${a}.valid_to > ${p}::date`;

/**
 * Report facts and the rollups over them: the one rollup definition. Per indicator and state, the sum, count and
 * largest of the per-unit values over the unit tree as of the period's cut-off end (a unit moved during the year
 * counts once, under its parent of that date); the domain (`rollupFromAggregates`) merges and finishes them with each
 * indicator's rule — so a unit's own values and its subtree's combine correctly for sum, max and avg alike.
 *
 * A unit's own values are read from its facts; its subtree's (`below`) are maintained totals (`SubtreeTotals`),
 * updated here in the writer's transaction, so a rollup is a lookup whatever the subtree's size.
 *
 * Used by the API (rollup, review, report prefill), the worker (the subtree snapshot in a report version) and
 * `npm run bench -- rollup`.
 */
@Injectable()
export class ReportFactsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- writes (inside the transition's transaction)

  /** A submitted report's own values become its facts, in state 'submitted' (replacing an earlier submission's). */
  async submit(
    r: { reportId: string; unitId: string; year: number; period: PeriodKind },
    m: EntityManager = this.em,
  ): Promise<void> {
    await m.query(`DELETE FROM report_facts WHERE report_id = $1`, [r.reportId]);
    await m.query(
      `INSERT INTO report_facts (report_id, unit_id, year, period, indicator_code, value, state)
       SELECT report_id, $2, $3, $4, indicator_code, value, 'submitted' FROM report_values WHERE report_id = $1`,
      [r.reportId, r.unitId, r.year, r.period],
    );
    await new SubtreeTotals(m).refreshAncestors(r.unitId, r.year, r.period);
  }

  /** The parent accepted the report: its facts count in every ancestor's accepted totals. */
  async accept(reportId: string, m: EntityManager = this.em): Promise<void> {
    await m.query(`UPDATE report_facts SET state = 'accepted' WHERE report_id = $1`, [reportId]);
    await this.refreshAncestorsOf(reportId, m);
  }

  /** The parent returned the report: its facts are withdrawn until it is submitted again. */
  async withdraw(reportId: string, m: EntityManager = this.em): Promise<void> {
    await m.query(`DELETE FROM report_facts WHERE report_id = $1`, [reportId]);
    await this.refreshAncestorsOf(reportId, m);
  }

  private async refreshAncestorsOf(reportId: string, m: EntityManager): Promise<void> {
    const [r] = await m.query(`SELECT unit_id AS "unitId", year, period FROM reports WHERE id = $1`, [reportId]);
    if (r) await new SubtreeTotals(m).refreshAncestors(r.unitId, r.year, r.period);
  }

  // ---------------------------------------------------------------- reads

  /** The aggregation rule of every indicator (the catalogue is small: read once per rollup). */
  async rules(m: EntityManager = this.em): Promise<Rule[]> {
    return m.query(`SELECT code, aggregation FROM indicators`);
  }

  /** Aggregate rows of the subtree of `unitId` (`own`: the unit's own facts), with the rules to finish them. */
  async aggregates(
    q: RollupQuery,
    m: EntityManager = this.em,
  ): Promise<{ rows: Array<AggregateRow & { own: boolean }>; rules: Rule[] }> {
    const [rows, rules] = await Promise.all([
      m.query(
        `SELECT f.indicator_code AS code, f.state, true AS own,
                sum(f.value)::float8 AS sum, count(*)::int AS count, max(f.value)::float8 AS max
           FROM unit_closure c
           JOIN report_facts f ON f.unit_id = c.descendant_id AND f.year = $2 AND f.period = $3
          WHERE c.ancestor_id = $1 AND c.descendant_id = $1 AND ${validAt('c', '$4')}
          GROUP BY 1, 2
         UNION ALL
         SELECT t.indicator_code, t.state, false, t.sum::float8, t.count, t.max::float8
           FROM subtree_totals t WHERE t.unit_id = $1 AND t.year = $2 AND t.period = $3`,
        [q.unitId, q.year, q.period, periodReferenceDate(q.year, q.period)],
      ) as Promise<Array<AggregateRow & { own: boolean }>>,
      this.rules(m),
    ]);
    return { rows, rules };
  }

  /** Own, below and total rollups of `unitId`: its own facts and its maintained subtree totals. */
  async rollup(q: RollupQuery, m: EntityManager = this.em): Promise<SubtreeRollup> {
    const { rows, rules } = await this.aggregates(q, m);
    return {
      own: rollupFromAggregates(
        rows.filter((r) => r.own),
        rules,
      ),
      below: rollupFromAggregates(
        rows.filter((r) => !r.own),
        rules,
      ),
      total: rollupFromAggregates(rows, rules),
    };
  }

  /**
   * Each direct child's total (its own values and its subtree's): child id → rollup. One lookup of the children's
   * facts and maintained totals; the rows of one child are merged by `rollupFromAggregates` (no SQL grouping: that
   * cost more than the lookup itself).
   */
  async rollupPerChild(q: RollupQuery, m: EntityManager = this.em): Promise<Map<string, FactRollup>> {
    const [rows, rules] = await Promise.all([
      m.query(
        `WITH kids AS (SELECT l.unit_id FROM unit_links l WHERE l.parent_id = $1 AND ${validAt('l', '$4')})
         SELECT f.unit_id AS "childId", f.indicator_code AS code, f.state, f.value::float8 AS sum, 1 AS count, f.value::float8 AS max
           FROM kids JOIN report_facts f ON f.unit_id = kids.unit_id AND f.year = $2 AND f.period = $3
         UNION ALL
         SELECT t.unit_id, t.indicator_code, t.state, t.sum::float8, t.count, t.max::float8
           FROM kids JOIN subtree_totals t ON t.unit_id = kids.unit_id AND t.year = $2 AND t.period = $3`,
        [q.unitId, q.year, q.period, periodReferenceDate(q.year, q.period)],
      ) as Promise<Array<AggregateRow & { childId: string }>>,
      this.rules(m),
    ]);
    const byChild = new Map<string, AggregateRow[]>();
    for (const r of rows) {
      const list = byChild.get(r.childId);
      if (list) list.push(r);
      else byChild.set(r.childId, [r]);
    }
    return new Map([...byChild].map(([id, rs]) => [id, rollupFromAggregates(rs, rules)]));
  }
}
