import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectEntityManager } from '@nestjs/typeorm';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EntityManager } from 'typeorm';
import { AccessService, today } from '../access/access.service';
import { Actor, CurrentActor } from '../auth/actor';
import { IsIsoInstant, PageQuery } from '../http/common.dto';
import { RateLimit } from '../http/rate-limit';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'unit' }) @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ description: 'Entries of this unit (must be in scope)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ description: 'From (ISO date-time)' }) @IsOptional() @IsIsoInstant() from?: string;
  @ApiPropertyOptional({ description: 'To, exclusive (ISO date-time)' }) @IsOptional() @IsIsoInstant() to?: string;
}

/** The audit trail, scoped like everything else: entries of units the caller may read, newest first. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: AuditQuery) {
    if (q.unitId) await this.access.authorize(actor, 'unit.read', q.unitId);
    const { rootUnitId, maxDepth } = this.access.readScope(actor);
    const params: unknown[] = [rootUnitId, today(), maxDepth];
    // An entry is visible when its unit is in scope today, or was in scope on the entry's reference day: the day
    // it was written, or the unit's last day if it has ceased to exist since (merged-away units keep their past).
    let where = `EXISTS (SELECT 1 FROM units u JOIN unit_closure c ON c.descendant_id = u.id
                  WHERE u.id = a.unit_id AND c.ancestor_id = $1 AND ($3::int IS NULL OR c.depth <= $3)
                    AND ((c.valid_from <= $2::date AND c.valid_to > $2::date)
                      OR (c.valid_from <= least((a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, u.active_to - 1)
                          AND c.valid_to > least((a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, u.active_to - 1))))`;
    if (q.entityType) where += ` AND a.entity_type = $${params.push(q.entityType)}`;
    if (q.entityId) where += ` AND a.entity_id = $${params.push(q.entityId)}`;
    if (q.unitId) where += ` AND a.unit_id = $${params.push(q.unitId)}`;
    if (q.from) where += ` AND a.occurred_at >= $${params.push(q.from)}`;
    if (q.to) where += ` AND a.occurred_at < $${params.push(q.to)}`;
    if (q.after)
      where += ` AND (a.occurred_at, a.id) < (SELECT occurred_at, id FROM audit_log WHERE id::text = $${params.push(q.after)})`;
    const limit = q.limit ?? 50;
    // Session ids and addresses (sign-ins, sign-outs) are for admins only.
    const hide = `$${params.push(!actor.roles.includes('admin'))}::boolean`;
    params.push(limit + 1);
    const items = await this.em.query(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId",
              a.unit_id AS "unitId",
              CASE WHEN ${hide} THEN a.before - '{sessionId,ip}'::text[] ELSE a.before END AS before,
              CASE WHEN ${hide} THEN a.after - '{sessionId,ip}'::text[] ELSE a.after END AS after,
              a.request_id AS "requestId"
         FROM audit_log a WHERE ${where} ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @RateLimit('expensive')
  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery) {
    return this.audit.list(actor, q);
  }
}
