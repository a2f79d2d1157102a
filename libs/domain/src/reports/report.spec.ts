import { DomainError } from '../errors';
import {
  isIndicatorActive,
  NARRATIVE_KEYS,
  NARRATIVE_LABELS,
  validateNarrative,
  validateReportValues,
  type IndicatorDef,
} from './report';

const def = (code: string, over: Partial<IndicatorDef> = {}): IndicatorDef => ({
  code,
  name: code,
  unitOfMeasure: 'cái',
  aggregation: 'sum',
  category: 'other',
  valueType: 'integer',
  activeFromYear: 2020,
  activeToYear: null,
  ...over,
});

const CATALOGUE: IndicatorDef[] = [
  def('WEB_NEWS', { name: 'Tin, bài trên trang thông tin điện tử', unitOfMeasure: 'tin, bài', category: 'online' }),
  def('BUDGET', { name: 'Kinh phí', unitOfMeasure: 'triệu đồng', valueType: 'decimal' }),
  def('BANNERS', { name: 'Băng rôn, pa nô', category: 'traditional', activeToYear: 2023 }),
  def('TTHC_POSTED', { name: 'Thủ tục hành chính được niêm yết', aggregation: 'last', activeFromYear: 2024 }),
];

/** Runs `fn`, expects a DomainError and returns it. */
function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

const problemsOf = (fn: () => unknown) => (thrown(fn).details as { problems: Array<Record<string, string>> }).problems;

describe('narrative parts', () => {
  it('has the four parts of a Vietnamese periodic report, in order', () => {
    expect(NARRATIVE_KEYS).toEqual(['achievements', 'shortcomings', 'causes', 'proposals']);
    expect(NARRATIVE_KEYS.map((k) => NARRATIVE_LABELS[k])).toEqual([
      'Kết quả đạt được',
      'Tồn tại, hạn chế',
      'Nguyên nhân',
      'Đề xuất, kiến nghị',
    ]);
  });
});

describe('isIndicatorActive', () => {
  it('includes both bounds; null = still in use', () => {
    expect(isIndicatorActive(CATALOGUE[2], 2019)).toBe(false);
    expect(isIndicatorActive(CATALOGUE[2], 2020)).toBe(true);
    expect(isIndicatorActive(CATALOGUE[2], 2023)).toBe(true);
    expect(isIndicatorActive(CATALOGUE[2], 2024)).toBe(false);
    expect(isIndicatorActive(CATALOGUE[0], 2099)).toBe(true);
  });
});

