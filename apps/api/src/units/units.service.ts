import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { conflict, invalid, type LocalDate, toDdMmYyyy } from '@cchc/domain';
import { AuditRepository, UnitRow, UnitTreeRepository } from '@cchc/persistence';
import { AccessService, today } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import type { CreateUnitDto, MergeUnitsDto, UnitListQuery, UpdateUnitDto } from './units.dto';

const DEFAULT_LIMIT = 50;

/** Unit reads (scoped) and structural changes (admin, dated, audited). */
@Injectable()
export class UnitsService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly tree: UnitTreeRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async get(actor: Actor, id: string, asOf = today()): Promise<UnitRow> {
    return this.access.authorize(actor, 'unit.read', id, asOf);
  }

  async children(actor: Actor, id: string, asOf = today()): Promise<UnitRow[]> {
    await this.access.authorize(actor, 'unit.read', id, asOf);
    const remaining = await this.remainingDepth(actor, id, asOf);
    if (remaining !== null && remaining < 1) return [];
    return this.tree.children(id, asOf);
  }

  /** The readable part of the subtree of `id` (the caller's whole scope when id is their unit). */
  async subtree(
    actor: Actor,
    id: string,
    query: UnitListQuery,
  ): Promise<{ items: UnitRow[]; nextCursor: string | null }> {
    const asOf = query.asOf ?? today();
    await this.access.authorize(actor, 'unit.read', id, asOf);
    const maxDepth = await this.remainingDepth(actor, id, asOf);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const items = await this.tree.subtreePage(id, asOf, {
      maxDepth,
      kind: query.kind,
      q: query.q,
      after: query.after,
      limit: limit + 1,
    });
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].code : null };
  }

  async subtreeCount(actor: Actor, id: string, query: UnitListQuery): Promise<number> {
    const asOf = query.asOf ?? today();
    await this.access.authorize(actor, 'unit.read', id, asOf);
    const maxDepth = await this.remainingDepth(actor, id, asOf);
    return this.tree.subtreeCount(id, asOf, { maxDepth, kind: query.kind, q: query.q });
  }

  /** The caller's own scope: everything they may read, searchable. */
  list(actor: Actor, query: UnitListQuery) {
    return this.subtree(actor, this.access.readScope(actor).rootUnitId, query);
  }

  /** Ancestors of a unit that lie inside the caller's scope (nearest last). */
  async ancestors(actor: Actor, id: string, asOf = today()): Promise<UnitRow[]> {
    await this.access.authorize(actor, 'unit.read', id, asOf);
    const all = await this.tree.ancestors(id, asOf);
    const root = this.access.readScope(actor).rootUnitId;
    if (root === id) return [];
    const mine = all.findIndex((a) => a.id === root);
    return mine < 0 ? [] : all.slice(mine);
  }

  /** Parent history and the units merged into this one (their history stays reachable from here). */
  async history(actor: Actor, id: string) {
    const unit = await this.access.authorize(actor, 'unit.read', id);
    const [links, predecessors] = await Promise.all([this.tree.links(id), this.tree.predecessors(id)]);
    return { unit, links, predecessors };
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitRow> {
    const validFrom = dto.validFrom ?? today();
    return this.em.transaction(async (m) => {
      await this.access.authorizeUnder(actor, 'unit.restructure', dto.parentId, validFrom, m);
      const id = await this.insertOne(dto, validFrom, m);
      const unit = (await this.tree.findById(id, validFrom, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'unit.created',
          entityType: 'unit',
          entityId: id,
          unitId: id,
          after: { ...unit },
          requestId: actor.requestId,
        },
        m,
      );
      return unit;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitRow> {
    return this.em.transaction(async (m) => {
      const before = await this.access.authorize(actor, 'unit.edit', id, today(), m);
      const changes = changedFields(before, dto);
      // Nothing to change: nothing written, nothing audited.
      if (!Object.keys(changes).length) return before;
      if (changes.isReviewingOffice !== undefined) {
        // Who is a reviewing office decides whose subtree its reviewers follow: decided from above.
        await this.access.authorize(actor, 'unit.set_scope', id, today(), m);
        if (changes.isReviewingOffice) await this.assertSingleReviewingOffice(id, m);
      }
      await this.tree.updateAttributes(id, changes, m);
      const after = (await this.tree.findById(id, today(), m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'unit.updated',
          entityType: 'unit',
          entityId: id,
          unitId: id,
          before: { ...before },
          after: { ...after },
          requestId: actor.requestId,
        },
        m,
      );
      return after;
    });
  }

  async move(actor: Actor, id: string, newParentId: string, effectiveDate: string): Promise<UnitRow> {
    return this.em.transaction(async (m) => {
      const before = await this.access.authorize(actor, 'unit.restructure', id, effectiveDate, m);
      await this.access.authorizeUnder(actor, 'unit.restructure', newParentId, effectiveDate, m);
      if (before.parentId === newParentId) throw conflict('unit.already_there', 'Đơn vị đã trực thuộc đơn vị này');
      await this.tree.move(id, newParentId, effectiveDate, m);
      const after = (await this.tree.findById(id, effectiveDate, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'unit.moved',
          entityType: 'unit',
          entityId: id,
          unitId: id,
          before: { parentId: before.parentId },
          after: { parentId: newParentId, effectiveDate },
          requestId: actor.requestId,
        },
        m,
      );
      return after;
    });
  }

  async deactivate(actor: Actor, id: string, effectiveDate: string): Promise<UnitRow> {
    return this.em.transaction(async (m) => {
      const before = await this.access.authorize(actor, 'unit.restructure', id, effectiveDate, m);
      const last = await this.audit.lastActivityDate(id, m);
      if (last && last >= effectiveDate) {
        throw conflict(
          'unit.deactivation_before_recorded_activity',
          `Đơn vị còn hoạt động được ghi nhận đến ngày ${toDdMmYyyy(last as LocalDate)}; ngày thôi hoạt động phải sau ngày này`,
          { effectiveDate, lastActivity: last },
        );
      }
      await this.tree.deactivate(id, effectiveDate, m);
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'unit.deactivated',
          entityType: 'unit',
          entityId: id,
          unitId: id,
          before: { activeTo: before.activeTo },
          after: { activeTo: effectiveDate },
          requestId: actor.requestId,
        },
        m,
      );
      return (await this.tree.findById(id, effectiveDate, m))!;
    });
  }

  /** Merges units into an existing or a new unit from a date (e.g. communes merged on 1/7/2025). */
  async merge(actor: Actor, dto: MergeUnitsDto): Promise<{ into: UnitRow; merged: string[] }> {
    if (!!dto.intoId === !!dto.intoNew)
      throw invalid('unit.merge_target', 'Chọn đúng một: đơn vị có sẵn (intoId) hoặc đơn vị mới (intoNew)');
    const date = dto.effectiveDate;
    return this.em.transaction(async (m) => {
      for (const s of dto.sourceIds) await this.access.authorize(actor, 'unit.restructure', s, date, m);
      let intoId: string;
      if (dto.intoId) {
        await this.access.authorize(actor, 'unit.restructure', dto.intoId, date, m);
        intoId = dto.intoId;
      } else {
        await this.access.authorizeUnder(actor, 'unit.restructure', dto.intoNew!.parentId, date, m);
        intoId = await this.insertOne(dto.intoNew!, date, m);
      }
      await this.tree.merge(dto.sourceIds, intoId, date, m);
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'unit.merged',
          entityType: 'unit',
          entityId: intoId,
          unitId: intoId,
          after: { sourceIds: dto.sourceIds, effectiveDate: date },
          requestId: actor.requestId,
        },
        m,
      );
      for (const s of dto.sourceIds) {
        await this.audit.record(
          {
            actor: actorRef(actor),
            action: 'unit.merged_away',
            entityType: 'unit',
            entityId: s,
            unitId: s,
            after: { intoId, effectiveDate: date },
            requestId: actor.requestId,
          },
          m,
        );
      }
      return { into: (await this.tree.findById(intoId, date, m))!, merged: dto.sourceIds };
    });
  }

  private async insertOne(dto: CreateUnitDto, validFrom: string, m: EntityManager): Promise<string> {
    if (await this.tree.codeTaken(dto.code, m))
      throw conflict('unit.code_taken', 'Mã đơn vị đã tồn tại', { code: dto.code });
    const [id] = await this.tree.insertUnits(
      [
        {
          code: dto.code,
          name: dto.name,
          abbreviation: dto.abbreviation,
          kind: dto.kind,
          email: dto.email,
          isReviewingOffice: dto.isReviewingOffice,
          parentId: dto.parentId,
        },
      ],
      validFrom,
      m,
    );
    if (dto.isReviewingOffice) await this.assertSingleReviewingOffice(id, m);
    return id;
  }

  /**
   * A reviewing office follows its parent's subtree (Sở Nội vụ → the province, Văn phòng Sở → the Sở),
   * so a parent has at most one.
   */
  private async assertSingleReviewingOffice(unitId: string, m: EntityManager): Promise<void> {
    const existing = await this.tree.reviewingOfficeSiblings(unitId, m);
    if (existing.length) {
      throw conflict(
        'unit.reviewing_office_exists',
        'Đơn vị cấp trên đã có đơn vị theo dõi, tổng hợp (Sở Nội vụ/Văn phòng)',
        { existing: existing[0] },
      );
    }
  }

  /** How many more levels below `id` the caller may read. */
  private async remainingDepth(actor: Actor, id: string, asOf: string): Promise<number | null> {
    const { rootUnitId, maxDepth } = this.access.readScope(actor);
    if (maxDepth === null) return null;
    const depth = (await this.tree.depthBelow(rootUnitId, id, asOf)) ?? 0;
    return Math.max(0, maxDepth - depth);
  }
}

/** The fields of a PATCH whose value differs from the unit's current one. */
function changedFields(unit: UnitRow, dto: UpdateUnitDto): UpdateUnitDto {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(dto)) {
    if (v !== undefined && (unit as unknown as Record<string, unknown>)[k] !== v) out[k] = v;
  }
  return out as UpdateUnitDto;
}
