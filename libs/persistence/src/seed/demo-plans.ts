// Plan fixtures extracted from the seed documents in /work/shared/seeds/ (see its README.md).
// Plain data. Text fields are verbatim from the seeds (spelling slips included); a section extract joins
// non-adjacent verbatim passages with " … ". Anything a seed leaves blank or does not say is null.

import type { UnitKind } from './unit-kinds';

export type SigningForm = 'KT.' | 'TM.' | 'Q.' | null;

export interface SeedSigner {
  name: string;
  /** Title as printed under the signing form, e.g. 'PHÓ GIÁM ĐỐC'; null when the seed prints none. */
  title: string | null;
  signingForm: SigningForm;
  /** The title signed for, e.g. 'GIÁM ĐỐC' in "KT. GIÁM ĐỐC"; null when signing in one's own right. */
  onBehalfOf: string | null;
}

/** A document the plan says it implements ("Thực hiện …"). */
export interface SeedPlanRef {
  symbol: string;
  /** ISO date. */
  date: string;
  issuer: string;
}

import type { TargetBasis } from '../../../domain/src/targets/target-basis';

export interface SeedTarget {
  indicatorCode: string;
  /** At least this many per `basis` ("ít nhất"). */
  amount: number;
  basis: TargetBasis;
  appliesTo: {
    kinds: UnitKind[];
    description: string;
    /** Demo units the target names individually (only for seed 001, the Bình Thuận demo). */
    demoUnitCodes?: string[];
  };
  /** The same target restated by the seed on another basis, e.g. 60 tin, bài/năm for 05/tháng. */
  statedEquivalent?: { amount: number; basis: TargetBasis };
  /** Verbatim source wording. */
  quote: string;
}

export type ReportPeriodKind = 'Q1' | 'H1' | 'Q3' | 'year' | 'quarter' | 'ad-hoc';

export interface SeedReportPeriod {
  period: ReportPeriodKind;
  /** ISO date the seed says the report is due before ("trước ngày"); null when it gives no date. */
  dueBefore: string | null;
}

export interface SeedReportSchedule {
  reportTo: string | null;
  periods: SeedReportPeriod[];
  notes: string;
}

export interface SeedPlanSections {
  /** I. Mục đích (mục tiêu), yêu cầu */
  purpose: string | null;
  /** II.1 Nội dung tuyên truyền */
  content: string | null;
  /** II.2 Hình thức tuyên truyền */
  forms: string | null;
  /** III. Hoạt động / giải pháp (when the plan has such a section) */
  activities: string | null;
  /** IV. Kinh phí */
  budget: string | null;
  /** V. Tổ chức thực hiện */
  organisation: string | null;
}

export interface SeedPlan {
  seedFile: string;
  /** Document number; null when the seed leaves it blank. */
  number: number | null;
  /** Full number and symbol, e.g. '99/KH-TrS'; null when the number is blank. */
  symbol: string | null;
  /** What follows "Số:" in the seed, verbatim (e.g. '/KH-SGDĐT'); null when the seed has no "Số:" line. */
  printedSymbol: string | null;
  issuerName: string;
  issuerKind: UnitKind;
  /** Province or centrally-run city of the issuer. */
  issuerProvince: string;
  /** Where the issuer sits in the Bình Thuận demo tree (demo-units.ts); null when it is not placed there. */
  demoUnitCode: string | null;
  year: number;
  title: string;
  /** Year theme quoted by the plan (chủ đề). */
  theme: string | null;
  issuePlace: string | null;
  /** ISO date; null when the day (or more) is left blank. */
  issueDate: string | null;
  /** The place-and-date line exactly as printed; null when the seed has none. */
  issueDateText: string | null;
  signer: SeedSigner | null;
  /** Nơi nhận, one entry a line, without the leading "- " and the trailing ";" or ".". */
  recipients: string[];
  /** The "Thực hiện …" reference, verbatim. */
  parentPlanRef: string | null;
  parentPlans: SeedPlanRef[];
  sections: SeedPlanSections;
  targets: SeedTarget[];
  /** Which child units the plan addresses. */
  childScope: { kinds: UnitKind[]; description: string } | null;
  /** Whether the seed explicitly tells the children to issue their own plans. */
  childPlansRequired: boolean;
  /** ISO date by which children must issue their plans; null when not given. */
  childPlanDeadline: string | null;
  /** Execution window 'YYYY-MM' to 'YYYY-MM' when the seed states one. */
  executionWindow: { from: string; to: string } | null;
  reportSchedule: SeedReportSchedule;
  /** Parts of a leaf unit that carry out the plan but are not units (Ban giám hiệu, tổ chuyên môn …). */
  internalParts: string[];
  /** Oddities of the seed worth knowing when using it as a fixture. */
  notes: string[];
}

