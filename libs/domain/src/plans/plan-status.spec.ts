import { DomainError } from '../errors';
import { assertPlanEditable, isPlanEditable, planStatusAfter, PLAN_STATUSES } from './plan-status';

describe('plan status', () => {
  it('is editable only as a draft or when returned', () => {
    expect(PLAN_STATUSES.filter(isPlanEditable)).toEqual(['draft', 'returned']);
    expect(() => assertPlanEditable('submitted')).toThrow(DomainError);
    expect(() => assertPlanEditable('issued')).toThrow(expect.objectContaining({ code: 'plan.not_editable' }));
    expect(() => assertPlanEditable('returned')).not.toThrow();
  });

  it('follows its obligation: submit → submitted, approve → approved, return → returned; a draft stays a draft', () => {
    expect(planStatusAfter('submit')).toBe('submitted');
    expect(planStatusAfter('approve')).toBe('approved');
    expect(planStatusAfter('return')).toBe('returned');
    expect(planStatusAfter('start_draft')).toBeNull();
  });
});
