/**
 * Sample view models (Bình Thuận, seed 001 and 003 phrasing) for the specs and for `scripts/document-screenshots.ts`.
 * Figures are chosen so that the expected totals and ratios can be worked out by hand.
 */
import type { AggregateReportDocumentView, PlanDocumentView, ReportDocumentView, ReviewWorkbookView } from './types';

const WEB = { code: 'WEB_NEWS', name: 'Tin, bài trên trang thông tin điện tử', unitOfMeasure: 'tin, bài' };
const RADIO = { code: 'RADIO_ITEMS', name: 'Tin, bài trên đài truyền thanh', unitOfMeasure: 'tin, bài' };
const CONF = { code: 'CONFERENCES', name: 'Hội nghị, tập huấn', unitOfMeasure: 'hội nghị' };

export const samplePlan = (): PlanDocumentView => ({
  kind: 'plan',
  issuer: { parentName: 'UBND tỉnh Bình Thuận', name: 'Sở Giáo dục và Đào tạo', abbreviation: 'SGDĐT' },
  number: 759,
  symbol: null,
  place: 'Bình Thuận',
  date: '2024-01-15',
  year: 2024,
  signer: { signingForm: 'KT.', onBehalfOf: 'Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Văn Thuận' },
  recipients: ['Sở Nội vụ', 'Lãnh đạo Sở', 'Các phòng GDĐT, đơn vị trực thuộc', 'Lưu: VT, VP'],
  title: 'Kế hoạch tuyên truyền cải cách hành chính năm 2024',
  parentPlanRef:
    'Thực hiện Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh Bình Thuận về cải cách hành chính năm 2024',
  sections: {
    purpose:
      'Tăng cường công tác thông tin, tuyên truyền về cải cách hành chính nhằm nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức.\nThông tin, tuyên truyền phải thực hiện thường xuyên, liên tục, đa dạng về nội dung và hình thức.',
    content: 'Tuyên truyền các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách hành chính.',
    forms: 'Đăng tải tin, bài trên trang thông tin điện tử; niêm yết công khai thủ tục hành chính tại trụ sở.',
    activities: 'Tổ chức hội nghị quán triệt; phát động cuộc thi tìm hiểu về cải cách hành chính.',
    budget: 'Từ nguồn kinh phí chi thường xuyên năm 2024 của các đơn vị.',
    organisation: 'Văn phòng Sở theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch này.',
  },
  targets: [
    { indicator: WEB, amount: 5, basis: 'month', appliesTo: null },
    { indicator: RADIO, amount: 1, basis: 'week', appliesTo: 'Xã/Phường/Thị trấn' },
  ],
  childDeadline: '2024-01-31',
  reportSchedule: [
    { period: 'Q1', due: '2024-03-10', cutoffFrom: '2023-12-15', cutoffTo: '2024-03-14' },
    { period: 'H1', due: '2024-06-10', cutoffFrom: '2023-12-15', cutoffTo: '2024-06-14' },
    { period: 'Q3', due: '2024-09-10', cutoffFrom: '2024-06-15', cutoffTo: '2024-09-14' },
    { period: 'YEAR', due: '2024-12-10', cutoffFrom: '2023-12-15', cutoffTo: '2024-12-14' },
  ],
  draft: false,
});

export const sampleReport = (): ReportDocumentView => ({
  kind: 'report',
  issuer: { parentName: 'Sở Giáo dục và Đào tạo', name: 'Trường THPT Cộng Hiền', abbreviation: 'THPTCH' },
  number: null,
  place: 'Bình Thuận',
  date: '2024-03-08',
  year: 2024,
  signer: { signingForm: null, onBehalfOf: null, title: 'Hiệu trưởng', name: 'Trần Thị Hoa' },
  recipients: ['Sở Giáo dục và Đào tạo (b/c)', 'Lưu: VT'],
  unitName: 'Trường THPT Cộng Hiền',
  period: 'Q1',
  cutoffFrom: '2023-12-15',
  cutoffTo: '2024-03-14',
  parentPlanRef: 'Thực hiện Kế hoạch số 759/KH-SGDĐT ngày 15/01/2024 của Sở Giáo dục và Đào tạo',
  lines: [
    { indicator: WEB, target: 15, actual: 12, ratio: 0.8, met: false },
    { indicator: CONF, target: null, actual: 2, ratio: null, met: null },
  ],
  narrative: {
    achievements: 'Đã đăng 12 tin, bài trên trang thông tin điện tử của trường.',
    shortcomings: 'Số tin, bài chưa đạt chỉ tiêu.',
    causes: 'Thiếu cán bộ phụ trách trang thông tin điện tử.',
    proposals: '=Đề nghị Sở tổ chức tập huấn viết tin, bài.',
  },
  status: 'Đã trình, chờ duyệt',
});

