// XLSX: the first visible worksheet, cells as the text Excel shows (cached formula results, rich text, links).

import { Workbook } from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { FileFormatError, FORMAT_HELP, isBlankRow, RAW_ROW_LIMIT, type SheetRow, tooManyRows } from './sheet-rows';
import { fromSpreadsheetSafe } from '@cchc/domain';

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

export async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
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

  const rows: SheetRow[] = [];
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
