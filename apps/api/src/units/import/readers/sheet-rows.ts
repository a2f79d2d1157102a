// What every reader produces: the non-blank rows of the first sheet, cells as text, and the errors that stop a
// file from being read as a list at all.

import { cleanText, type UnitField } from '@cchc/domain';

export interface SheetRow {
  /** The row number as a spreadsheet shows it. */
  rowNumber: number;
  /** Cells by 0-based column, already as text. */
  cells: string[];
  /** Cells whose value is a spreadsheet error (#N/A, #REF! …), by column. */
  errors?: Map<number, string>;
}

export type FileFormatErrorCode =
  | 'import.unsupported_file'
  | 'import.empty_file'
  | 'import.missing_columns'
  | 'import.duplicate_columns'
  | 'import.too_many_rows';

/** The file cannot be read as a unit list at all (as opposed to a readable file with bad rows). */
export class FileFormatError extends Error {
  override readonly name = 'FileFormatError';
  constructor(
    readonly code: FileFormatErrorCode,
    message: string,
    /** Machine-readable details: `missingColumns`, `duplicateColumns`, `maxRows`, `line`. */
    readonly details: {
      missingColumns?: UnitField[];
      duplicateColumns?: UnitField[];
      maxRows?: number;
      line?: number;
    } = {},
  ) {
    super(message);
  }
}

export const FORMAT_HELP = 'Chỉ hỗ trợ tệp Excel (.xlsx) hoặc CSV (mã hóa UTF-8).';

export const MAX_DATA_ROWS = 100_000;
/** Non-empty rows at the top of the file searched for the header (a template may carry a title above it). */
export const HEADER_SCAN_ROWS = 10;
/** Too many rows to be worth reading: the data-row limit, plus room for title rows and the header. */
export const RAW_ROW_LIMIT = MAX_DATA_ROWS + HEADER_SCAN_ROWS;

export function tooManyRows(): FileFormatError {
  return new FileFormatError(
    'import.too_many_rows',
    `Tệp có quá nhiều dòng: tối đa ${MAX_DATA_ROWS.toLocaleString('vi-VN')} dòng dữ liệu mỗi lần nhập. Vui lòng chia thành nhiều tệp.`,
    { maxRows: MAX_DATA_ROWS },
  );
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => cleanText(c) === '');
}
