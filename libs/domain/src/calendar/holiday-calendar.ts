/**
 * Public holidays and working days, as data per year (DOMAIN §7). An admin confirms the years; the defaults below
 * hold the announced breaks of 2024–2026. Any other year gets a **provisional** calendar computed from the Labour
 * Code 2019 art. 112 day counts and the Vietnamese lunar calendar (`provisionalCalendarYear`), until an admin
 * confirms it with the break the government announces.
 */
import { invalid } from '../errors';
import {
  addDays,
  compareLocalDates,
  isLocalDate,
  isWeekend,
  LocalDate,
  localDateFromParts,
  parseLocalDate,
  toDateParts,
} from './local-date';
import { gioToHungVuong, tetNguyenDan } from './lunar-calendar';

export interface CalendarEntry {
  date: LocalDate;
  name: string;
}

export interface CalendarYear {
  year: number;
  /** Days off: statutory holidays, compensatory days and every day of an announced break (weekend days included). */
  holidays: CalendarEntry[];
  /** Saturdays or Sundays worked to make up for a weekday given off ("làm bù"). */
  workingWeekends: CalendarEntry[];
}

const TET_DUONG_LICH = 'Tết Dương lịch';
const TET_NGUYEN_DAN = 'Tết Nguyên đán';
const GIO_TO = 'Giỗ Tổ Hùng Vương';
const GIAI_PHONG = 'Ngày Giải phóng miền Nam, thống nhất đất nước';
const LAO_DONG = 'Ngày Quốc tế Lao động';
const QUOC_KHANH = 'Quốc khánh';

function day(iso: string, name: string): CalendarEntry {
  return { date: parseLocalDate(iso), name };
}

/** Every day from `from` to `to`, both included. */
function days(from: string, to: string, name: string): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  for (let d = parseLocalDate(from); d <= to; d = addDays(d, 1)) out.push({ date: d, name });
  return out;
}

/**
 * Holidays under Labour Code 2019 art. 112 and the breaks announced for civil servants, 2024–2026.
 * Announced breaks are entered whole, weekend days included, so `isHoliday` is true on every day of the break.
 *
 * Make-up working Saturdays: a break that gives a weekday off beyond the statutory days (2/5/2025, 2/1/2026) is
 * paid back on a Saturday. DOMAIN §7 does not name those Saturdays, so `workingWeekends` is left empty here; an admin
 * enters them once the announcement is confirmed (reported as Sat 26/04/2025 and Sat 10/01/2026). Likewise the
 * 2024 swap of Mon 29/04 with Sat 04/05 reported for civil servants is not in the DOMAIN and not entered.
 */