describe('validateReportValues', () => {
  it('returns the values when all are valid (decimals allowed for decimal indicators)', () => {
    expect(validateReportValues({ WEB_NEWS: 12, BUDGET: 3.5, TTHC_POSTED: 0 }, CATALOGUE, 2024)).toEqual({
      WEB_NEWS: 12,
      BUDGET: 3.5,
      TTHC_POSTED: 0,
    });
    expect(validateReportValues({}, CATALOGUE, 2024)).toEqual({});
  });

  it('stores -0 as 0', () => {
    expect(Object.is(validateReportValues({ WEB_NEWS: -0 }, CATALOGUE, 2024).WEB_NEWS, 0)).toBe(true);
  });

  it('accepts exactly 1e12 and an indicator in its last active year', () => {
    expect(validateReportValues({ WEB_NEWS: 1e12, BANNERS: 4 }, CATALOGUE, 2023)).toEqual({
      WEB_NEWS: 1e12,
      BANNERS: 4,
    });
  });

  it('reports every problem at once, in key order, in one validation error', () => {
    const values = { WEB_NEWS: '12', BUDGET: -1, BANNERS: 4, UNKNOWN: 1, TTHC_POSTED: 2.5, ok: undefined };
    const e = thrown(() =>
      validateReportValues(
        { ...values, WEB_NEWS_OK: 1 } as Record<string, unknown>,
        [...CATALOGUE, def('WEB_NEWS_OK')],
        2024,
      ),
    );
    expect(e.kind).toBe('validation');
    expect(e.code).toBe('report.invalid_values');
    expect(e.message).toBe('Số liệu báo cáo không hợp lệ');
    const problems = (e.details as { problems: Array<{ indicatorCode: string; code: string; message: string }> })
      .problems;
    expect(problems.map((p) => [p.indicatorCode, p.code])).toEqual([
      ['WEB_NEWS', 'not_a_number'],
      ['BUDGET', 'negative'],
      ['BANNERS', 'inactive_indicator'],
      ['UNKNOWN', 'unknown_indicator'],
      ['TTHC_POSTED', 'not_integer'],
      ['ok', 'unknown_indicator'],
    ]);
    expect(problems[0].message).toBe('Giá trị của chỉ tiêu "Tin, bài trên trang thông tin điện tử" phải là một số');
    expect(problems[2].message).toBe('Chỉ tiêu "Băng rôn, pa nô" không áp dụng trong năm 2024');
    expect(problems[3].message).toBe('Chỉ tiêu "UNKNOWN" không có trong danh mục');
  });

  it('refuses anything but a finite number, without coercion', () => {
    const bad = ['5', null, NaN, Infinity, -Infinity, true, {}, [3]];
    for (const v of bad) {
      expect(problemsOf(() => validateReportValues({ WEB_NEWS: v }, CATALOGUE, 2024))).toEqual([
        expect.objectContaining({ indicatorCode: 'WEB_NEWS', code: 'not_a_number' }),
      ]);
    }
  });

  it('reports each range problem of one value: -1.5 on a count is negative and not whole', () => {
    expect(problemsOf(() => validateReportValues({ WEB_NEWS: -1.5 }, CATALOGUE, 2024)).map((p) => p.code)).toEqual([
      'negative',
      'not_integer',
    ]);
  });

  it('refuses values above 1e12', () => {
    expect(
      problemsOf(() => validateReportValues({ BUDGET: 1e12 + 0.5, WEB_NEWS: 2e12 }, CATALOGUE, 2024)).map((p) => [
        p.indicatorCode,
        p.code,
      ]),
    ).toEqual([
      ['BUDGET', 'too_large'],
      ['WEB_NEWS', 'too_large'],
    ]);
  });

  it('knows when an indicator starts: TTHC_POSTED is not reported in 2023', () => {
    expect(problemsOf(() => validateReportValues({ TTHC_POSTED: 3 }, CATALOGUE, 2023))).toEqual([
      expect.objectContaining({ indicatorCode: 'TTHC_POSTED', code: 'inactive_indicator' }),
    ]);
  });

  it('refuses input that is not an object', () => {
    for (const v of [null, [], 'x']) {
      expect(problemsOf(() => validateReportValues(v as unknown as Record<string, unknown>, CATALOGUE, 2024))).toEqual([
        expect.objectContaining({ indicatorCode: '', code: 'not_an_object' }),
      ]);
    }
  });

  it('does not mistake Object.prototype names for indicators', () => {
    expect(
      problemsOf(() => validateReportValues({ constructor: 1, toString: 2 }, CATALOGUE, 2024)).map((p) => p.code),
    ).toEqual(['unknown_indicator', 'unknown_indicator']);
  });
});

describe('validateNarrative', () => {
  it('returns the known parts as given; undefined parts are absent', () => {
    expect(validateNarrative({ achievements: ' Đăng 64 tin, bài ', causes: '', proposals: undefined })).toEqual({
      achievements: ' Đăng 64 tin, bài ',
      causes: '',
    });
    expect(validateNarrative({})).toEqual({});
  });

  it('allows 20,000 characters, counted in code points', () => {
    expect(validateNarrative({ shortcomings: 'ệ'.repeat(20_000) }).shortcomings).toHaveLength(20_000);
    const astral = '𝐀'.repeat(20_000); // 40,000 UTF-16 units, 20,000 characters
    expect(validateNarrative({ shortcomings: astral }).shortcomings).toBe(astral);
  });

  it('reports every problem at once', () => {
    const e = thrown(() =>
      validateNarrative({ foo: 'x', causes: 5, proposals: null, achievements: 'a'.repeat(20_001), shortcomings: 'ok' }),
    );
    expect(e.kind).toBe('validation');
    expect(e.code).toBe('report.invalid_narrative');
    const problems = (e.details as { problems: Array<{ key: string; code: string; message: string }> }).problems;
    expect(problems.map((p) => [p.key, p.code])).toEqual([
      ['foo', 'unknown_key'],
      ['causes', 'not_a_string'],
      ['proposals', 'not_a_string'],
      ['achievements', 'too_long'],
    ]);
    expect(problems[3].message).toBe('Mục "Kết quả đạt được" dài quá 20.000 ký tự');
  });

  it('refuses input that is not an object', () => {
    for (const v of [null, undefined, 'text', [], 3]) {
      expect(thrown(() => validateNarrative(v)).details).toEqual({
        problems: [expect.objectContaining({ key: '', code: 'not_an_object' })],
      });
    }
  });
});
