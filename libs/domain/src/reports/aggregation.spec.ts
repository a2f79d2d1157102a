import fc from 'fast-check';
import { DomainError } from '../errors';
import { OBLIGATION_STATUSES } from '../obligations/obligation';
import type { PlanTarget } from '../plans/plan';
import {
  aggregateOf,
  combine,
  completeness,
  finishAggregate,
  mergeAggregates,
  rollupFromAggregates,
  propagandaScore,
  rollupFacts,
  targetAppliesTo,
  targetsVsActuals,
  type ObligationSnapshot,
  type ReportFact,
  type TargetVsActual,
} from './aggregation';
import type { IndicatorDef } from './report';

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
  def('WEB_NEWS', { name: 'Tin, bài trên trang thông tin điện tử', category: 'online' }),
  def('SOCIAL_POSTS', { name: 'Bài đăng Zalo, Facebook', category: 'online' }),
  def('BANNERS', { name: 'Băng rôn, pa nô', category: 'traditional' }),
  def('CONFERENCES', { name: 'Hội nghị, tập huấn', category: 'traditional' }),
  def('BUDGET', { name: 'Kinh phí', valueType: 'decimal' }),
  def('TTHC_POSTED', { name: 'Thủ tục hành chính được niêm yết', aggregation: 'last' }),
  def('LARGEST_EVENT', { name: 'Số người dự hội nghị đông nhất', aggregation: 'max' }),
  def('SATISFACTION', { name: 'Tỷ lệ hài lòng', aggregation: 'avg', valueType: 'decimal' }),
];

describe('combine', () => {
  it.each([
    ['sum', [1, 2, 3], 6],
    ['sum', [], 0],
    ['max', [3, 7, 2], 7],
    ['max', [-3, -1], -1],
    ['avg', [1, 2, 6], 3],
    ['last', [5, 9, 4], 4],
    ['max', [], null],
    ['avg', [], null],
    ['last', [], null],
  ] as const)('%s of %j = %p', (rule, values, expected) => {
    expect(combine(rule, [...values])).toBe(expected);
  });

  it('refuses an unknown rule', () => {
    expect(() => combine('median' as 'sum', [1])).toThrow(DomainError);
  });
});

describe('rollupFacts', () => {
  const f = (
    unitId: string,
    indicatorCode: string,
    value: number,
    state: ReportFact['state'] = 'accepted',
  ): ReportFact => ({
    unitId,
    indicatorCode,
    value,
    state,
  });

  it('applies each rule and keeps submitted-only values apart', () => {
    const facts = [
      f('u1', 'WEB_NEWS', 10),
      f('u2', 'WEB_NEWS', 5),
      f('u3', 'WEB_NEWS', 7, 'submitted'),
      f('u1', 'TTHC_POSTED', 40),
      f('u1', 'TTHC_POSTED', 42), // u1's later level: last wins within the unit
      f('u2', 'TTHC_POSTED', 30), // across units the levels add up: 42 + 30
      f('u1', 'LARGEST_EVENT', 120),
      f('u2', 'LARGEST_EVENT', 300),
      f('u1', 'SATISFACTION', 80),
      f('u2', 'SATISFACTION', 90),
      f('u3', 'SATISFACTION', 70, 'submitted'),
    ];
    expect(rollupFacts(facts, CATALOGUE)).toEqual({
      accepted: { WEB_NEWS: 15, TTHC_POSTED: 72, LARGEST_EVENT: 300, SATISFACTION: 85 },
      submittedOnly: { WEB_NEWS: 7, SATISFACTION: 70 },
    });
  });

  it('leaves indicators without facts out (not 0)', () => {
    expect(rollupFacts([], CATALOGUE)).toEqual({ accepted: {}, submittedOnly: {} });
    expect(rollupFacts([f('u1', 'BUDGET', 2.5)], CATALOGUE)).toEqual({ accepted: { BUDGET: 2.5 }, submittedOnly: {} });
  });

  it('refuses a fact whose indicator is not in the catalogue', () => {
    expect(() => rollupFacts([f('u1', 'GONE', 1)], CATALOGUE)).toThrow(
      expect.objectContaining({ code: 'report.unknown_indicator' }),
    );
  });
});