export const SEED_001_BINH_THUAN_2024: SeedPlan = {
  seedFile: '001_581e4daf63d91ab6.txt',
  number: null,
  symbol: null,
  printedSymbol: null,
  issuerName: 'Ủy ban nhân dân tỉnh Bình Thuận',
  issuerKind: 'province',
  issuerProvince: 'Bình Thuận',
  demoUnitCode: 'BTH',
  year: 2024,
  title: 'Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh',
  theme: 'Giảm hồ sơ trễ hẹn, tăng sử dụng dịch vụ công trực tuyến, thanh toán không tiền mặt',
  issuePlace: null,
  issueDate: null,
  issueDateText: null,
  signer: null,
  recipients: [
    'Bộ Nội vụ',
    'Thường trực Tỉnh ủy',
    'Thường trực HĐND tỉnh',
    'CT, các PCT.UBND tỉnh',
    'Các cơ quan chuyên môn của UBND tỉnh',
    'Các cơ quan Trung ương đóng trên địa bàn tỉnh',
    'UBND các huyện, thị xã, thành phố',
    'Ủy ban MTTQVN tỉnh',
    'Các cơ quan Đoàn thể cấp tỉnh',
    'Trường Chính trị tỉnh Bình Thuận',
    'Bưu điện tỉnh',
    'Báo Bình Thuận',
    'Đài Phát thanh - Truyền hình Bình Thuận',
    'Trung tâm Hành chính công tỉnh',
    'Lưu: VT, SNV, NCKSTTHC',
  ],
  parentPlanRef:
    'Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của Ủy ban nhân dân tỉnh về cải cách hành chính nhà nước năm 2024 tỉnh Bình Thuận',
  parentPlans: [{ symbol: '4912/KH-UBND', date: '2023-12-15', issuer: 'Ủy ban nhân dân tỉnh Bình Thuận' }],
  sections: {
    purpose:
      'Tăng cường cho đội ngũ cán bộ, công chức, viên chức có nhận thức đầy đủ về các nhiệm vụ, mục tiêu và trách nhiệm của mình trong thực hiện nhiệm vụ cải cách hành chính. … ' +
      'Nâng cao nhận thức của người dân về công tác cải cách hành chính nhà nước, cải cách thủ tục hành chính; huy động sự tham gia của người dân, doanh nghiệp trong triển khai, giám sát quá trình thực hiện cải cách hành chính tại các cơ quan, đơn vị, địa phương. … ' +
      'Cán bộ, công chức, viên chức và mọi tầng lớp nhân dân.',
    content:
      'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 … ' +
      'Kết quả xếp hạng chỉ số PAR, SIPAS, PAPI hằng năm của tỉnh … ' +
      'Tình hình, kết quả triển khai thực hiện việc xây dựng và phát triển chính quyền điện tử, chính quyền số',
    forms:
      'Trên Cổng thông tin điện tử của tỉnh và trang thông tin điện tử cơ quan, đơn vị, địa phương. … ' +
      'Niêm yết công khai tại trụ sở làm việc của cơ quan, đơn vị, địa phương, tại bộ phận tiếp nhận và trả kết quả các cấp. … ' +
      'Thông qua các cuộc họp, các hội nghị của cơ quan, đơn vị, địa phương; các cuộc thi tuyên truyền về cải cách hành chính. … ' +
      'Thông qua các hình thức khác như: Băng rôn, áp phích, pa nô, tờ rơi, báo, tạp chí, bản tin, video clip, phóng sự...',
    activities: null,
    budget:
      'Kinh phí cho công tác thông tin, tuyên truyền cải cách hành chính năm 2024 được đảm bảo bằng ngân sách nhà nước và các nguồn tài trợ hợp pháp khác (nếu có). … ' +
      'Các cơ quan, đơn vị, địa phương có trách nhiệm lập dự toán kinh phí thực hiện nhiệm vụ thông tin, tuyên truyền cải cách hành chính trong dự toán ngân sách năm 2024 gửi cơ quan tài chính cùng cấp',
    organisation:
      'Xây dựng kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 của cơ quan, đơn vị, địa phương, trong đó lưu ý bố trí đầy đủ nguồn lực, kinh phí để triển khai thực hiện kế hoạch. … ' +
      'Tổng hợp, báo cáo kết quả thực hiện thông tin, tuyên truyền cải cách hành chính (lồng ghép vào báo cáo cải cách hành chính định kỳ) gửi Sở Nội vụ tổng hợp theo dõi, báo cáo UBND tỉnh, Bộ Nội vụ. … ' +
      'Theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị, địa phương trong xây dựng và tổ chức thực hiện kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024.',
  },
  targets: [
    {
      indicatorCode: 'WEB_NEWS',
      amount: 5,
      basis: 'month',
      appliesTo: {
        kinds: ['department', 'district'],
        description: 'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
      },
      statedEquivalent: { amount: 60, basis: 'year' },
      quote:
        'đảm bảo đăng tải ít nhất bình quân 05 tin, bài/tháng (tương đương ít nhất 60 tin, bài/năm) trên trang thông tin điện tử',
    },
    {
      indicatorCode: 'RADIO_ITEMS',
      amount: 1,
      basis: 'week',
      appliesTo: {
        kinds: ['district', 'commune'],
        description: 'Cơ quan truyền thanh ở cấp huyện, cấp xã (do UBND cấp huyện chỉ đạo)',
      },
      quote:
        'định kỳ hàng tuần phải có ít nhất 01 tin, bài về cải cách hành chính phát trên hệ thống truyền thanh để tuyên truyền đến người dân trên địa bàn',
    },
    {
      indicatorCode: 'PORTAL_NEWS',
      amount: 2,
      basis: 'month',
      appliesTo: {
        kinds: ['department', 'district', 'media', 'office'],
        description: 'Các cơ quan có tên trong kế hoạch này',
      },
      quote:
        'Hằng tháng, các cơ quan có tên trong kế hoạch này có ít nhất 02 tin, bài đăng trên Cổng thông tin điện tử của tỉnh về công tác chỉ đạo, điều hành cải cách hành chính thuộc lĩnh vực mình theo dõi, quản lý',
    },
    {
      indicatorCode: 'PORTAL_NEWS',
      amount: 2,
      basis: 'month',
      appliesTo: {
        kinds: ['department'],
        description: 'Sở Kế hoạch và Đầu tư (tin, bài về hỗ trợ, thu hút đầu tư)',
        demoUnitCodes: ['BTH.SKHDT'],
      },
      quote:
        'Hằng tháng có ít nhất 02 tin, bài liên quan về hoạt động hỗ trợ, chính sách thu hút đầu tư, giải quyết các khó khăn, vướng mắc của nhà đầu tư, doanh nghiệp trên địa bàn tỉnh được đăng trên Cổng thông tin điện tử của tỉnh',
    },
    {
      indicatorCode: 'TV_PROGRAMMES',
      amount: 1,
      basis: 'week',
      appliesTo: {
        kinds: ['media'],
        description: 'Đài Phát thanh - Truyền hình Bình Thuận',
        demoUnitCodes: ['BTH.DPTTH'],
      },
      quote:
        'Duy trì chuyên mục phát sóng định kỳ về cải cách hành chính trên hệ thống phát thanh, truyền hình, đảm bảo ít nhất 01 lần/tuần vào khung giờ có nhiều người theo dõi',
    },
  ],
  childScope: {
    kinds: ['department', 'district'],
    description: 'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
  },
  childPlansRequired: true,
  childPlanDeadline: '2024-01-31',
  executionWindow: null,
  reportSchedule: {
    reportTo: 'Sở Nội vụ',
    periods: [],
    notes:
      'Tổng hợp, báo cáo kết quả thực hiện thông tin, tuyên truyền cải cách hành chính (lồng ghép vào báo cáo cải cách hành chính định kỳ) gửi Sở Nội vụ tổng hợp theo dõi, báo cáo UBND tỉnh, Bộ Nội vụ. ' +
      'No periods or due dates in the seed: they come from the periodic CCHC report regime.',
  },
  internalParts: [],
  notes: [
    'The seed text has no "Số:" line, no place-and-date line and no signature block: number, symbol, issue date and signer are unknown. ' +
      "163/KH-UBND is Nam Định's 2024 plan (the parent of seed 000), not this one.",
    'Issued by the Chủ tịch UBND tỉnh ("Chủ tịch Ủy ban nhân dân tỉnh ban hành kế hoạch").',
    'Section numbering jumps from III (Tổ chức thực hiện) to V (Kinh phí thực hiện); there is no IV and no separate activities section. ' +
      'Trainings and contests are Sở Nội vụ tasks inside III.2.',
    'III.5 gives Văn phòng UBND tỉnh a task through Trung tâm Hành chính công tỉnh; III.3 gives Sở TT&TT oversight of the media.',
    'The 31/01/2024 deadline is printed in bold in the seed.',
  ],
};

