/**
 * The reviewing office's spreadsheet: one sheet per table — the review matrix (unit × period), the rollup per
 * indicator, the rollup per direct child, the late and missing units. Vietnamese headers, number formats, frozen
 * header rows, filters, column widths fitted to the content. Written with exceljs's streaming writer: rows are
 * committed as they are written, so a 2,000-unit matrix goes out without building the workbook in memory.
 * Every text cell goes through safeCellText (no formula injection).
 */
import { stream as excelStream, type Worksheet } from 'exceljs';
import type { Writable } from 'stream';
import { PERIOD_LABELS, STATUS_LABELS, type ObligationStatus } from '@cchc/domain';
import { SUBMISSION_LABELS } from './aggregate-document';
import { safeCellText } from './text';
import type { ReviewWorkbookView } from './types';

type Cell = string | number | Date | null;
interface Col {
  header: string;
  kind: 'text' | 'number' | 'percent' | 'date' | 'index';
}

const statusLabel = (s: string | null | undefined) =>
  s ? (STATUS_LABELS[s as ObligationStatus] ?? s) : 'Không phải báo cáo';
const yesNo = (b: boolean | null | undefined) => (b === true ? 'Đúng hạn' : b === false ? 'Muộn' : '');
const dateOf = (iso: string | null | undefined): Date | null =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;

/** Display length of a cell, for fitting column widths. */
function lengthOf(v: Cell, kind: Col['kind']): number {
  if (v === null) return 0;
  if (kind === 'date') return 10;
  if (kind === 'percent') return 8;
  if (typeof v === 'number') return Math.min(18, v.toLocaleString('en-US', { maximumFractionDigits: 2 }).length + 1);
  return String(v).length;
}

function numFmt(kind: Col['kind'], v: Cell): string | undefined {
  if (kind === 'date') return 'dd/mm/yyyy';
  if (kind === 'percent') return '0.0%';
  if (kind === 'number' && typeof v === 'number') return Number.isInteger(v) ? '#,##0' : '#,##0.00';
  return undefined;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes one table as a sheet: title row, header row (frozen, filtered), data rows committed one by one. */
function writeSheet(ws: Worksheet, title: string, cols: Col[], rows: Cell[][]): void {
  const widths = cols.map((c, i) =>
    Math.min(60, Math.max(6, c.header.length + 2, ...rows.map((r) => lengthOf(r[i], c.kind) + 2))),
  );
  ws.columns = cols.map((_, i) => ({ width: widths[i] }));
  const titleRow = ws.addRow([safeCellText(title)]);
  titleRow.font = { name: 'Times New Roman', bold: true, size: 13 };
  titleRow.height = 22;
  ws.mergeCells(1, 1, 1, cols.length);
  titleRow.commit();
  const header = ws.addRow(cols.map((c) => safeCellText(c.header)));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    cell.border = BORDER;
  });
  header.commit();
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? safeCellText(v) : v)));
    r.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.border = BORDER;
      const fmt = numFmt(cols[i].kind, v);
      if (fmt) cell.numFmt = fmt;
      if (cols[i].kind === 'index') cell.alignment = { horizontal: 'center' };
    });
    row.commit();
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: cols.length } };
  ws.commit();
}

