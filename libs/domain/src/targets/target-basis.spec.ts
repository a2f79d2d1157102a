import { DomainError } from '../errors';
import {
  convertTarget,
  diversityScore,
  parPropagandaScore,
  planCompletionScore,
  targetForMonths,
  targetForPeriod,
} from './target-basis';

describe('convertTarget', () => {
  it.each([
    [5, 'month', 'quarter', 15],
    [5, 'month', 'year', 60],
    [1, 'week', 'year', 52],
    [1, 'week', 'quarter', 13],
    [12, 'week', 'month', 52],
    [60, 'year', 'month', 5],
    [8, 'quarter', 'year', 32],
    [4, 'month', 'month', 4],
  ] as const)('%d per %s = %d per %s', (amount, from, to, expected) => {
    expect(convertTarget(amount, from, to)).toBe(expected);
  });

  it('does not round: 1/week is 52/12 a month', () => {
    expect(convertTarget(1, 'week', 'month')).toBeCloseTo(4.3333, 4);
  });

  it('refuses negative or non-finite amounts and unknown bases', () => {
    expect(() => convertTarget(-1, 'month', 'year')).toThrow(DomainError);
    expect(() => convertTarget(Number.NaN, 'month', 'year')).toThrow(DomainError);
    expect(() => convertTarget(1, 'day' as never, 'year')).toThrow(DomainError);
  });
});

describe('targetForPeriod', () => {
  it.each([
    [5, 'month', 'Q1', 15],
    [5, 'month', 'H1', 30],
    [5, 'month', 'Q3', 15],
    [5, 'month', 'YEAR', 60],
    [1, 'week', 'Q1', 13],
    [1, 'week', 'H1', 26],
    [1, 'week', 'YEAR', 52],
    [60, 'year', 'Q3', 15],
  ] as const)('%d per %s over %s = %d', (amount, basis, period, expected) => {
    expect(targetForPeriod(amount, basis, period)).toBe(expected);
  });

  it('covers an arbitrary number of months (e.g. a cumulative 9-month window)', () => {
    expect(targetForMonths(5, 'month', 9)).toBe(45);
    expect(() => targetForMonths(5, 'month', -1)).toThrow(DomainError);
  });
});

describe('planCompletionScore (PAR 4.1)', () => {
  it.each([
    [10, 10, 1],
    [9, 10, 0.9], // exactly 90 %
    [27, 30, 0.9], // exactly 90 %
    [19, 20, 0.95],
    [8, 9, 0], // 88.9 %
    [89, 100, 0], // just below 90 %
    [0, 5, 0],
    [0, 0, 0], // no targets set: nothing completed
  ])('%d of %d met → %d', (met, set, expected) => {
    expect(planCompletionScore(met, set)).toBe(expected);
  });

  it('refuses impossible counts', () => {
    expect(() => planCompletionScore(11, 10)).toThrow(DomainError);
    expect(() => planCompletionScore(-1, 10)).toThrow(DomainError);
    expect(() => planCompletionScore(1.5, 10)).toThrow(DomainError);
  });
});

describe('diversityScore (PAR 4.2) and the criterion total', () => {
  it('gives 0.5 per kind of form', () => {
    expect(diversityScore(true, true)).toBe(1);
    expect(diversityScore(true, false)).toBe(0.5);
    expect(diversityScore(false, true)).toBe(0.5);
    expect(diversityScore(false, false)).toBe(0);
  });

  it('adds up to at most 2', () => {
    expect(parPropagandaScore({ targetsMet: 12, targetsSet: 12, hasOnline: true, hasTraditional: true })).toEqual({
      planCompletion: 1,
      diversity: 1,
      total: 2,
      max: 2,
    });
    expect(parPropagandaScore({ targetsMet: 9, targetsSet: 10, hasOnline: false, hasTraditional: true })).toEqual({
      planCompletion: 0.9,
      diversity: 0.5,
      total: 1.4,
      max: 2,
    });
    expect(parPropagandaScore({ targetsMet: 7, targetsSet: 10, hasOnline: true, hasTraditional: false }).total).toBe(
      0.5,
    );
  });
});
