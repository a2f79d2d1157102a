// Indicator catalogue (DOMAIN.md §6): what units count in their CCHC propaganda reports.
// `category` feeds the diversity-of-forms score (DOMAIN §8: online/IT channels vs traditional forms).

export type IndicatorAggregation = 'sum' | 'max' | 'avg' | 'last';
export type IndicatorCategory = 'online' | 'traditional' | 'other';
export type IndicatorValueType = 'integer' | 'decimal';

export interface SeedIndicator {
  code: string;
  name: string;
  unitOfMeasure: string;
  aggregation: IndicatorAggregation;
  category: IndicatorCategory;
  valueType: IndicatorValueType;
}

export const INDICATORS: SeedIndicator[] = [
  // ── Online / IT channels ────────────────────────────────────────────────────────────────────────
  {
    // Seed 001 §III.1.b (≥05/tháng), seed 003 §III.1 (≥04/tháng)
    code: 'WEB_NEWS',
    name: 'Tin, bài về cải cách hành chính đăng trên trang thông tin điện tử của cơ quan, đơn vị',
    unitOfMeasure: 'tin, bài',
    aggregation: 'sum',
    category: 'online',
    valueType: 'integer',
  },
  {
    // Seed 001 §III.1.d, §III.6 (≥02/tháng)
    code: 'PORTAL_NEWS',
    name: 'Tin, bài về cải cách hành chính đăng trên Cổng thông tin điện tử của tỉnh',
    unitOfMeasure: 'tin, bài',
    aggregation: 'sum',
    category: 'online',
    valueType: 'integer',
  },
  {
    // Seeds 003, 004, 000: Zalo, Facebook
    code: 'SOCIAL_POSTS',
    name: 'Tin, bài về cải cách hành chính đăng trên mạng xã hội (Zalo, Facebook…)',
    unitOfMeasure: 'tin, bài',
    aggregation: 'sum',
    category: 'online',
    valueType: 'integer',
  },
  {
    // Seed 001 §II.3.đ, seed 004 §II.2
    code: 'VIDEO_CLIPS',
    name: 'Video clip, phóng sự tuyên truyền về cải cách hành chính',
    unitOfMeasure: 'sản phẩm',
    aggregation: 'sum',
    category: 'online',
    valueType: 'integer',
  },

  // ── Traditional forms ───────────────────────────────────────────────────────────────────────────
  {
    // Seed 001 §III.1.c: ≥01 tin, bài/tuần on district and commune radio
    code: 'RADIO_ITEMS',
    name: 'Tin, bài về cải cách hành chính phát trên hệ thống truyền thanh',
    unitOfMeasure: 'tin, bài',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    // Seed 001 §III.7: Đài PT-TH ≥01 lần/tuần
    code: 'TV_PROGRAMMES',
    name: 'Chương trình, chuyên mục về cải cách hành chính phát sóng trên phát thanh, truyền hình',
    unitOfMeasure: 'chương trình',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    // Seed 001 §II.3.đ, §III.8: báo, tạp chí, bản tin
    code: 'PRESS_ARTICLES',
    name: 'Tin, bài về cải cách hành chính trên báo, tạp chí, bản tin',
    unitOfMeasure: 'tin, bài',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    // Seed 001 §II.3.c, §III.2.b; seed 003 §II.2
    code: 'CONFERENCES',
    name: 'Hội nghị, lớp tập huấn có nội dung tuyên truyền cải cách hành chính',
    unitOfMeasure: 'buổi',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    code: 'CONFERENCE_PARTICIPANTS',
    name: 'Người tham dự hội nghị, lớp tập huấn về cải cách hành chính',
    unitOfMeasure: 'lượt người',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    // Seed 001 §III.2.c; seeds 003, 004 (joining contests)
    code: 'CONTESTS_HELD',
    name: 'Cuộc thi tìm hiểu về cải cách hành chính được tổ chức',
    unitOfMeasure: 'cuộc thi',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    code: 'CONTEST_PARTICIPANTS',
    name: 'Người tham gia các cuộc thi tìm hiểu về cải cách hành chính',
    unitOfMeasure: 'lượt người',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    code: 'BANNERS',
    name: 'Băng rôn, khẩu hiệu tuyên truyền cải cách hành chính',
    unitOfMeasure: 'cái',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    code: 'POSTERS_PANELS',
    name: 'Áp phích, pa nô tuyên truyền cải cách hành chính',
    unitOfMeasure: 'cái',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    code: 'LEAFLETS',
    name: 'Tờ rơi, tài liệu tuyên truyền cải cách hành chính được phát hành',
    unitOfMeasure: 'tờ',
    aggregation: 'sum',
    category: 'traditional',
    valueType: 'integer',
  },
  {
    // Seed 001 §II.3.b, seed 003 §II.2, seed 004 §II.2. A stock, not a flow: the number of procedures posted
    // at the end of the period, so over time the latest value counts ('last'). Across units it is still a
    // count that adds up; the roll-up engine decides how 'last' combines across units.
    code: 'TTHC_POSTED',
    name: 'Thủ tục hành chính được niêm yết công khai tại trụ sở',
    unitOfMeasure: 'thủ tục',
    aggregation: 'last',
    category: 'traditional',
    valueType: 'integer',
  },

  // ── Other ───────────────────────────────────────────────────────────────────────────────────────
  {
    // Seed 001 §V, seed 000 §IV
    code: 'BUDGET_SPENT',
    name: 'Kinh phí thực hiện thông tin, tuyên truyền cải cách hành chính',
    unitOfMeasure: 'triệu đồng',
    aggregation: 'sum',
    category: 'other',
    valueType: 'decimal',
  },
];

export const INDICATOR_CODES = INDICATORS.map((i) => i.code);

export function findIndicator(code: string): SeedIndicator | undefined {
  return INDICATORS.find((i) => i.code === code);
}
