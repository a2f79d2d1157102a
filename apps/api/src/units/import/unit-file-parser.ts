// Parse and structurally validate a unit-hierarchy import file (CSV or XLSX).
//
// A file is judged as a whole: either every data row is sound and `parseUnitFile` returns them all, or it returns
// every problem of every bad row (row numbers as the user sees them in a spreadsheet) and nothing should be written.
// Writing, and checking parent codes that refer to units already in the database, is the caller's job
// (see `externalParentCodes` and `topologicalOrder`).
//
// Plain TypeScript: no Nest, no TypeORM. Only exceljs and csv-parse.

import { parse as parseCsv } from 'csv-parse';
import { Workbook } from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { fromSpreadsheetSafe, spreadsheetSafe, UNIT_KINDS, type UnitKind } from '@cchc/domain';

export { UNIT_KINDS, type UnitKind };

// ---------------------------------------------------------------------------------------------------------------
// Public types

export interface UnitImportRow {
  /** The row number as a user sees it in a spreadsheet (header = row 1, first data row = row 2). */
  rowNumber: number;
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  parentCode: string | null;
  email: string | null;
}

export interface RowProblem {
  rowNumber: number;
  /** The UnitImportRow field the problem is about, when there is one. */
  field?: string;
  code: string;
  /** Vietnamese, for the user. */
  message: string;
}

/**
 * On failure `validRows` still carries the rows that passed every file-level check, and `codes` every code the
 * file names, so the caller can add its own (database) checks and report every bad row in one answer.
 */
export type ParseResult =
  | { ok: true; rows: UnitImportRow[] }
  | { ok: false; problems: RowProblem[]; rowCount: number; validRows: UnitImportRow[]; codes: string[] };

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

/** A row for the file builders. Looser than UnitImportRow so that tests can also produce invalid files. */
export interface UnitFileRow {
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind | string;
  parentCode?: string | null;
  email?: string | null;
}

export type UnitField = 'code' | 'name' | 'abbreviation' | 'kind' | 'parentCode' | 'email';

// ---------------------------------------------------------------------------------------------------------------
// Limits and vocabulary

export const MAX_DATA_ROWS = 100_000;
export const MAX_CODE_LENGTH = 64;
export const MAX_NAME_LENGTH = 255;
export const MAX_ABBREVIATION_LENGTH = 32;
export const MAX_EMAIL_LENGTH = 254;
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Non-empty rows at the top of the file searched for the header (a template may carry a title above it). */
const HEADER_SCAN_ROWS = 10;

/** Column titles written by the builders (and shown in messages). */
export const UNIT_FILE_HEADERS: Readonly<Record<UnitField, string>> = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  abbreviation: 'Viết tắt',
  kind: 'Loại',
  parentCode: 'Mã đơn vị cha',
  email: 'Email',
};
const COLUMN_ORDER: readonly UnitField[] = ['code', 'name', 'abbreviation', 'kind', 'parentCode', 'email'];
const REQUIRED_COLUMNS: readonly UnitField[] = ['code', 'name', 'abbreviation', 'kind', 'parentCode'];

/** Accepted header titles, as `headerKey` folds them (no accents, lower case, letters and digits only). */
const HEADER_ALIASES: Readonly<Record<UnitField, readonly string[]>> = {
  code: ['code', 'unitcode', 'ma', 'madonvi'],
  name: ['name', 'unitname', 'ten', 'tendonvi'],
  abbreviation: ['abbreviation', 'abbr', 'shortname', 'viettat', 'tenviettat', 'kyhieu'],
  kind: ['kind', 'unitkind', 'type', 'loai', 'loaidonvi'],
  parentCode: ['parentcode', 'parent', 'madonvicha', 'macaptren', 'madonvicaptren', 'madonviquanly'],
  email: ['email', 'mail', 'thudientu', 'diachiemail'],
};
const HEADER_TO_FIELD = new Map<string, UnitField>(
  (Object.entries(HEADER_ALIASES) as [UnitField, readonly string[]][]).flatMap(([field, keys]) =>
    keys.map((k) => [k, field] as [string, UnitField]),
  ),
);

