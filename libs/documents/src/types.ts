/**
 * View models of the documents this library writes. Plain data: the API maps its services' results onto them,
 * the builders only lay them out (no database, no framework). Dates are ISO local dates (yyyy-mm-dd).
 */
import type { Narrative, ParPropagandaScore, PeriodKind, SigningForm, TargetBasis } from '@cchc/domain';

/** Who issues a document: the unit (in the left column of the header) under its parent body. */
export interface DocumentIssuer {
  /** The body the issuer belongs to, e.g. "UBND TỈNH BÌNH THUẬN"; null for a top-level unit. */
  parentName: string | null;
  /** The issuer, e.g. "Sở Nội vụ" (printed in bold capitals). */
  name: string;
  /** The issuer's abbreviation in the symbol: 163/KH-UBND, 12/BC-SNV. */
  abbreviation: string;
}

/** The signature block: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC … Nguyễn Văn A". */
export interface DocumentSigner {
  signingForm?: SigningForm | null;
  /** The head the signer signs for (after KT./TM./Q.), e.g. "GIÁM ĐỐC". */
  onBehalfOf?: string | null;
  /** The signer's own title, e.g. "PHÓ GIÁM ĐỐC". */
  title: string;
  /** Empty until the document is signed. */
  name: string;
}

/** What every Nghị định 30 document carries around its body. */
export interface DocumentFrame {
  issuer: DocumentIssuer;
  /** Document number; null = left blank for the clerk ("Số:      /BC-SNV"). */
  number: number | null;
  /** Full "number/symbol", when the issuer already set it (wins over number + abbreviation). */
  symbol?: string | null;
  /** Place of issue ("Bình Thuận"); null = a dotted blank. */
  place: string | null;
  /** Issue date; null = "ngày … tháng … năm {year}" left blank. */
  date: string | null;
  /** The year printed when `date` is null. */
  year: number;
  signer: DocumentSigner | null;
  /** Nơi nhận, one recipient a line (without the leading "- "). */
  recipients: string[];
}

export interface IndicatorLabel {
  code: string;
  name: string;
  unitOfMeasure: string;
}

export interface PlanTargetLine {
  indicator: IndicatorLabel;
  amount: number;
  basis: TargetBasis;
  /** Who the target binds, already in words ("Sở, ban, ngành; Xã/Phường/Thị trấn"); null = every unit. */
  appliesTo: string | null;
}

export interface ReportScheduleLine {
  period: PeriodKind;
  /** Nominal due date. */
  due: string;
  cutoffFrom: string;
  cutoffTo: string;
}

/** A plan (Kế hoạch) as drafted. */
export interface PlanDocumentView extends DocumentFrame {
  kind: 'plan';
  /** Trích yếu: "Kế hoạch tuyên truyền cải cách hành chính năm 2024". */
  title: string;
  /** "Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh …", or null for a top-level plan. */
  parentPlanRef: string | null;
  sections: Partial<Record<'purpose' | 'content' | 'forms' | 'activities' | 'budget' | 'organisation', string>>;
  targets: PlanTargetLine[];
  /** Children issue their plans by this day. */
  childDeadline: string;
  reportSchedule: ReportScheduleLine[];
  /** Status shown as a watermark-like note when not yet issued ("DỰ THẢO"). */
  draft: boolean;
}

/** One indicator line of a report table: target for the period (if any), actual, ratio. */
export interface IndicatorResultLine {
  indicator: IndicatorLabel;
  /** Target over the period; null when the plan sets none for this indicator. */
  target: number | null;
  actual: number;
  /** actual / target; null without a (non-zero) target. */
  ratio: number | null;
  met: boolean | null;
}

/** A unit's report (Báo cáo) for a period. */
export interface ReportDocumentView extends DocumentFrame {
  kind: 'report';
  unitName: string;
  period: PeriodKind;
  /** Data cut-off window of the period. */
  cutoffFrom: string | null;
  cutoffTo: string;
  parentPlanRef: string | null;
  lines: IndicatorResultLine[];
  narrative: Narrative;
  /** "Bản nháp" until submitted. */
  status: string;
}

export interface CompletenessLine {
  /** "Cấp 1 (trực thuộc trực tiếp)", "Cấp 2" … or "Toàn bộ". */
  label: string;
  expected: number;
  submitted: number;
  onTime: number;
  lateSubmitted: number;
  missing: number;
  lateMissing: number;
  accepted: number;
}

export type SubmissionState = 'on_time' | 'late' | 'missing_overdue' | 'missing_not_due' | 'submitted';

export interface UnitSubmissionLine {
  code: string;
  name: string;
  /** Depth below the reporting unit (1 = direct child). */
  level: number;
  deadline: string | null;
  state: SubmissionState;
  /** Obligation status (pending, draft, submitted, returned, approved). */
  status: string;
}

export interface NarrativeContribution {
  unitName: string;
  text: string;
}

/** The aggregated report of a reviewing office or any parent for a period. */
export interface AggregateReportDocumentView extends DocumentFrame {
  kind: 'aggregate';
  /** The unit whose subtree is reported on (e.g. the province when the Sở Nội vụ writes). */
  subjectName: string;
  period: PeriodKind;
  cutoffFrom: string | null;
  cutoffTo: string;
  parentPlanRef: string | null;
  lines: IndicatorResultLine[];
  completeness: CompletenessLine[];
  units: UnitSubmissionLine[];
  score: ParPropagandaScore & { targetsMet: number; targetsSet: number; hasOnline: boolean; hasTraditional: boolean };
  /** Children's narrative parts, gathered per heading, each with its unit named. */
  contributions: Record<keyof Narrative, NarrativeContribution[]>;
}

// ── Spreadsheet ────────────────────────────────────────────────────────────────────────────────────

export interface MatrixCell {
  status: string;
  deadline: string | null;
  onTime: boolean | null;
  overdue: boolean;
}

export interface ReviewWorkbookView {
  title: string;
  year: number;
  periods: PeriodKind[];
  /** Review matrix: one row per unit, one cell per period. */
  matrix: Array<{ code: string; name: string; periods: Partial<Record<PeriodKind, MatrixCell>> }>;
  indicators: IndicatorLabel[];
  /** Rollup per indicator and period. */
  perIndicator: Array<{
    period: PeriodKind;
    code: string;
    target: number | null;
    accepted: number | null;
    submittedOnly: number | null;
    previousYear: number | null;
  }>;
  /** Rollup per direct child and period: accepted totals of its subtree. */
  perChild: Array<{
    period: PeriodKind;
    code: string;
    name: string;
    status: string | null;
    onTime: boolean | null;
    values: Record<string, number>;
  }>;
  /** Late and missing units per period. */
  lateOrMissing: Array<{ period: PeriodKind; code: string; name: string; state: SubmissionState; status: string }>;
}