export function defaultCalendarYears(): CalendarYear[] {
  return [
    {
      year: 2024,
      holidays: [
        day('2024-01-01', TET_DUONG_LICH), // Monday
        // Tết Giáp Thìn: Thu 08/02 – Wed 14/02, the 5 statutory days on weekdays 8, 9, 12, 13, 14 plus a weekend.
        ...days('2024-02-08', '2024-02-14', TET_NGUYEN_DAN),
        day('2024-04-18', GIO_TO), // 10/3 lunar, Thursday
        day('2024-04-30', GIAI_PHONG), // Tuesday
        day('2024-05-01', LAO_DONG), // Wednesday
        // 2/9 is a Monday; the adjacent day is Tuesday 03/09 (break Sat 31/08 – Tue 03/09).
        day('2024-09-02', QUOC_KHANH),
        day('2024-09-03', QUOC_KHANH),
      ],
      workingWeekends: [],
    },
    {
      year: 2025,
      holidays: [
        day('2025-01-01', TET_DUONG_LICH), // Wednesday
        // Tết Ất Tỵ: Sat 25/01 – Sun 02/02; the 5 statutory days are the weekdays 27–31/01.
        ...days('2025-01-25', '2025-02-02', TET_NGUYEN_DAN),
        day('2025-04-07', GIO_TO), // 10/3 lunar, Monday
        // Announced break Wed 30/04 – Sun 04/05: 30/4 and 1/5 are statutory, Fri 02/05 was swapped for a
        // Saturday (not entered, see above), 03–04/05 is the weekend.
        day('2025-04-30', GIAI_PHONG),
        day('2025-05-01', LAO_DONG),
        ...days('2025-05-02', '2025-05-04', `${GIAI_PHONG} (nghỉ hoán đổi)`),
        // Announced break Sat 30/08 – Tue 02/09: 2/9 (Tuesday) and the adjacent day Mon 01/09, plus the weekend.
        ...days('2025-08-30', '2025-09-02', QUOC_KHANH),
      ],
      workingWeekends: [],
    },
    {
      year: 2026,
      holidays: [
        // Announced break Thu 01/01 – Sun 04/01: 1/1 statutory, Fri 02/01 given off (swapped for a Saturday, not
        // entered, see above), 03–04/01 the weekend.
        day('2026-01-01', TET_DUONG_LICH),
        ...days('2026-01-02', '2026-01-04', `${TET_DUONG_LICH} (nghỉ hoán đổi)`),
        // Tết Bính Ngọ: Sat 14/02 – Sun 22/02; the 5 statutory days are the weekdays 16–20/02.
        ...days('2026-02-14', '2026-02-22', TET_NGUYEN_DAN),
        // 10/3 lunar falls on Sunday 26/04; a holiday on the weekly rest day is compensated on the next working
        // day (Labour Code 2019 art. 111(3)), so Monday 27/04 is off.
        day('2026-04-26', GIO_TO),
        day('2026-04-27', `${GIO_TO} (nghỉ bù)`),
        day('2026-04-30', GIAI_PHONG), // Thursday
        day('2026-05-01', LAO_DONG), // Friday
        // 2/9 is a Wednesday; the adjacent day is Tuesday 01/09 (Monday 31/08 is a normal working day).
        day('2026-09-01', QUOC_KHANH),
        day('2026-09-02', QUOC_KHANH),
      ],
      workingWeekends: [],
    },
  ];
}

/** The solar-date holidays of a year: 1/1, 30/4, 1/5, 2/9 (Labour Code 2019 art. 112(1)). */
export function fixedDateHolidays(year: number): CalendarEntry[] {
  return [
    { date: localDateFromParts(year, 1, 1), name: TET_DUONG_LICH },
    { date: localDateFromParts(year, 4, 30), name: GIAI_PHONG },
    { date: localDateFromParts(year, 5, 1), name: LAO_DONG },
    { date: localDateFromParts(year, 9, 2), name: QUOC_KHANH },
  ];
}

/**
 * The provisional holidays of a year nobody has confirmed yet, from the Labour Code 2019 art. 112 day counts:
 * - Tết Dương lịch 1 day (1/1); 30/4 and 1/5 one day each; Giỗ Tổ Hùng Vương 1 day (10/3 lunar);
 * - Tết Nguyên đán 5 days: the last day of the old lunar year and the first four of the new one;
 * - Quốc khánh 2 days: 2/9 and one adjacent day, 1/9 when it is a weekday, else 3/9;
 * - a statutory day on a Saturday or Sunday is compensated on the next working day after it (art. 111(3)).
 * The break the government really announces (and any swapped working Saturdays) replaces this when an admin
 * confirms the year.
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  const tet = tetNguyenDan(year);
  const gioTo = gioToHungVuong(year);
  const sep1 = localDateFromParts(year, 9, 1);
  const statutory: CalendarEntry[] = [
    { date: localDateFromParts(year, 1, 1), name: TET_DUONG_LICH },
    ...[-1, 0, 1, 2, 3].map((n) => ({ date: addDays(tet, n), name: TET_NGUYEN_DAN })),
    { date: gioTo, name: GIO_TO },
    { date: localDateFromParts(year, 4, 30), name: GIAI_PHONG },
    { date: localDateFromParts(year, 5, 1), name: LAO_DONG },
    { date: isWeekend(sep1) ? localDateFromParts(year, 9, 3) : sep1, name: QUOC_KHANH },
    { date: localDateFromParts(year, 9, 2), name: QUOC_KHANH },
  ].sort((a, b) => compareLocalDates(a.date, b.date));
  const off = new Map<string, string>(statutory.map((e) => [e.date, e.name]));
  const holidays = [...statutory];
  for (const e of statutory) {
    if (!isWeekend(e.date)) continue;
    let d = addDays(e.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.set(d, e.name);
    holidays.push({ date: d, name: `${e.name} (nghỉ bù)` });
  }
  holidays.sort((a, b) => compareLocalDates(a.date, b.date));
  return { year, holidays, workingWeekends: [] };
}

/** How far the calendar searches for a working day before deciding the data is broken. */
const MAX_SEARCH_DAYS = 366;