/** Vietnamese (and a few English) names of kinds, as `fold` folds them. */
const KIND_ALIASES: Readonly<Record<UnitKind, readonly string[]>> = {
  province: ['tinh', 'ubnd tinh', 'tinh thanh pho'],
  department: ['so', 'so ban nganh', 'ban nganh'],
  district: ['huyen', 'quan', 'thi xa', 'ubnd huyen', 'quan huyen'],
  commune: ['xa', 'phuong', 'thi tran', 'dac khu', 'ubnd xa', 'xa phuong', 'xa phuong thi tran'],
  office: ['phong', 'van phong'],
  school: ['truong', 'truong hoc'],
  centre: ['trung tam', 'center'],
  media: ['bao', 'dai', 'bao dai', 'bao chi', 'co quan bao chi', 'dai phat thanh truyen hinh'],
  other: ['khac'],
};
const KIND_BY_NAME = new Map<string, UnitKind>();
for (const kind of UNIT_KINDS) {
  KIND_BY_NAME.set(kind, kind);
  for (const alias of KIND_ALIASES[kind]) KIND_BY_NAME.set(alias, kind);
}

const FIELD_LABEL: Readonly<Record<UnitField, string>> = {
  code: 'mã đơn vị',
  name: 'tên đơn vị',
  abbreviation: 'tên viết tắt',
  kind: 'loại đơn vị',
  parentCode: 'mã đơn vị cha',
  email: 'email',
};

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

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, invisible characters removed, trimmed. */
function clean(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** `clean`, then every run of whitespace (line breaks from Alt+Enter, non-breaking spaces …) becomes one space. */
function cleanCollapsed(value: string): string {
  return clean(value).replace(/\s+/g, ' ');
}

/** Accent- and case-insensitive form: "Loại đơn vị" → "loai don vi". */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Header key: "Mã đơn vị cha (*)" → "madonvicha", "parent_code" → "parentcode". */
function headerKey(value: string): string {
  return fold(value).replace(/ /g, '');
}

function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function quote(value: string): string {
  return `“${value}”`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading: both formats produce raw rows (cells by 0-based column, already as text)

interface RawRow {
  rowNumber: number;
  cells: string[];
  /** Cells whose value is a spreadsheet error (#N/A, #REF! …), by column. */
  errors?: Map<number, string>;
}

const FORMAT_HELP = 'Chỉ hỗ trợ tệp Excel (.xlsx) hoặc CSV (mã hóa UTF-8).';

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

/** Decodes CSV bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM (Excel's “Unicode Text”). */
function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(buffer.subarray(2));
    } else if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
      text = new TextDecoder('utf-16be', { fatal: true }).decode(buffer.subarray(2));
    } else {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    }
  } catch {
    throw new FileFormatError(
      'import.unsupported_file',
      'Tệp CSV không được lưu ở mã hóa UTF-8 nên tiếng Việt sẽ bị lỗi font. Trong Excel, hãy chọn “Lưu dưới dạng” → “CSV UTF-8 (Comma delimited) (*.csv)”.',
    );
  }
  if (text.includes('\u0000')) {
    throw new FileFormatError('import.unsupported_file', `Tệp không phải tệp văn bản CSV. ${FORMAT_HELP}`);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The delimiter used most, outside quotes, on the first non-blank line: `,` `;` or tab (ties go to `,`). */
function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let seenContent = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes && ch in counts) {
      counts[ch]++;
      seenContent = true;
    } else if (ch.trim() !== '') seenContent = true;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.replace(INVISIBLE, '').trim() === '');
}

/** Too many rows to be worth reading: the data-row limit, plus room for title rows and the header. */
const RAW_ROW_LIMIT = MAX_DATA_ROWS + HEADER_SCAN_ROWS;