export const SEED_000_NAM_DINH_SGDDT_2024: SeedPlan = {
  seedFile: '000_175b57d5af05de13.txt',
  number: null,
  symbol: null,
  printedSymbol: '/KH-SGDĐT',
  issuerName: 'Sở Giáo dục và Đào tạo',
  issuerKind: 'department',
  issuerProvince: 'Nam Định',
  demoUnitCode: null,
  year: 2024,
  title: 'Thông tin, tuyên truyền về cải cách hành chính năm 2024',
  theme: null,
  issuePlace: 'Nam Định',
  issueDate: null,
  issueDateText: 'Nam Định, ngày tháng năm 2023',
  signer: { name: 'Nguyễn Văn Thuận', title: 'PHÓ GIÁM ĐỐC', signingForm: 'KT.', onBehalfOf: 'GIÁM ĐỐC' },
  recipients: [
    'UBND tỉnh Nam Định',
    'Sở TT&TT Nam Định',
    'Sở Nội vụ Nam Định',
    'Giám đốc Sở',
    'Các Phó GD Sở',
    'CĐGD tỉnh',
    'Các đơn vị thuộc, trực thuộc Sở',
    'Phòng GDĐT các huyện, thành phố Nam Định',
    'Các trung tâm GDNN-GDTX',
    'Công TTĐT Sở',
    'Lưu: VT, VP',
  ],
  parentPlanRef:
    'Kế hoạch số 163/KH-UBND ngày 25/12/2023 của UBND tỉnh Nam Định về Kế hoạch Thông tin, tuyên truyền về cải cách hành chính năm 2024',
  parentPlans: [{ symbol: '163/KH-UBND', date: '2023-12-25', issuer: 'UBND tỉnh Nam Định' }],
  sections: {
    purpose:
      'Góp phần thực hiện có hiệu quả nhiệm vụ CCHC theo chỉ đạo của Trung ương và của tỉnh; Nâng cao nhận thức của cán bộ, công chức, viên chức về công tác CCHC … ' +
      'Công tác thông tin, tuyên truyền về CCHC được tổ chức thường xuyên, liên tục, bảo đảm tính thời sự.',
    content:
      'Tuyên truyền, phổ biến sâu rộng về mục tiêu, ý nghĩa, tầm quan trọng của CCHC chính góp phần cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh, thúc đẩy phát triển kinh tế - xã hội của tỉnh. … ' +
      'Tuyên truyền đối với các nội dung, kết quả các Chỉ số đánh giá hoạt động của cơ quan hành chính nhà nước như: Chỉ số năng lực cạnh tranh cấp tỉnh (PCI); Chỉ số cải cách hành chính (PAR INDEX)',
    forms:
      'Tổ chức tuyên truyền thông qua các phương tiện thông tin, truyền thông; trên Cổng thông tin điện tử, các chương trình truyền thanh, bản tin của cơ quan, đơn vị; tuyên truyền qua tài liệu, pano, áp phích, khẩu hiệu, các hoạt động văn hóa, văn nghệ … ' +
      'Lồng ghép nội dung CCHC vào các hoạt động thường xuyên, các hội nghị tuyên truyền, phổ biến pháp luật của cơ quan, đơn vị. … ' +
      'Duy trì, tăng cường sử dụng các ứng dụng như email, Zalo... để tương tác với tổ chức, doanh nghiệp, công dân trong quá trình giải quyết TTHC',
    activities: 'MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024 (Có Phụ lục kèm theo).',
    budget:
      'Kinh phí thực hiện bố trí từ nguồn kinh phí thường xuyên được phân bổ trong dự toán hàng năm của các cơ quan, đơn vị do cấp có thẩm quyền phê duyệt.',
    organisation:
      'Tổ chức phổ biến, quán triệt và chỉ đạo triển khai, thực hiện đầy đủ, nghiêm túc các nội dung của Kế hoạch này. … ' +
      'Theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch của các đơn vị. … ' +
      'Đề xuất khen thưởng những tập thể, cá nhân làm tốt nhiệm vụ và kiến nghị xử lý đối với những tập thể, cá nhân thực hiện không nghiêm túc Kế hoạch này.',
  },
  targets: [],
  childScope: {
    kinds: ['office', 'school', 'centre'],
    description:
      'Các đơn vị thuộc và trực thuộc Sở, phòng GDĐT các huyện, thành phố Nam Định và các trung tâm GDNN-GDTX',
  },
  childPlansRequired: false,
  childPlanDeadline: null,
  executionWindow: null,
  reportSchedule: {
    reportTo: 'Sở GDĐT (Văn phòng Sở tổng hợp)',
    periods: [],
    notes:
      'định kỳ báo cáo Sở GDĐT (lồng ghép trong báo cáo sơ kết và tổng kết năm học, báo cáo công tác cải cách hành chính) và gửi về Văn phòng Sở tổng hợp kết quả báo cáo UBND tỉnh theo quy định',
  },
  internalParts: [],
  notes: [
    'Number and day/month of issue are blank in the seed; only the year 2023 is printed (the plan is for 2024).',
    'The activities appendix ("Có Phụ lục kèm theo") is not part of the seed, so the plan has no quantitative targets.',
    'Children are told to implement the plan and report, not explicitly to issue their own plans.',
    'The Văn phòng Sở follows up and urges (theo dõi, đôn đốc) and proposes rewards or discipline.',
    '"Công TTĐT Sở" in Nơi nhận is a slip for "Cổng TTĐT Sở"; kept verbatim.',
  ],
};

