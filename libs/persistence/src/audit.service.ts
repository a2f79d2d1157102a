import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InjectEntityManager } from '@nestjs/typeorm';
import { AuditLogEntity } from './entities';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
  idempotencyKey?: string | null;
}

/** Appends audit entries; pass the transaction's manager so the entry commits with the change it records. */
@Injectable()
export class AuditService {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  /** Records the entry. With an idempotency key a repeated call returns the first entry instead of a new one. */
  async record(entry: AuditEntry, manager: EntityManager = this.em): Promise<AuditLogEntity> {
    const values = {
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      unitId: entry.unitId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId ?? null,
      idempotencyKey: entry.idempotencyKey ?? null,
    };
    if (!values.idempotencyKey) return manager.getRepository(AuditLogEntity).save(values);
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      .values(values as QueryDeepPartialEntity<AuditLogEntity>)
      .orIgnore()
      .execute();
    return manager.getRepository(AuditLogEntity).findOneByOrFail({ idempotencyKey: values.idempotencyKey });
  }
}
