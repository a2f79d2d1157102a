import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { Role } from '@cchc/domain';
import type { NotificationChannel } from '../entities/user.entity';
import { inScope, type UnitScope } from '../units/unit-scope';

/** Someone a notification goes to, with the channels they chose. */
export interface RecipientRow {
  /** null for a unit's contact address that is no user's. */
  userId: string | null;
  email: string;
  fullName: string | null;
  phone: string | null;
  channels: string[];
}

/** A user to create with a password hash already computed. */
export interface NewUser {
  unitCode: string;
  email: string;
  fullName: string;
  role: Role;
}

/** A user account as the API shows it (never the password hash). */
export interface UserRow {
  id: string;
  unitId: string;
  email: string;
  fullName: string;
  roles: Role[];
  active: boolean;
  notificationChannels: NotificationChannel[];
}

/** A user account to create (the password already hashed). */
export interface NewUserAccount {
  unitId: string;
  email: string;
  fullName: string;
  passwordHash: string;
  roles: readonly Role[];
  notificationChannels: readonly NotificationChannel[];
}

/** Fields of an account to change; an absent field keeps its value. */
export interface UserChanges {
  fullName?: string;
  roles?: readonly Role[];
  notificationChannels?: readonly NotificationChannel[];
}

/** What signing in needs to know about the account an e-mail names. */
export interface UserCredentialsRow {
  id: string;
  unitId: string;
  roles: Role[];
  active: boolean;
  passwordHash: string;
  /** The user's unit still exists today (not dissolved or merged away). */
  unitActive: boolean;
}

export interface UserListQuery {
  /** Only users of units in this scope (at `asOf`). */
  scope: UnitScope;
  asOf: string;
  unitId?: string;
  /** Case-insensitive search in e-mail and full name. */
  q?: string;
  /** Keyset cursor: the lower-cased e-mail of the last user of the previous page. */
  after?: string;
  limit: number;
}

const USER_COLUMNS = `u.id, u.unit_id AS "unitId", u.email, u.full_name AS "fullName", u.roles, u.active,
  u.notification_channels AS "notificationChannels"`;

/** Today in Vietnam, as an SQL date. */
const TODAY = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

const RECIPIENT_COLUMNS = `u.id AS "userId", u.email, u.full_name AS "fullName", u.phone, u.notification_channels AS channels`;

/** Users (table users). Every method takes an optional EntityManager so callers can run it inside their transaction. */
@Injectable()
export class UsersRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- accounts

  async findById(id: string, m: EntityManager = this.em): Promise<UserRow | null> {
    const rows: UserRow[] = await m.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Users of units in the scope, by lower-cased e-mail, at most `limit`. */
  async list(q: UserListQuery, m: EntityManager = this.em): Promise<UserRow[]> {
    const params: unknown[] = [];
    let where = inScope(q.scope, 'u.unit_id', params, { at: q.asOf });
    if (q.unitId) where += ` AND u.unit_id = $${params.push(q.unitId)}`;
    if (q.q)
      where += ` AND (lower(u.email) LIKE $${params.push(`%${q.q.toLowerCase()}%`)} OR lower(u.full_name) LIKE $${params.length} OR u.full_name ILIKE $${params.length})`;
    if (q.after) where += ` AND lower(u.email) > $${params.push(q.after)}`;
    params.push(q.limit);
    return m.query(
      `SELECT ${USER_COLUMNS} FROM users u
        WHERE ${where} ORDER BY lower(u.email) LIMIT $${params.length}`,
      params,
    );
  }

  /** Whether an account uses this e-mail (case-insensitively). */
  async emailTaken(email: string, m: EntityManager = this.em): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email])).length > 0;
  }

  /** Creates an account; returns its id. */
  async insert(user: NewUserAccount, m: EntityManager = this.em): Promise<string> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO users (unit_id, email, full_name, password_hash, roles, notification_channels)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [user.unitId, user.email, user.fullName, user.passwordHash, user.roles, user.notificationChannels],
    );
    return row.id;
  }

  async update(id: string, changes: UserChanges, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `UPDATE users SET full_name = coalesce($2, full_name), roles = coalesce($3, roles),
              notification_channels = coalesce($4, notification_channels), updated_at = now() WHERE id = $1`,
      [id, changes.fullName ?? null, changes.roles ?? null, changes.notificationChannels ?? null],
    );
  }

  async setActive(id: string, active: boolean, m: EntityManager = this.em): Promise<void> {
    await m.query(`UPDATE users SET active = $2, updated_at = now() WHERE id = $1`, [id, active]);
  }

  // ---------------------------------------------------------------- credentials

  /** The account an e-mail names (case-insensitively), with its password hash, or null. */
  async credentialsByEmail(email: string, m: EntityManager = this.em): Promise<UserCredentialsRow | null> {
    const rows: UserCredentialsRow[] = await m.query(
      `SELECT u.id, u.unit_id AS "unitId", u.roles, u.active, u.password_hash AS "passwordHash",
              un.active_to > ${TODAY} AS "unitActive"
         FROM users u JOIN units un ON un.id = u.unit_id WHERE lower(u.email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** The password hash of an account, or null when there is no such account. */
  async passwordHash(id: string, m: EntityManager = this.em): Promise<string | null> {
    const rows: Array<{ passwordHash: string }> = await m.query(
      `SELECT password_hash AS "passwordHash" FROM users WHERE id = $1`,
      [id],
    );
    return rows[0]?.passwordHash ?? null;
  }

  async setPasswordHash(id: string, passwordHash: string, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }

  // ---------------------------------------------------------------- recipients

  /**
   * Active users matching any of the criteria (a user of one of the units holding one of the roles), each once,
   * by e-mail.
   */
  async activeHolding(
    criteria: ReadonlyArray<{ unitIds: readonly string[]; roles: readonly Role[] }>,
    m: EntityManager = this.em,
  ): Promise<RecipientRow[]> {
    const params: unknown[] = [];
    const any = criteria
      .filter((c) => c.unitIds.length && c.roles.length)
      .map(
        (c) => `(u.unit_id = ANY($${params.push(c.unitIds)}::uuid[]) AND u.roles && $${params.push(c.roles)}::text[])`,
      );
    if (!any.length) return [];
    return m.query(
      `SELECT DISTINCT ${RECIPIENT_COLUMNS} FROM users u WHERE u.active AND (${any.join(' OR ')}) ORDER BY u.email`,
      params,
    );
  }

  /** Creates the users whose e-mail is not taken (case-insensitively) and whose unit exists; returns how many. */
  async insertMissing(users: readonly NewUser[], passwordHash: string, m: EntityManager = this.em): Promise<number> {
    if (!users.length) return 0;
    const inserted: unknown[] = await m.query(
      `INSERT INTO users (unit_id, email, full_name, password_hash, roles)
       SELECT un.id, x.email, x.full_name, $5, ARRAY[x.role]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(email, full_name, unit_code, role)
         JOIN units un ON un.code = x.unit_code
        WHERE NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = lower(x.email))
       RETURNING id`,
      [
        users.map((u) => u.email),
        users.map((u) => u.fullName),
        users.map((u) => u.unitCode),
        users.map((u) => u.role),
        passwordHash,
      ],
    );
    return inserted.length;
  }
}
