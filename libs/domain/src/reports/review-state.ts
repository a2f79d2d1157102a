import type { Completeness, ObligationSnapshot } from './aggregation';

/**
 * Where one obligation (a plan or a period's report) stands for the reviewing office, the colour of its cell in the
 * review matrix: handed in before the deadline (`on_time`) or after it (`late`), sent back for rework (`returned`),
 * not handed in although the deadline has passed (`missing`), not handed in and still within the deadline
 * (`not_due`).
 */
export const REVIEW_STATES = ['on_time', 'late', 'returned', 'missing', 'not_due'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  returned: 'Bị trả lại',
  missing: 'Chưa nộp (quá hạn)',
  not_due: 'Chưa đến hạn',
};

export function reviewState(o: Pick<ObligationSnapshot, 'status' | 'submittedOnTime' | 'overdue'>): ReviewState {
  if (o.status === 'returned') return 'returned';
  const handedIn = o.status === 'submitted' || o.status === 'approved' || o.submittedOnTime !== null;
  if (handedIn) return o.submittedOnTime === false ? 'late' : 'on_time';
  return o.overdue ? 'missing' : 'not_due';
}

/**
 * Share of the obligations already due that were handed in on time: on time / (on time + late + overdue missing).
 * Null while nothing is due or handed in.
 */
export function onTimeRate(c: Pick<Completeness, 'onTime' | 'lateSubmitted' | 'lateMissing'>): number | null {
  const due = c.onTime + c.lateSubmitted + c.lateMissing;
  return due === 0 ? null : c.onTime / due;
}