export const SEED_003_LANG_SON_SLDTBXH_2023: SeedPlan = {
  seedFile: '003_3c3cbfb97a6eb7de.txt',
  number: null,
  symbol: null,
  printedSymbol: '/KH-SLĐTBXH',
  issuerName: 'Sở Lao động – Thương binh và Xã hội',
  issuerKind: 'department',
  issuerProvince: 'Lạng Sơn',
  demoUnitCode: null,
  year: 2023,
  title: 'Tuyên truyền công tác cải cách hành chính năm 2023',
  theme: 'Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, sáng tạo bút phá',
  issuePlace: 'Lạng Sơn',
  issueDate: null,
  issueDateText: 'Lạng Sơn, ngày tháng 3 năm 2023',
  signer: { name: 'Phạm Đức Huân', title: 'GIÁM ĐỐC', signingForm: null, onBehalfOf: null },
  recipients: [
    'Sở Nội vụ',
    'Lãnh đạo Sở',
    'Các phòng và tương đương',
    'Các đơn vị trực thuộc; Trường Cao đẳng nghề Lạng Sơn',
    'C, P CVP',
    'Lưu: VT',
  ],
  parentPlanRef:
    'Kế hoạch số 58/KH-UBND ngày 08/3/2023 của UBND tỉnh về tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Lạng Sơn; ' +
    'Kế hoạch số 04/KH-SLĐTBXH ngày 14/01/2023 của Sở Lao động – Thương binh và Xã hội về cải cách hành chính của Sở Lao động – Thương binh và Xã hội năm 2023',
  parentPlans: [
    { symbol: '58/KH-UBND', date: '2023-03-08', issuer: 'UBND tỉnh Lạng Sơn' },
    { symbol: '04/KH-SLĐTBXH', date: '2023-01-14', issuer: 'Sở Lao động – Thương binh và Xã hội' },
  ],
  sections: {
    purpose:
      'Tăng cường công tác thông tin, tuyên truyền các chủ trương của Đảng và chương trình, kế hoạch, văn bản chỉ đạo của Trung ương, của tỉnh về CCHC, nhằm nâng cao nhận thức, trách nhiệm cho cán bộ, công chức, viên chức trong toàn ngành thực hiện cải cách hành chính trong quá trình thực thi công vụ, nhiệm vụ. … ' +
      'Thông tin, tuyên truyền về cải cách hành chính phải thực hiện thường xuyên, liên tục; đa dạng, phong phú về nội dung và hình thức, theo hướng thiết thực, hiệu quả, đúng đối tượng.',
    content:
      'Tập trung tuyên truyền về Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030 của Chính phủ … ' +
      'Công tác truyền thông hỗ trợ hoạt động kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông và thực hiện giải quyết TTHC trên môi trường điện tử.',
    forms:
      'Tổ chức các lớp tập huấn, bồi dưỡng, quán triệt nội dung, kế hoạch thực hiện nhiệm vụ cải cách hành chính nhà nước cho đội ngũ cán bộ, công chức, viên chức … ' +
      'Công khai, niêm yết các TTHC tại trụ sở, Công thông tin điện tử của Sở … ' +
      'thực hiện tuyên truyền thông qua các trang mạng xã hội Zalo, Facebook … ' +
      'Đẩy mạnh công tác tuyên truyền công chức, viên chức và người lao động tham gia các cuộc thi tìm hiểu về cải cách hành chính do tỉnh tổ chức (nếu có).',
    activities:
      'Niêm yết công khai tại trụ sở cơ quan và tại các phòng, đơn vị trực thuộc Sở; đăng tải trên cổng thông tin điện tử, hàng tháng, có ít nhất 04 tin, bài về CCHC đăng trên trang thông tin điện tử của Sở. … ' +
      'Lồng ghép tuyên truyền cải cách hành chính với các cuộc họp của cơ quan, đơn vị, các hội nghị tuyên truyền pháp luật của Sở và các buổi tập huấn về chuyên môn, nghiệp vụ...',
    budget: null,
    organisation:
      'Trên cơ sở nội dung Kế hoạch tuyên truyền cải cách hành chính của Sở các phòng và tương đương, các đơn vị sự nghiệp trực thuộc, trường Cao đẳng nghề Lạng Sơn bám sát tình hình và nhiệm vụ cải cách hành chính của cơ quan, đơn vị mình, chủ động xây dựng, ban hành kế hoạch và tổ chức thực hiện việc thông tin, tuyên truyền về công tác cải cách hành chính.',
  },
  targets: [
    {
      indicatorCode: 'WEB_NEWS',
      amount: 4,
      basis: 'month',
      appliesTo: { kinds: ['department'], description: 'Sở Lao động – Thương binh và Xã hội (cơ quan ban hành)' },
      quote: 'hàng tháng, có ít nhất 04 tin, bài về CCHC đăng trên trang thông tin điện tử của Sở',
    },
  ],
  childScope: {
    kinds: ['office', 'other', 'school'],
    description: 'Các phòng và tương đương, các đơn vị sự nghiệp trực thuộc, trường Cao đẳng nghề Lạng Sơn',
  },
  childPlansRequired: true,
  childPlanDeadline: null,
  executionWindow: null,
  reportSchedule: {
    reportTo: 'Sở Lao động – Thương binh và Xã hội',
    periods: [
      { period: 'Q1', dueBefore: '2023-03-10' },
      { period: 'H1', dueBefore: '2023-06-10' },
      { period: 'Q3', dueBefore: '2023-09-10' },
      { period: 'year', dueBefore: '2023-12-10' },
    ],
    notes:
      'Trước ngày 10 tháng 3 đối với báo cáo quý I; trước ngày 10 tháng 6 đối với báo cáo 6 tháng; Trước ngày 10 tháng 9 đối với báo cáo quý III và trước ngày 10 tháng 12 đối với báo cáo năm. ' +
      'The Sở merges the reports and reports to UBND tỉnh and Sở Nội vụ ("để tổng hợp báo cáo Ủy ban nhân dân tỉnh và Sở Nội vụ theo quy định").',
  },
  internalParts: [],
  notes: [
    'Number and day of issue are blank; the seed prints "ngày tháng 3 năm 2023".',
    'The signer signs as GIÁM ĐỐC in his own right (no KT./TM./Q.).',
    'The year theme reads "sáng tạo bút phá" in the seed (a slip for "bứt phá"); kept verbatim.',
    'The seed writes the Sở name with an en dash ("Lao động – Thương binh"); kept verbatim here, while the demo unit uses a hyphen.',
    'Also cites its 2021–2025 CCHC plan as "Kế hoạch số 05/KH-SLĐT BXH ngày 10/01/2022" (spaced symbol, as in the seed).',
    'The due dates are "trước ngày" (before the day); the due date for the year report falls inside the year it covers.',
    'No budget section.',
  ],
};