/** Streams the review workbook to `out`; resolves when the last byte is written. */
export async function writeReviewWorkbook(view: ReviewWorkbookView, out: Writable): Promise<void> {
  const wb = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'CCHC';
  wb.created = new Date(0);
  const indicatorName = new Map(view.indicators.map((i) => [i.code, i]));
  const sheet = (name: string, frozenColumns: number) =>
    wb.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 2, xSplit: frozenColumns }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });

  // 1. The review matrix.
  const matrixCols: Col[] = [
    { header: 'STT', kind: 'index' },
    { header: 'Mã đơn vị', kind: 'text' },
    { header: 'Tên đơn vị', kind: 'text' },
    ...view.periods.flatMap((p): Col[] => [
      { header: `${PERIOD_LABELS[p]} – Trạng thái`, kind: 'text' },
      { header: `${PERIOD_LABELS[p]} – Hạn gửi`, kind: 'date' },
      { header: `${PERIOD_LABELS[p]} – Thời hạn`, kind: 'text' },
    ]),
  ];
  writeSheet(
    sheet('Ma trận rà soát', 3),
    `${view.title} – ma trận rà soát báo cáo năm ${view.year}`,
    matrixCols,
    view.matrix.map((u, i) => [
      i + 1,
      u.code,
      u.name,
      ...view.periods.flatMap((p) => {
        const c = u.periods[p];
        if (!c) return ['Không phải báo cáo', null, ''];
        return [
          statusLabel(c.status),
          dateOf(c.deadline),
          c.onTime === null ? (c.overdue ? 'Quá hạn, chưa gửi' : '') : yesNo(c.onTime),
        ];
      }),
    ]),
  );

  // 2. Rollup per indicator.
  writeSheet(
    sheet('Tổng hợp chỉ tiêu', 3),
    `${view.title} – tổng hợp theo chỉ tiêu năm ${view.year}`,
    [
      { header: 'Kỳ', kind: 'text' },
      { header: 'Mã chỉ tiêu', kind: 'text' },
      { header: 'Chỉ tiêu', kind: 'text' },
      { header: 'Đơn vị tính', kind: 'text' },
      { header: 'Chỉ tiêu kỳ', kind: 'number' },
      { header: 'Thực hiện (đã chấp nhận)', kind: 'number' },
      { header: 'Tỷ lệ so với chỉ tiêu', kind: 'percent' },
      { header: 'Đã gửi, chưa chấp nhận', kind: 'number' },
      { header: 'Cùng kỳ năm trước', kind: 'number' },
    ],
    view.perIndicator.map((r) => [
      PERIOD_LABELS[r.period],
      r.code,
      indicatorName.get(r.code)?.name ?? r.code,
      indicatorName.get(r.code)?.unitOfMeasure ?? '',
      r.target,
      r.accepted ?? 0,
      r.target ? (r.accepted ?? 0) / r.target : null,
      r.submittedOnly,
      r.previousYear,
    ]),
  );

  // 3. Rollup per direct child.
  const codes = view.indicators.map((i) => i.code);
  writeSheet(
    sheet('Theo đơn vị', 3),
    `${view.title} – tổng hợp theo đơn vị trực thuộc năm ${view.year}`,
    [
      { header: 'Kỳ', kind: 'text' },
      { header: 'Mã đơn vị', kind: 'text' },
      { header: 'Tên đơn vị', kind: 'text' },
      { header: 'Trạng thái báo cáo', kind: 'text' },
      { header: 'Thời hạn', kind: 'text' },
      ...view.indicators.map((i): Col => ({ header: `${i.name} (${i.unitOfMeasure})`, kind: 'number' })),
    ],
    view.perChild.map((c) => [
      PERIOD_LABELS[c.period],
      c.code,
      c.name,
      statusLabel(c.status),
      yesNo(c.onTime),
      ...codes.map((k) => c.values[k] ?? null),
    ]),
  );

  // 4. Late and missing.
  writeSheet(
    sheet('Chậm, chưa gửi', 3),
    `${view.title} – đơn vị gửi báo cáo muộn hoặc chưa gửi năm ${view.year}`,
    [
      { header: 'STT', kind: 'index' },
      { header: 'Kỳ', kind: 'text' },
      { header: 'Mã đơn vị', kind: 'text' },
      { header: 'Tên đơn vị', kind: 'text' },
      { header: 'Tình trạng', kind: 'text' },
      { header: 'Trạng thái', kind: 'text' },
    ],
    view.lateOrMissing.map((r, i) => [
      i + 1,
      PERIOD_LABELS[r.period],
      r.code,
      r.name,
      SUBMISSION_LABELS[r.state],
      statusLabel(r.status),
    ]),
  );
  await wb.commit();
}
