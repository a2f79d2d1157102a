import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { Role } from '@cchc/domain';

/** Why a session ended before it expired (column auth_sessions.revoked_reason). */
export type SessionRevokedReason =
  'logout' | 'refresh_token_reuse' | 'password_changed' | 'password_reset' | 'user_disabled';

export interface NewSession {
  userId: string;
  /** SHA-256 (hex) of the refresh token's secret; the secret itself is never stored. */
  refreshTokenHash: string;
  ttlSeconds: number;
  ip: string | null;
  userAgent: string | null;
}

/** A session about to be refreshed, with what decides whether it still may be. */
export interface RefreshableSessionRow {
  id: string;
  refreshTokenHash: string;
  revokedAt: Date | null;
  expired: boolean;
  userId: string;
  unitId: string;
  roles: Role[];
  /** The user's account is enabled. */
  active: boolean;
  /** The user's unit still exists today. */
  unitActive: boolean;
}

/** The holder of a session whose unit exists today, as each request's authentication reads it. */
export interface SessionHolderRow {
  unitId: string;
  roles: Role[];
  /** The user's account is enabled. */
  active: boolean;
  revokedAt: Date | null;
  /** For a reviewer in a reviewing office: the office's parent today (the subtree they review); otherwise null. */
  reviewParentId: string | null;
}

/** Today in Vietnam, as an SQL date. */
const TODAY = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * Sign-in sessions and the record of sign-in attempts (tables auth_sessions, login_attempts). Every method takes
 * an optional EntityManager so callers can run it inside their transaction.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- sign-in attempts

  async recordLoginAttempt(
    attempt: { email: string; ip: string | null; succeeded: boolean },
    m: EntityManager = this.em,
  ): Promise<void> {
    await m.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`, [
      attempt.email,
      attempt.ip,
      attempt.succeeded,
    ]);
  }

  // ---------------------------------------------------------------- sessions

  /** Opens a session expiring `ttlSeconds` from now; returns its id. */
  async create(session: NewSession, m: EntityManager = this.em): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO auth_sessions (user_id, refresh_token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5) RETURNING id`,
      [session.userId, session.refreshTokenHash, session.ttlSeconds, session.ip, session.userAgent],
    );
    return row.id;
  }

  /** A session with its user, locked (FOR UPDATE) until the caller's transaction `m` ends; null if none. */
  async lockForRefresh(sessionId: string, m: EntityManager): Promise<RefreshableSessionRow | null> {
    const rows: RefreshableSessionRow[] = await m.query(
      `SELECT s.id, s.refresh_token_hash AS "refreshTokenHash", s.revoked_at AS "revokedAt", s.expires_at < now() AS expired,
              u.id AS "userId", u.unit_id AS "unitId", u.roles, u.active, un.active_to > ${TODAY} AS "unitActive"
         FROM auth_sessions s JOIN users u ON u.id = s.user_id JOIN units un ON un.id = u.unit_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  /** Replaces the refresh token's hash (rotation) and notes the use. */
  async rotate(sessionId: string, refreshTokenHash: string, m: EntityManager = this.em): Promise<void> {
    await m.query(`UPDATE auth_sessions SET refresh_token_hash = $2, last_used_at = now() WHERE id = $1`, [
      sessionId,
      refreshTokenHash,
    ]);
  }

  /**
   * The holder of session `sessionId` if it belongs to `userId` and their unit exists today; null otherwise.
   * A revoked session is returned (revokedAt set): the caller decides.
   */
  async holder(sessionId: string, userId: string, m: EntityManager = this.em): Promise<SessionHolderRow | null> {
    const rows: SessionHolderRow[] = await m.query(
      `SELECT u.unit_id AS "unitId", u.roles, u.active, s.revoked_at AS "revokedAt",
              CASE WHEN un.is_reviewing_office AND 'reviewer' = ANY(u.roles) THEN l.parent_id END AS "reviewParentId"
         FROM auth_sessions s
         JOIN users u ON u.id = s.user_id
         JOIN units un ON un.id = u.unit_id
         LEFT JOIN unit_links l ON l.unit_id = un.id AND l.valid_from <= ${TODAY} AND l.valid_to > ${TODAY}
        WHERE s.id = $1 AND s.user_id = $2 AND un.active_to > ${TODAY}`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  /** Ends a session (if not ended already). */
  async revoke(sessionId: string, reason: SessionRevokedReason, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /** Ends every open session of a user, except `exceptSessionId` when given (the caller's own). */
  async revokeAllOf(
    userId: string,
    reason: SessionRevokedReason,
    opts: { exceptSessionId?: string } = {},
    m: EntityManager = this.em,
  ): Promise<void> {
    await m.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND ($3::uuid IS NULL OR id <> $3) AND revoked_at IS NULL`,
      [userId, reason, opts.exceptSessionId ?? null],
    );
  }
}