export const sampleAggregate = (): AggregateReportDocumentView => ({
  kind: 'aggregate',
  issuer: { parentName: 'UBND tỉnh Bình Thuận', name: 'Sở Nội vụ', abbreviation: 'SNV' },
  number: 12,
  place: 'Bình Thuận',
  date: '2027-03-10',
  year: 2027,
  signer: { signingForm: 'KT.', onBehalfOf: 'Giám đốc', title: 'Phó Giám đốc', name: 'Lê Văn Minh' },
  recipients: ['UBND tỉnh (b/c)', 'Bộ Nội vụ (b/c)', 'Lưu: VT, CCHC'],
  subjectName: 'Ủy ban nhân dân tỉnh Bình Thuận',
  period: 'Q1',
  cutoffFrom: '2026-12-15',
  cutoffTo: '2027-03-14',
  parentPlanRef: null,
  lines: [
    { indicator: WEB, target: 45, actual: 50, ratio: 50 / 45, met: true },
    { indicator: RADIO, target: 13, actual: 9, ratio: 9 / 13, met: false },
  ],
  completeness: [
    {
      label: 'Cấp 1',
      expected: 3,
      submitted: 2,
      onTime: 1,
      lateSubmitted: 1,
      missing: 1,
      lateMissing: 1,
      accepted: 2,
    },
    {
      label: 'Toàn bộ',
      expected: 3,
      submitted: 2,
      onTime: 1,
      lateSubmitted: 1,
      missing: 1,
      lateMissing: 1,
      accepted: 2,
    },
  ],
  units: [
    {
      code: 'BTH.SGDDT',
      name: 'Sở Giáo dục và Đào tạo',
      level: 1,
      deadline: '2027-03-10',
      state: 'on_time',
      status: 'approved',
    },
    { code: 'BTH.STP', name: 'Sở Tư pháp', level: 1, deadline: '2027-03-10', state: 'late', status: 'approved' },
    {
      code: 'BTH.PTH',
      name: 'UBND thành phố Phan Thiết',
      level: 1,
      deadline: '2027-03-10',
      state: 'missing_overdue',
      status: 'draft',
    },
  ],
  score: {
    planCompletion: 0,
    diversity: 0.5,
    total: 0.5,
    max: 2,
    targetsMet: 1,
    targetsSet: 2,
    hasOnline: true,
    hasTraditional: false,
  },
  contributions: {
    achievements: [{ unitName: 'Sở Giáo dục và Đào tạo', text: 'Đăng 30 tin, bài.' }],
    shortcomings: [
      { unitName: 'Sở Tư pháp', text: 'Chưa cập nhật kịp thời thủ tục hành chính.' },
      { unitName: 'Sở Giáo dục và Đào tạo', text: 'Một số trường chưa đạt chỉ tiêu.\nTin, bài còn ít.' },
    ],
    causes: [{ unitName: 'Sở Tư pháp', text: 'Thiếu nhân lực.' }],
    proposals: [],
  },
});

export const sampleWorkbook = (): ReviewWorkbookView => ({
  title: 'Ủy ban nhân dân tỉnh Bình Thuận',
  year: 2027,
  periods: ['Q1'],
  matrix: [
    {
      code: 'BTH.SGDDT',
      name: 'Sở Giáo dục và Đào tạo',
      periods: { Q1: { status: 'approved', deadline: '2027-03-10', onTime: true, overdue: true } },
    },
    {
      code: 'BTH.STP',
      name: '=HYPERLINK("http://x")',
      periods: { Q1: { status: 'approved', deadline: '2027-03-10', onTime: false, overdue: true } },
    },
    {
      code: 'BTH.PTH',
      name: 'UBND thành phố Phan Thiết',
      periods: { Q1: { status: 'draft', deadline: '2027-03-10', onTime: null, overdue: true } },
    },
  ],
  indicators: [WEB, RADIO],
  perIndicator: [
    { period: 'Q1', code: 'WEB_NEWS', target: 45, accepted: 50, submittedOnly: 3, previousYear: 41 },
    { period: 'Q1', code: 'RADIO_ITEMS', target: 13, accepted: 9.5, submittedOnly: null, previousYear: null },
  ],
  perChild: [
    {
      period: 'Q1',
      code: 'BTH.SGDDT',
      name: 'Sở Giáo dục và Đào tạo',
      status: 'approved',
      onTime: true,
      values: { WEB_NEWS: 30, RADIO_ITEMS: 4 },
    },
    {
      period: 'Q1',
      code: 'BTH.STP',
      name: '+cmd',
      status: 'approved',
      onTime: false,
      values: { WEB_NEWS: 20, RADIO_ITEMS: 5.5 },
    },
  ],
  lateOrMissing: [
    { period: 'Q1', code: 'BTH.STP', name: '@SUM(A1)', state: 'late', status: 'approved' },
    { period: 'Q1', code: 'BTH.PTH', name: 'UBND thành phố Phan Thiết', state: 'missing_overdue', status: 'draft' },
  ],
});