export const SEED_004_THPT_CONG_HIEN_2025: SeedPlan = {
  seedFile: '004_bad93bff9694f540.txt',
  number: null,
  symbol: null,
  printedSymbol: '/KH-THPTCH',
  issuerName: 'Trường THPT Cộng Hiền',
  issuerKind: 'school',
  issuerProvince: 'Hải Phòng',
  demoUnitCode: 'BTH.SGDDT.THPT-CH',
  year: 2025,
  title: 'Tuyên truyền công tác cải cách hành chính năm 2025',
  theme:
    'Mở rộng không gian kinh tế, đô thị; hoàn thiện cơ chế, chính sách đặc thù; tăng cường chuyển đổi xanh, chuyển đổi số',
  issuePlace: 'Vĩnh Bảo',
  issueDate: null,
  issueDateText: 'Vĩnh Bảo, ngày tháng 02 năm 2025',
  signer: { name: 'Vũ Thị Mận', title: 'PHÓ HIỆU TRƯỞNG', signingForm: 'KT.', onBehalfOf: 'HIỆU TRƯỞNG' },
  recipients: ['Sở GD&ĐT', 'BGH, CĐ, ĐTN', 'CB, GV, NV', 'Lưu VT'],
  parentPlanRef:
    'Kế hoạch 759/KH-SGDĐT ngày 13/02/2025 về việc Tuyên truyền về công tác Cải cách hành chính nhà nước năm 2025 của Sở Giáo dục và Đào tạo Hải Phòng',
  parentPlans: [{ symbol: '759/KH-SGDĐT', date: '2025-02-13', issuer: 'Sở Giáo dục và Đào tạo Hải Phòng' }],
  sections: {
    purpose:
      'Tăng cường công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, trách nhiệm tổ chức thực hiện CCHC của cán bộ quản lý, giáo viên, nhân viên của trường trong quá trình thực thi công vụ, nhiệm vụ … ' +
      'Tích cực tham gia các hội thi, cuộc thi về công tác CCHC bảo đảm hiệu quả, thiết thực.',
    content:
      'Tuyên truyền về kết quả thực hiện công tác CCHC năm 2024 và phương hướng thực hiện công tác CCHC năm 2025 … ' +
      'Thông tin, hướng dẫn tổ chức, cá nhân sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến thủ tục hành chính',
    forms:
      'Xây dựng các phóng sự, video clips, chuyên mục; tin, bài tuyên truyền CCHC nhà nước thành phố Hải Phòng, của Sở GDĐT năm 2025, của nhà trường tuyên truyền trên bảng tin, website nhà trường … ' +
      'Tuyên truyền qua các cuộc họp, hội nghị, sinh hoạt dưới cờ và các phương tiện khác. … ' +
      'Thông qua niêm yết công khai các thủ tục hành chính tại văn phòng. … ' +
      'Tuyên truyền bằng pano, áp phích về CCHC.',
    activities: null,
    budget: null,
    organisation:
      'Căn cứ kế hoạch của Sở GDĐT chủ động xây dựng kế hoạch tuyên truyền của nhà trường, tập trung chỉ đạo, tổ chức triển khai, kiểm tra thực hiện đạt hiệu quả, đúng tiến độ đề ra. … ' +
      'Công khai minh bạch các TTHC, quy trình giải quyết thuộc thẩm quyền giải quyết. … ' +
      'Bộ phận phụ trách công nghệ thông tin – truyền thông thường xuyên đăng tin bài về CCHC trên các phương tiện thông tin của nhà trường.',
  },
  targets: [],
  childScope: null,
  childPlansRequired: false,
  childPlanDeadline: null,
  executionWindow: { from: '2025-02', to: '2025-12' },
  reportSchedule: {
    reportTo: 'Sở GDĐT (phối hợp với Văn phòng Sở)',
    periods: [],
    notes:
      'báo cáo kết quả tuyên truyền CCHC theo quy định; Văn phòng nhà trường: Tổng hợp, báo cáo, đánh giá việc thực hiện theo đúng thời gian quy định. No periods or dates in the seed.',
  },
  internalParts: [
    'Ban giám hiệu',
    'Văn phòng nhà trường',
    'Bộ phận phụ trách công nghệ thông tin – truyền thông',
    'Công đoàn',
    'Đoàn trường',
    'Các tổ chuyên môn',
  ],
  notes: [
    'Real school in Vĩnh Bảo, Hải Phòng; placed under Sở GDĐT in the Bình Thuận demo tree only to use the seed as a fixture.',
    'Number and day of issue are blank; the seed prints "ngày tháng 02 năm 2025".',
    "The theme is the city of Hải Phòng's 2025 theme, quoted by the school.",
    'Execution window from the seed: "Từ tháng 02/2025 đến tháng 12/2025."',
    'School website cited by the seed: https://www.thptconghien.haiphong.edu.vn/',
    'No budget section and no quantitative targets.',
  ],
};

