import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { conflict, decideFor, DomainError, forbidden, type Role, scopeAnchorOf } from '@cchc/domain';
import { AuditService, inScope, type UnitRow } from '@cchc/persistence';
import { AccessService, today } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { hashPassword } from '../auth/passwords';
import type { CreateUserDto, UpdateUserDto, UserListQuery, UserResponse } from './users.dto';

const USER_COLUMNS = `u.id, u.unit_id AS "unitId", u.email, u.full_name AS "fullName", u.roles, u.active,
  u.notification_channels AS "notificationChannels"`;

const notFoundUser = (id: string) =>
  new DomainError('not_found', 'user.not_found', 'Không tìm thấy người dùng', { id });

/** Users: listed within the caller's read scope (filtered in SQL), managed by admins of their subtree. */
@Injectable()
export class UsersService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: UserListQuery): Promise<{ items: UserResponse[]; nextCursor: string | null }> {
    const limit = q.limit ?? 50;
    const params: unknown[] = [];
    let where = inScope(this.access.readScope(actor), 'u.unit_id', params, { at: today() });
    if (q.unitId) where += ` AND u.unit_id = $${params.push(q.unitId)}`;
    if (q.q)
      where += ` AND (lower(u.email) LIKE $${params.push(`%${q.q.toLowerCase()}%`)} OR lower(u.full_name) LIKE $${params.length} OR u.full_name ILIKE $${params.length})`;
    if (q.after) where += ` AND lower(u.email) > $${params.push(q.after)}`;
    params.push(limit + 1);
    const items: UserResponse[] = await this.em.query(
      `SELECT ${USER_COLUMNS} FROM users u
        WHERE ${where} ORDER BY lower(u.email) LIMIT $${params.length}`,
      params,
    );
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].email.toLowerCase() : null };
  }

  async get(actor: Actor, id: string): Promise<UserResponse> {
    const user = await this.find(id);
    if (!user) throw notFoundUser(id);
    if (!(await this.access.canRead(actor, user.unitId))) throw notFoundUser(id);
    return user;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    const unit = await this.access.authorize(actor, 'user.manage', dto.unitId);
    await this.authorizeGrant(actor, unit, dto.roles);
    const hash = await hashPassword(dto.password);
    return this.em.transaction(async (m) => {
      const taken = await m.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [dto.email]);
      if (taken.length)
        throw conflict('user.email_taken', 'Email đã được dùng cho tài khoản khác', { email: dto.email });
      const [row] = await m.query(
        `INSERT INTO users (unit_id, email, full_name, password_hash, roles, notification_channels)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [dto.unitId, dto.email, dto.fullName, hash, dto.roles, dto.notificationChannels ?? ['in_app', 'email']],
      );
      const user = (await this.find(row.id, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
          after: { ...user },
          requestId: actor.requestId,
        },
        m,
      );
      return user;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const before = await this.manageable(actor, id);
    if (dto.roles && id === actor.userId && before.roles.includes('admin') && !dto.roles.includes('admin')) {
      throw conflict('user.cannot_drop_own_admin', 'Không thể tự bỏ quyền quản trị của chính mình');
    }
    const changed =
      (dto.fullName !== undefined && dto.fullName !== before.fullName) ||
      (dto.roles !== undefined && !sameSet(dto.roles, before.roles)) ||
      (dto.notificationChannels !== undefined && !sameSet(dto.notificationChannels, before.notificationChannels));
    // Nothing to change: nothing written, nothing audited.
    if (!changed) return before;
    if (dto.roles) {
      const added = dto.roles.filter((r) => !before.roles.includes(r));
      const unit = await this.access.authorize(actor, 'user.manage', before.unitId);
      await this.authorizeGrant(actor, unit, added);
    }
    return this.em.transaction(async (m) => {
      await m.query(
        `UPDATE users SET full_name = coalesce($2, full_name), roles = coalesce($3, roles),
                notification_channels = coalesce($4, notification_channels), updated_at = now() WHERE id = $1`,
        [id, dto.fullName ?? null, dto.roles ?? null, dto.notificationChannels ?? null],
      );
      const after = (await this.find(id, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          unitId: after.unitId,
          before: { ...before },
          after: { ...after },
          requestId: actor.requestId,
        },
        m,
      );
      return after;
    });
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<UserResponse> {
    const before = await this.manageable(actor, id);
    if (id === actor.userId && !active)
      throw conflict('user.cannot_disable_self', 'Không thể tự khóa tài khoản của chính mình');
    return this.em.transaction(async (m) => {
      await m.query(`UPDATE users SET active = $2, updated_at = now() WHERE id = $1`, [id, active]);
      if (!active)
        await m.query(
          `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'user_disabled' WHERE user_id = $1 AND revoked_at IS NULL`,
          [id],
        );
      const after = (await this.find(id, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: active ? 'user.enabled' : 'user.disabled',
          entityType: 'user',
          entityId: id,
          unitId: after.unitId,
          before: { active: before.active },
          after: { active },
          requestId: actor.requestId,
        },
        m,
      );
      return after;
    });
  }

  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const user = await this.manageable(actor, id);
    // One's own password is changed with the current one (/auth/password): a stolen session must not suffice.
    if (id === actor.userId)
      throw conflict(
        'user.cannot_reset_own_password',
        'Không thể tự đặt lại mật khẩu của chính mình; hãy đổi mật khẩu (cần mật khẩu hiện tại)',
      );
    const hash = await hashPassword(password);
    await this.em.transaction(async (m) => {
      await m.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
        [id, hash],
      );
      await m.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'password_reset' WHERE user_id = $1 AND revoked_at IS NULL`,
        [id],
      );
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'user.password_reset',
          entityType: 'user',
          entityId: id,
          unitId: user.unitId,
          requestId: actor.requestId,
        },
        m,
      );
    });
  }

  async setPreferences(actor: Actor, channels: string[]): Promise<UserResponse> {
    return this.em.transaction(async (m) => {
      const before = (await this.find(actor.userId, m))!;
      await m.query(`UPDATE users SET notification_channels = $2, updated_at = now() WHERE id = $1`, [
        actor.userId,
        channels,
      ]);
      const after = (await this.find(actor.userId, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'user.preferences_changed',
          entityType: 'user',
          entityId: actor.userId,
          unitId: actor.unitId,
          before: { notificationChannels: before.notificationChannels },
          after: { notificationChannels: after.notificationChannels },
          requestId: actor.requestId,
        },
        m,
      );
      return after;
    });
  }

  /**
   * A role reaches a subtree (scopeAnchorOf): a reviewer of a reviewing office reaches its parent's. Only an admin
   * who holds that reach may grant it, so an office's own admin cannot create reviewers who see the province.
   */
  private async authorizeGrant(actor: Actor, unit: UnitRow, roles: readonly Role[]): Promise<void> {
    for (const role of roles) {
      const anchor = scopeAnchorOf(role, unit);
      if (decideFor('user.grant_role', await this.access.relations(actor, anchor)) !== 'allow') {
        throw forbidden(
          'user.role_beyond_scope',
          'Vai trò này cho phép theo dõi phạm vi rộng hơn quyền của bạn; chỉ quản trị viên cấp trên mới được cấp',
          { role, unitId: unit.id },
        );
      }
    }
  }

  private async manageable(actor: Actor, id: string): Promise<UserResponse> {
    const user = await this.find(id);
    if (!user) throw notFoundUser(id);
    try {
      await this.access.authorize(actor, 'user.manage', user.unitId);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'not_found') throw notFoundUser(id);
      throw e;
    }
    return user;
  }

  private async find(id: string, m: EntityManager = this.em): Promise<UserResponse | null> {
    return (await m.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]))[0] ?? null;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
