import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AuditRepository } from '@cchc/persistence';
import { AccessService, today } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { IsIsoInstant, PageQuery } from '../http/common.dto';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'unit' }) @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ description: 'Entries of this unit (must be in scope)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ example: 'user:…', description: 'Who: `user:<id>`, `system`, …' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
  @ApiPropertyOptional({ example: 'unit.', description: 'The action, or a family of actions ending with a dot' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ description: 'From (ISO date-time)' }) @IsOptional() @IsIsoInstant() from?: string;
  @ApiPropertyOptional({ description: 'To, exclusive (ISO date-time)' }) @IsOptional() @IsIsoInstant() to?: string;
}

/** The audit trail, scoped like everything else: entries of units the caller may read, newest first. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: AuditQuery) {
    if (q.unitId) await this.access.authorize(actor, 'unit.read', q.unitId);
    const limit = q.limit ?? 50;
    const items = await this.audit.page(this.access.readScope(actor), today(), {
      entityType: q.entityType,
      entityId: q.entityId,
      unitId: q.unitId,
      actor: q.actor,
      action: q.action,
      from: q.from,
      to: q.to,
      after: q.after,
      limit: limit + 1,
      withSessionDetails: actor.roles.includes('admin'),
    });
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }
}