export const SEED_002_THCS_TRUONG_SON_2020: SeedPlan = {
  seedFile: '002_314fe1d1ef57e084.txt',
  number: 99,
  symbol: '99/KH-TrS',
  printedSymbol: '.99./KH-TrS',
  issuerName: 'Trường THCS Trường Sơn',
  issuerKind: 'school',
  issuerProvince: 'Hồ Chí Minh',
  demoUnitCode: 'BTH.PTH.PGDDT.THCS-TS',
  year: 2020,
  title: 'Tuyên truyền cải cách hành chính năm 2020',
  theme: null,
  issuePlace: 'Gò Vấp',
  issueDate: '2020-08-26',
  issueDateText: 'Gò Vấp, ngày 26 tháng 08 năm 2020',
  signer: { name: 'Đỗ Thị Thanh Huyền', title: null, signingForm: null, onBehalfOf: null },
  recipients: ['PGDDT Quận Gò Vấp', 'Lưu: VT'],
  parentPlanRef:
    'Quyết định 4825/QĐ-UBND ngày 27 tháng 12 năm 2018 của Ủy ban nhân dân quận Gò Vấp về ban hành Kế hoạch tăng cường công tác thông tin, tuyên truyền cải cách hành chính trên địa bàn quận Gò Vấp giai đoạn 2018 - 2020; ' +
    'Kế hoạch 1755/KH-GDDĐT ngày 28 tháng 12 năm 2018 của Phòng Giáo dục và Đào tạo tăng cường công tác thông tin, tuyên truyền cải cách hành chính giai đoạn 2018 - 2020',
  parentPlans: [
    { symbol: '4825/QĐ-UBND', date: '2018-12-27', issuer: 'Ủy ban nhân dân quận Gò Vấp' },
    { symbol: '1755/KH-GDDĐT', date: '2018-12-28', issuer: 'Phòng Giáo dục và Đào tạo' },
  ],
  sections: {
    purpose:
      'Công tác tuyên truyền phải thực hiện thường xuyên, liên tục, đổi mới, đa dạng các hình thức tuyên truyền. … ' +
      'vận động phụ huynh và tổ chức tích cực tham gia thực hiện dịch vụ công trực tuyến mức độ 3, 4',
    content:
      'Tuyên truyền, phổ biến sâu rộng về tầm quan trọng, ý nghĩa, mục tiêu, tác động và ảnh hưởng của cải cách hành chính đến sự phát triển kinh tế - xã hội của địa phương. … ' +
      'Các quan điểm, chủ trương, đường lối đổi mới của Đảng, chính sách và pháp luật của Nhà nước về cải cách hành chính.',
    forms:
      'Tuyên truyền qua các hội nghị, tập huấn, tọa đàm, hội thảo, phát hành các tài liệu tuyên truyền về cải cách hành chính hằng năm … ' +
      'các cuộc thi tìm hiểu về CCHC, đồng thời đưa tin trên các phương tiện thông tin đại chúng và trên Trang thông tin điện tử của cơ quan, đơn vị … ' +
      'Thực hiện niêm yết công khai các thủ tục hành chính được phân công phụ trách tại cơ quan và trên Trang thông tin điện tử của ngành.',
    activities: null,
    budget: null,
    organisation:
      'Kịp thời đôn đốc, nhắc nhở các bộ phận, cá nhân mình phụ trách nghiêm túc tổ chức thực hiện đầy đủ, kịp thời các nội dung công tác cải cách thủ tục hành chính … ' +
      'Báo cáo kịp thời tình hình, kết quả thực hiện thủ tục hành chính theo quy định (theo Quý, năm và đột xuất).',
  },
  targets: [],
  childScope: null,
  childPlansRequired: false,
  childPlanDeadline: null,
  executionWindow: null,
  reportSchedule: {
    reportTo: null,
    periods: [
      { period: 'quarter', dueBefore: null },
      { period: 'year', dueBefore: null },
      { period: 'ad-hoc', dueBefore: null },
    ],
    notes:
      'Báo cáo kịp thời tình hình, kết quả thực hiện thủ tục hành chính theo quy định (theo Quý, năm và đột xuất).',
  },
  internalParts: [],
  notes: [
    'Real school in quận Gò Vấp, TP. Hồ Chí Minh; placed under Phòng GDĐT Phan Thiết in the Bình Thuận demo tree only to use the seed as a fixture.',
    'Pre-2025 three-level chain: UBND quận → Phòng GDĐT → school. The first parent is a decision (QĐ), not a plan.',
    'The parent plan symbol is printed "1755/KH-GDDĐT" (sic); kept verbatim.',
    'The first section is numbered "III. MỤC TIÊU YÊU CẦU" and comes before II; the closing line names the Phòng GDĐT and the 2018 - 2020 period (copied from the parent plan).',
    'The text also mentions "Trường THCS Gò Vấp" once (copy slip).',
    'The signature block prints only the name; no title or signing form.',
  ],
};

/** All plan fixtures, in seed-file order. */
export const DEMO_PLANS: SeedPlan[] = [
  SEED_000_NAM_DINH_SGDDT_2024,
  SEED_001_BINH_THUAN_2024,
  SEED_002_THCS_TRUONG_SON_2020,
  SEED_003_LANG_SON_SLDTBXH_2023,
  SEED_004_THPT_CONG_HIEN_2025,
];

/** Finds a fixture by seed file name or its leading number ('001', '001_581e4daf63d91ab6.txt'). */
export function findDemoPlan(seed: string): SeedPlan | undefined {
  return DEMO_PLANS.find((p) => p.seedFile === seed || p.seedFile.startsWith(`${seed}_`));
}
