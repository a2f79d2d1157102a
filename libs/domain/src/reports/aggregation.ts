/**
 * Upward aggregation of reports (DOMAIN §5): totals per indicator, completeness and timeliness of the units' reports,
 * targets vs actuals and the PAR criterion "Thực hiện tuyên truyền về CCHC" (DOMAIN §8).
 */
import { invalid, unprocessable } from '../errors';
import type { ObligationStatus } from '../obligations/obligation';
import type { PeriodKind } from '../periods/report-periods';
import type { PlanTarget } from '../plans/plan';
import {
  parPropagandaScore,
  targetForPeriod,
  type ParPropagandaInput,
  type ParPropagandaScore,
  type TargetBasis,
} from '../targets/target-basis';
import type { UnitKind } from '../units/unit';
import { AGGREGATION_RULES, type AggregationRule, type IndicatorDef } from './report';

/**
 * Combines values with an indicator's rule, unrounded:
 * - sum: the total; the sum of nothing is 0 (no item reported = none made);
 * - max: the largest; avg: the arithmetic mean; last: the last element in the order given (callers order it);
 * - max, avg and last of nothing are null (there is no value to show, and 0 would be a claim).
 */
export function combine(rule: AggregationRule, values: number[]): number | null {
  if (!(AGGREGATION_RULES as readonly string[]).includes(rule)) {
    throw invalid('report.invalid_aggregation', `Cách tổng hợp không hợp lệ: ${rule}`, { rule });
  }
  if (rule === 'sum') return values.reduce((a, b) => a + b, 0);
  if (values.length === 0) return null;
  switch (rule) {
    case 'max':
      return values.reduce((a, b) => (b > a ? b : a));
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'last':
      return values[values.length - 1];
  }
}

/**
 * How per-unit values combine across units. 'last' is a level held by each unit (e.g. procedures on display), so a
 * parent's level is the sum of its units' levels; the other rules combine across units as named. This matches the
 * SQL rollup (libs/persistence/src/reports), which returns aggregates finished by rollupFromAggregates.
 */
export const ACROSS_UNITS_RULE: Readonly<Record<AggregationRule, AggregationRule>> = {
  sum: 'sum',
  max: 'max',
  avg: 'avg',
  last: 'sum',
};

/** One stored value of one unit's report: submitted (awaiting the parent) or accepted by it. */
export interface ReportFact {
  unitId: string;
  indicatorCode: string;
  value: number;
  state: 'submitted' | 'accepted';
}

export interface FactRollup {
  /** Totals over accepted facts. */
  accepted: Record<string, number>;
  /** Totals over facts submitted but not yet accepted, shown apart (never added into `accepted`). */
  submittedOnly: Record<string, number>;
}

/**
 * What a rollup keeps per indicator and state so that every rule can be finished and partial results merged
 * (a unit's own values with its subtree's, children's subtrees into their parent's): the sum and the count of the
 * per-unit values, and their largest. An average is sum / count — never an average of averages.
 */
export interface Aggregate {
  sum: number;
  count: number;
  max: number;
}

export function aggregateOf(values: readonly number[]): Aggregate {
  return {
    sum: values.reduce((a, b) => a + b, 0),
    count: values.length,
    max: values.reduce((a, b) => (b > a ? b : a), -Infinity),
  };
}

export function mergeAggregates(a: Aggregate, b: Aggregate): Aggregate {
  return { sum: a.sum + b.sum, count: a.count + b.count, max: Math.max(a.max, b.max) };
}

/** The value of an aggregate of per-unit values under an indicator's rule, combined across units (ACROSS_UNITS_RULE). */
export function finishAggregate(rule: AggregationRule, a: Aggregate): number {
  switch (ACROSS_UNITS_RULE[rule]) {
    case 'max':
      return a.max;
    case 'avg':
      return a.sum / a.count;
    default:
      return a.sum;
  }
}

/** Aggregates of per-unit values of one indicator in one state, as the rollup query returns them. */
export interface AggregateRow extends Aggregate {
  code: string;
  state: ReportFact['state'];
}

/**
 * Finishes aggregate rows (several rows of one indicator and state are merged first) into totals, accepted and
 * submitted-only apart. An indicator missing from the catalogue is an error, never dropped silently.
 */