function tooManyRows(): FileFormatError {
  return new FileFormatError(
    'import.too_many_rows',
    `Tệp có quá nhiều dòng: tối đa ${MAX_DATA_ROWS.toLocaleString('vi-VN')} dòng dữ liệu mỗi lần nhập. Vui lòng chia thành nhiều tệp.`,
    { maxRows: MAX_DATA_ROWS },
  );
}

async function readCsv(buffer: Buffer): Promise<RawRow[]> {
  let text = decodeText(buffer);
  // Excel's "sep=;" hint line: Excel consumes it and does not show it as a row.
  let delimiter: string;
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    delimiter = sepLine[1];
    text = text.slice(sepLine[0].length);
  } else {
    delimiter = sniffDelimiter(text);
  }

  const rows: RawRow[] = [];
  const parser = parseCsv(text, {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    // Keep blank lines as records so that `info.records` is the row number Excel shows for the record
    // (a quoted field spanning several lines is still one row); blank rows are dropped below.
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      if (isBlankRow(record)) continue;
      rows.push({ rowNumber: info.records, cells: record.map(fromSpreadsheetSafe) });
      if (rows.length > RAW_ROW_LIMIT) {
        parser.destroy();
        throw tooManyRows();
      }
    }
  } catch (err) {
    if (err instanceof FileFormatError) throw err;
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : undefined;
    throw new FileFormatError(
      'import.unsupported_file',
      `Tệp CSV bị lỗi cấu trúc${line ? ` ở dòng ${line}` : ''} (thường do dấu ngoặc kép " không được đóng). Vui lòng kiểm tra lại tệp.`,
      line ? { line } : {},
    );
  }
  return rows;
}

/** The text of an exceljs cell value, or `{ error }` for #N/A, #REF! and the like. */
function cellText(value: CellValue | undefined): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return { error: value.error };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
    // Formula (plain, shared or array): its cached result.
    if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
      return cellText((value as { result?: CellValue }).result);
    }
    // Hyperlink: the displayed text (itself possibly rich text), not the link target.
    if ('hyperlink' in value) {
      const shown = cellText((value as { text?: CellValue }).text);
      if (shown !== '') return shown;
      return String((value as { hyperlink?: unknown }).hyperlink ?? '').replace(/^mailto:/i, '');
    }
    if ('text' in value) return cellText((value as { text?: CellValue }).text);
  }
  return String(value);
}

function firstWorksheet(workbook: Workbook): Worksheet | undefined {
  const sheets = workbook.worksheets;
  return sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
}

async function readXlsx(buffer: Buffer): Promise<RawRow[]> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); a Node Buffer is what it actually reads.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError(
      'import.unsupported_file',
      `Không đọc được tệp Excel: tệp bị hỏng hoặc không phải tệp .xlsx. ${FORMAT_HELP}`,
    );
  }
  const sheet = firstWorksheet(workbook);
  if (!sheet) throw new FileFormatError('import.empty_file', 'Tệp Excel không có trang tính nào.');

  const rows: RawRow[] = [];
  let overflow = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (overflow) return;
    const cells: string[] = [];
    let errors: Map<number, string> | undefined;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value);
      if (typeof text === 'string') cells[col - 1] = fromSpreadsheetSafe(text);
      else {
        cells[col - 1] = '';
        (errors ??= new Map()).set(col - 1, text.error);
      }
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (isBlankRow(cells) && !errors) return;
    rows.push({ rowNumber, cells, errors });
    if (rows.length > RAW_ROW_LIMIT) overflow = true;
  });
  if (overflow) throw tooManyRows();
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Header

type ColumnMap = Partial<Record<UnitField, number>>;

function mapHeader(cells: readonly string[]): { columns: ColumnMap; duplicates: UnitField[] } {
  const columns: ColumnMap = {};
  const duplicates: UnitField[] = [];
  cells.forEach((cell, index) => {
    const field = HEADER_TO_FIELD.get(headerKey(cell));
    if (!field) return;
    if (columns[field] !== undefined) {
      if (!duplicates.includes(field)) duplicates.push(field);
    } else columns[field] = index;
  });
  return { columns, duplicates };
}

