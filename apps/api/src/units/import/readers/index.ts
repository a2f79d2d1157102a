// Reading an uploaded spreadsheet: which format it really is (content first, then name and type), then its rows.

import { readCsv } from './csv-reader';
import { FileFormatError, FORMAT_HELP, type SheetRow } from './sheet-rows';
import { readXlsx } from './xlsx-reader';

export { FileFormatError, HEADER_SCAN_ROWS, MAX_DATA_ROWS, tooManyRows, type SheetRow } from './sheet-rows';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIMES = new Set([
  'text/csv',
  'application/csv',
  'text/x-csv',
  'application/x-csv',
  'text/comma-separated-values',
  'text/x-comma-separated-values',
  'text/plain',
  'application/vnd.ms-excel', // what Windows browsers send for a .csv when Excel is installed
]);

function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

function isOle(buffer: Buffer): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return buffer.length >= 8 && magic.every((b, i) => buffer[i] === b);
}

function extensionOf(filename: string): string {
  const base = filename.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function detectFormat(buffer: Buffer, filename: string, mimetype?: string): 'csv' | 'xlsx' {
  const ext = extensionOf(filename);
  const mime = (mimetype ?? '').split(';')[0].trim().toLowerCase();
  // Content first: a workbook renamed to .csv is still a workbook.
  if (isZip(buffer)) {
    if (ext === 'xlsx' || ext === 'xlsm' || mime === XLSX_MIME || ext === 'csv' || ext === '' || ext === 'txt')
      return 'xlsx';
    throw new FileFormatError(
      'import.unsupported_file',
      `Tệp “${filename}” không phải tệp Excel hoặc CSV. ${FORMAT_HELP}`,
    );
  }
  if (isOle(buffer) || ext === 'xls') {
    throw new FileFormatError(
      'import.unsupported_file',
      'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Vui lòng mở tệp trong Excel và lưu lại dưới dạng “Excel Workbook (.xlsx)”.',
    );
  }
  if (ext === 'xlsx' || ext === 'xlsm' || mime === XLSX_MIME) {
    throw new FileFormatError(
      'import.unsupported_file',
      `Tệp “${filename}” bị hỏng hoặc không phải tệp Excel (.xlsx) thật.`,
    );
  }
  if (ext === 'csv' || ext === 'txt' || (ext === '' && CSV_MIMES.has(mime))) return 'csv';
  throw new FileFormatError('import.unsupported_file', `Không hỗ trợ loại tệp của “${filename}”. ${FORMAT_HELP}`);
}

/**
 * The non-blank rows of an uploaded CSV or XLSX file. Throws FileFormatError when the file is empty, of another
 * type, damaged, or far too long.
 */
export async function readSheetRows(buffer: Buffer, filename: string, mimetype?: string): Promise<SheetRow[]> {
  if (buffer.length === 0) throw new FileFormatError('import.empty_file', 'Tệp rỗng, không có dữ liệu.');
  const format = detectFormat(buffer, filename, mimetype);
  const rows = format === 'xlsx' ? await readXlsx(buffer) : await readCsv(buffer);
  if (rows.length === 0) throw new FileFormatError('import.empty_file', 'Tệp không có dữ liệu.');
  return rows;
}
