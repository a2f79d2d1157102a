// The shape of GET /review (apps/api/src/reports/reports.responses.ts) as the dashboard reads it.
import type { Completeness, ReviewCell, ReviewRow, ReviewState } from '@cchc/domain';

// The matrix's rows and cells, and the counts, are the domain's own types (libs/domain/src/reports).
export type { Completeness, ReviewCell, ReviewRow };

export interface TargetVsActual {
  indicatorCode: string;
  basis: string;
  target: number;
  actual: number;
  ratio: number | null;
  met: boolean;
}

export interface ReviewPeriod {
  period: string;
  totals: Record<string, number>;
  submittedNotAccepted: Record<string, number>;
  previousYearTotals: Record<string, number> | null;
  completeness: Completeness;
  onTimeRate: number | null;
  targets: TargetVsActual[];
  score: { total: number; max: number; targetsMet: number; targetsSet: number };
  late: Array<{ code: string; name: string; status: string }>;
  missing: Array<{ code: string; name: string; overdue: boolean }>;
}

export interface Review {
  rootUnitId: string;
  root: { id: string; code: string; name: string; kind: string };
  year: number;
  plans: { completeness: Completeness; onTimeRate: number | null };
  periods: ReviewPeriod[];
  levels: Array<{
    depth: number;
    units: number;
    plans: Completeness;
    plansOnTimeRate: number | null;
    reports: Array<{ period: string; completeness: Completeness; onTimeRate: number | null }>;
  }>;
  matrix: ReviewRow[];
}

export const COLUMNS = ['plan', 'Q1', 'H1', 'Q3', 'YEAR'] as const;
export type Column = (typeof COLUMNS)[number];
export const COLUMN_LABELS: Record<Column, string> = {
  plan: 'Kế hoạch',
  Q1: 'Quý I',
  H1: '6 tháng',
  Q3: 'Quý III',
  YEAR: 'Năm',
};

export const cellOf = (r: ReviewRow, c: Column): ReviewCell | null => (c === 'plan' ? r.plan : (r.periods[c] ?? null));

/** Text and tone of each state (contrast checked against the Tag palette). */
export const STATE_TONES: Record<ReviewState, string> = {
  on_time: 'green',
  late: 'orange',
  returned: 'gold',
  missing: 'red',
  not_due: 'default',
};

/** Still with the unit (not yet handed in, or sent back): Đôn đốc can reach it. */
export const awaitingUnit = (c: ReviewCell | null) =>
  !!c && (c.status === 'pending' || c.status === 'draft' || c.status === 'returned');
