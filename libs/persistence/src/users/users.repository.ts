import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { Role } from '@cchc/domain';

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

const RECIPIENT_COLUMNS = `u.id AS "userId", u.email, u.full_name AS "fullName", u.phone, u.notification_channels AS channels`;

/** Users (table users). Every method takes an optional EntityManager so callers can run it inside their transaction. */
@Injectable()
export class UsersRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

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
