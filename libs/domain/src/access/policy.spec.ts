import {
  ACTIONS,
  decide,
  decideFor,
  decideNational,
  NATIONAL_ACTIONS,
  readScopeDepth,
  relationFromDepth,
  scopeAnchorOf,
  UnitRelation,
} from './policy';
import type { Role } from '../units/unit';

const RELATIONS: UnitRelation[] = ['self', 'child', 'descendant', 'outside'];

describe('access policy', () => {
  it('never lets anyone act outside their subtree, and hides it (404)', () => {
    for (const action of ACTIONS) {
      for (const role of ['drafter', 'approver', 'reviewer', 'admin'] as Role[]) {
        expect(decide(action, [role], 'outside')).toBe('not_found');
      }
    }
  });

  it('lets approvers decide for direct children only', () => {
    expect(decide('plan.decide', ['approver'], 'child')).toBe('allow');
    expect(decide('plan.decide', ['approver'], 'self')).toBe('forbidden');
    expect(decide('plan.decide', ['approver'], 'descendant')).toBe('not_found');
    expect(decide('plan.decide', ['reviewer'], 'child')).toBe('forbidden');
    expect(decide('plan.decide', ['reviewer', 'approver'], 'child')).toBe('allow');
  });

  it('scopes reads by role', () => {
    const table: Array<[Role, UnitRelation, boolean]> = [
      ['drafter', 'self', true],
      ['drafter', 'child', false],
      ['approver', 'child', true],
      ['approver', 'descendant', false],
      ['reviewer', 'descendant', true],
      ['admin', 'descendant', true],
    ];
    for (const [role, rel, readable] of table) {
      expect(decide('unit.read', [role], rel)).toBe(readable ? 'allow' : 'not_found');
    }
  });

  it('answers 403 (not 404) for a readable unit the role may not change', () => {
    expect(decide('plan.edit', ['reviewer'], 'self')).toBe('forbidden');
    expect(decide('unit.restructure', ['admin'], 'self')).toBe('forbidden');
    expect(decide('unit.edit', ['drafter'], 'self')).toBe('forbidden');
  });

  it('judges each role from its own anchor (reviewer in a reviewing office follows the parent subtree)', () => {
    // A Sở Nội vụ user with reviewer + approver roles looking at a sibling department (child of the province).
    expect(
      decideFor('unit.read', [
        ['reviewer', 'child'],
        ['approver', 'outside'],
      ]),
    ).toBe('allow');
    expect(
      decideFor('plan.decide', [
        ['reviewer', 'child'],
        ['approver', 'outside'],
      ]),
    ).toBe('forbidden');
    expect(decideFor('reminder.send', [['reviewer', 'child']])).toBe('allow');
    expect(
      decideFor('plan.edit', [
        ['reviewer', 'outside'],
        ['drafter', 'outside'],
      ]),
    ).toBe('not_found');
  });

  it('derives the SQL read depth from the roles', () => {
    expect(readScopeDepth(['drafter'])).toBe(0);
    expect(readScopeDepth(['approver'])).toBe(1);
    expect(readScopeDepth(['drafter', 'approver'])).toBe(1);
    expect(readScopeDepth(['reviewer'])).toBeNull();
    expect(readScopeDepth(['approver', 'admin'])).toBeNull();
  });

  it('agrees between readScopeDepth and decide for every relation', () => {
    const combos: Role[][] = [['drafter'], ['approver'], ['reviewer'], ['admin'], ['drafter', 'approver']];
    for (const roles of combos) {
      const depth = readScopeDepth(roles);
      for (const [d, rel] of [
        [0, 'self'],
        [1, 'child'],
        [2, 'descendant'],
      ] as const) {
        const inScope = depth === null || d <= depth;
        expect(decide('unit.read', roles, rel) === 'allow').toBe(inScope);
      }
      expect(relationFromDepth(null)).toBe('outside');
    }
    expect(RELATIONS.map((r) => r)).toHaveLength(4);
  });
});

describe('national data (indicator catalogue, working calendar)', () => {
  it('is changed only by an admin of a top-level unit', () => {
    for (const action of NATIONAL_ACTIONS) {
      expect(decideNational(action, ['admin'], true)).toBe('allow');
      expect(decideNational(action, ['admin'], false)).toBe('forbidden');
      expect(decideNational(action, ['drafter', 'approver', 'reviewer'], true)).toBe('forbidden');
      expect(decideNational(action, ['reviewer', 'admin'], true)).toBe('allow');
      expect(decideNational(action, [], true)).toBe('forbidden');
    }
  });
});

describe('scope-changing attributes', () => {
  it('are decided by an admin above the unit, never by an admin of the unit itself', () => {
    expect(decide('unit.set_scope', ['admin'], 'self')).toBe('forbidden');
    expect(decide('unit.set_scope', ['admin'], 'child')).toBe('allow');
    expect(decide('unit.set_scope', ['admin'], 'descendant')).toBe('allow');
    expect(decide('unit.set_scope', ['admin'], 'outside')).toBe('not_found');
    // plain attributes stay with the unit's own admin
    expect(decide('unit.edit', ['admin'], 'self')).toBe('allow');
  });

  it('anchors a reviewer of a reviewing office at the parent, every other role at the unit', () => {
    const office = { id: 'snv', parentId: 'province', isReviewingOffice: true };
    const school = { id: 'school', parentId: 'so', isReviewingOffice: false };
    expect(scopeAnchorOf('reviewer', office)).toBe('province');
    expect(scopeAnchorOf('admin', office)).toBe('snv');
    expect(scopeAnchorOf('drafter', office)).toBe('snv');
    expect(scopeAnchorOf('reviewer', school)).toBe('school');
    expect(scopeAnchorOf('reviewer', { id: 'root', parentId: null, isReviewingOffice: true })).toBe('root');
  });

  it('lets an admin grant only a reach it holds itself', () => {
    // the office's own admin: the province (anchor of a new office reviewer) is outside its subtree
    expect(decide('user.grant_role', ['admin'], 'outside')).toBe('not_found');
    expect(decide('user.grant_role', ['admin'], 'self')).toBe('allow');
    expect(decide('user.grant_role', ['approver', 'reviewer'], 'child')).toBe('forbidden');
  });
});
