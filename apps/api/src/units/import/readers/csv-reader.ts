// CSV: UTF-8 or UTF-16 text, `,` `;` or tab separated, Excel's "sep=" hint line honoured.

import { parse as parseCsv } from 'csv-parse';
import { FileFormatError, FORMAT_HELP, isBlankRow, RAW_ROW_LIMIT, type SheetRow, tooManyRows } from './sheet-rows';
import { fromSpreadsheetSafe } from '@cchc/domain';

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

export async function readCsv(buffer: Buffer): Promise<SheetRow[]> {
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

  const rows: SheetRow[] = [];
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
