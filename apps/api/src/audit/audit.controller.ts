import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectEntityManager } from '@nestjs/typeorm';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EntityManager } from 'typeorm';
import { inScope } from '@cchc/persistence';
import { AccessService, today } from '../access/access.service';
import { Actor, CurrentActor } from '../auth/actor';
import { PageQuery } from '../http/common.dto';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'unit' }) @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ description: 'Entries of this unit (must be in scope)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ description: 'From (ISO date-time)' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'To, exclusive (ISO date-time)' }) @IsOptional() @IsISO8601() to?: string;
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
    const scope = this.access.readScope(actor);
    const params: unknown[] = [];
    // An entry is visible when its unit is in scope today, or was in scope on the entry's reference day: the day
    // it was written, or the unit's last day if it has ceased to exist since (merged-away units keep their past).
    const referenceDay = `least((a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
      (SELECT u.active_to - 1 FROM units u WHERE u.id = a.unit_id))`;
    let where = `(${inScope(scope, 'a.unit_id', params, { at: today() })} OR ${inScope(scope, 'a.unit_id', params, {
      atSql: referenceDay,
    })})`;
    if (q.entityType) where += ` AND a.entity_type = $${params.push(q.entityType)}`;
    if (q.entityId) where += ` AND a.entity_id = $${params.push(q.entityId)}`;
    if (q.unitId) where += ` AND a.unit_id = $${params.push(q.unitId)}`;
    if (q.from) where += ` AND a.occurred_at >= $${params.push(q.from)}`;
    if (q.to) where += ` AND a.occurred_at < $${params.push(q.to)}`;
    if (q.after)
      where += ` AND (a.occurred_at, a.id) < (SELECT occurred_at, id FROM audit_log WHERE id::text = $${params.push(q.after)})`;
    const limit = q.limit ?? 50;
    params.push(limit + 1);
    const items = await this.em.query(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId",
              a.unit_id AS "unitId", a.before, a.after, a.request_id AS "requestId"
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

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery) {
    return this.audit.list(actor, q);
  }
}
