/**
 * A periodic report's content (DOMAIN §5, §6): numeric values per indicator of the catalogue and four narrative parts.
 * Validation reports every problem at once, so the drafter fixes them in one go.
 */
import { DomainError } from '../errors';

export const NARRATIVE_KEYS = ['achievements', 'shortcomings', 'causes', 'proposals'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export const NARRATIVE_LABELS: Readonly<Record<NarrativeKey, string>> = {
  achievements: 'Kết quả đạt được',
  shortcomings: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  proposals: 'Đề xuất, kiến nghị',
};
export type Narrative = Partial<Record<NarrativeKey, string>>;

/** Longest narrative part, in characters (Unicode code points, as PostgreSQL counts them). */
export const NARRATIVE_MAX_LENGTH = 20_000;
/** Largest value accepted for any indicator. */
export const REPORT_VALUE_MAX = 1e12;

export const AGGREGATION_RULES = ['sum', 'max', 'avg', 'last'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export const INDICATOR_CATEGORIES = ['online', 'traditional', 'other'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

/** One indicator of the catalogue (tin, bài; hội nghị; pa nô; kinh phí …). */
export interface IndicatorDef {
  code: string;
  name: string;
  unitOfMeasure: string;
  aggregation: 'sum' | 'max' | 'avg' | 'last';
  /** Which PAR criterion 4.2 form it evidences: online/IT channels, traditional forms, or neither. */
  category: 'online' | 'traditional' | 'other';
  valueType: 'integer' | 'decimal';
  activeFromYear: number;
  /** Last year included; null = still in use. */
  activeToYear: number | null;
}

/** Whether `def` may be reported in `year` (both bounds included). */
export function isIndicatorActive(def: IndicatorDef, year: number): boolean {
  return def.activeFromYear <= year && (def.activeToYear === null || year <= def.activeToYear);
}

export type ReportValueProblemCode =
  | 'not_an_object'
  | 'unknown_indicator'
  | 'inactive_indicator'
  | 'not_a_number'
  | 'negative'
  | 'not_integer'
  | 'too_large';

export interface ReportValueProblem {
  /** '' for `not_an_object` (the whole input). */
  indicatorCode: string;
  code: ReportValueProblemCode;
  message: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a report's values against the catalogue for `year` and returns them as numbers.
 *
 * Per indicator code, in the input's key order: an unknown code (`unknown_indicator`) or one not active in `year`
 * (`inactive_indicator`) is reported alone, its value is not looked at. Otherwise the value must be a finite
 * number (`not_a_number`: strings, null, NaN, ±Infinity, booleans are refused — no coercion); a number is then
 * checked for each of `negative`, `not_integer` (valueType 'integer' only) and `too_large` (> 1e12), and every
 * one that applies is reported (−1.5 for an integer indicator gives two problems). -0 is stored as 0.
 *
 * Throws one `DomainError('validation', 'report.invalid_values')` with `details.problems` listing every problem.
 * Indicators not in `values` are simply absent from the result (not reported, not 0).
 */
export function validateReportValues(
  values: Record<string, unknown>,
  catalogue: IndicatorDef[],
  year: number,
): Record<string, number> {
  const problems: ReportValueProblem[] = [];
  const out: Record<string, number> = {};
  if (!isPlainObject(values)) {
    problems.push({
      indicatorCode: '',
      code: 'not_an_object',
      message: 'Số liệu báo cáo phải là một bảng chỉ tiêu – giá trị',
    });
  } else {
    const byCode = new Map(catalogue.map((d) => [d.code, d]));
    for (const code of Object.keys(values)) {
      const add = (c: ReportValueProblemCode, message: string) =>
        problems.push({ indicatorCode: code, code: c, message });
      const def = byCode.get(code);
      if (!def) {
        add('unknown_indicator', `Chỉ tiêu "${code}" không có trong danh mục`);
        continue;
      }
      if (!isIndicatorActive(def, year)) {
        add('inactive_indicator', `Chỉ tiêu "${def.name}" không áp dụng trong năm ${year}`);
        continue;
      }
      const v = values[code];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        add('not_a_number', `Giá trị của chỉ tiêu "${def.name}" phải là một số`);
        continue;
      }
      let ok = true;
      if (v < 0) {
        add('negative', `Giá trị của chỉ tiêu "${def.name}" không được âm`);
        ok = false;
      }
      if (def.valueType === 'integer' && !Number.isInteger(v)) {
        add('not_integer', `Giá trị của chỉ tiêu "${def.name}" phải là số nguyên`);
        ok = false;
      }
      if (v > REPORT_VALUE_MAX) {
        add('too_large', `Giá trị của chỉ tiêu "${def.name}" quá lớn (tối đa 1.000.000.000.000)`);
        ok = false;
      }
      if (ok) out[code] = v === 0 ? 0 : v;
    }
  }
  if (problems.length > 0) {
    throw new DomainError('validation', 'report.invalid_values', 'Số liệu báo cáo không hợp lệ', { problems });
  }
  return out;
}

export type NarrativeProblemCode = 'not_an_object' | 'unknown_key' | 'not_a_string' | 'too_long';

export interface NarrativeProblem {
  /** '' for `not_an_object` (the whole input). */
  key: string;
  code: NarrativeProblemCode;
  message: string;
}

/**
 * Checks the narrative parts: an object whose keys are among NARRATIVE_KEYS (`unknown_key` otherwise), each value a
 * string (`not_a_string`; null is refused, undefined means absent) of at most 20,000 characters counted in code
 * points (`too_long`). Strings are returned as given (not trimmed). Throws one
 * `DomainError('validation', 'report.invalid_narrative')` with `details.problems` listing every problem.
 */
export function validateNarrative(n: unknown): Narrative {
  const problems: NarrativeProblem[] = [];
  const out: Narrative = {};
  if (!isPlainObject(n)) {
    problems.push({ key: '', code: 'not_an_object', message: 'Phần nội dung báo cáo không hợp lệ' });
  } else {
    for (const key of Object.keys(n)) {
      const value = n[key];
      if (!(NARRATIVE_KEYS as readonly string[]).includes(key)) {
        problems.push({ key, code: 'unknown_key', message: `Mục "${key}" không thuộc nội dung báo cáo` });
        continue;
      }
      if (value === undefined) continue;
      const label = NARRATIVE_LABELS[key as NarrativeKey];
      if (typeof value !== 'string') {
        problems.push({ key, code: 'not_a_string', message: `Mục "${label}" phải là văn bản` });
        continue;
      }
      // Code points never outnumber UTF-16 units, so only long strings need counting.
      if (value.length > NARRATIVE_MAX_LENGTH && Array.from(value).length > NARRATIVE_MAX_LENGTH) {
        problems.push({ key, code: 'too_long', message: `Mục "${label}" dài quá 20.000 ký tự` });
        continue;
      }
      out[key as NarrativeKey] = value;
    }
  }
  if (problems.length > 0) {
    throw new DomainError('validation', 'report.invalid_narrative', 'Nội dung báo cáo không hợp lệ', { problems });
  }
  return out;
}
