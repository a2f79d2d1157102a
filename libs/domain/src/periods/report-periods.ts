/**
 * Periodic report schedule (DOMAIN §5): which periods a plan asks reports for, the data cut-off window of each
 * (Nghị định 09/2019/NĐ-CP art. 12) and its due date (seed 003). Both are stored, separately and per plan.
 *
 * Default cut-off windows, year Y:
 * - Q1   15/12/(Y-1) – 14/03/Y  the quarter (also the cumulative window: they coincide)
 * - H1   15/12/(Y-1) – 14/06/Y  cumulative 6 months
 * - Q3   15/06/Y     – 14/09/Y  the quarter, per the Decree's quarter rule "15th of the month before the quarter to
 *                               14th of its last month". A regime wanting the 9-month cumulative figure sets
 *                               cutoffFrom to 15/12/(Y-1) in its schedule.
 * - YEAR 15/12/(Y-1) – 14/12/Y  cumulative 12 months
 * Due dates default to seed 003: "trước ngày 10 tháng 3 / 6 / 9 / 12". They are stored as day 10 and read as
 * "by 10/3": a regime reading "trước ngày 10" strictly sets day 9.
 */
import { invalid } from '../errors';
import { Deadline, LocalDate, localDateFromParts, resolveDeadline, WorkingCalendar } from '../calendar';

export const PERIOD_KINDS = ['Q1', 'H1', 'Q3', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_LABELS: Readonly<Record<PeriodKind, string>> = {
  Q1: 'Quý I',
  H1: '6 tháng',
  Q3: 'Quý III',
  YEAR: 'Năm',
};

/** A period in running text: "quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024" (the numerals stay upper case). */
export function periodPhrase(period: PeriodKind, year: number): string {
  if (period === 'YEAR') return `năm ${year}`;
  if (period === 'H1') return `6 tháng đầu năm ${year}`;
  const label = PERIOD_LABELS[period];
  return `${label[0].toLocaleLowerCase('vi-VN')}${label.slice(1)} năm ${year}`;
}

/** A day of the calendar relative to the report year Y: year Y + yearOffset. */
export interface YearRelativeDay {
  yearOffset: number; // -1, 0 or 1
  month: number;
  day: number;
}

/** One period of a schedule. Plain JSON. */
export interface ReportPeriodRule {
  period: PeriodKind;
  /** Due day in year Y + (dueYearOffset ?? 0). */
  dueMonth: number;
  dueDay: number;
  dueYearOffset?: number;
  /** Data cut-off window, both days included. */
  cutoffFrom: YearRelativeDay;
  cutoffTo: YearRelativeDay;
}

/** The periods a plan asks reports for; JSON, editable per plan. */
export type ReportSchedule = ReportPeriodRule[];

export interface ResolvedReportPeriod {
  period: PeriodKind;
  label: string;
  cutoffFrom: LocalDate;
  cutoffTo: LocalDate;
  nominalDue: LocalDate;
  /** The due date shifted to a working day (Civil Code art. 148). */
  deadline: Deadline;
}

const rel = (yearOffset: number, month: number, day: number): YearRelativeDay => ({ yearOffset, month, day });

export function defaultReportSchedule(): ReportSchedule {
  return [
    { period: 'Q1', dueMonth: 3, dueDay: 10, cutoffFrom: rel(-1, 12, 15), cutoffTo: rel(0, 3, 14) },
    { period: 'H1', dueMonth: 6, dueDay: 10, cutoffFrom: rel(-1, 12, 15), cutoffTo: rel(0, 6, 14) },
    { period: 'Q3', dueMonth: 9, dueDay: 10, cutoffFrom: rel(0, 6, 15), cutoffTo: rel(0, 9, 14) },
    { period: 'YEAR', dueMonth: 12, dueDay: 10, cutoffFrom: rel(-1, 12, 15), cutoffTo: rel(0, 12, 14) },
  ];
}

export interface ScheduleProblem {
  index: number;
  field: string;
  problem: string;
}

/** Orders year-relative days without a concrete year (29/02 is refused, so the order never depends on Y). */
const ordinal = (d: YearRelativeDay) => d.yearOffset * 10_000 + d.month * 100 + d.day;

/** A month/day that exists in every year: 29/02 is refused. */
function validMonthDay(month: unknown, day: unknown): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day)) return false;
  const m = month as number;
  const d = day as number;
  const max = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return m >= 1 && m <= 12 && d >= 1 && d <= max;
}

