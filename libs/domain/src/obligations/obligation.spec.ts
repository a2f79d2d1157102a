import fc from 'fast-check';
import { DomainError } from '../errors';
import {
  canTransition,
  nextStatus,
  OBLIGATION_COMMANDS,
  OBLIGATION_STATUSES,
  ObligationStatus,
  validateReturnReason,
} from './obligation';

describe('obligation life cycle', () => {
  it('follows the happy path and the return loop', () => {
    let s: ObligationStatus = 'pending';
    s = nextStatus(s, 'start_draft');
    expect(s).toBe('draft');
    s = nextStatus(s, 'submit');
    expect(s).toBe('submitted');
    s = nextStatus(s, 'return');
    expect(s).toBe('returned');
    s = nextStatus(s, 'submit');
    expect(s).toBe('submitted');
    expect(nextStatus(s, 'approve')).toBe('approved');
  });

  it.each([
    ['pending', 'approve'],
    ['draft', 'approve'],
    ['draft', 'return'],
    ['submitted', 'submit'],
    ['approved', 'submit'],
    ['approved', 'return'],
    ['returned', 'approve'],
    ['draft', 'start_draft'],
  ] as const)('refuses %s → %s with a 409 naming the status', (from, cmd) => {
    try {
      nextStatus(from, cmd);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).code).toBe('obligation.illegal_transition');
      expect((e as DomainError).details).toMatchObject({ status: from, command: cmd });
    }
  });

  it('never leaves approved, and every reachable status can still reach approved unless approved', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OBLIGATION_COMMANDS), { maxLength: 30 }), (commands) => {
        let s: ObligationStatus = 'pending';
        for (const c of commands) {
          const wasApproved = s === 'approved';
          if (canTransition(s, c)) s = nextStatus(s, c);
          if (wasApproved) expect(s).toBe('approved');
        }
        expect(OBLIGATION_STATUSES).toContain(s);
        // from anywhere but approved: submit (if needed) then approve reaches approved
        if (s !== 'approved') {
          if (s !== 'submitted') s = nextStatus(s, 'submit');
          expect(nextStatus(s, 'approve')).toBe('approved');
        }
      }),
    );
  });

  it('requires a written reason to return', () => {
    expect(() => validateReturnReason('')).toThrow(DomainError);
    expect(() => validateReturnReason('   thiếu   ')).toThrow(/lý do/);
    expect(validateReturnReason('  Thiếu chỉ tiêu tin, bài trên cổng TTĐT  ')).toBe(
      'Thiếu chỉ tiêu tin, bài trên cổng TTĐT',
    );
  });
});
