/** A unit's periodic report (Báo cáo): indicator table (target for the period, actual, % of target) and narrative. */
import { NARRATIVE_LABELS, PERIOD_LABELS, periodPhrase, type PeriodKind } from '@cchc/domain';

export { periodPhrase };
import { bodyParagraph, bodyText, dataTable, heading, packDocument, spacer, titleBlock } from './nd30';
import { ddmmyyyy, formatNumber, formatPercent } from './text';
import type { IndicatorResultLine, ReportDocumentView } from './types';

export const lowerFirst = (t: string) => (t ? t[0].toLocaleLowerCase('vi-VN') + t.slice(1) : t);
export const upperFirst = (t: string) => (t ? t[0].toLocaleUpperCase('vi-VN') + t.slice(1) : t);

/** "(số liệu từ ngày 15/12/2023 đến ngày 14/3/2024)". */
export function cutoffPhrase(from: string | null, to: string): string {
  return from ? `số liệu từ ngày ${ddmmyyyy(from)} đến ngày ${ddmmyyyy(to)}` : `số liệu tính đến ngày ${ddmmyyyy(to)}`;
}

/** The indicator table of a report: STT, indicator, unit, target for the period, actual, % of target, assessment. */
export function indicatorTable(lines: IndicatorResultLine[]) {
  return dataTable(
    [
      { title: 'STT', width: 8, align: 'center' },
      { title: 'Chỉ tiêu', width: 34 },
      { title: 'Đơn vị tính', width: 13, align: 'center' },
      { title: 'Chỉ tiêu kỳ', width: 12, align: 'right' },
      { title: 'Thực hiện', width: 12, align: 'right' },
      { title: 'Tỷ lệ (%)', width: 11, align: 'right' },
      { title: 'Đánh giá', width: 12, align: 'center' },
    ],
    lines.map((l, i) => [
      String(i + 1),
      l.indicator.name,
      l.indicator.unitOfMeasure,
      l.target === null ? '—' : formatNumber(l.target),
      formatNumber(l.actual),
      formatPercent(l.ratio),
      l.met === null ? '' : l.met ? 'Đạt' : 'Chưa đạt',
    ]),
  );
}

export function reportTitle(period: PeriodKind, year: number) {
  return `Kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính ${periodPhrase(period, year)}`;
}

export async function buildReportDocument(v: ReportDocumentView): Promise<Buffer> {
  const summary = reportTitle(v.period, v.year);
  const n = v.narrative;
  const intro = `${v.parentPlanRef ? `${v.parentPlanRef.replace(/[;,.\s]+$/, '')}, ` : ''}${v.unitName} báo cáo kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính ${periodPhrase(v.period, v.year)} (${cutoffPhrase(v.cutoffFrom, v.cutoffTo)}) như sau:`;
  const body = [
    ...titleBlock('Báo cáo', summary),
    bodyParagraph(intro),
    heading('I. Kết quả thực hiện'),
    heading(`1. ${NARRATIVE_LABELS.achievements}`, 2),
    ...bodyText(n.achievements),
    heading('2. Kết quả thực hiện các chỉ tiêu', 2),
    ...(v.lines.length ? [indicatorTable(v.lines), spacer()] : [bodyParagraph('(Chưa có số liệu)', { italics: true })]),
    heading('II. Tồn tại, hạn chế và nguyên nhân'),
    heading(`1. ${NARRATIVE_LABELS.shortcomings}`, 2),
    ...bodyText(n.shortcomings),
    heading(`2. ${NARRATIVE_LABELS.causes}`, 2),
    ...bodyText(n.causes),
    heading(`III. ${NARRATIVE_LABELS.proposals}`),
    ...bodyText(n.proposals),
  ];
  return packDocument({
    frame: v,
    type: 'BC',
    title: `Báo cáo ${summary.charAt(0).toLocaleLowerCase('vi-VN')}${summary.slice(1)}`,
    body,
    closing: `Trên đây là báo cáo kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính ${periodPhrase(v.period, v.year)} của ${v.unitName}./.`,
    description: `Báo cáo ${PERIOD_LABELS[v.period]} ${v.year} (${v.status})`,
  });
}
