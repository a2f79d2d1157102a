import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** What the web app's pages add to an obligation: the last return reason, the report answering it, version numbers. */
export interface ObligationExtraRow {
  obligationId: string;
  returnReason: string | null;
  returnedAt: string | null;
  reportId: string | null;
  /** Submissions so far of the plan or report (the latest version number). */
  versionNo: number | null;
}

export interface UnreadNotificationRow {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  obligationId: string | null;
  createdAt: string;
}

/** An obligation with what a reminder or a decision notice needs. */
export interface NoticeObligationRow {
  id: string;
  kind: 'plan' | 'report';
  period: string | null;
  year: number;
  status: string;
  unitId: string;
  unitName: string;
  parentUnitId: string;
  parentUnitName: string;
  workflowId: string;
  nominalDeadline: string;
  effectiveDeadline: string;
  deadlineEndsAt: string;
}

export interface DecisionNotice {
  obligationId: string;
  /** The transition's sequence: one notice per decision, however often the activity is retried. */
  seq: number;
  title: string;
  text: string;
  link: string;
  at: string;
}

/** Reads for the web app's "what I owe / what waits for me" pages and writes of decision notices. */
@Injectable()
export class WorkRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async extras(obligationIds: string[], m: EntityManager = this.em): Promise<Map<string, ObligationExtraRow>> {
    if (!obligationIds.length) return new Map();
    const rows: ObligationExtraRow[] = await m.query(
      `SELECT o.id AS "obligationId", rt.reason AS "returnReason", rt.occurred_at AS "returnedAt",
              r.id AS "reportId", coalesce(r.submission_count, p.submission_count) AS "versionNo"
         FROM obligations o
         LEFT JOIN reports r ON r.obligation_id = o.id
         LEFT JOIN plans p ON p.obligation_id = o.id
         LEFT JOIN LATERAL (
           SELECT t.reason, t.occurred_at FROM obligation_transitions t
            WHERE t.obligation_id = o.id AND t.command = 'return' ORDER BY t.seq DESC LIMIT 1) rt ON true
        WHERE o.id = ANY($1::uuid[])`,
      [obligationIds],
    );
    return new Map(rows.map((r) => [r.obligationId, r]));
  }

  unreadNotifications(userId: string, limit: number): Promise<UnreadNotificationRow[]> {
    return this.em.query(
      `SELECT id, kind, title, link, obligation_id AS "obligationId", created_at AS "createdAt"
         FROM notifications WHERE user_id = $1 AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.em.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return n;
  }

  async obligation(id: string, m: EntityManager = this.em): Promise<NoticeObligationRow | null> {
    const [row] = await m.query(
      `SELECT o.id, o.kind, o.period, o.year, o.status, o.unit_id AS "unitId", u.name AS "unitName",
              o.parent_unit_id AS "parentUnitId", pu.name AS "parentUnitName", o.workflow_id AS "workflowId",
              to_char(o.nominal_deadline, 'YYYY-MM-DD') AS "nominalDeadline",
              to_char(o.effective_deadline, 'YYYY-MM-DD') AS "effectiveDeadline", o.deadline_ends_at AS "deadlineEndsAt"
         FROM obligations o JOIN units u ON u.id = o.unit_id JOIN units pu ON pu.id = o.parent_unit_id
        WHERE o.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * In-app notice of a decision to the drafters of the obligation's unit (those who take in-app messages).
   * Keyed by (obligation, seq): a retried transition inserts nothing twice.
   */
  async recordDecisionNotice(n: DecisionNotice, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, obligation_id, dedupe_key, created_at)
       SELECT u.id, 'decision', $2, $3, $4, o.id, $5, $6
         FROM obligations o JOIN users u ON u.unit_id = o.unit_id
        WHERE o.id = $1 AND u.active AND 'drafter' = ANY(u.roles) AND 'in_app' = ANY(u.notification_channels)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [n.obligationId, n.title, n.text, n.link, `decision/${n.obligationId}/${n.seq}`, n.at],
    );
  }
}
