import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InjectEntityManager } from '@nestjs/typeorm';
import { AuditLogEntity } from '../entities';
import { inScope, type UnitScope } from '../units/unit-scope';

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

/** An audit entry as the audit list shows it. */
export interface AuditRow {
  id: string;
  occurredAt: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface AuditPageQuery {
  entityType?: string;
  entityId?: string;
  unitId?: string;
  /** Who (`user:<id>`, `system`, …). */
  actor?: string;
  /** The action, or its family when it ends with a dot (`unit.`). */
  action?: string;
  /** From (ISO date-time, inclusive). */
  from?: string;
  /** To (ISO date-time, exclusive). */
  to?: string;
  /** Keyset cursor: the id of the last entry of the previous page. */
  after?: string;
  limit: number;
  /** Show session ids and addresses of sign-ins (admins only); hidden otherwise. */
  withSessionDetails?: boolean;
}

/**
 * The audit log (table audit_log), its one owner: appends entries and lists them. Pass the transaction's manager
 * to the writes so an entry commits with the change it records.
 */
@Injectable()
export class AuditRepository {
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

  /**
   * A page of the entries visible in `scope`, newest first. An entry is visible when its unit is in scope on `today`,
   * or was in scope on the entry's reference day: the day it was written, or the unit's last day if it has ceased to
   * exist since (merged-away units keep their past).
   */
  async page(scope: UnitScope, today: string, q: AuditPageQuery, m: EntityManager = this.em): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const referenceDay = `least((a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
      (SELECT u.active_to - 1 FROM units u WHERE u.id = a.unit_id))`;
    let where = `(${inScope(scope, 'a.unit_id', params, { at: today })} OR ${inScope(scope, 'a.unit_id', params, {
      atSql: referenceDay,
    })})`;
    if (q.entityType) where += ` AND a.entity_type = $${params.push(q.entityType)}`;
    if (q.entityId) where += ` AND a.entity_id = $${params.push(q.entityId)}`;
    if (q.unitId) where += ` AND a.unit_id = $${params.push(q.unitId)}`;
    if (q.actor) where += ` AND a.actor = $${params.push(q.actor)}`;
    if (q.action?.endsWith('.')) where += ` AND starts_with(a.action, $${params.push(q.action)})`;
    else if (q.action) where += ` AND a.action = $${params.push(q.action)}`;
    if (q.from) where += ` AND a.occurred_at >= $${params.push(q.from)}`;
    if (q.to) where += ` AND a.occurred_at < $${params.push(q.to)}`;
    if (q.after)
      where += ` AND (a.occurred_at, a.id) < (SELECT occurred_at, id FROM audit_log WHERE id::text = $${params.push(q.after)})`;
    // Session ids and addresses (sign-ins, sign-outs) only for those allowed to see them (admins).
    const hide = `$${params.push(!q.withSessionDetails)}::boolean`;
    params.push(q.limit);
    return m.query(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor, a.action, a.entity_type AS "entityType", a.entity_id AS "entityId",
              a.unit_id AS "unitId",
              CASE WHEN ${hide} THEN a.before - '{sessionId,ip}'::text[] ELSE a.before END AS before,
              CASE WHEN ${hide} THEN a.after - '{sessionId,ip}'::text[] ELSE a.after END AS after,
              a.request_id AS "requestId"
         FROM audit_log a WHERE ${where} ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