/** The header is the first of the top non-blank rows that names every required column. */
function findHeader(rows: readonly RawRow[]): { headerIndex: number; columns: ColumnMap } {
  let best: { index: number; columns: ColumnMap; found: number } | undefined;
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < scan; i++) {
    const { columns, duplicates } = mapHeader(rows[i].cells);
    const found = REQUIRED_COLUMNS.filter((f) => columns[f] !== undefined).length;
    if (found === REQUIRED_COLUMNS.length) {
      if (duplicates.length > 0) {
        throw new FileFormatError(
          'import.duplicate_columns',
          `Dòng tiêu đề (dòng ${rows[i].rowNumber}) có cột bị lặp lại: ${duplicates.map((f) => UNIT_FILE_HEADERS[f]).join(', ')}. Mỗi cột chỉ được xuất hiện một lần.`,
          { duplicateColumns: duplicates },
        );
      }
      return { headerIndex: i, columns };
    }
    if (!best || found > best.found) best = { index: i, columns, found };
  }
  const missing = REQUIRED_COLUMNS.filter((f) => best?.columns[f] === undefined);
  throw new FileFormatError(
    'import.missing_columns',
    `Tệp thiếu cột bắt buộc: ${missing.map((f) => UNIT_FILE_HEADERS[f]).join(', ')}. ` +
      `Dòng tiêu đề cần có các cột: ${REQUIRED_COLUMNS.map((f) => UNIT_FILE_HEADERS[f]).join(', ')} (cột Email không bắt buộc).`,
    { missingColumns: missing },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

interface CandidateRow {
  rowNumber: number;
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind | null;
  parentCode: string | null;
  email: string | null;
  /** Code and parent code usable for duplicate/cycle checks (present and well-formed). */
  codeOk: boolean;
  parentOk: boolean;
}

const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Vietnamese or English kind name → UnitKind. */
export function parseUnitKind(value: string): UnitKind | null {
  return KIND_BY_NAME.get(fold(value)) ?? null;
}

function checkCode(value: string, field: 'code' | 'parentCode', rowNumber: number, problems: RowProblem[]): boolean {
  const label = FIELD_LABEL[field];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    problems.push({
      rowNumber,
      field,
      code: 'import.invalid_code',
      message:
        `${label[0].toUpperCase()}${label.slice(1)} ${quote(value)} không hợp lệ: chỉ được dùng chữ cái không dấu, chữ số ` +
        'và các ký tự “.”, “_”, “-”, bắt đầu bằng chữ cái hoặc chữ số, không có dấu cách.',
    });
    return false;
  }
  if (!CODE_PATTERN.test(value)) {
    problems.push({
      rowNumber,
      field,
      code: 'import.too_long',
      message: `${label[0].toUpperCase()}${label.slice(1)} dài ${charLength(value)} ký tự, vượt quá giới hạn ${MAX_CODE_LENGTH} ký tự.`,
    });
    return false;
  }
  return true;
}

function checkLength(value: string, field: UnitField, max: number, rowNumber: number, problems: RowProblem[]): void {
  const n = charLength(value);
  if (n > max) {
    const label = FIELD_LABEL[field];
    problems.push({
      rowNumber,
      field,
      code: 'import.too_long',
      message: `${label[0].toUpperCase()}${label.slice(1)} dài ${n} ký tự, vượt quá giới hạn ${max} ký tự.`,
    });
  }
}

