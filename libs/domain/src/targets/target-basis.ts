/**
 * Targets set per week, month, quarter or year, compared on one basis (DOMAIN §6), and the PAR-index score of the
 * criterion "Thực hiện tuyên truyền về CCHC" (DOMAIN §8, 2 points).
 *
 * Conversions use 52 weeks = 12 months = 4 quarters = 1 year and are not rounded: 1/week is 52/12 ≈ 4.33 a month.
 */
import { invalid } from '../errors';
import { PeriodKind } from '../periods';

export type TargetBasis = 'week' | 'month' | 'quarter' | 'year';

const PER_YEAR: Readonly<Record<TargetBasis, number>> = { week: 52, month: 12, quarter: 4, year: 1 };

/** Months a report period covers for targets: Q1 and Q3 are quarters, H1 six months, YEAR twelve. */
export const PERIOD_MONTHS: Readonly<Record<PeriodKind, number>> = { Q1: 3, H1: 6, Q3: 3, YEAR: 12 };

function checkAmount(amount: number): void {
  if (!Number.isFinite(amount) || amount < 0) {
    throw invalid('target.invalid_amount', 'Chỉ tiêu phải là số không âm', { amount });
  }
}

function checkBasis(basis: TargetBasis): void {
  if (!(basis in PER_YEAR)) throw invalid('target.invalid_basis', `Đơn vị chỉ tiêu không hợp lệ: ${basis}`, { basis });
}

/** `amount` per `from` expressed per `to`, e.g. 5/month → 15/quarter, 1/week → 52/year. */
export function convertTarget(amount: number, from: TargetBasis, to: TargetBasis): number {
  checkAmount(amount);
  checkBasis(from);
  checkBasis(to);
  return (amount * PER_YEAR[from]) / PER_YEAR[to];
}

/** The target over `months` months, e.g. 5/month over 9 months → 45. */
export function targetForMonths(amount: number, basis: TargetBasis, months: number): number {
  checkAmount(amount);
  checkBasis(basis);
  if (!Number.isInteger(months) || months < 0)
    throw invalid('target.invalid_months', 'Số tháng không hợp lệ', { months });
  return (amount * PER_YEAR[basis] * months) / 12;
}

/** The target of a report period: 5/month → 15 (Q1, Q3), 30 (H1), 60 (YEAR); 1/week → 13 a quarter. */
export function targetForPeriod(amount: number, basis: TargetBasis, period: PeriodKind): number {
  const months = PERIOD_MONTHS[period];
  if (months === undefined) throw invalid('target.invalid_period', `Kỳ báo cáo không hợp lệ: ${period}`, { period });
  return targetForMonths(amount, basis, months);
}

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw invalid('par.invalid_count', `${name} phải là số nguyên không âm`, { [name]: n });
}

/**
 * PAR criterion 4.1, plan completion (max 1): all targets met → 1; at least 90 % met → met/set (unrounded);
 * below 90 % → 0. A plan that sets no targets scores 0: the criterion rates completing a plan's targets, and there
 * is nothing to have completed. Compared in integers, so exactly 90 % counts.
 */
export function planCompletionScore(met: number, set: number): number {
  checkCount('met', met);
  checkCount('set', set);
  if (met > set) throw invalid('par.invalid_count', 'Số chỉ tiêu đạt vượt số chỉ tiêu đặt ra', { met, set });
  if (set === 0) return 0;
  if (met === set) return 1;
  return met * 10 >= set * 9 ? met / set : 0;
}

/** PAR criterion 4.2, diversity of forms (max 1): online/IT channels 0.5, traditional forms 0.5. */
export function diversityScore(hasOnline: boolean, hasTraditional: boolean): number {
  return (hasOnline ? 0.5 : 0) + (hasTraditional ? 0.5 : 0);
}

export interface ParPropagandaInput {
  targetsMet: number;
  targetsSet: number;
  hasOnline: boolean;
  hasTraditional: boolean;
}

export interface ParPropagandaScore {
  planCompletion: number;
  diversity: number;
  /** Out of `max` (2). */
  total: number;
  max: 2;
}

/** Criterion "Thực hiện tuyên truyền về CCHC": 4.1 + 4.2, out of 2. */
export function parPropagandaScore(input: ParPropagandaInput): ParPropagandaScore {
  const planCompletion = planCompletionScore(input.targetsMet, input.targetsSet);
  const diversity = diversityScore(input.hasOnline, input.hasTraditional);
  return { planCompletion, diversity, total: planCompletion + diversity, max: 2 };
}
