import { parseLocalDate as d, resolveDeadline, WorkingCalendar } from '../calendar';
import { DomainError } from '../errors';
import {
  defaultReportSchedule,
  earlierDueForChildren,
  periodPhrase,
  ReportSchedule,
  resolveReportSchedule,
  validateReportSchedule,
} from './report-periods';

const cal = WorkingCalendar.withDefaults();

function problemsOf(schedule: unknown): unknown {
  try {
    validateReportSchedule(schedule as ReportSchedule);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'report_schedule.invalid') return e.details?.problems;
    throw e;
  }
  return [];
}

describe('resolveReportSchedule, default schedule', () => {
  // Weekdays of 2024 by hand: 01/01 is Monday, so 10/03 is Sunday, 10/06 Monday, 10/09 Tuesday, 10/12 Tuesday.
  it('resolves 2024 with cut-off windows and shifted due dates', () => {
    const rows = resolveReportSchedule(defaultReportSchedule(), 2024, cal).map((p) => ({
      period: p.period,
      label: p.label,
      cutoff: `${p.cutoffFrom}..${p.cutoffTo}`,
      nominal: p.nominalDue,
      effective: p.deadline.effective,
    }));
    expect(rows).toEqual([
      {
        period: 'Q1',
        label: 'Quý I',
        cutoff: '2023-12-15..2024-03-14',
        nominal: '2024-03-10',
        effective: '2024-03-11',
      },
      {
        period: 'H1',
        label: '6 tháng',
        cutoff: '2023-12-15..2024-06-14',
        nominal: '2024-06-10',
        effective: '2024-06-10',
      },
      {
        period: 'Q3',
        label: 'Quý III',
        cutoff: '2024-06-15..2024-09-14',
        nominal: '2024-09-10',
        effective: '2024-09-10',
      },
      {
        period: 'YEAR',
        label: 'Năm',
        cutoff: '2023-12-15..2024-12-14',
        nominal: '2024-12-10',
        effective: '2024-12-10',
      },
    ]);
  });

  it('ends the Q1 2024 report deadline at 24:00 on Monday 11/03/2024', () => {
    const [q1] = resolveReportSchedule(defaultReportSchedule(), 2024, cal);
    expect(q1.deadline.endsAt.toISOString()).toBe('2024-03-11T17:00:00.000Z');
  });

  it('survives a JSON round trip and allows a cumulative 9-month Q3 window', () => {
    const schedule: ReportSchedule = JSON.parse(JSON.stringify(defaultReportSchedule()));
    schedule[2].cutoffFrom = { yearOffset: -1, month: 12, day: 15 };
    const q3 = resolveReportSchedule(schedule, 2025, cal)[2];
    expect([q3.cutoffFrom, q3.cutoffTo, q3.nominalDue]).toEqual(['2024-12-15', '2025-09-14', '2025-09-10']);
  });

  it('honours a due date in the following year', () => {
    const schedule: ReportSchedule = [
      {
        period: 'YEAR',
        dueMonth: 1,
        dueDay: 31,
        dueYearOffset: 1,
        cutoffFrom: { yearOffset: -1, month: 12, day: 15 },
        cutoffTo: { yearOffset: 0, month: 12, day: 14 },
      },
    ];
    // 31/01/2026 is a Saturday → Monday 02/02/2026.
    expect(resolveReportSchedule(schedule, 2025, cal)[0].deadline.effective).toBe('2026-02-02');
  });
});

describe('validateReportSchedule', () => {
  const rule = (over: object) => ({ ...defaultReportSchedule()[0], ...over });

  it('accepts the default schedule and an empty one', () => {
    expect(problemsOf(defaultReportSchedule())).toEqual([]);
    expect(problemsOf([])).toEqual([]);
  });

  it('refuses duplicate and unknown periods', () => {
    expect(problemsOf([rule({}), rule({}), rule({ period: 'Q2' })])).toEqual([
      { index: 1, field: 'period', problem: 'duplicate_period' },
      { index: 2, field: 'period', problem: 'unknown_period' },
    ]);
  });

  it('refuses days that do not exist every year', () => {
    expect(problemsOf([rule({ dueMonth: 4, dueDay: 31 })])).toEqual([
      { index: 0, field: 'due', problem: 'invalid_day_or_month' },
    ]);
    expect(problemsOf([rule({ dueMonth: 2, dueDay: 29 })])).toEqual([
      { index: 0, field: 'due', problem: 'invalid_day_or_month' },
    ]);
    expect(problemsOf([rule({ cutoffTo: { yearOffset: 0, month: 13, day: 1 } })])).toEqual([
      { index: 0, field: 'cutoffTo', problem: 'invalid_day_or_month' },
    ]);
    expect(problemsOf([rule({ cutoffFrom: { yearOffset: -2, month: 12, day: 15 } })])).toEqual([
      { index: 0, field: 'cutoffFrom', problem: 'invalid_year_offset' },
    ]);
  });

  it('refuses a due date before the cut-off start, and a window ending before it starts', () => {
    // Q1 window starts 15/12 of the previous year; a due date of 14/12 of that year is one day too early.
    expect(problemsOf([rule({ dueYearOffset: -1, dueMonth: 12, dueDay: 14 })])).toEqual([
      { index: 0, field: 'due', problem: 'due_before_cutoff_start' },
    ]);
    expect(problemsOf([rule({ dueYearOffset: -1, dueMonth: 12, dueDay: 15 })])).toEqual([]);
    expect(problemsOf([rule({ cutoffTo: { yearOffset: -1, month: 12, day: 14 } })])).toEqual([
      { index: 0, field: 'cutoffTo', problem: 'cutoff_end_before_start' },
    ]);
  });

  it('is enforced by resolveReportSchedule', () => {
    expect(() => resolveReportSchedule([rule({ dueDay: 0 })], 2024, cal)).toThrow(DomainError);
  });
});

describe('earlierDueForChildren', () => {
  it('counts working days back from the parent effective day', () => {
    const parent = resolveDeadline(d('2024-03-10'), cal); // effective Monday 11/03/2024
    expect(earlierDueForChildren(parent, 3, cal)).toEqual(resolveDeadline(d('2024-03-06'), cal)); // Wed 06/03
    expect(earlierDueForChildren(parent, 0, cal).effective).toBe('2024-03-11');
  });

  it('skips a holiday break', () => {
    const parent = resolveDeadline(d('2024-02-15'), cal);
    expect(earlierDueForChildren(parent, 1, cal).effective).toBe('2024-02-07'); // Tết 08–14/02/2024
  });

  it('refuses a negative or fractional number of days', () => {
    const parent = resolveDeadline(d('2024-03-10'), cal);
    expect(() => earlierDueForChildren(parent, -1, cal)).toThrow(DomainError);
    expect(() => earlierDueForChildren(parent, 1.5, cal)).toThrow(DomainError);
  });
});

describe('periodReferenceDate', () => {
  it('is the end of the cut-off window', () => {
    const { periodReferenceDate } = require('./report-periods');
    expect(periodReferenceDate(2024, 'Q1')).toBe('2024-03-14');
    expect(periodReferenceDate(2024, 'YEAR')).toBe('2024-12-14');
  });
});

describe('periodPhrase', () => {
  it('writes each period as running text, the Roman numerals kept upper case', () => {
    expect(periodPhrase('Q1', 2024)).toBe('quý I năm 2024');
    expect(periodPhrase('H1', 2024)).toBe('6 tháng đầu năm 2024');
    expect(periodPhrase('Q3', 2025)).toBe('quý III năm 2025');
    expect(periodPhrase('YEAR', 2025)).toBe('năm 2025');
  });
});
