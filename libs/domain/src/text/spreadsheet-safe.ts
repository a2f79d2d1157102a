/**
 * Spreadsheet-safe text (CSV/formula injection, OWASP): a cell whose text begins with =, +, -, @ (or a tab or
 * carriage return, which some spreadsheets skip before such a character) is taken for a formula by Excel,
 * LibreOffice and Google Sheets when the file is opened — `=HYPERLINK(…)` or `=cmd|…` typed as a unit name would
 * run on the reader's machine. Every writer of CSV or XLSX passes text through `spreadsheetSafe`, which puts an
 * apostrophe in front (shown as text, the apostrophe itself hidden by Excel); readers of files we wrote take it
 * off again with `fromSpreadsheetSafe`. What users import is stored verbatim: only what we write is changed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** The text as a spreadsheet cell that cannot start a formula. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `spreadsheetSafe` when reading back a file the product wrote. */
export function fromSpreadsheetSafe(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