export function rollupFromAggregates(
  rows: readonly AggregateRow[],
  catalogue: readonly Pick<IndicatorDef, 'code' | 'aggregation'>[],
): FactRollup {
  const byCode = new Map(catalogue.map((d) => [d.code, d]));
  const merged = { accepted: new Map<string, Aggregate>(), submitted: new Map<string, Aggregate>() };
  for (const r of rows) {
    if (!byCode.has(r.code)) {
      throw unprocessable('report.unknown_indicator', `Chỉ tiêu "${r.code}" không có trong danh mục`, {
        indicatorCode: r.code,
      });
    }
    const perCode = merged[r.state];
    if (!perCode)
      throw invalid('report.invalid_fact_state', `Trạng thái số liệu không hợp lệ: ${r.state}`, { state: r.state });
    const prev = perCode.get(r.code);
    const a = { sum: Number(r.sum), count: Number(r.count), max: Number(r.max) };
    perCode.set(r.code, prev ? mergeAggregates(prev, a) : a);
  }
  const finish = (perCode: Map<string, Aggregate>) =>
    Object.fromEntries([...perCode].map(([code, a]) => [code, finishAggregate(byCode.get(code)!.aggregation, a)]));
  return { accepted: finish(merged.accepted), submittedOnly: finish(merged.submitted) };
}

/**
 * Totals per indicator from individual facts, accepted and submitted-only kept apart: each unit's facts are first
 * combined with the indicator's rule (in the order given, which matters for 'last'), then the per-unit values are
 * aggregated and finished across units (rollupFromAggregates: the same definition the SQL rollup uses).
 * Indicators without facts in a state are absent from that map (not 0).
 */
export function rollupFacts(facts: ReportFact[], catalogue: IndicatorDef[]): FactRollup {
  const byCode = new Map(catalogue.map((d) => [d.code, d]));
  const perUnit = new Map<string, { code: string; state: ReportFact['state']; values: number[] }>();
  for (const f of facts) {
    if (!byCode.has(f.indicatorCode)) {
      throw unprocessable('report.unknown_indicator', `Chỉ tiêu "${f.indicatorCode}" không có trong danh mục`, {
        indicatorCode: f.indicatorCode,
        unitId: f.unitId,
      });
    }
    const key = `${f.state}\u0000${f.indicatorCode}\u0000${f.unitId}`;
    const entry = perUnit.get(key) ?? { code: f.indicatorCode, state: f.state, values: [] };
    entry.values.push(f.value);
    perUnit.set(key, entry);
  }
  const rows: AggregateRow[] = [...perUnit.values()].map(({ code, state, values }) => ({
    code,
    state,
    ...aggregateOf([combine(byCode.get(code)!.aggregation, values) as number]), // non-empty: never null
  }));
  return rollupFromAggregates(rows, catalogue);
}

/** One unit's report obligation for a period, as the rollup sees it. */
export interface ObligationSnapshot {
  unitId: string;
  status: ObligationStatus;
  /** true / false once first submitted (before / after the deadline); null while never submitted. */
  submittedOnTime: boolean | null;
  /** The deadline has passed. */
  overdue: boolean;
}

/**
 * Completeness and timeliness of a set of obligations. Every row falls in exactly one of submitted / missing:
 * - `expected`: rows.length.
 * - `submitted`: ever submitted — status submitted, returned or approved, or `submittedOnTime !== null` (a row
 *   returned and now being redrafted still counts: it was handed in).
 * - `missing`: never submitted = expected − submitted (pending or draft with `submittedOnTime === null`).
 * - `accepted`: status approved (⊆ submitted).
 * - `returned`: status returned, waiting for the unit to resubmit (⊆ submitted, disjoint from accepted).
 * - `onTime`: `submittedOnTime === true` (⊆ submitted).
 * - `lateSubmitted`: `submittedOnTime === false` (⊆ submitted). A submitted row with `submittedOnTime === null`
 *   (timeliness not recorded) is in neither onTime nor lateSubmitted.
 * - `lateMissing`: missing and overdue (⊆ missing). Missing but not overdue = not yet due.
 * - `late`: lateSubmitted + lateMissing — every unit that did not report by the deadline.
 */
export interface Completeness {
  expected: number;
  submitted: number;
  accepted: number;
  returned: number;
  missing: number;
  onTime: number;
  late: number;
  lateSubmitted: number;
  lateMissing: number;
}

