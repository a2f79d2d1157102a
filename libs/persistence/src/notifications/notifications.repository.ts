import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** An in-app notification as the user's list shows it. */
export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  obligationId: string | null;
  planId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationPageQuery {
  unreadOnly: boolean;
  /** Keyset cursor: the id of the last notification of the previous page. */
  after?: string;
  limit: number;
}

/** One in-app notification for several users (once per user and key). */
export interface NewInAppNotification {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link: string | null;
  obligationId: string | null;
  planId: string | null;
  dedupeKey: string;
  createdAt: string;
}

export type OutboundChannel = 'email' | 'webhook';

/** A message for an external channel (e-mail, webhook), sent by the worker from the outbox. */
export interface NewOutboundMessage {
  channel: OutboundChannel;
  recipient: string;
  userId: string | null;
  subject: string;
  body: string;
  payload: Record<string, unknown> | null;
  dedupeKey: string;
}

export interface PendingOutboundMessage {
  id: string;
  channel: OutboundChannel;
  recipient: string;
  subject: string;
  body: string;
  payload: Record<string, unknown> | null;
  dedupeKey: string;
}

/**
 * In-app notifications and the outbox of external messages (tables notifications, outbound_messages).
 * Every method takes an optional EntityManager so callers can run it inside their transaction.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- in-app notifications

  /** A page of the user's notifications, newest first. */
  async page(userId: string, q: NotificationPageQuery, m: EntityManager = this.em): Promise<NotificationRow[]> {
    const params: unknown[] = [userId];
    let where = `n.user_id = $1`;
    if (q.unreadOnly) where += ` AND n.read_at IS NULL`;
    if (q.after)
      where += ` AND (n.created_at, n.id) < (SELECT created_at, id FROM notifications WHERE id::text = $${params.push(q.after)} AND user_id = $1)`;
    params.push(q.limit);
    return m.query(
      `SELECT n.id, n.kind, n.title, n.body, n.link, n.obligation_id AS "obligationId", n.plan_id AS "planId",
              n.created_at AS "createdAt", n.read_at AS "readAt"
         FROM notifications n WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async unreadCount(userId: string, m: EntityManager = this.em): Promise<number> {
    const rows: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return rows[0].n;
  }

  /** Marks the user's notification read (keeping an earlier read time); null when the user has no such notification. */
  async markRead(id: string, userId: string, m: EntityManager = this.em): Promise<{ id: string; readAt: Date } | null> {
    // TypeORM answers an UPDATE … RETURNING on postgres with [rows, affected].
    const [rows]: [Array<{ id: string; readAt: Date }>, number] = await m.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, read_at AS "readAt"`,
      [id, userId],
    );
    return rows?.[0] ?? null;
  }

  /** Marks every unread notification of the user read; returns how many. */
  async markAllRead(userId: string, m: EntityManager = this.em): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Inserts the notification for each user, once per user and key (a repeat does nothing). */
  async insertInApp(n: NewInAppNotification, m: EntityManager = this.em): Promise<void> {
    if (!n.userIds.length) return;
    await m.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, obligation_id, plan_id, dedupe_key, created_at)
       SELECT x.user_id, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS x(user_id)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [n.userIds, n.kind, n.title, n.body, n.link, n.obligationId, n.planId, n.dedupeKey, n.createdAt],
    );
  }

  // ---------------------------------------------------------------- outbox

  /** Queues the messages, once per key (a repeat does nothing). */
  async insertOutbound(messages: NewOutboundMessage[], m: EntityManager = this.em): Promise<void> {
    if (!messages.length) return;
    await m.query(
      `INSERT INTO outbound_messages (channel, recipient, user_id, subject, body, payload, dedupe_key)
       SELECT x.channel, x.recipient, x.user_id, x.subject, x.body, x.payload, x.key
         FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::text[])
              AS x(channel, recipient, user_id, subject, body, payload, key)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        messages.map((o) => o.channel),
        messages.map((o) => o.recipient),
        messages.map((o) => o.userId),
        messages.map((o) => o.subject),
        messages.map((o) => o.body),
        messages.map((o) => (o.payload ? JSON.stringify(o.payload) : null)),
        messages.map((o) => o.dedupeKey),
      ],
    );
  }

  /** Ids of the messages with these keys that are still waiting to be sent. */
  async pendingIds(dedupeKeys: string[], m: EntityManager = this.em): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM outbound_messages WHERE dedupe_key = ANY($1) AND status = 'pending'`,
      [dedupeKeys],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The message when it is still pending, locked for the caller's transaction; null when it was sent, given up,
   * or is being sent by another transaction right now.
   */
  async lockPending(id: string, m: EntityManager): Promise<PendingOutboundMessage | null> {
    const rows: PendingOutboundMessage[] = await m.query(
      `SELECT id, channel, recipient, subject, body, payload, dedupe_key AS "dedupeKey" FROM outbound_messages
        WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markSent(id: string, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `UPDATE outbound_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed attempt; `giveUp` marks the message failed, otherwise it stays pending for a retry. */
  async markAttemptFailed(id: string, error: string, giveUp: boolean, m: EntityManager = this.em): Promise<void> {
    await m.query(`UPDATE outbound_messages SET attempts = attempts + 1, last_error = $2, status = $3 WHERE id = $1`, [
      id,
      error.slice(0, 500),
      giveUp ? 'failed' : 'pending',
    ]);
  }
}
