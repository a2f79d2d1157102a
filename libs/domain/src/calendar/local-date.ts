/**
 * Calendar dates and instants in Vietnam time.
 *
 * A `LocalDate` is an ISO 'YYYY-MM-DD' string (branded, so only validated strings get in). Vietnam
 * (Asia/Ho_Chi_Minh) is a fixed UTC+7 with no daylight saving, so instants are computed with a constant offset:
 * no `Intl`, no host time zone, safe in Temporal workflow code.
 */
import { invalid } from '../errors';

declare const localDateBrand: unique symbol;
/** 'YYYY-MM-DD', a day on the Vietnamese civil calendar. Create with `parseLocalDate` or `localDateFromParts`. */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** Asia/Ho_Chi_Minh is UTC+7 all year round. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MINUTE_MS;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
}

export function isLocalDate(value: unknown): value is LocalDate {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  return !!m && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Validates 'YYYY-MM-DD'; throws `calendar.invalid_date`. */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw invalid('calendar.invalid_date', `Ngày không hợp lệ: ${String(value)}`, { value });
  return value;
}

export function localDateFromParts(year: number, month: number, day: number): LocalDate {
  if (!validParts(year, month, day)) {
    throw invalid('calendar.invalid_date', `Ngày không hợp lệ: ${day}/${month}/${year}`, { year, month, day });
  }
  return format(year, month, day);
}

export function toDateParts(date: LocalDate): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** Midnight UTC of the date, as epoch milliseconds (pure calendar arithmetic, no zone involved). */
function utcMidnight(date: LocalDate): number {
  const { year, month, day } = toDateParts(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years 1-99 as they are
  return d.getTime();
}

function fromUtcMidnight(ms: number): LocalDate {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw invalid('calendar.invalid_date', 'Ngày nằm ngoài phạm vi cho phép', { ms });
  return format(year, d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw invalid('calendar.invalid_argument', 'Số ngày phải là số nguyên', { days });
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Negative if a < b, 0 if equal, positive if a > b (ISO strings sort chronologically). */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** "31/01/2024". */
export function toDdMmYyyy(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * "ngày 31 tháng 01 năm 2024", the date line of an administrative document. Nghị định 30/2020/NĐ-CP
 * (Phụ lục I) writes a leading zero only on days below 10 and on months 1 and 2: "ngày 05 tháng 3 năm 2024",
 * "ngày 25 tháng 12 năm 2023".
 */
export function toVietnameseLongDate(date: LocalDate): string {
  const { year, month, day } = toDateParts(date);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** 'HH:mm', 00:00–23:59. */
export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_RE.test(value);
}

/** The instant of local (Vietnam) time `time` ('HH:mm') on `date`. Throws `calendar.invalid_time`. */
export function atLocalTime(date: LocalDate, time: string): Date {
  const m = TIME_RE.exec(time);
  if (!m) throw invalid('calendar.invalid_time', `Giờ không hợp lệ: ${String(time)}`, { time });
  return new Date(utcMidnight(date) + (Number(m[1]) * 60 + Number(m[2])) * MINUTE_MS - OFFSET_MS);
}

/** 24:00 Vietnam time of `date`, i.e. 00:00 (+07:00) of the next day: the instant a limit "by day D" ends. */
export function endOfDayInstant(date: LocalDate): Date {
  return new Date(utcMidnight(date) + DAY_MS - OFFSET_MS);
}

/** The Vietnam calendar date of an instant. Throws `calendar.invalid_instant` for an invalid Date. */
export function localDateOf(instant: Date): LocalDate {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms))
    throw invalid('calendar.invalid_instant', 'Thời điểm không hợp lệ', { instant: String(instant) });
  return fromUtcMidnight(Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS);
}