function readRow(raw: RawRow, columns: ColumnMap, problems: RowProblem[]): CandidateRow {
  const { rowNumber } = raw;
  const get = (field: UnitField): string => {
    const col = columns[field];
    return col === undefined ? '' : (raw.cells[col] ?? '');
  };
  // Error cells (#N/A …) are reported once, and not again as missing.
  const errored = new Set<UnitField>();
  for (const field of COLUMN_ORDER) {
    const col = columns[field];
    const error = col === undefined ? undefined : raw.errors?.get(col);
    if (error) {
      errored.add(field);
      problems.push({
        rowNumber,
        field,
        code: 'import.cell_error',
        message: `Ô ${FIELD_LABEL[field]} chứa lỗi công thức ${error}. Vui lòng nhập giá trị cụ thể.`,
      });
    }
  }
  const missing = (field: UnitField) => {
    if (!errored.has(field)) {
      problems.push({ rowNumber, field, code: 'import.missing_field', message: `Thiếu ${FIELD_LABEL[field]}.` });
    }
  };

  const code = clean(get('code'));
  const name = cleanCollapsed(get('name'));
  const abbreviation = cleanCollapsed(get('abbreviation'));
  const kindText = cleanCollapsed(get('kind'));
  const parentText = clean(get('parentCode'));
  const emailText = clean(get('email')).replace(/^mailto:/i, '');

  let codeOk = false;
  if (code === '') missing('code');
  else codeOk = checkCode(code, 'code', rowNumber, problems);

  if (name === '') missing('name');
  else checkLength(name, 'name', MAX_NAME_LENGTH, rowNumber, problems);

  if (abbreviation === '') missing('abbreviation');
  else checkLength(abbreviation, 'abbreviation', MAX_ABBREVIATION_LENGTH, rowNumber, problems);

  let kind: UnitKind | null = null;
  if (kindText === '') missing('kind');
  else {
    kind = parseUnitKind(kindText);
    if (!kind) {
      problems.push({
        rowNumber,
        field: 'kind',
        code: 'import.invalid_kind',
        message:
          `Loại đơn vị ${quote(kindText)} không hợp lệ. Chọn một trong: tỉnh, sở, huyện, xã/phường, phòng/văn phòng, ` +
          `trường, trung tâm, báo/đài, khác (hoặc mã tiếng Anh: ${UNIT_KINDS.join(', ')}).`,
      });
    }
  }

  const parentCode = parentText === '' ? null : parentText;
  let parentOk = false;
  if (parentCode !== null) {
    parentOk = checkCode(parentCode, 'parentCode', rowNumber, problems);
    if (parentOk && codeOk && parentCode === code) {
      parentOk = false;
      problems.push({
        rowNumber,
        field: 'parentCode',
        code: 'import.self_parent',
        message: `Mã đơn vị cha ${quote(parentCode)} trùng với chính mã của đơn vị này: một đơn vị không thể là cấp trên của chính nó.`,
      });
    }
  }

  const email = emailText === '' ? null : emailText;
  if (email !== null) {
    if (charLength(email) > MAX_EMAIL_LENGTH) checkLength(email, 'email', MAX_EMAIL_LENGTH, rowNumber, problems);
    else if (!EMAIL_PATTERN.test(email)) {
      problems.push({
        rowNumber,
        field: 'email',
        code: 'import.invalid_email',
        message: /[,;\s]/.test(email)
          ? `Email ${quote(email)} không hợp lệ: mỗi đơn vị chỉ nhập một địa chỉ email.`
          : `Email ${quote(email)} không hợp lệ.`,
      });
    }
  }

  return { rowNumber, code, name, abbreviation, kind, parentCode, email, codeOk, parentOk };
}

function checkDuplicates(rows: readonly CandidateRow[], problems: RowProblem[]): void {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    if (!row.codeOk) continue;
    const first = firstRow.get(row.code);
    if (first === undefined) firstRow.set(row.code, row.rowNumber);
    else {
      problems.push({
        rowNumber: row.rowNumber,
        field: 'code',
        code: 'import.duplicate_code',
        message: `Mã đơn vị ${quote(row.code)} bị trùng với dòng ${first}. Mỗi đơn vị phải có một mã riêng.`,
      });
    }
  }
}

/**
 * Parent index of each row within `rows` (first row with that code), or -1 when the parent is null, external,
 * the row itself, or unusable.
 */
