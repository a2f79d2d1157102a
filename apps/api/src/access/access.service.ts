import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Action,
  decideFor,
  decideNational,
  DomainError,
  localDateOf,
  NationalAction,
  readScopeDepth,
  relationFromDepth,
  RoleRelation,
  UnitRelation,
} from '@cchc/domain';
import { UnitRow, UnitScope, UnitTreeRepository } from '@cchc/persistence';
import type { Actor } from '../auth/actor';

/** What a caller may read: the subtree of `rootUnitId`, at most `maxDepth` levels down (null = all). */
export type ReadScope = UnitScope;

export const today = (): string => localDateOf(new Date());

/** What each national action changes, as a refusal names it. */
const NATIONAL_DATA: Record<NationalAction, string> = {
  'catalogue.manage': 'danh mục chỉ tiêu',
  'calendar.manage': 'lịch làm việc',
};

/**
 * Applies the domain access policy to real units: computes where a unit sits relative to the caller's unit
 * (from the closure table, as of a date) and throws 404 (out of scope) or 403 (in scope, not allowed).
 */
@Injectable()
export class AccessService {
  constructor(private readonly tree: UnitTreeRepository) {}

  /** Where `unitId` sits relative to each of the actor's roles' anchors. */
  async relations(actor: Actor, unitId: string, date: string = today(), m?: EntityManager): Promise<RoleRelation[]> {
    const own = relationFromDepth(await this.tree.depthBelow(actor.unitId, unitId, date, m));
    const review =
      actor.reviewAnchorId === actor.unitId
        ? own
        : relationFromDepth(await this.tree.depthBelow(actor.reviewAnchorId, unitId, date, m));
    return actor.roles.map((r) => [r, r === 'reviewer' ? review : own] as const);
  }

  async canRead(actor: Actor, unitId: string, date: string = today(), m?: EntityManager): Promise<boolean> {
    return decideFor('unit.read', await this.relations(actor, unitId, date, m)) === 'allow';
  }

  /** Returns the unit when the action is allowed; throws the right DomainError otherwise. */
  async authorize(
    actor: Actor,
    action: Action,
    unitId: string,
    date: string = today(),
    m?: EntityManager,
  ): Promise<UnitRow> {
    this.check(action, await this.relations(actor, unitId, date, m), unitId);
    return this.tree.requireUnit(unitId, date, m);
  }

  /** For actions on a unit that will sit one level below `parentId` (creating a child, moving under it). */
  async authorizeUnder(
    actor: Actor,
    action: Action,
    parentId: string,
    date: string = today(),
    m?: EntityManager,
  ): Promise<UnitRow> {
    const below = (rel: UnitRelation): UnitRelation =>
      rel === 'outside' ? 'outside' : rel === 'self' ? 'child' : 'descendant';
    const parentRelations = await this.relations(actor, parentId, date, m);
    this.check('unit.read', parentRelations, parentId);
    // The parent is visible, so a refusal here is a 403 even if the new unit itself would be out of read scope.
    if (
      decideFor(
        action,
        parentRelations.map(([r, rel]) => [r, below(rel)] as const),
      ) !== 'allow'
    ) {
      throw new DomainError(
        'forbidden',
        'access.forbidden',
        'Bạn không có quyền thực hiện thao tác này với đơn vị này',
        { action, unitId: parentId },
      );
    }
    return this.tree.requireUnit(parentId, date, m);
  }

  /** Throws 403 unless the actor may change this national data (an admin of a top-level unit). */
  async authorizeNational(actor: Actor, action: NationalAction, m?: EntityManager): Promise<void> {
    const own = await this.tree.requireUnit(actor.unitId, today(), m);
    if (decideNational(action, actor.roles, own.parentId === null) !== 'allow') {
      throw new DomainError(
        'forbidden',
        'access.forbidden',
        `Chỉ quản trị viên của đơn vị cấp cao nhất mới được sửa ${NATIONAL_DATA[action]}`,
        { action },
      );
    }
  }

  check(action: Action, relations: readonly RoleRelation[], unitId: string): void {
    const decision = decideFor(action, relations);
    if (decision === 'not_found')
      throw new DomainError('not_found', 'unit.not_found', 'Không tìm thấy đơn vị', { id: unitId });
    if (decision === 'forbidden') {
      throw new DomainError(
        'forbidden',
        'access.forbidden',
        'Bạn không có quyền thực hiện thao tác này với đơn vị này',
        { action, unitId },
      );
    }
  }

  /**
   * One subtree covers everything the actor may read (a reviewer's anchor subtree contains the own unit). Every
   * list and per-unit breakdown filters with it (`inScope` in libs/persistence); aggregates over a readable unit's
   * subtree are totals, not per-unit detail.
   */
  readScope(actor: Actor): ReadScope {
    if (actor.reviewAnchorId !== actor.unitId) return { rootUnitId: actor.reviewAnchorId, maxDepth: null };
    return { rootUnitId: actor.unitId, maxDepth: readScopeDepth(actor.roles) };
  }
}
