import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { ObligationKind, ObligationStatus } from '@cchc/domain';

/** What a message about one obligation names: the unit, its parent, the source plan. */
export interface ObligationNoticeContext {
  id: string;
  kind: ObligationKind;
  /** The report period ('' for a plan obligation). */
  period: string;
  year: number;
  unitId: string;
  unitName: string;
  unitEmail: string | null;
  parentUnitName: string;
  planId: string;
  planSymbol: string | null;
  planTitle: string;
}

/** One obligation of a plan, for a digest: the obliged unit's name and the shifted deadline ('YYYY-MM-DD'). */
export interface OpenObligationRow {
  unitName: string;
  deadline: string;
  status: ObligationStatus;
}

export interface PlanObligationsQuery {
  planId: string;
  kind: ObligationKind;
  /** The report period ('' for the plan obligations). */
  period: string;
}

/** Not yet submitted (or returned for rework): what an overdue digest lists. */
const OPEN_STATUSES: readonly ObligationStatus[] = ['pending', 'draft', 'returned'];

/**
 * Obligations (table obligations) as the notifications read them. Every method takes an optional EntityManager so
 * callers can run it inside their transaction.
 */
@Injectable()
export class ObligationsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async noticeContext(obligationId: string, m: EntityManager = this.em): Promise<ObligationNoticeContext | null> {
    const rows: ObligationNoticeContext[] = await m.query(
      `SELECT o.id, o.kind, o.period, o.year, o.unit_id AS "unitId", u.name AS "unitName", u.email AS "unitEmail",
              pu.name AS "parentUnitName", sp.id AS "planId", sp.symbol AS "planSymbol", sp.title AS "planTitle"
         FROM obligations o JOIN units u ON u.id = o.unit_id JOIN units pu ON pu.id = o.parent_unit_id
         JOIN plans sp ON sp.id = o.source_plan_id WHERE o.id = $1`,
      [obligationId],
    );
    return rows[0] ?? null;
  }

  /** The plan's open obligations whose deadline ended by `at`, in unit code order. */
  async overdue(q: PlanObligationsQuery, at: Date, m: EntityManager = this.em): Promise<OpenObligationRow[]> {
    return m.query(
      `SELECT u.name AS "unitName", to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline, o.status
         FROM obligations o JOIN units u ON u.id = o.unit_id
        WHERE o.source_plan_id = $1 AND o.kind = $3 AND o.period = $4 AND o.status = ANY($5::text[]) AND o.deadline_ends_at <= $2
        ORDER BY u.code`,
      [q.planId, at.toISOString(), q.kind, q.period, OPEN_STATUSES],
    );
  }

  /** How many of the plan's obligations are still open (late or not). */
  async openCount(q: PlanObligationsQuery, m: EntityManager = this.em): Promise<number> {
    const rows: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM obligations WHERE source_plan_id = $1 AND kind = $2 AND period = $3 AND status = ANY($4::text[])`,
      [q.planId, q.kind, q.period, OPEN_STATUSES],
    );
    return rows[0].n;
  }
}