function parentIndexes(
  rows: readonly { code: string; parentCode: string | null }[],
  usable: (i: number) => { code: boolean; parent: boolean } = () => ({ code: true, parent: true }),
): Int32Array {
  const indexByCode = new Map<string, number>();
  rows.forEach((r, i) => {
    if (usable(i).code && !indexByCode.has(r.code)) indexByCode.set(r.code, i);
  });
  const parent = new Int32Array(rows.length).fill(-1);
  rows.forEach((r, i) => {
    if (r.parentCode === null || r.parentCode === r.code || !usable(i).parent) return;
    parent[i] = indexByCode.get(r.parentCode) ?? -1;
  });
  return parent;
}

/** Each cycle of parent links (length ≥ 2), as row indexes in link order. */
function findCycles(parent: Int32Array): number[][] {
  const state = new Uint8Array(parent.length); // 0 new, 1 on the current path, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < parent.length; start++) {
    if (state[start] !== 0) continue;
    const path: number[] = [];
    let i = start;
    while (i !== -1 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = parent[i];
    }
    if (i !== -1 && state[i] === 1) cycles.push(path.slice(path.indexOf(i)));
    for (const p of path) state[p] = 2;
  }
  return cycles;
}

function checkCycles(rows: readonly CandidateRow[], problems: RowProblem[]): void {
  const parent = parentIndexes(rows, (i) => ({ code: rows[i].codeOk, parent: rows[i].parentOk }));
  for (const cycle of findCycles(parent)) {
    const codes = cycle.map((i) => rows[i].code);
    const chain =
      codes.length <= 8
        ? [...codes, codes[0]].join(' → ')
        : `${codes.slice(0, 6).join(' → ')} → … → ${codes[0]} (${codes.length} đơn vị)`;
    const rowList = cycle.map((i) => rows[i].rowNumber).sort((a, b) => a - b);
    const rowText = rowList.length <= 20 ? rowList.join(', ') : `${rowList.slice(0, 20).join(', ')}, …`;
    for (const i of cycle) {
      problems.push({
        rowNumber: rows[i].rowNumber,
        field: 'parentCode',
        code: 'import.cycle',
        message: `Quan hệ cấp trên bị vòng lặp: ${chain} (các dòng ${rowText}). Một đơn vị không thể là cấp trên gián tiếp của chính nó.`,
      });
    }
  }
}

const FIELD_RANK = new Map<string | undefined, number>([
  ...COLUMN_ORDER.map((f, i) => [f, i] as const),
  [undefined, -1],
]);

// ---------------------------------------------------------------------------------------------------------------
// Public functions

/**
 * Reads a unit list from a CSV or XLSX upload and validates its structure as a whole.
 * Throws FileFormatError when the file cannot be read as a unit list at all; otherwise returns either every row
 * (`ok: true`) or every problem of every bad row (`ok: false`), sorted by row number.
 */
export async function parseUnitFile(buffer: Buffer, filename: string, mimetype?: string): Promise<ParseResult> {
  if (buffer.length === 0) throw new FileFormatError('import.empty_file', 'Tệp rỗng, không có dữ liệu.');
  const format = detectFormat(buffer, filename, mimetype);
  const raw = format === 'xlsx' ? await readXlsx(buffer) : await readCsv(buffer);
  if (raw.length === 0) throw new FileFormatError('import.empty_file', 'Tệp không có dữ liệu.');

  const { headerIndex, columns } = findHeader(raw);
  const dataRows = raw.slice(headerIndex + 1);
  if (dataRows.length === 0) {
    throw new FileFormatError('import.empty_file', 'Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu đơn vị nào.');
  }
  if (dataRows.length > MAX_DATA_ROWS) throw tooManyRows();

  const problems: RowProblem[] = [];
  const candidates = dataRows.map((r) => readRow(r, columns, problems));
  checkDuplicates(candidates, problems);
  checkCycles(candidates, problems);

  const toRow = (c: (typeof candidates)[number]): UnitImportRow => ({
    rowNumber: c.rowNumber,
    code: c.code,
    name: c.name,
    abbreviation: c.abbreviation,
    kind: c.kind as UnitKind,
    parentCode: c.parentCode,
    email: c.email,
  });
  if (problems.length > 0) {
    problems.sort(
      (a, b) => a.rowNumber - b.rowNumber || (FIELD_RANK.get(a.field) ?? 99) - (FIELD_RANK.get(b.field) ?? 99),
    );
    const bad = new Set(problems.map((p) => p.rowNumber));
    return {
      ok: false,
      problems,
      rowCount: dataRows.length,
      validRows: candidates.filter((c) => !bad.has(c.rowNumber)).map(toRow),
      codes: candidates.map((c) => c.code).filter(Boolean),
    };
  }
  return { ok: true, rows: candidates.map(toRow) };
}