describe('completeness', () => {
  const row = (
    unitId: string,
    status: ObligationSnapshot['status'],
    submittedOnTime: boolean | null,
    overdue: boolean,
  ): ObligationSnapshot => ({
    unitId,
    status,
    submittedOnTime,
    overdue,
  });

  it('counts a mixed list (worked out by hand)', () => {
    const rows = [
      row('a', 'approved', true, false), //  submitted, accepted, on time
      row('b', 'approved', false, false), // submitted, accepted, late
      row('c', 'submitted', true, false), // submitted, on time
      row('d', 'returned', false, false), // submitted, returned, late
      row('e', 'draft', null, true), //      missing, overdue
      row('f', 'pending', null, false), //   missing, not yet due
      row('g', 'pending', null, true), //    missing, overdue
      row('h', 'submitted', null, false), // submitted, timeliness not recorded
    ];
    expect(completeness(rows)).toEqual({
      expected: 8,
      submitted: 5,
      accepted: 2,
      returned: 1,
      missing: 3,
      onTime: 2,
      lateSubmitted: 2,
      lateMissing: 2,
      late: 4,
    });
  });

  it('counts a row with a recorded submission as submitted whatever its status', () => {
    expect(completeness([row('x', 'draft', false, true)])).toMatchObject({
      submitted: 1,
      missing: 0,
      lateSubmitted: 1,
      lateMissing: 0,
      late: 1,
    });
  });

  it('counts a grouped row as `count` obligations (worked out by hand)', () => {
    const grouped = [
      { ...row('-', 'approved', true, false), count: 120 },
      { ...row('-', 'returned', false, true), count: 7 },
      { ...row('-', 'pending', null, true), count: 30 },
      { ...row('-', 'draft', null, false), count: 3 },
    ];
    expect(completeness(grouped)).toEqual({
      expected: 160,
      submitted: 127,
      accepted: 120,
      returned: 7,
      missing: 33,
      onTime: 120,
      lateSubmitted: 7,
      lateMissing: 30,
      late: 37,
    });
  });

  it('is all zeros for no rows', () => {
    expect(completeness([])).toEqual({
      expected: 0,
      submitted: 0,
      accepted: 0,
      returned: 0,
      missing: 0,
      onTime: 0,
      lateSubmitted: 0,
      lateMissing: 0,
      late: 0,
    });
  });

  it('always adds up: expected = submitted + missing, accepted ≤ submitted (property)', () => {
    const snapshot = fc.record({
      unitId: fc.string(),
      status: fc.constantFrom(...OBLIGATION_STATUSES),
      submittedOnTime: fc.constantFrom(true, false, null),
      overdue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 50 }), (rows) => {
        const c = completeness(rows);
        expect(c.expected).toBe(rows.length);
        expect(c.submitted + c.missing).toBe(c.expected);
        expect(c.accepted).toBeLessThanOrEqual(c.submitted);
        expect(c.accepted + c.returned).toBeLessThanOrEqual(c.submitted);
        expect(c.onTime + c.lateSubmitted).toBeLessThanOrEqual(c.submitted);
        expect(c.lateMissing).toBeLessThanOrEqual(c.missing);
        expect(c.late).toBe(c.lateSubmitted + c.lateMissing);
        for (const v of Object.values(c)) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('gives the same counts for rows grouped with a count as for the rows one by one (property)', () => {
    const group = fc.record({
      status: fc.constantFrom(...OBLIGATION_STATUSES),
      submittedOnTime: fc.constantFrom(true, false, null),
      overdue: fc.boolean(),
      count: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 20 }), (groups) => {
        const oneByOne = groups.flatMap(({ count, ...g }) => Array.from({ length: count }, () => g));
        expect(completeness(groups)).toEqual(completeness(oneByOne));
      }),
    );
  });
});

describe('targetsVsActuals', () => {
  const news: PlanTarget = { indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' };
  const communeDistrict: PlanTarget = {
    indicatorCode: 'CONFERENCES',
    amount: 2,
    basis: 'quarter',
    unitKinds: ['district', 'commune'],
  };
  const namedSchool: PlanTarget = { indicatorCode: 'TTHC_POSTED', amount: 1, basis: 'year', unitIds: ['school-7'] };
  const commune = { id: 'xa-1', kind: 'commune' as const };

  it.each([
    ['Q1', 15],
    ['H1', 30],
    ['Q3', 15],
    ['YEAR', 60],
  ] as const)('5 tin, bài a month is %s target %d', (period, target) => {
    const [r] = targetsVsActuals([news], { WEB_NEWS: 20 }, period, commune);
    expect(r).toEqual({
      indicatorCode: 'WEB_NEWS',
      basis: 'month',
      amountPerBasis: 5,
      target,
      actual: 20,
      ratio: 20 / target,
      met: 20 >= target,
    });
  });

  it('1 a week is 13 a quarter', () => {
    expect(
      targetsVsActuals([{ indicatorCode: 'SOCIAL_POSTS', amount: 1, basis: 'week' }], {}, 'Q1', commune)[0].target,
    ).toBe(13);
  });

  it('gives a unit only the targets that bind it', () => {
    const targets = [news, communeDistrict, namedSchool];
    const codes = (unit: { id: string; kind: 'school' | 'commune' | 'district' }) =>
      targetsVsActuals(targets, {}, 'YEAR', unit).map((r) => r.indicatorCode);
    expect(codes({ id: 'school-1', kind: 'school' })).toEqual(['WEB_NEWS']);
    expect(codes({ id: 'xa-1', kind: 'commune' })).toEqual(['WEB_NEWS', 'CONFERENCES']);
    expect(codes({ id: 'huyen-1', kind: 'district' })).toEqual(['WEB_NEWS', 'CONFERENCES']);
    expect(codes({ id: 'school-7', kind: 'school' })).toEqual(['WEB_NEWS', 'TTHC_POSTED']);
  });

  it('treats empty unitKinds and unitIds as "every unit"', () => {
    expect(targetAppliesTo({ ...news, unitKinds: [], unitIds: [] }, { id: 's', kind: 'school' })).toBe(true);
  });

  it('counts an absent actual as 0 and a zero target as met with no ratio', () => {
    const rows = targetsVsActuals([news, { indicatorCode: 'BANNERS', amount: 0, basis: 'year' }], {}, 'Q1', commune);
    expect(rows.map((r) => [r.actual, r.ratio, r.met])).toEqual([
      [0, 0, false],
      [0, null, true],
    ]);
  });

  it('absorbs float error: 0.1 a month over Q1 is met by 0.3', () => {
    const [r] = targetsVsActuals(
      [{ indicatorCode: 'BUDGET', amount: 0.1, basis: 'month' }],
      { BUDGET: 0.3 },
      'Q1',
      commune,
    );
    expect(r.target).toBeCloseTo(0.3, 12);
    expect(r.met).toBe(true);
    const [under] = targetsVsActuals(
      [{ indicatorCode: 'BUDGET', amount: 0.1, basis: 'month' }],
      { BUDGET: 0.29 },
      'Q1',
      commune,
    );
    expect(under.met).toBe(false);
  });

  it('refuses an invalid target amount', () => {
    expect(() => targetsVsActuals([{ ...news, amount: -1 }], {}, 'Q1', commune)).toThrow(DomainError);
  });
});

describe('propagandaScore', () => {
  const commune = { id: 'xa-1', kind: 'commune' as const };
  const targets: PlanTarget[] = [
    { indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }, // 60 a year
    { indicatorCode: 'BANNERS', amount: 2, basis: 'quarter' }, // 8 a year
    { indicatorCode: 'CONFERENCES', amount: 1, basis: 'year', unitKinds: ['district'] }, // not the commune's
  ];

  it('scores 2 when every target is met and both kinds of form were used', () => {
    const actuals = { WEB_NEWS: 64, BANNERS: 8 };
    const rows = targetsVsActuals(targets, actuals, 'YEAR', commune);
    expect(propagandaScore(rows, actuals, CATALOGUE)).toEqual({
      targetsMet: 2,
      targetsSet: 2,
      hasOnline: true,
      hasTraditional: true,
      planCompletion: 1,
      diversity: 1,
      total: 2,
      max: 2,
    });
  });

  it('scores 0.5 with no target met and online forms only', () => {
    const actuals = { WEB_NEWS: 50, BANNERS: 0 };
    const rows = targetsVsActuals(targets, actuals, 'YEAR', commune);
    expect(propagandaScore(rows, actuals, CATALOGUE)).toMatchObject({
      targetsMet: 0,
      targetsSet: 2,
      hasOnline: true,
      hasTraditional: false,
      planCompletion: 0,
      diversity: 0.5,
      total: 0.5,
    });
  });

  const rowsMet = (met: number, set: number): TargetVsActual[] =>
    Array.from({ length: set }, (_, i) => ({
      indicatorCode: `I${i}`,
      basis: 'year',
      amountPerBasis: 1,
      target: 1,
      actual: i < met ? 1 : 0,
      ratio: i < met ? 1 : 0,
      met: i < met,
    }));

  it('gives 0.9 for 9 of 10 targets met and 0 for 8 of 10', () => {
    expect(propagandaScore(rowsMet(9, 10), { CONFERENCES: 1 }, CATALOGUE)).toMatchObject({
      planCompletion: 0.9,
      diversity: 0.5,
      total: 1.4,
    });
    expect(propagandaScore(rowsMet(8, 10), {}, CATALOGUE)).toMatchObject({ planCompletion: 0, diversity: 0, total: 0 });
  });

  it('does not count "other" indicators as a form, nor actuals outside the catalogue', () => {
    expect(propagandaScore([], { BUDGET: 100, UNLISTED: 5 }, CATALOGUE)).toMatchObject({
      targetsSet: 0,
      planCompletion: 0,
      hasOnline: false,
      hasTraditional: false,
      diversity: 0,
    });
  });
});

describe('one rollup definition: aggregates merged, then finished by rule', () => {
  // A 3-level tree: the province P (own values) → departments D1, D2 (own values) → schools S1, S2 under D1.
  // Satisfaction (avg) and largest event (max) reported by every unit; computed by hand below.
  const facts: ReportFact[] = [
    { unitId: 'P', indicatorCode: 'SATISFACTION', value: 90, state: 'accepted' },
    { unitId: 'D1', indicatorCode: 'SATISFACTION', value: 80, state: 'accepted' },
    { unitId: 'D2', indicatorCode: 'SATISFACTION', value: 70, state: 'accepted' },
    { unitId: 'S1', indicatorCode: 'SATISFACTION', value: 60, state: 'accepted' },
    { unitId: 'S2', indicatorCode: 'SATISFACTION', value: 100, state: 'accepted' },
    { unitId: 'P', indicatorCode: 'LARGEST_EVENT', value: 120, state: 'accepted' },
    { unitId: 'D1', indicatorCode: 'LARGEST_EVENT', value: 300, state: 'accepted' },
    { unitId: 'S2', indicatorCode: 'LARGEST_EVENT', value: 450, state: 'accepted' },
    { unitId: 'D2', indicatorCode: 'LARGEST_EVENT', value: 200, state: 'accepted' },
  ];

  it("an average is over all units, not the average of the subtrees' averages", () => {
    // (90 + 80 + 70 + 60 + 100) / 5 = 80; the wrong "avg of D1-subtree avg (80), D2 (70) and P (90)" would be 80 too,
    // so check the D1 subtree alone: (80 + 60 + 100) / 3 = 80, and D1 + S1 only: (80 + 60) / 2 = 70.
    expect(rollupFacts(facts, CATALOGUE).accepted.SATISFACTION).toBe(80);
    const d1Subtree = facts.filter((f) => ['D1', 'S1', 'S2'].includes(f.unitId));
    expect(rollupFacts(d1Subtree, CATALOGUE).accepted.SATISFACTION).toBeCloseTo(80, 10);
    // merging the own value (P: 90) with the children's aggregates must equal the whole tree's average
    const children = aggregateOf([80, 70, 60, 100]);
    expect(finishAggregate('avg', mergeAggregates(aggregateOf([90]), children))).toBe(80);
    // whereas adding own and subtree values (the old "own + subtree") would give 90 + 77.5
    expect(finishAggregate('avg', children)).toBe(77.5);
  });

  it('a max is the largest over units, own value included, never a sum', () => {
    expect(rollupFacts(facts, CATALOGUE).accepted.LARGEST_EVENT).toBe(450);
    const own = aggregateOf([120]);
    const below = aggregateOf([300, 450, 200]);
    expect(finishAggregate('max', mergeAggregates(own, below))).toBe(450);
  });

  it('sums and levels ("last") add up across units', () => {
    expect(finishAggregate('sum', aggregateOf([1, 2, 3]))).toBe(6);
    expect(finishAggregate('last', aggregateOf([10, 20]))).toBe(30);
  });

  it('rows of the same indicator and state merge before finishing; states stay apart', () => {
    const r = rollupFromAggregates(
      [
        { code: 'SATISFACTION', state: 'accepted', sum: 150, count: 2, max: 90 },
        { code: 'SATISFACTION', state: 'accepted', sum: 90, count: 2, max: 50 },
        { code: 'SATISFACTION', state: 'submitted', sum: 10, count: 1, max: 10 },
        { code: 'LARGEST_EVENT', state: 'accepted', sum: 300, count: 2, max: 200 },
      ],
      CATALOGUE,
    );
    expect(r).toEqual({ accepted: { SATISFACTION: 60, LARGEST_EVENT: 200 }, submittedOnly: { SATISFACTION: 10 } });
  });

  it('refuses an indicator outside the catalogue', () => {
    expect(() =>
      rollupFromAggregates([{ code: 'GONE', state: 'accepted', sum: 1, count: 1, max: 1 }], CATALOGUE),
    ).toThrow(DomainError);
  });
});
