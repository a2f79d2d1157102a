/**
 * The aggregated report of a reviewing office or any parent for a period: totals vs targets per indicator,
 * completeness and timeliness per level, the units that reported on time / late / not at all, the PAR-style score,
 * and the children's narrative parts gathered under each heading with the unit named, for the drafter to edit.
 */
import { NARRATIVE_LABELS, type NarrativeKey } from '@cchc/domain';
import { bodyParagraph, dataTable, heading, packDocument, run, spacer, titleBlock } from './nd30';
import { cutoffPhrase, indicatorTable, periodPhrase, reportTitle, upperFirst } from './report-document';
import { ddmmyyyy, formatNumber, formatPercent, paragraphsOf } from './text';
import type { AggregateReportDocumentView, SubmissionState } from './types';

export const SUBMISSION_LABELS: Record<SubmissionState, string> = {
  on_time: 'Đúng hạn',
  late: 'Muộn',
  missing_overdue: 'Chưa gửi (quá hạn)',
  missing_not_due: 'Chưa gửi (chưa đến hạn)',
  submitted: 'Đã gửi',
};

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function contributions(v: AggregateReportDocumentView, key: NarrativeKey) {
  const list = v.contributions[key] ?? [];
  if (!list.length) return [bodyParagraph('(Các đơn vị chưa nêu nội dung này)', { italics: true })];
  return list.flatMap((c) => {
    const [first, ...rest] = paragraphsOf(c.text);
    return [
      bodyParagraph([run(`- ${c.unitName}: `, { bold: true }), run(first ?? '')]),
      ...rest.map((p) => bodyParagraph(p)),
    ];
  });
}

export async function buildAggregateReportDocument(v: AggregateReportDocumentView): Promise<Buffer> {
  const summary = reportTitle(v.period, v.year);
  const total = v.completeness[v.completeness.length - 1];
  const intro = upperFirst(
    `${v.parentPlanRef ? `${v.parentPlanRef.replace(/[;,.\s]+$/, '')}; ` : ''}trên cơ sở báo cáo của các đơn vị, ` +
      `${v.issuer.name} tổng hợp kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính ` +
      `${periodPhrase(v.period, v.year)} của ${v.subjectName} (${cutoffPhrase(v.cutoffFrom, v.cutoffTo)}) như sau:`,
  );
  const s = v.score;
  const body = [
    ...titleBlock('Báo cáo', summary),
    bodyParagraph(intro),
    heading('I. Kết quả thực hiện'),
    heading('1. Kết quả thực hiện các chỉ tiêu (tổng hợp số liệu đã được chấp nhận)', 2),
    ...(v.lines.length ? [indicatorTable(v.lines), spacer()] : [bodyParagraph('(Chưa có số liệu)', { italics: true })]),
    heading('2. Tình hình gửi báo cáo của các đơn vị', 2),
    ...(total
      ? [
          bodyParagraph(
            `Tổng số ${total.expected} đơn vị phải báo cáo; đã gửi ${total.submitted} (đúng hạn ${total.onTime}, ` +
              `muộn ${total.lateSubmitted}); chưa gửi ${total.missing} (trong đó quá hạn ${total.lateMissing}); ` +
              `đã chấp nhận ${total.accepted}.`,
          ),
        ]
      : []),
    dataTable(
      [
        { title: 'Cấp', width: 22 },
        { title: 'Phải báo cáo', width: 11, align: 'right' },
        { title: 'Đã gửi', width: 9, align: 'right' },
        { title: 'Đúng hạn', width: 10, align: 'right' },
        { title: 'Muộn', width: 9, align: 'right' },
        { title: 'Chưa gửi', width: 10, align: 'right' },
        { title: 'Đã chấp nhận', width: 12, align: 'right' },
        { title: 'Tỷ lệ đúng hạn', width: 12, align: 'right' },
      ],
      v.completeness.map((c) => [
        c.label,
        formatNumber(c.expected),
        formatNumber(c.submitted),
        formatNumber(c.onTime),
        formatNumber(c.lateSubmitted),
        formatNumber(c.missing),
        formatNumber(c.accepted),
        formatPercent(ratio(c.onTime, c.expected)),
      ]),
      { boldLastRow: true },
    ),
    spacer(),
    heading('3. Danh sách đơn vị gửi báo cáo đúng hạn, muộn, chưa gửi', 2),
    ...(v.units.length
      ? [
          dataTable(
            [
              { title: 'STT', width: 8, align: 'center' },
              { title: 'Đơn vị', width: 47 },
              { title: 'Cấp', width: 8, align: 'center' },
              { title: 'Hạn gửi', width: 14, align: 'center' },
              { title: 'Tình trạng', width: 24 },
            ],
            v.units.map((u, i) => [
              String(i + 1),
              u.name,
              String(u.level),
              ddmmyyyy(u.deadline),
              SUBMISSION_LABELS[u.state],
            ]),
          ),
          spacer(),
        ]
      : [bodyParagraph('(Không có đơn vị nào phải báo cáo trong kỳ)', { italics: true })]),
    heading('4. Tự đánh giá tiêu chí "Thực hiện tuyên truyền về CCHC" (Chỉ số CCHC)', 2),
    dataTable(
      [
        { title: 'Tiêu chí', width: 50 },
        { title: 'Điểm tối đa', width: 14, align: 'right' },
        { title: 'Điểm đạt', width: 14, align: 'right' },
        { title: 'Căn cứ', width: 22 },
      ],
      [
        [
          '4.1. Mức độ hoàn thành kế hoạch',
          '1',
          formatNumber(s.planCompletion),
          `${s.targetsMet}/${s.targetsSet} chỉ tiêu đạt`,
        ],
        [
          '4.2. Đa dạng hóa hình thức tuyên truyền',
          '1',
          formatNumber(s.diversity),
          [s.hasOnline ? 'Có hình thức trực tuyến' : '', s.hasTraditional ? 'Có hình thức truyền thống' : '']
            .filter(Boolean)
            .join('; ') || 'Chưa có',
        ],
        ['Tổng', formatNumber(s.max), formatNumber(s.total), ''],
      ],
      { boldLastRow: true },
    ),
    spacer(),
    heading(`5. ${NARRATIVE_LABELS.achievements} của các đơn vị`, 2),
    ...contributions(v, 'achievements'),
    heading(`II. ${NARRATIVE_LABELS.shortcomings}; ${NARRATIVE_LABELS.causes.toLocaleLowerCase('vi-VN')}`),
    heading(`1. ${NARRATIVE_LABELS.shortcomings}`, 2),
    ...contributions(v, 'shortcomings'),
    heading(`2. ${NARRATIVE_LABELS.causes}`, 2),
    ...contributions(v, 'causes'),
    heading(`III. ${NARRATIVE_LABELS.proposals}`),
    ...contributions(v, 'proposals'),
  ];
  return packDocument({
    frame: v,
    type: 'BC',
    title: `Báo cáo tổng hợp ${periodPhrase(v.period, v.year)} – ${v.subjectName}`,
    body,
    closing: `Trên đây là báo cáo tổng hợp kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính ${periodPhrase(v.period, v.year)} của ${v.subjectName}./.`,
    description: `Báo cáo tổng hợp, ${ddmmyyyy(v.cutoffTo)}`,
  });
}
