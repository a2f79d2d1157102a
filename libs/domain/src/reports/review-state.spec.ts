import { onTimeRate, reviewState } from './review-state';

describe('reviewState', () => {
  it('returned work is returned whatever its timing', () => {
    expect(reviewState({ status: 'returned', submittedOnTime: true, overdue: true })).toBe('returned');
  });
  it('handed in before or after the deadline', () => {
    expect(reviewState({ status: 'submitted', submittedOnTime: true, overdue: true })).toBe('on_time');
    expect(reviewState({ status: 'approved', submittedOnTime: false, overdue: true })).toBe('late');
  });
  it('not handed in: missing once overdue, otherwise not yet due', () => {
    expect(reviewState({ status: 'pending', submittedOnTime: null, overdue: true })).toBe('missing');
    expect(reviewState({ status: 'draft', submittedOnTime: null, overdue: false })).toBe('not_due');
  });
});

describe('onTimeRate', () => {
  it('counts overdue missing work against the rate', () => {
    expect(onTimeRate({ onTime: 3, lateSubmitted: 1, lateMissing: 4 })).toBe(3 / 8);
  });
  it('is null while nothing is due', () => {
    expect(onTimeRate({ onTime: 0, lateSubmitted: 0, lateMissing: 0 })).toBeNull();
  });
});
