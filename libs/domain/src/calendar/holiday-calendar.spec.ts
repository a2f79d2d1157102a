import { DomainError } from '../errors';
import {
  CalendarYear,
  defaultCalendarYears,
  fixedDateHolidays,
  provisionalCalendarYear,
  WorkingCalendar,
} from './holiday-calendar';
import { isWeekend, parseLocalDate as d } from './local-date';

const cal = WorkingCalendar.withDefaults();

function codeAndProblem(fn: () => unknown): [string, unknown] | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return [e.code, e.details?.problem];
    throw e;
  }
  return undefined;
}

describe('default calendar data 2024–2026', () => {
  it.each([
    ['2024-01-01', 'Tết Dương lịch, Monday'],
    ['2024-02-08', 'first day of Tết 2024 (Thursday)'],
    ['2024-02-14', 'last day of Tết 2024 (Wednesday)'],
    ['2024-04-18', 'Giỗ Tổ 2024'],
    ['2024-09-03', 'day adjacent to 2/9/2024'],
    ['2025-01-27', 'Tết 2025 weekday'],
    ['2025-04-07', 'Giỗ Tổ 2025'],
    ['2025-05-02', 'Friday swapped into the 30/4–4/5/2025 break'],
    ['2025-09-01', 'day adjacent to 2/9/2025'],
    ['2026-01-02', 'Friday of the 1/1–4/1/2026 break'],
    ['2026-02-20', 'Tết 2026 weekday'],
    ['2026-04-27', 'compensatory Monday for Giỗ Tổ on Sunday 26/4/2026'],
    ['2026-05-01', '1/5/2026 Friday'],
    ['2026-09-01', 'day adjacent to 2/9/2026'],
  ])('%s is a day off (%s)', (iso) => {
    expect(cal.isWorkingDay(d(iso))).toBe(false);
    expect(cal.isHoliday(d(iso))).toBe(true);
  });

  it.each([
    ['2024-02-07', 'Wednesday before Tết 2024'],
    ['2024-02-15', 'Thursday after Tết 2024'],
    ['2024-04-29', 'Monday 29/4/2024 (no swap in the DOMAIN data)'],
    ['2025-02-03', 'Monday after Tết 2025'],
    ['2026-01-05', 'Monday after Tết Dương lịch 2026'],
    ['2026-04-28', 'Tuesday after the compensatory day'],
    ['2026-08-31', 'Monday before 1/9/2026'],
  ])('%s is a working day (%s)', (iso) => {
    expect(cal.isWorkingDay(d(iso))).toBe(true);
    expect(cal.isHoliday(d(iso))).toBe(false);
  });

  it('treats weekend days of a break as holidays and plain weekends as non-working, non-holiday', () => {
    expect(cal.isHoliday(d('2024-02-10'))).toBe(true); // Saturday inside Tết 2024
    expect(cal.isHoliday(d('2024-03-10'))).toBe(false); // ordinary Sunday
    expect(cal.isWorkingDay(d('2024-03-10'))).toBe(false);
  });

  // Weekdays: 2024 starts on Monday and has 366 days → 262; 2025 and 2026 start on Wed/Thu → 261.
  // Weekday holidays: 2024 = 11 (1/1, 5 Tết, 18/4, 30/4, 1/5, 2/9, 3/9); 2025 = 12 (1/1, 5 Tết, 7/4, 30/4, 1/5,
  // 2/5, 1/9, 2/9); 2026 = 12 (1/1, 2/1, 5 Tết, 27/4, 30/4, 1/5, 1/9, 2/9).
  it.each([
    [2024, 251],
    [2025, 249],
    [2026, 249],
  ])('%i has %i working days', (year, expected) => {
    expect(cal.workingDaysBetween(d(`${year - 1}-12-31`), d(`${year}-12-31`))).toBe(expected);
  });

  it('has data for 2024–2026 only', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((y) => cal.hasDataFor(y))).toEqual([false, true, true, true, false]);
    expect(defaultCalendarYears().every((y) => y.workingWeekends.length === 0)).toBe(true);
  });

  it('names holidays in Vietnamese', () => {
    expect(cal.holidayName(d('2026-04-27'))).toBe('Giỗ Tổ Hùng Vương (nghỉ bù)');
    expect(cal.holidayName(d('2024-02-12'))).toBe('Tết Nguyên đán');
    expect(cal.holidayName(d('2024-02-15'))).toBeUndefined();
  });
});