const HANDED_IN: readonly ObligationStatus[] = ['submitted', 'returned', 'approved'];

/**
 * See `Completeness` for the exact meaning of each count. A row may stand for `count` obligations alike in status,
 * timeliness and overdue (a grouped read: a subtree's thousands of obligations as a dozen rows); 1 when absent.
 */
export function completeness(
  rows: ReadonlyArray<Pick<ObligationSnapshot, 'status' | 'submittedOnTime' | 'overdue'> & { count?: number }>,
): Completeness {
  const c: Completeness = {
    expected: 0,
    submitted: 0,
    accepted: 0,
    returned: 0,
    missing: 0,
    onTime: 0,
    late: 0,
    lateSubmitted: 0,
    lateMissing: 0,
  };
  for (const r of rows) {
    const n = r.count ?? 1;
    c.expected += n;
    const onTime = r.submittedOnTime ?? null;
    if (HANDED_IN.includes(r.status) || onTime !== null) {
      c.submitted += n;
      if (r.status === 'approved') c.accepted += n;
      if (r.status === 'returned') c.returned += n;
      if (onTime === true) c.onTime += n;
      if (onTime === false) c.lateSubmitted += n;
    } else {
      c.missing += n;
      if (r.overdue) c.lateMissing += n;
    }
  }
  c.late = c.lateSubmitted + c.lateMissing;
  return c;
}

export interface TargetVsActual {
  indicatorCode: string;
  basis: TargetBasis;
  amountPerBasis: number;
  /** The target over the period (targetForPeriod), unrounded. */
  target: number;
  /** The actual value; 0 when absent. */
  actual: number;
  /** actual / target; null when the target is 0. */
  ratio: number | null;
  /** actual ≥ target (a zero target is met; a relative tolerance of 1e-9 absorbs float error, e.g. 0.1/month × 3). */
  met: boolean;
}

/** Whether a target binds `unit`: no unitKinds/unitIds (absent or empty) = every unit; else kind or id listed. */
export function targetAppliesTo(t: PlanTarget, unit: { id: string; kind: UnitKind }): boolean {
  const kinds = t.unitKinds ?? [];
  const ids = t.unitIds ?? [];
  if (kinds.length === 0 && ids.length === 0) return true;
  return kinds.includes(unit.kind) || ids.includes(unit.id);
}

/** The targets that bind `unit`, in plan order, each against the actual of its indicator over `period`. */
export function targetsVsActuals(
  targets: PlanTarget[],
  actuals: Record<string, number>,
  period: PeriodKind,
  unit: { id: string; kind: UnitKind },
): TargetVsActual[] {
  return targets
    .filter((t) => targetAppliesTo(t, unit))
    .map((t) => {
      const target = targetForPeriod(t.amount, t.basis, period);
      const actual = Object.prototype.hasOwnProperty.call(actuals, t.indicatorCode)
        ? (actuals[t.indicatorCode] ?? 0)
        : 0;
      return {
        indicatorCode: t.indicatorCode,
        basis: t.basis,
        amountPerBasis: t.amount,
        target,
        actual,
        ratio: target === 0 ? null : actual / target,
        met: actual >= target - 1e-9 * Math.max(1, target),
      };
    });
}

export interface PropagandaScoreBreakdown extends ParPropagandaScore, ParPropagandaInput {}

/**
 * PAR criterion "Thực hiện tuyên truyền về CCHC" from a unit's targets vs actuals: targetsSet = rows, targetsMet =
 * rows met; hasOnline / hasTraditional = some catalogue indicator of that category has an actual > 0.
 */
export function propagandaScore(
  rows: TargetVsActual[],
  actuals: Record<string, number>,
  catalogue: IndicatorDef[],
): PropagandaScoreBreakdown {
  const has = (category: IndicatorDef['category']) =>
    catalogue.some(
      (d) => d.category === category && Object.prototype.hasOwnProperty.call(actuals, d.code) && actuals[d.code] > 0,
    );
  const input: ParPropagandaInput = {
    targetsMet: rows.filter((r) => r.met).length,
    targetsSet: rows.length,
    hasOnline: has('online'),
    hasTraditional: has('traditional'),
  };
  return { ...input, ...parPropagandaScore(input) };
}
