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

  /** Records many entries in one statement (bulk operations such as imports). */
  async recordMany(entries: AuditEntry[], manager: EntityManager = this.em): Promise<void> {
    if (!entries.length) return;
    await manager.query(
      `INSERT INTO audit_log (actor, action, entity_type, entity_id, unit_id, before, after, request_id, idempotency_key)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[])
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [
        entries.map((e) => e.actor),
        entries.map((e) => e.action),
        entries.map((e) => e.entityType),
        entries.map((e) => e.entityId),
        entries.map((e) => e.unitId ?? null),
        entries.map((e) => (e.before ? JSON.stringify(e.before) : null)),
        entries.map((e) => (e.after ? JSON.stringify(e.after) : null)),
        entries.map((e) => e.requestId ?? null),
        entries.map((e) => e.idempotencyKey ?? null),
      ],
    );
  }

  /**
   * The last day (Vietnam time, 'YYYY-MM-DD') on which something was recorded about the unit — sign-ins
   * aside — or null. A dated change that would end the unit before that day would rewrite history.
   */
  async lastActivityDate(unitId: string, manager: EntityManager = this.em): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT to_char(max(occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD') AS last
         FROM audit_log WHERE unit_id = $1 AND action NOT LIKE 'auth.%'`,
      [unitId],
    );
    return row?.last ?? null;
  }

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
