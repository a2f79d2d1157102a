// Unit-list files as an admin would upload them, for the import's specs, e2e tests and benchmark.

import { Workbook } from 'exceljs';
import { spreadsheetSafe, UNIT_FIELDS, type UnitKind } from '@cchc/domain';
import { UNIT_FILE_HEADERS } from '../../apps/api/src/units/import/unit-file';

/** A row for the file builders. Looser than UnitImportRow so that tests can also produce invalid files. */
export interface UnitFileRow {
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind | string;
  parentCode?: string | null;
  email?: string | null;
}

function csvField(value: string): string {
  // Defuse spreadsheet formulas (CSV injection); the CSV reader strips the apostrophe again.
  const safe = spreadsheetSafe(value);
  return /[",;\r\n\t]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rowValues(row: UnitFileRow): string[] {
  return [row.code, row.name, row.abbreviation, row.kind, row.parentCode ?? '', row.email ?? ''];
}

/** A UTF-8 CSV (with BOM, so that Excel shows Vietnamese correctly; CRLF line ends) with the Vietnamese header row. */
export function buildUnitCsv(rows: readonly UnitFileRow[]): string {
  const lines = [UNIT_FIELDS.map((f) => UNIT_FILE_HEADERS[f]), ...rows.map(rowValues)].map((values) =>
    values.map((v) => csvField(String(v).normalize('NFC'))).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet “Đơn vị”: Vietnamese header row, then one row per unit (codes stored as text). */
export async function buildUnitXlsx(rows: readonly UnitFileRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = UNIT_FIELDS.map((f) => ({
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
