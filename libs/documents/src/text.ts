/** Text helpers shared by the documents and the spreadsheets: Vietnamese number and date forms, safe cell text. */
import { isLocalDate, toDdMmYyyy, toVietnameseLongDate, type LocalDate } from '@cchc/domain';

/** 1234567.5 → "1.234.567,5" (Vietnamese: dot groups thousands, comma marks decimals); at most `decimals` places. */
export function formatNumber(n: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(n) * Math.round(Math.abs(n) * factor)) / factor;
  const [int, frac] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const f = (frac ?? '').replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${f ? `,${f}` : ''}`;
}

/** A ratio as a percentage: 0.855 → "85,5%"; null → "—". */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${formatNumber(ratio * 100, 1)}%`;
}

/** "31/01/2024" from "2024-01-31"; "" for null. */
export function ddmmyyyy(date: string | null | undefined): string {
  return date && isLocalDate(date) ? toDdMmYyyy(date as LocalDate) : '';
}

/**
 * The place-and-date line: "Bình Thuận, ngày 10 tháng 3 năm 2027". Without a date the day and month are left
 * blank for the clerk ("ngày      tháng      năm 2027"); without a place, a dotted blank.
 */
export function placeDateLine(place: string | null, date: string | null, year: number): string {
  const where = place?.trim() || '……………';
  if (!date || !isLocalDate(date)) return `${where}, ngày      tháng      năm ${year}`;
  return `${where}, ${toVietnameseLongDate(date as LocalDate)}`;
}

/** "Số: 12/BC-SNV"; a blank number leaves room: "Số:      /BC-SNV". `symbol` as the issuer set it wins. */
export function numberLine(type: 'KH' | 'BC', abbreviation: string, number: number | null, symbol?: string | null) {
  if (symbol?.trim()) return `Số: ${symbol.trim()}`;
  return `Số: ${number ?? '     '}/${type}-${abbreviation}`;
}

/** Upper case in Vietnamese (keeps diacritics): "Sở Nội vụ" → "SỞ NỘI VỤ". */
export const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/**
 * Text for a spreadsheet cell that no spreadsheet program will read as a formula (CSV/formula injection):
 * a value starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe.
 */
export function safeCellText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Splits free text into paragraphs (blank lines and single line breaks both end one). */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