/**
 * Working-day arithmetic over `CalendarYear` data. A day is a working day when it is a working weekend, or a
 * Monday–Friday that is not a holiday. Years without data use `provisionalCalendarYear`; `isProvisional` tells
 * them apart.
 */
export class WorkingCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly workingWeekends = new Map<string, string>();
  private readonly years = new Set<number>();
  private readonly provisional = new Map<number, Map<string, string>>();

  constructor(years: readonly CalendarYear[]) {
    for (const y of years) {
      const fail = (problem: string, extra: Record<string, unknown> = {}) =>
        invalid('calendar.invalid_year_data', `Dữ liệu lịch năm ${y.year} không hợp lệ`, {
          year: y.year,
          problem,
          ...extra,
        });
      if (!Number.isInteger(y.year) || y.year < 1 || y.year > 9999) throw fail('invalid_year');
      if (this.years.has(y.year)) throw fail('duplicate_year');
      this.years.add(y.year);
      const check = (e: CalendarEntry) => {
        if (!isLocalDate(e.date)) throw fail('invalid_date', { date: e.date });
        if (toDateParts(e.date).year !== y.year) throw fail('date_outside_year', { date: e.date });
      };
      for (const h of y.holidays) {
        check(h);
        this.holidays.set(h.date, h.name);
      }
      for (const w of y.workingWeekends) {
        check(w);
        if (!isWeekend(w.date)) throw fail('working_weekend_not_weekend', { date: w.date });
        if (this.holidays.has(w.date)) throw fail('working_weekend_is_holiday', { date: w.date });
        this.workingWeekends.set(w.date, w.name);
      }
    }
  }

  /** The calendar built from `defaultCalendarYears()`. */
  static withDefaults(): WorkingCalendar {
    return new WorkingCalendar(defaultCalendarYears());
  }

  hasDataFor(year: number): boolean {
    return this.years.has(year);
  }

  /** True when `year` has no confirmed data: its holidays are the computed provisional ones. */
  isProvisional(year: number): boolean {
    return !this.years.has(year);
  }

  /** The holiday's name, or undefined when `date` is not a holiday. */
  holidayName(date: LocalDate): string | undefined {
    const { year } = toDateParts(date);
    if (this.years.has(year)) return this.holidays.get(date);
    let computed = this.provisional.get(year);
    if (!computed) {
      computed = new Map(provisionalCalendarYear(year).holidays.map((h) => [h.date as string, h.name]));
      this.provisional.set(year, computed);
    }
    return computed.get(date);
  }

  isHoliday(date: LocalDate): boolean {
    return this.holidayName(date) !== undefined;
  }

  isWorkingDay(date: LocalDate): boolean {
    if (this.workingWeekends.has(date)) return true;
    return !isWeekend(date) && !this.isHoliday(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.step(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return this.step(date, -1);
  }

  /** The n-th working day after `date` (before it when n < 0); `date` itself when n = 0. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw invalid('calendar.invalid_argument', 'Số ngày làm việc phải là số nguyên', { n });
    let d = date;
    for (let i = 0; i < Math.abs(n); i++) d = this.step(d, Math.sign(n));
    return d;
  }

  /**
   * Working days counted from `a` to `b`: those in (a, b] when a ≤ b, minus those in [b, a) when b < a.
   * So for a working day b, `addWorkingDays(a, workingDaysBetween(a, b)) === b`.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const sign = compareLocalDates(a, b) <= 0 ? 1 : -1;
    const [from, to] = sign > 0 ? [addDays(a, 1), b] : [b, addDays(a, -1)];
    let count = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return sign * count;
  }

  private step(date: LocalDate, direction: number): LocalDate {
    let d = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = addDays(d, direction);
      if (this.isWorkingDay(d)) return d;
    }
    throw invalid('calendar.no_working_day', 'Không tìm thấy ngày làm việc', { date, direction });
  }
}