const validOffset = (o: unknown) => Number.isInteger(o) && (o as number) >= -1 && (o as number) <= 1;

/** Throws `report_schedule.invalid` with `details.problems` listing every problem found. */
export function validateReportSchedule(schedule: ReportSchedule): void {
  const problems: ScheduleProblem[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(schedule)) {
    problems.push({ index: -1, field: '', problem: 'not_an_array' });
  } else {
    schedule.forEach((rule, index) => {
      const add = (field: string, problem: string) => problems.push({ index, field, problem });
      if (!PERIOD_KINDS.includes(rule?.period)) add('period', 'unknown_period');
      else if (seen.has(rule.period)) add('period', 'duplicate_period');
      else seen.add(rule.period);
      const due: YearRelativeDay = { yearOffset: rule?.dueYearOffset ?? 0, month: rule?.dueMonth, day: rule?.dueDay };
      const days: [string, YearRelativeDay | undefined][] = [
        ['due', due],
        ['cutoffFrom', rule?.cutoffFrom],
        ['cutoffTo', rule?.cutoffTo],
      ];
      let allValid = true;
      for (const [field, d] of days) {
        if (!d || !validMonthDay(d.month, d.day)) add(field, 'invalid_day_or_month');
        else if (!validOffset(d.yearOffset)) add(field, 'invalid_year_offset');
        else continue;
        allValid = false;
      }
      if (!allValid) return;
      if (ordinal(rule.cutoffTo) < ordinal(rule.cutoffFrom)) add('cutoffTo', 'cutoff_end_before_start');
      if (ordinal(due) < ordinal(rule.cutoffFrom)) add('due', 'due_before_cutoff_start');
    });
  }
  if (problems.length > 0) {
    throw invalid('report_schedule.invalid', 'Lịch báo cáo định kỳ không hợp lệ', { problems });
  }
}

const dayIn = (year: number, d: YearRelativeDay) => localDateFromParts(year + d.yearOffset, d.month, d.day);

/** The concrete periods of year `year`, in schedule order. Validates the schedule first. */
export function resolveReportSchedule(
  schedule: ReportSchedule,
  year: number,
  cal: WorkingCalendar,
): ResolvedReportPeriod[] {
  validateReportSchedule(schedule);
  if (!Number.isInteger(year) || year < 2 || year > 9998) {
    throw invalid('report_schedule.invalid_year', `Năm không hợp lệ: ${year}`, { year });
  }
  return schedule.map((rule) => {
    const nominalDue = localDateFromParts(year + (rule.dueYearOffset ?? 0), rule.dueMonth, rule.dueDay);
    return {
      period: rule.period,
      label: PERIOD_LABELS[rule.period],
      cutoffFrom: dayIn(year, rule.cutoffFrom),
      cutoffTo: dayIn(year, rule.cutoffTo),
      nominalDue,
      deadline: resolveDeadline(nominalDue, cal),
    };
  });
}

/**
 * The due date a parent gives its children: `workingDaysEarlier` working days before the parent's effective day
 * (counted in working days so the child's day is always a working day and strictly earlier when > 0).
 */
export function earlierDueForChildren(parent: Deadline, workingDaysEarlier: number, cal: WorkingCalendar): Deadline {
  if (!Number.isInteger(workingDaysEarlier) || workingDaysEarlier < 0) {
    throw invalid('report_schedule.invalid_days_earlier', 'Số ngày báo cáo sớm hơn phải là số nguyên không âm', {
      workingDaysEarlier,
    });
  }
  return resolveDeadline(cal.addWorkingDays(parent.effective, -workingDaysEarlier), cal);
}

/**
 * The day whose unit tree a period's reports are rolled up over: the end of its data cut-off window
 * (e.g. 14/03 for quý I). A unit moved during the year then counts once, under the parent it had that day.
 */
export function periodReferenceDate(
  year: number,
  period: PeriodKind,
  schedule: ReportSchedule = defaultReportSchedule(),
): LocalDate {
  const rule = schedule.find((r) => r.period === period) ?? defaultReportSchedule().find((r) => r.period === period)!;
  return dayIn(year, rule.cutoffTo);
}