describe('years without confirmed data: provisional holidays (Labour Code 2019 art. 112)', () => {
  it('lists the solar-date holidays', () => {
    expect(fixedDateHolidays(2030).map((h) => h.date)).toEqual([
      '2030-01-01',
      '2030-04-30',
      '2030-05-01',
      '2030-09-02',
    ]);
  });

  it('is provisional outside the confirmed years', () => {
    expect([2023, 2024, 2026, 2027].map((y) => cal.isProvisional(y))).toEqual([true, false, false, true]);
  });

  // 2027: Tết Đinh Mùi on Saturday 06/02. The five days are Fri 05/02 (last day of the old year) to Tue 09/02;
  // Saturday 06 and Sunday 07 are compensated on Wed 10 and Thu 11. Giỗ Tổ Friday 16/04; 30/4 Friday, 1/5 Saturday
  // → Monday 03/05; 2/9 Thursday with Wednesday 01/09.
  it('2027: Tết break Fri 05/02 – Thu 11/02 with two compensatory days', () => {
    const off = provisionalCalendarYear(2027)
      .holidays.map((h) => h.date)
      .filter((x) => x.startsWith('2027-02'));
    expect(off).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(cal.isWorkingDay(d('2027-02-04'))).toBe(true);
    expect(cal.isWorkingDay(d('2027-02-12'))).toBe(true);
    expect(cal.holidayName(d('2027-02-10'))).toBe('Tết Nguyên đán (nghỉ bù)');
  });

  it.each([
    ['2027-01-01', 'Tết Dương lịch'],
    ['2027-04-16', 'Giỗ Tổ Hùng Vương'],
    ['2027-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
    ['2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'],
    ['2027-09-01', 'Quốc khánh'],
    ['2027-09-02', 'Quốc khánh'],
    ['2028-01-31', 'Tết Nguyên đán (nghỉ bù)'], // Tết 2028 Wed 26/01: 25–29/01, Saturday 29 → Monday 31
  ])('%s is %s', (iso, name) => {
    expect(cal.holidayName(d(iso))).toBe(name);
    expect(cal.isWorkingDay(d(iso))).toBe(false);
  });

  it('2/9 on a Monday takes 3/9 as the adjacent day (1/9 is a Sunday): 2030', () => {
    expect(cal.isHoliday(d('2030-09-03'))).toBe(true);
    expect(cal.isHoliday(d('2030-08-30'))).toBe(false);
  });

  // Art. 112(1): 11 days a year. With compensation, every provisional year gives exactly 11 weekdays off.
  it.each(Array.from({ length: 2100 - 1990 + 1 }, (_, i) => 1990 + i))('%i gives 11 weekdays off', (year) => {
    const weekdays = provisionalCalendarYear(year).holidays.filter((h) => !isWeekend(h.date));
    expect(new Set(weekdays.map((h) => h.date)).size).toBe(11);
    expect(() => new WorkingCalendar([provisionalCalendarYear(year)])).not.toThrow();
  });
});

describe('working-day arithmetic', () => {
  it('finds the next and previous working day, strictly', () => {
    expect(cal.nextWorkingDay(d('2024-01-31'))).toBe('2024-02-01');
    expect(cal.nextWorkingDay(d('2024-02-07'))).toBe('2024-02-15');
    expect(cal.nextWorkingDay(d('2024-03-08'))).toBe('2024-03-11'); // Friday → Monday
    expect(cal.previousWorkingDay(d('2024-02-15'))).toBe('2024-02-07');
    expect(cal.previousWorkingDay(d('2025-02-03'))).toBe('2025-01-24');
  });

  it('adds working days', () => {
    expect(cal.addWorkingDays(d('2024-01-31'), 0)).toBe('2024-01-31');
    expect(cal.addWorkingDays(d('2024-01-26'), 5)).toBe('2024-02-02');
    expect(cal.addWorkingDays(d('2024-02-06'), 2)).toBe('2024-02-15');
    expect(cal.addWorkingDays(d('2024-02-16'), -2)).toBe('2024-02-07');
    expect(() => cal.addWorkingDays(d('2024-02-16'), 1.5)).toThrow(DomainError);
  });

  it('counts working days between dates, signed', () => {
    expect(cal.workingDaysBetween(d('2024-02-07'), d('2024-02-15'))).toBe(1);
    expect(cal.workingDaysBetween(d('2024-02-15'), d('2024-02-07'))).toBe(-1);
    expect(cal.workingDaysBetween(d('2024-02-07'), d('2024-02-07'))).toBe(0);
    expect(cal.workingDaysBetween(d('2024-01-26'), d('2024-02-02'))).toBe(5);
  });
});

describe('custom calendar data', () => {
  const year2025WithSwap: CalendarYear = {
    year: 2025,
    holidays: [{ date: d('2025-05-02'), name: 'Nghỉ hoán đổi' }],
    workingWeekends: [{ date: d('2025-04-26'), name: 'Làm bù cho 02/05' }],
  };

  it('makes a working weekend a working day', () => {
    const custom = new WorkingCalendar([year2025WithSwap]);
    expect(custom.isWorkingDay(d('2025-04-26'))).toBe(true);
    expect(custom.isWorkingDay(d('2025-04-27'))).toBe(false);
    expect(custom.nextWorkingDay(d('2025-04-25'))).toBe('2025-04-26');
    expect(custom.isWorkingDay(d('2025-05-02'))).toBe(false);
  });

  it.each([
    ['duplicate_year', [year2025WithSwap, year2025WithSwap]],
    ['date_outside_year', [{ year: 2024, holidays: [{ date: d('2025-01-01'), name: 'x' }], workingWeekends: [] }]],
    ['invalid_date', [{ year: 2024, holidays: [{ date: '2024-02-30', name: 'x' }], workingWeekends: [] }]],
    [
      'working_weekend_not_weekend',
      [{ year: 2025, holidays: [], workingWeekends: [{ date: d('2025-04-25'), name: 'x' }] }],
    ],
    [
      'working_weekend_is_holiday',
      [
        {
          year: 2025,
          holidays: [{ date: d('2025-04-26'), name: 'x' }],
          workingWeekends: [{ date: d('2025-04-26'), name: 'y' }],
        },
      ],
    ],
  ])('refuses data with %s', (problem, years) => {
    expect(codeAndProblem(() => new WorkingCalendar(years as CalendarYear[]))).toEqual([
      'calendar.invalid_year_data',
      problem,
    ]);
  });
});
