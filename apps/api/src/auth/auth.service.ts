import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { DomainError, type Role } from '@cchc/domain';
import { AuditRepository, LoginThrottleRepository, SessionsRepository, UsersRepository } from '@cchc/persistence';
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
    private readonly audit: AuditRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
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
    const user = await this.users.credentialsByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    // A disabled account, or one of a unit that no longer exists, answers exactly like a wrong password:
    // the answer never tells whether the password was right.
    const usable = !!user && ok && user.active && user.unitActive;
    await this.sessions.recordLoginAttempt({ email, ip: meta.ip ?? null, succeeded: usable });
    if (!user || !usable) throw unauthenticated('auth.invalid_credentials', 'Email hoặc mật khẩu không đúng');
    await this.throttle.forgive(accountKey, addressKey);

    const refreshSecret = randomBytes(32).toString('base64url');
    const sessionId = await this.sessions.create({
      userId: user.id,
      refreshTokenHash: sha256(refreshSecret),
      ttlSeconds: this.config.auth.refreshTokenTtlSeconds,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await this.audit.record({
      actor: `user:${user.id}`,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      after: { sessionId, ip: meta.ip ?? null },
      requestId: meta.requestId,
    });
    return this.tokens(
      { sub: user.id, sid: sessionId, unit: user.unitId, roles: user.roles },
      refreshSecret,
      sessionId,
    );
  }

  /** Rotates the refresh token. Presenting an already-rotated token revokes the session (token theft). */
  async refresh(refreshToken: string): Promise<TokenPairResponse> {
    const [sessionId, secret] = refreshToken.split('.', 2);
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId))
      throw unauthenticated('auth.invalid_refresh_token', 'Phiên đăng nhập không hợp lệ');
    const outcome = await this.em.transaction(async (m) => {
      const row = await this.sessions.lockForRefresh(sessionId, m);
      if (!row || row.revokedAt || row.expired || !row.active || !row.unitActive) return { kind: 'invalid' as const };
      if (!timingSafeEqual(Buffer.from(sha256(secret)), Buffer.from(row.refreshTokenHash))) {
        // An already-rotated token came back: someone else holds this session. End it (committed with this transaction).
        await this.sessions.revoke(sessionId, 'refresh_token_reuse', m);
        return { kind: 'reused' as const };
      }
      const next = randomBytes(32).toString('base64url');
      await this.sessions.rotate(sessionId, sha256(next), m);
      return {
        kind: 'ok' as const,
        tokens: await this.tokens(
          { sub: row.userId, sid: sessionId, unit: row.unitId, roles: row.roles },
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
    await this.sessions.revoke(actor.sessionId, 'logout');
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
    const hash = await this.users.passwordHash(actor.userId);
    if (!hash || !(await verifyPassword(hash, current))) {
      throw new DomainError('unprocessable', 'auth.wrong_password', 'Mật khẩu hiện tại không đúng');
    }
    await this.em.transaction(async (m) => {
      await this.users.setPasswordHash(actor.userId, await hashPassword(next), m);
      await this.sessions.revokeAllOf(actor.userId, 'password_changed', { exceptSessionId: actor.sessionId }, m);
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
    const row = await this.sessions.holder(claims.sid, claims.sub);
    if (!row || row.revokedAt || !row.active)
      throw unauthenticated('auth.session_revoked', 'Phiên đăng nhập đã kết thúc');
    // Unit and roles come from the database, not the token, so a role change applies at once.
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      unitId: row.unitId,
      roles: row.roles,
      reviewAnchorId: row.reviewParentId ?? row.unitId,
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
