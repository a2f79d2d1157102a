import { DomainError } from '../errors';
import type { ObligationStatus } from '../obligations/obligation';
import type { PeriodKind } from '../periods/report-periods';
import type { PlanTarget } from '../plans/plan';
import { parPropagandaScore, targetForPeriod, type ParPropagandaScore } from '../targets/target-basis';
import type { UnitKind } from '../units/unit';

/** The narrative parts of a periodic report. */
export const NARRATIVE_KEYS = ['achievements', 'shortcomings', 'causes', 'proposals'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Partial<Record<NarrativeKey, string>>;
export const NARRATIVE_LABELS: Record<NarrativeKey, string> = {
  achievements: 'Kết quả đạt được',
  shortcomings: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  proposals: 'Đề xuất, kiến nghị',
};

export interface IndicatorDef {
  code: string;
  name: string;
  unitOfMeasure: string;
  aggregation: 'sum' | 'max' | 'avg' | 'last';
  category: 'online' | 'traditional' | 'other';
  valueType: 'integer' | 'decimal';
  activeFromYear: number;
  activeToYear: number | null;
}

const MAX_VALUE = 1e12;

/**
 * Checks a report's values against the catalogue: known, active in the year, finite, non-negative, whole numbers
 * for counts. Every problem is reported at once (400 `report.invalid_values`); returns the cleaned values.
 */
export function validateReportValues(values: Record<string, unknown>, catalogue: readonly IndicatorDef[], year: number): Record<string, number> {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const problems: Array<{ indicatorCode: string; code: string; message: string }> = [];
  const out: Record<string, number> = {};
  for (const [code, raw] of Object.entries(values ?? {})) {
    const def = byCode.get(code);
    const fail = (c: string, message: string) => problems.push({ indicatorCode: code, code: c, message });
    if (!def) {
      fail('unknown_indicator', `Chỉ tiêu "${code}" không có trong danh mục`);
      continue;
    }
    if (year < def.activeFromYear || (def.activeToYear !== null && year > def.activeToYear)) {
      fail('inactive_indicator', `Chỉ tiêu "${def.name}" không áp dụng cho năm ${year}`);
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) fail('not_a_number', `"${def.name}" phải là một số`);
    else if (raw < 0) fail('negative', `"${def.name}" không được âm`);
    else if (def.valueType === 'integer' && !Number.isInteger(raw)) fail('not_integer', `"${def.name}" phải là số nguyên (${def.unitOfMeasure})`);
    else if (raw > MAX_VALUE) fail('too_large', `"${def.name}" quá lớn`);
    else out[code] = raw;
  }
  if (problems.length) throw new DomainError('validation', 'report.invalid_values', 'Số liệu báo cáo không hợp lệ', { problems });
  return out;
}

/** Only the known narrative parts, as text of at most 20,000 characters each. */
export function validateNarrative(n: unknown): Narrative {
  const problems: Array<{ field: string; message: string }> = [];
  const out: Narrative = {};
  if (typeof n !== 'object' || n === null || Array.isArray(n)) {
    throw new DomainError('validation', 'report.invalid_narrative', 'Phần thuyết minh không hợp lệ', { problems: [{ field: '', message: 'phải là một đối tượng' }] });
  }
  for (const [k, v] of Object.entries(n)) {
    if (!(NARRATIVE_KEYS as readonly string[]).includes(k)) problems.push({ field: k, message: 'không phải phần của báo cáo' });
    else if (typeof v !== 'string') problems.push({ field: k, message: 'phải là văn bản' });
    else if (v.length > 20_000) problems.push({ field: k, message: 'dài quá 20.000 ký tự' });
    else out[k as NarrativeKey] = v;
  }
  if (problems.length) throw new DomainError('validation', 'report.invalid_narrative', 'Phần thuyết minh không hợp lệ', { problems });
  return out;
}

export interface ObligationSnapshot {
  status: ObligationStatus;
  /** Set at the first submission: whether it came before the end of the (shifted) deadline. */
  submittedOnTime: boolean | null;
  /** The deadline passed with nothing submitted. */
  overdue: boolean;
}

export interface Completeness {
  /** Obligations in the set. */
  expected: number;
  /** Submitted at least once (whatever happened next). */
  submitted: number;
  /** Accepted by the parent. */
  accepted: number;
  /** Currently returned for correction. */
  returned: number;
  /** Never submitted. expected = submitted + missing. */
  missing: number;
  /** First submitted before the deadline ended. */
  onTime: number;
  /** First submitted after the deadline. */
  lateSubmitted: number;
  /** Never submitted and past the deadline. */
  lateMissing: number;
  /** lateSubmitted + lateMissing. */
  late: number;
}

/** Completeness and timeliness of a set of obligations (DOMAIN §5). */
export function completeness(rows: readonly ObligationSnapshot[]): Completeness {
  const c: Completeness = { expected: rows.length, submitted: 0, accepted: 0, returned: 0, missing: 0, onTime: 0, lateSubmitted: 0, lateMissing: 0, late: 0 };
  for (const r of rows) {
    const submitted = r.submittedOnTime !== null;
    if (submitted) c.submitted++;
    else c.missing++;
    if (r.status === 'approved') c.accepted++;
    if (r.status === 'returned') c.returned++;
    if (r.submittedOnTime === true) c.onTime++;
    if (r.submittedOnTime === false) c.lateSubmitted++;
    if (!submitted && r.overdue) c.lateMissing++;
  }
  c.late = c.lateSubmitted + c.lateMissing;
  return c;
}

export interface TargetResult {
  indicatorCode: string;
  basis: PlanTarget['basis'];
  amountPerBasis: number;
  /** The target for the period (5 a month → 15 for quý I, 60 for năm). */
  target: number;
  actual: number;
  ratio: number | null;
  met: boolean;
}

/** Targets that bind the unit, compared with its actuals on the period's basis. */
export function targetsVsActuals(
  targets: readonly PlanTarget[],
  actuals: Record<string, number>,
  period: PeriodKind,
  unit: { id: string; kind: UnitKind },
): TargetResult[] {
  return targets
    .filter((t) => (!t.unitKinds?.length && !t.unitIds?.length) || t.unitKinds?.includes(unit.kind) || t.unitIds?.includes(unit.id))
    .map((t) => {
      const target = targetForPeriod(t.amount, t.basis, period);
      const actual = actuals[t.indicatorCode] ?? 0;
      return {
        indicatorCode: t.indicatorCode,
        basis: t.basis,
        amountPerBasis: t.amount,
        target,
        actual,
        ratio: target > 0 ? actual / target : null,
        met: actual >= target,
      };
    });
}

/** The PAR-style score of DOMAIN §8 from the target results and the actuals' categories. */
export function propagandaScore(results: readonly TargetResult[], actuals: Record<string, number>, catalogue: readonly IndicatorDef[]): ParPropagandaScore {
  const has = (category: IndicatorDef['category']) => catalogue.some((i) => i.category === category && (actuals[i.code] ?? 0) > 0);
  return parPropagandaScore({
    targetsMet: results.filter((r) => r.met).length,
    targetsSet: results.length,
    hasOnline: has('online'),
    hasTraditional: has('traditional'),
  });
}
