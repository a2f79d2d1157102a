import type { Role } from '../units/unit';

/**
 * The one access policy: "may this user do this action on this unit?".
 *
 * The answer depends only on the actor's roles and on where the target unit sits relative to the actor's
 * own unit in the tree (as of the date the question is about). Callers compute the relation from the
 * unit closure; list endpoints use `readScopeDepth` to filter in SQL.
 */
export type UnitRelation = 'self' | 'child' | 'descendant' | 'outside';

export const ACTIONS = [
  'unit.read', // see the unit, its plans, reports and audit trail
  'unit.edit', // change a unit's name, abbreviation, kind, e-mail
  'unit.set_scope', // change what decides someone's scope: the reviewing-office flag (parents: unit.restructure)
  'unit.restructure', // create a child, move, merge, deactivate, import (target = the unit being changed or the new parent)
  'user.manage', // create, edit, disable users of the unit, reset their password
  'user.grant_role', // give a role (target = the unit whose subtree the role reaches: see scopeAnchorOf)
  'plan.edit', // draft and edit the unit's own plan and reports
  'plan.submit', // submit the unit's plan or report to the parent
  'plan.issue', // issue the unit's own top-level plan (starts the cascade below it)
  'plan.decide', // approve or return a direct child's plan or report
  'reminder.send', // urge units that are late (đôn đốc)
  'review.read', // aggregated review of the unit's subtree
] as const;
export type Action = (typeof ACTIONS)[number];

type Grants = Partial<Record<Role, readonly UnitRelation[]>>;
const SUBTREE: readonly UnitRelation[] = ['self', 'child', 'descendant'];
const BELOW: readonly UnitRelation[] = ['child', 'descendant'];

const POLICY: Record<Action, Grants> = {
  'unit.read': { drafter: ['self'], approver: ['self', 'child'], reviewer: SUBTREE, admin: SUBTREE },
  'unit.edit': { admin: SUBTREE },
  // Scope-changing attributes are decided from above: an admin of a unit cannot widen its own unit's reach.
  'unit.set_scope': { admin: BELOW },
  'unit.restructure': { admin: BELOW },
  'user.manage': { admin: SUBTREE },
  // Only a scope one holds can be granted: judged on the unit the granted role reaches (scopeAnchorOf).
  'user.grant_role': { admin: SUBTREE },
  'plan.edit': { drafter: ['self'], approver: ['self'] },
  'plan.submit': { drafter: ['self'], approver: ['self'] },
  'plan.issue': { approver: ['self'] },
  'plan.decide': { approver: ['child'] },
  'reminder.send': { reviewer: BELOW, approver: ['child'] },
  'review.read': { approver: ['self', 'child'], reviewer: SUBTREE, admin: SUBTREE },
};

export type Decision = 'allow' | 'forbidden' | 'not_found';

/** A role held by the actor and where the target unit sits relative to that role's anchor unit. */
export type RoleRelation = readonly [Role, UnitRelation];

/**
 * allow; forbidden (the actor may see the unit but not do this: 403); not_found (out of scope: 404).
 * Each role is judged from its own anchor: a reviewer in a reviewing office (Sở Nội vụ, Văn phòng Sở) is
 * anchored at the office's parent (the province, the Sở) — it follows that whole subtree; every other role
 * is anchored at the user's own unit.
 */
export function decideFor(action: Action, grants: readonly RoleRelation[]): Decision {
  if (grants.some(([r, rel]) => POLICY[action][r]?.includes(rel))) return 'allow';
  return grants.some(([r, rel]) => POLICY['unit.read'][r]?.includes(rel)) ? 'forbidden' : 'not_found';
}

/** decideFor when every role has the same anchor (the user's own unit). */
export function decide(action: Action, roles: readonly Role[], relation: UnitRelation): Decision {
  return decideFor(
    action,
    roles.map((r) => [r, relation] as const),
  );
}

export function canRead(roles: readonly Role[], relation: UnitRelation): boolean {
  return decide('unit.read', roles, relation) === 'allow';
}

/**
 * How deep below their own unit a user may read: 0 = own unit only, 1 = own unit and direct children,
 * null = the whole subtree. List endpoints filter `closure.depth <= this` in SQL.
 */
export function readScopeDepth(roles: readonly Role[]): number | null {
  let depth = -1;
  for (const r of roles) {
    const rel = POLICY['unit.read'][r] ?? [];
    if (rel.includes('descendant')) return null;
    if (rel.includes('child')) depth = Math.max(depth, 1);
    else if (rel.includes('self')) depth = Math.max(depth, 0);
  }
  return depth < 0 ? 0 : depth;
}

export function relationFromDepth(depth: number | null | undefined): UnitRelation {
  if (depth === null || depth === undefined || depth < 0) return 'outside';
  return depth === 0 ? 'self' : depth === 1 ? 'child' : 'descendant';
}

/**
 * Actions on national data, which belongs to no unit: the indicator catalogue and the working calendar (holidays,
 * swapped working days). Everyone reads them; changing them is for the granted roles of a top-level unit (one
 * without a parent), since a change applies to every unit of the tree.
 */
export const NATIONAL_ACTIONS = [
  'catalogue.manage', // create and edit indicators of the catalogue
  'calendar.manage', // confirm or edit a year's holidays and swapped working days
] as const;
export type NationalAction = (typeof NATIONAL_ACTIONS)[number];

const NATIONAL_POLICY: Record<NationalAction, readonly Role[]> = {
  'catalogue.manage': ['admin'],
  'calendar.manage': ['admin'],
};

/** allow, or forbidden (403: national data is readable by everyone, so a refusal never hides anything). */
export function decideNational(
  action: NationalAction,
  roles: readonly Role[],
  ownUnitIsTopLevel: boolean,
): 'allow' | 'forbidden' {
  return ownUnitIsTopLevel && roles.some((r) => NATIONAL_POLICY[action].includes(r)) ? 'allow' : 'forbidden';
}

/** Where a unit sits, as far as the reach of roles held there is concerned. */
export interface ScopeUnit {
  id: string;
  parentId: string | null;
  isReviewingOffice: boolean;
}

/**
 * The unit whose subtree a role held at `unit` reaches: a reviewer of a reviewing office (Sở Nội vụ, Văn phòng
 * Sở) follows its parent's subtree; every other role reaches from its own unit. Granting the role is judged
 * ('user.grant_role') on this unit, so an admin of Sở Nội vụ cannot create a reviewer who sees the province.
 */
export function scopeAnchorOf(role: Role, unit: ScopeUnit): string {
  return role === 'reviewer' && unit.isReviewingOffice && unit.parentId ? unit.parentId : unit.id;
}
