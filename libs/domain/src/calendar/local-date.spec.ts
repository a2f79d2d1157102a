import { DomainError } from '../errors';
import {
  addDays,
  atLocalTime,
  compareLocalDates,
  dayOfWeek,
  diffDays,
  endOfDayInstant,
  isLocalDate,
  LocalDate,
  localDateFromParts,
  localDateOf,
  parseLocalDate,
  toDdMmYyyy,
  toVietnameseLongDate,
} from './local-date';

const d = parseLocalDate;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
}

describe('LocalDate parsing', () => {
  it('accepts real dates, including 29/02 of a leap year', () => {
    expect(d('2024-02-29')).toBe('2024-02-29');
    expect(isLocalDate('2024-12-31')).toBe(true);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-5', '31/01/2024', '2024-01-31T00:00', ''])(
    'refuses %p with calendar.invalid_date',
    (value) => {
      expect(isLocalDate(value)).toBe(false);
      expect(codeOf(() => parseLocalDate(value))).toBe('calendar.invalid_date');
    },
  );

  it('builds from parts and refuses impossible parts', () => {
    expect(localDateFromParts(2024, 1, 5)).toBe('2024-01-05');
    expect(codeOf(() => localDateFromParts(2025, 2, 29))).toBe('calendar.invalid_date');
    expect(codeOf(() => localDateFromParts(2025, 0, 1))).toBe('calendar.invalid_date');
  });
});

describe('LocalDate arithmetic', () => {
  it('adds days across month, leap day and year ends', () => {
    expect(addDays(d('2024-01-31'), 1)).toBe('2024-02-01');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(d('2024-01-31'), 30)).toBe('2024-03-01');
  });

  it('counts days between dates', () => {
    expect(diffDays(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(diffDays(d('2025-01-01'), d('2026-01-01'))).toBe(365);
    expect(diffDays(d('2024-03-11'), d('2024-03-10'))).toBe(-1);
  });

  it('compares chronologically', () => {
    expect(compareLocalDates(d('2024-01-31'), d('2024-02-01'))).toBeLessThan(0);
    expect(compareLocalDates(d('2024-02-01'), d('2024-01-31'))).toBeGreaterThan(0);
    expect(compareLocalDates(d('2024-02-01'), d('2024-02-01'))).toBe(0);
  });

  it('gives the day of the week, 0 = Sunday', () => {
    expect(dayOfWeek(d('2024-03-10'))).toBe(0); // Sunday
    expect(dayOfWeek(d('2024-01-31'))).toBe(3); // Wednesday
    expect(dayOfWeek(d('2026-01-31'))).toBe(6); // Saturday
    expect(dayOfWeek(d('2026-01-01'))).toBe(4); // Thursday
  });
});

describe('formatting', () => {
  it('formats dd/mm/yyyy', () => {
    expect(toDdMmYyyy(d('2024-01-31'))).toBe('31/01/2024');
    expect(toDdMmYyyy(d('2024-03-05'))).toBe('05/03/2024');
  });

  it('formats the long Vietnamese date per Nghị định 30/2020 (zero only for days < 10 and months 1, 2)', () => {
    expect(toVietnameseLongDate(d('2024-01-31'))).toBe('ngày 31 tháng 01 năm 2024');
    expect(toVietnameseLongDate(d('2024-02-08'))).toBe('ngày 08 tháng 02 năm 2024');
    expect(toVietnameseLongDate(d('2024-03-05'))).toBe('ngày 05 tháng 3 năm 2024');
    expect(toVietnameseLongDate(d('2023-12-25'))).toBe('ngày 25 tháng 12 năm 2023');
  });
});

describe('instants in Vietnam time (UTC+7)', () => {
  it('ends a day at 24:00 local, which is 17:00 UTC the same day', () => {
    expect(endOfDayInstant(d('2024-01-31')).toISOString()).toBe('2024-01-31T17:00:00.000Z');
    expect(endOfDayInstant(d('2024-12-31')).toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });

  it('places a local time on a date', () => {
    expect(atLocalTime(d('2024-01-24'), '08:00').toISOString()).toBe('2024-01-24T01:00:00.000Z');
    expect(atLocalTime(d('2024-01-01'), '06:30').toISOString()).toBe('2023-12-31T23:30:00.000Z');
    expect(atLocalTime(d('2024-01-01'), '23:59').toISOString()).toBe('2024-01-01T16:59:00.000Z');
  });

  it.each(['24:00', '8:00', '08:60', 'noon'])('refuses the time %p', (t) => {
    expect(codeOf(() => atLocalTime(d('2024-01-01'), t))).toBe('calendar.invalid_time');
  });

  it('reads the local date of an instant around local midnight', () => {
    expect(localDateOf(new Date('2024-01-31T16:59:59.999Z'))).toBe('2024-01-31');
    expect(localDateOf(new Date('2024-01-31T17:00:00.000Z'))).toBe('2024-02-01');
    expect(localDateOf(new Date('2023-12-31T17:00:00.000Z'))).toBe('2024-01-01');
    expect(codeOf(() => localDateOf(new Date('nonsense')))).toBe('calendar.invalid_instant');
  });

  it('round-trips a date through its end-of-day instant', () => {
    const date: LocalDate = d('2025-06-15');
    expect(localDateOf(new Date(endOfDayInstant(date).getTime() - 1))).toBe(date);
  });
});