/** Distinct parent codes (in order of first use) that no row of the file defines: they must exist in the database. */
export function externalParentCodes(rows: readonly Pick<UnitImportRow, 'code' | 'parentCode'>[]): string[] {
  const defined = new Set(rows.map((r) => r.code));
  const external = new Set<string>();
  for (const r of rows) if (r.parentCode !== null && !defined.has(r.parentCode)) external.add(r.parentCode);
  return [...external];
}

/**
 * Rows ordered parents before children: first the rows whose parent is null or outside the file, then their
 * children, and so on level by level; within a level the file order is kept. (Rows caught in a parent cycle, which
 * `parseUnitFile` never returns, come last in file order.)
 */
export function topologicalOrder<T extends Pick<UnitImportRow, 'code' | 'parentCode'>>(rows: readonly T[]): T[] {
  const parent = parentIndexes(rows);
  const depth = new Float64Array(rows.length).fill(-1);
  for (let start = 0; start < rows.length; start++) {
    if (depth[start] !== -1) continue;
    const path: number[] = [];
    const onPath = new Set<number>();
    let i = start;
    while (i !== -1 && depth[i] === -1 && !onPath.has(i)) {
      path.push(i);
      onPath.add(i);
      i = parent[i];
    }
    // Ends at a root's parent (-1), a row of known depth, or a cycle (no valid depth for anything on this path).
    let d = i === -1 ? -1 : onPath.has(i) ? Infinity : depth[i];
    for (let k = path.length - 1; k >= 0; k--) depth[path[k]] = d = d + 1;
  }
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => depth[a.index] - depth[b.index] || a.index - b.index)
    .map((x) => x.row);
}

function csvField(value: string): string {
  // Defuse spreadsheet formulas (CSV injection); parseUnitFile strips the apostrophe again.
  const safe = spreadsheetSafe(value);
  return /[",;\r\n\t]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rowValues(row: UnitFileRow): string[] {
  return [row.code, row.name, row.abbreviation, row.kind, row.parentCode ?? '', row.email ?? ''];
}

/** A UTF-8 CSV (with BOM, so that Excel shows Vietnamese correctly; CRLF line ends) with the Vietnamese header row. */
export function buildUnitCsv(rows: readonly UnitFileRow[]): string {
  const lines = [COLUMN_ORDER.map((f) => UNIT_FILE_HEADERS[f]), ...rows.map(rowValues)].map((values) =>
    values.map((v) => csvField(String(v).normalize('NFC'))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet “Đơn vị”: Vietnamese header row, then one row per unit (codes stored as text). */
export async function buildUnitXlsx(rows: readonly UnitFileRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_ORDER.map((f) => ({
    header: UNIT_FILE_HEADERS[f],
    key: f,
    width: f === 'name' ? 50 : f === 'email' ? 32 : f === 'kind' ? 14 : 20,
    // Text format so that a code typed as 001 keeps its zeros.
    style: f === 'code' || f === 'parentCode' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(rowValues(row).map((v) => spreadsheetSafe(String(v).normalize('NFC'))));
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as unknown as ArrayBuffer);
}
