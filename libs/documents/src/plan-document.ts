/** A plan (Kế hoạch) as drafted, in Nghị định 30 form: sections I–V, targets, the child deadline, the report schedule. */
import { PERIOD_LABELS } from '@cchc/domain';
import { bodyParagraph, bodyText, dataTable, heading, packDocument, ROMAN, run, spacer, titleBlock } from './nd30';
import { ddmmyyyy, formatNumber } from './text';
import { lowerFirst } from './report-document';
import type { PlanDocumentView } from './types';

export const BASIS_LABELS = { week: 'tuần', month: 'tháng', quarter: 'quý', year: 'năm' } as const;

/** "Kế hoạch tuyên truyền CCHC năm 2024" → "Tuyên truyền CCHC năm 2024" (the kind is printed above it). */
export function summaryOf(title: string, kind: string): string {
  const t = title.trim();
  const stripped = t.toLocaleLowerCase('vi-VN').startsWith(kind.toLocaleLowerCase('vi-VN'))
    ? t.slice(kind.length).trim()
    : t;
  return stripped ? stripped[0].toLocaleUpperCase('vi-VN') + stripped.slice(1) : t;
}

export async function buildPlanDocument(v: PlanDocumentView): Promise<Buffer> {
  const s = v.sections;
  const body = [
    ...titleBlock('Kế hoạch', summaryOf(v.title, 'Kế hoạch')),
    ...(v.draft ? [bodyParagraph('(Dự thảo – chưa ban hành)', { italics: true })] : []),
    ...(v.parentPlanRef
      ? [bodyParagraph(`${v.parentPlanRef.replace(/[;,.\s]+$/, '')}, ${v.issuer.name} ban hành Kế hoạch như sau:`)]
      : []),
    heading(`${ROMAN[0]}. Mục đích, yêu cầu`),
    ...bodyText(s.purpose),
    heading(`${ROMAN[1]}. Nội dung, hình thức tuyên truyền`),
    heading('1. Nội dung tuyên truyền', 2),
    ...bodyText(s.content),
    heading('2. Hình thức tuyên truyền', 2),
    ...bodyText(s.forms),
    heading(`${ROMAN[2]}. Các hoạt động cụ thể và chỉ tiêu`),
    ...bodyText(s.activities, '(Chưa có hoạt động cụ thể)'),
    ...(v.targets.length
      ? [
          bodyParagraph([run('Chỉ tiêu: ', { bold: true }), run('các đơn vị thực hiện tối thiểu như sau:')]),
          dataTable(
            [
              { title: 'STT', width: 8, align: 'center' },
              { title: 'Chỉ tiêu', width: 38 },
              { title: 'Mức tối thiểu', width: 18, align: 'center' },
              { title: 'Quy ra năm', width: 14, align: 'right' },
              { title: 'Đơn vị áp dụng', width: 24 },
            ],
            v.targets.map((t, i) => [
              String(i + 1),
              t.indicator.name,
              `${formatNumber(t.amount)} ${t.indicator.unitOfMeasure}/${BASIS_LABELS[t.basis]}`,
              formatNumber(t.amount * { week: 52, month: 12, quarter: 4, year: 1 }[t.basis]),
              t.appliesTo ?? 'Tất cả đơn vị',
            ]),
          ),
          spacer(),
        ]
      : []),
    heading(`${ROMAN[3]}. Kinh phí`),
    ...bodyText(s.budget, 'Từ nguồn kinh phí chi thường xuyên của đơn vị.'),
    heading(`${ROMAN[4]}. Tổ chức thực hiện`),
    ...bodyText(s.organisation, ''),
    bodyParagraph([
      run('Thời gian hoàn thành xây dựng kế hoạch của các đơn vị: ', { bold: true }),
      run(`chậm nhất là ngày ${ddmmyyyy(v.childDeadline)}.`),
    ]),
    ...(v.reportSchedule.length
      ? [
          bodyParagraph([run('Chế độ báo cáo: ', { bold: true }), run('định kỳ các đơn vị báo cáo kết quả như sau:')]),
          ...v.reportSchedule.map((r) =>
            bodyParagraph(
              `- Báo cáo ${lowerFirst(PERIOD_LABELS[r.period])}: trước ngày ${ddmmyyyy(r.due)} ` +
                `(số liệu từ ngày ${ddmmyyyy(r.cutoffFrom)} đến ngày ${ddmmyyyy(r.cutoffTo)});`,
            ),
          ),
        ]
      : []),
  ];
  return packDocument({
    frame: v,
    type: 'KH',
    title: v.title,
    body,
    closing: `Trên đây là Kế hoạch ${lowerFirst(summaryOf(v.title, 'Kế hoạch'))} của ${v.issuer.name}./.`,
    description: 'Kế hoạch (Nghị định 30/2020/NĐ-CP)',
  });
}
