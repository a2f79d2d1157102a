import fc from 'fast-check';
import { DomainError } from '../errors';
import { completeness, IndicatorDef, propagandaScore, targetsVsActuals, validateNarrative, validateReportValues } from './rules';

const def = (code: string, over: Partial<IndicatorDef> = {}): IndicatorDef => ({
  code,
  name: code,
  unitOfMeasure: 'tin, bài',
  aggregation: 'sum',
  category: 'online',
  valueType: 'integer',
  activeFromYear: 2000,
  activeToYear: null,
  ...over,
});
const CATALOGUE = [def('WEB_NEWS'), def('RADIO_ITEMS', { category: 'traditional' }), def('BUDGET_SPENT', { valueType: 'decimal', category: 'other' }), def('OLD', { activeToYear: 2022 })];

describe('report values', () => {
  it('accepts valid values', () => {
    expect(validateReportValues({ WEB_NEWS: 16, BUDGET_SPENT: 12.5 }, CATALOGUE, 2024)).toEqual({ WEB_NEWS: 16, BUDGET_SPENT: 12.5 });
  });

  it('lists every problem at once', () => {
    try {
      validateReportValues({ WEB_NEWS: -1, NOPE: 1, RADIO_ITEMS: 1.5, BUDGET_SPENT: 'x', OLD: 3 }, CATALOGUE, 2024);
      throw new Error('expected refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const problems = (e as DomainError).details!.problems as Array<{ indicatorCode: string; code: string }>;
      expect(problems.map((p) => `${p.indicatorCode}:${p.code}`)).toEqual([
        'WEB_NEWS:negative',
        'NOPE:unknown_indicator',
        'RADIO_ITEMS:not_integer',
        'BUDGET_SPENT:not_a_number',
        'OLD:inactive_indicator',
      ]);
    }
  });

  it('checks the narrative parts', () => {
    expect(validateNarrative({ achievements: 'Đã đăng 16 tin, bài' })).toEqual({ achievements: 'Đã đăng 16 tin, bài' });
    expect(() => validateNarrative({ summary: 'x' })).toThrow(DomainError);
    expect(() => validateNarrative({ causes: 3 })).toThrow(DomainError);
  });
});

describe('completeness', () => {
  it('counts a mixed set by hand', () => {
    const c = completeness([
      { status: 'approved', submittedOnTime: true, overdue: false },
      { status: 'approved', submittedOnTime: false, overdue: true },
      { status: 'returned', submittedOnTime: true, overdue: false },
      { status: 'submitted', submittedOnTime: true, overdue: false },
      { status: 'pending', submittedOnTime: null, overdue: true },
      { status: 'draft', submittedOnTime: null, overdue: false },
    ]);
    expect(c).toEqual({ expected: 6, submitted: 4, accepted: 2, returned: 1, missing: 2, onTime: 3, lateSubmitted: 1, lateMissing: 1, late: 2 });
  });

  it('always has expected = submitted + missing and accepted ≤ submitted', () => {
    const row = fc.record({
      status: fc.constantFrom('pending', 'draft', 'submitted', 'returned', 'approved' as const),
      onTime: fc.boolean(),
      overdue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), (rows) => {
        // a consistent history: anything past draft has been submitted once
        const snapshots = rows.map((r) => ({
          status: r.status as 'pending' | 'draft' | 'submitted' | 'returned' | 'approved',
          submittedOnTime: r.status === 'pending' || r.status === 'draft' ? null : r.onTime,
          overdue: r.overdue,
        }));
        const c = completeness(snapshots);
        expect(c.expected).toBe(c.submitted + c.missing);
        expect(c.accepted).toBeLessThanOrEqual(c.submitted);
        expect(c.onTime + c.lateSubmitted).toBe(c.submitted);
      }),
    );
  });
});

describe('targets against actuals', () => {
  const targets = [
    { indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' as const },
    { indicatorCode: 'RADIO_ITEMS', amount: 1, basis: 'week' as const, unitKinds: ['district' as const, 'commune' as const] },
  ];

  it('puts targets on the period basis and keeps only those that bind the unit', () => {
    const school = { id: 's', kind: 'school' as const };
    expect(targetsVsActuals(targets, { WEB_NEWS: 16 }, 'Q1', school)).toEqual([
      { indicatorCode: 'WEB_NEWS', basis: 'month', amountPerBasis: 5, target: 15, actual: 16, ratio: 16 / 15, met: true },
    ]);
    expect(targetsVsActuals(targets, {}, 'YEAR', school)[0]).toMatchObject({ target: 60, actual: 0, met: false });
    const commune = { id: 'c', kind: 'commune' as const };
    expect(targetsVsActuals(targets, { RADIO_ITEMS: 52 }, 'YEAR', commune)[1]).toMatchObject({ target: 52, met: true });
  });

  it('scores plan completion and diversity', () => {
    const results = targetsVsActuals(targets.slice(0, 1), { WEB_NEWS: 60, RADIO_ITEMS: 3 }, 'YEAR', { id: 'x', kind: 'school' });
    expect(propagandaScore(results, { WEB_NEWS: 60, RADIO_ITEMS: 3 }, CATALOGUE)).toEqual({ planCompletion: 1, diversity: 1, total: 2, max: 2 });
    const none = targetsVsActuals(targets.slice(0, 1), { WEB_NEWS: 0 }, 'YEAR', { id: 'x', kind: 'school' });
    expect(propagandaScore(none, { WEB_NEWS: 0 }, CATALOGUE)).toEqual({ planCompletion: 0, diversity: 0, total: 0, max: 2 });
  });
});
