import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { DomainError, type Role } from '@cchc/domain';
import { AuditService, LoginThrottleRepository } from '@cchc/persistence';
import { Actor, actorRef } from './actor';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import type { TokenPairResponse } from './auth.dto';

const unauthenticated = (code: string, message: string) => new DomainError('unauthenticated', code, message);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface AccessClaims {
  sub: string;
  sid: string;
  unit: string;
  roles: Role[];
  exp?: number;
}

/**
 * Login with rate limiting, short-lived signed access tokens (JWT, HS256) and rotating refresh tokens bound to
 * a server-side session. Logout, password change and disabling a user revoke sessions, which the guard checks
 * on every request, so revocation takes effect at once.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleRepository,
  ) {}

  async login(
    email: string,
    password: string,
    meta: { ip?: string; userAgent?: string; requestId?: string },
  ): Promise<TokenPairResponse> {
    const { loginMaxAttempts, loginMaxAttemptsPerAddress, loginWindowSeconds } = this.config.auth;
    const accountKey = `account:${email.toLowerCase()}`;
    const addressKey = meta.ip ? `address:${meta.ip}` : undefined;
    // Counted before the password is verified, atomically per account and per address: of N concurrent
    // attempts at most the limit are evaluated.
    const counts = await this.throttle.reserve(
      addressKey ? [accountKey, addressKey] : [accountKey],
      loginWindowSeconds,
    );
    const blocked = counts.filter(
      (c) => c.attempts > (c.key === accountKey ? loginMaxAttempts : loginMaxAttemptsPerAddress),
    );
    if (blocked.length) {
      throw new DomainError(
        'rate_limited',
        'auth.too_many_attempts',
        'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
        { retryAfterSeconds: Math.max(...blocked.map((c) => c.retryAfterSeconds)) },
      );
    }
    const user = (
      await this.em.query(
        `SELECT u.id, u.unit_id, u.roles, u.active, u.password_hash,
                un.active_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS unit_active
           FROM users u JOIN units un ON un.id = u.unit_id WHERE lower(u.email) = lower($1)`,
        [email],
      )
    )[0];
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    // A disabled account, or one of a unit that no longer exists, answers exactly like a wrong password:
    // the answer never tells whether the password was right.
    const usable = !!user && ok && user.active && user.unit_active;
    await this.em.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)`, [
      email,
      meta.ip ?? null,
      usable,
    ]);
    if (!usable) throw unauthenticated('auth.invalid_credentials', 'Email hoặc mật khẩu không đúng');
    await this.throttle.forgive(accountKey, addressKey);

    const refreshSecret = randomBytes(32).toString('base64url');
    const [session] = await this.em.query(
      `INSERT INTO auth_sessions (user_id, refresh_token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5) RETURNING id`,
      [
        user.id,
        sha256(refreshSecret),
        this.config.auth.refreshTokenTtlSeconds,
        meta.ip ?? null,
        meta.userAgent?.slice(0, 300) ?? null,
      ],
    );
    await this.audit.record({
      actor: `user:${user.id}`,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unit_id,
      after: { sessionId: session.id, ip: meta.ip ?? null },
      requestId: meta.requestId,
    });
    return this.tokens(
      { sub: user.id, sid: session.id, unit: user.unit_id, roles: user.roles },
      refreshSecret,
      session.id,
    );
  }

  /** Rotates the refresh token. Presenting an already-rotated token revokes the session (token theft). */
  async refresh(refreshToken: string): Promise<TokenPairResponse> {
    const [sessionId, secret] = refreshToken.split('.', 2);
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId))
      throw unauthenticated('auth.invalid_refresh_token', 'Phiên đăng nhập không hợp lệ');
    const outcome = await this.em.transaction(async (m) => {
      const row = (
        await m.query(
          `SELECT s.id, s.refresh_token_hash, s.revoked_at, s.expires_at < now() AS expired, u.id AS user_id, u.unit_id, u.roles, u.active,
                  un.active_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS unit_active
             FROM auth_sessions s JOIN users u ON u.id = s.user_id JOIN units un ON un.id = u.unit_id
            WHERE s.id = $1 FOR UPDATE OF s`,
          [sessionId],
        )
      )[0];
      if (!row || row.revoked_at || row.expired || !row.active || !row.unit_active) return { kind: 'invalid' as const };
      if (!timingSafeEqual(Buffer.from(sha256(secret)), Buffer.from(row.refresh_token_hash))) {
        // An already-rotated token came back: someone else holds this session. End it (committed with this transaction).
        await m.query(
          `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh_token_reuse' WHERE id = $1`,
          [sessionId],
        );
        return { kind: 'reused' as const };
      }
      const next = randomBytes(32).toString('base64url');
      await m.query(`UPDATE auth_sessions SET refresh_token_hash = $2, last_used_at = now() WHERE id = $1`, [
        sessionId,
        sha256(next),
      ]);
      return {
        kind: 'ok' as const,
        tokens: await this.tokens(
          { sub: row.user_id, sid: sessionId, unit: row.unit_id, roles: row.roles },
          next,
          sessionId,
        ),
      };
    });
    if (outcome.kind === 'invalid') throw unauthenticated('auth.invalid_refresh_token', 'Phiên đăng nhập đã hết hạn');
    if (outcome.kind === 'reused')
      throw unauthenticated('auth.refresh_token_reused', 'Phiên đăng nhập đã bị thu hồi vì mã làm mới bị dùng lại');
    return outcome.tokens;
  }

  async logout(actor: Actor): Promise<void> {
    await this.em.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1 AND revoked_at IS NULL`,
      [actor.sessionId],
    );
    await this.audit.record({
      actor: actorRef(actor),
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
      unitId: actor.unitId,
      after: { sessionId: actor.sessionId },
      requestId: actor.requestId,
    });
  }

  /** Changes the caller's password; every other session of the user is revoked. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const row = (await this.em.query(`SELECT password_hash FROM users WHERE id = $1`, [actor.userId]))[0];
    if (!row || !(await verifyPassword(row.password_hash, current))) {
      throw new DomainError('unprocessable', 'auth.wrong_password', 'Mật khẩu hiện tại không đúng');
    }
    await this.em.transaction(async (m) => {
      await m.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
        [actor.userId, await hashPassword(next)],
      );
      await m.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'password_changed' WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [actor.userId, actor.sessionId],
      );
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'user.password_changed',
          entityType: 'user',
          entityId: actor.userId,
          unitId: actor.unitId,
          requestId: actor.requestId,
        },
        m,
      );
    });
  }

  /** Verifies an access token and its session; returns the actor. */
  async authenticate(token: string): Promise<Actor> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated('auth.invalid_token', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
    }
    // A token must expire, within the lifetime this server gives (plus a minute of clock skew).
    const maxExp = Math.floor(Date.now() / 1000) + this.config.auth.accessTokenTtlSeconds + 60;
    if (typeof claims.exp !== 'number' || claims.exp > maxExp)
      throw unauthenticated('auth.invalid_token', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
    const row = (
      await this.em.query(
        `SELECT u.unit_id, u.roles, u.active, s.revoked_at,
                CASE WHEN un.is_reviewing_office AND 'reviewer' = ANY(u.roles) THEN l.parent_id END AS review_parent
           FROM auth_sessions s
           JOIN users u ON u.id = s.user_id
           JOIN units un ON un.id = u.unit_id
           LEFT JOIN unit_links l ON l.unit_id = un.id AND l.valid_from <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                                  AND l.valid_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
          WHERE s.id = $1 AND s.user_id = $2 AND un.active_to > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
        [claims.sid, claims.sub],
      )
    )[0];
    if (!row || row.revoked_at || !row.active)
      throw unauthenticated('auth.session_revoked', 'Phiên đăng nhập đã kết thúc');
    // Unit and roles come from the database, not the token, so a role change applies at once.
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      unitId: row.unit_id,
      roles: row.roles,
      reviewAnchorId: row.review_parent ?? row.unit_id,
    };
  }

  private async tokens(claims: AccessClaims, refreshSecret: string, sessionId: string): Promise<TokenPairResponse> {
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    return {
      accessToken,
      refreshToken: `${sessionId}.${refreshSecret}`,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      tokenType: 'Bearer',
    };
  }
}
