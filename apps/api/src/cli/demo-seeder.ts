import { EntityManager } from 'typeorm';
import { UnitTreeRepository } from '@cchc/persistence';
import { DEMO_PASSWORD, DEMO_UNITS, demoUsers, type SeedUnit } from '@cchc/persistence/seed';
import { hashPassword } from '../auth/passwords';

export interface SeedSummary {
  unitsCreated: number;
  usersCreated: number;
}

/** Demo units exist from this date, so questions about 2023–2025 see the demo tree. */
export const DEMO_VALID_FROM = '2020-01-01';

/**
 * Loads the Bình Thuận demo tree (seed 001) and one user per role in each unit. Idempotent: units and users
 * that already exist (by code / e-mail) are left as they are.
 */
export async function seedDemo(em: EntityManager, units: readonly SeedUnit[] = DEMO_UNITS): Promise<SeedSummary> {
  return em.transaction(async (m) => {
    const tree = new UnitTreeRepository(m);
    const existing = new Set<string>(
      (await m.query(`SELECT code FROM units WHERE code = ANY($1)`, [units.map((u) => u.code)])).map(
        (r: { code: string }) => r.code,
      ),
    );
    const missing = units.filter((u) => !existing.has(u.code));
    const parentIds = new Map<string, string>(
      (
        await m.query(`SELECT id, code FROM units WHERE code = ANY($1)`, [
          missing.map((u) => u.parentCode).filter(Boolean),
        ])
      ).map((r: { id: string; code: string }) => [r.code, r.id]),
    );
    await tree.insertUnits(
      missing.map((u) => ({
        code: u.code,
        name: u.name,
        abbreviation: u.abbreviation,
        kind: u.kind,
        email: u.email ?? null,
        isReviewingOffice: !!u.isReviewingOffice,
        parentId: u.parentCode ? (parentIds.get(u.parentCode) ?? null) : null,
        parentCode: u.parentCode ?? undefined,
      })),
      DEMO_VALID_FROM,
      m,
    );
    const users = demoUsers(units);
    const hash = await hashPassword(DEMO_PASSWORD);
    const inserted = await m.query(
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
        users.map((u) => u.roles[0]),
        hash,
      ],
    );
    if (missing.length || inserted.length) {
      await m.query(
        `INSERT INTO audit_log (actor, action, entity_type, entity_id, after) VALUES ('system:seed', 'seed.demo_loaded', 'system', 'demo', $1)`,
        [{ unitsCreated: missing.length, usersCreated: inserted.length }],
      );
    }
    return { unitsCreated: missing.length, usersCreated: inserted.length };
  });
}
