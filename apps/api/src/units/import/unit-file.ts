// A unit-hierarchy import file (CSV or XLSX) read as a unit list: the readers give its rows, the header row says
// which column holds which field, and the domain judges the rows (`validateUnitRows`).
// Writing, and checking parent codes that refer to units already in the database, is UnitImportService's job.

import { isEmail } from 'class-validator';
import {
  foldVietnamese,
  UNIT_FIELDS,
  validateUnitRows,
  type UnitField,
  type UnitListEntry,
  type UnitRowsCheck,
} from '@cchc/domain';
import { FileFormatError, HEADER_SCAN_ROWS, MAX_DATA_ROWS, readSheetRows, tooManyRows, type SheetRow } from './readers';

export { FileFormatError };

/** Column titles of the template (and shown in messages). */
export const UNIT_FILE_HEADERS: Readonly<Record<UnitField, string>> = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  abbreviation: 'Viết tắt',
  kind: 'Loại',
  parentCode: 'Mã đơn vị cha',
  email: 'Email',
};
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

/** Header key: "Mã đơn vị cha (*)" → "madonvicha", "parent_code" → "parentcode". */
function headerKey(value: string): string {
  return foldVietnamese(value).replace(/[^a-z0-9]+/g, '');
}

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
function findHeader(rows: readonly SheetRow[]): { headerIndex: number; columns: ColumnMap } {
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

/** A data row as the domain's entry: the text of each mapped column, and its error cells. */
function toEntry(row: SheetRow, columns: ColumnMap): UnitListEntry {
  const entry: UnitListEntry = { rowNumber: row.rowNumber, values: {} };
  for (const field of UNIT_FIELDS) {
    const col = columns[field];
    if (col === undefined) continue;
    entry.values[field] = row.cells[col] ?? '';
    const error = row.errors?.get(col);
    if (error) (entry.cellErrors ??= {})[field] = error;
  }
  return entry;
}

/**
 * Reads a unit list from a CSV or XLSX upload and validates its rows as a whole.
 * Throws FileFormatError when the file cannot be read as a unit list at all; otherwise returns either every row
 * (`ok: true`) or every problem of every bad row (`ok: false`), sorted by row number.
 */
export async function parseUnitFile(buffer: Buffer, filename: string, mimetype?: string): Promise<UnitRowsCheck> {
  const rows = await readSheetRows(buffer, filename, mimetype);
  const { headerIndex, columns } = findHeader(rows);
  const dataRows = rows.slice(headerIndex + 1);
  if (dataRows.length === 0) {
    throw new FileFormatError('import.empty_file', 'Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu đơn vị nào.');
  }
  if (dataRows.length > MAX_DATA_ROWS) throw tooManyRows();
  return validateUnitRows(
    dataRows.map((r) => toEntry(r, columns)),
    { isEmailAddress: (value) => isEmail(value) },
  );
}
