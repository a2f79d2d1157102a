import { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit';
import { UnitTreeRepository } from '../units';
import { UsersRepository } from '../users';
import { DEMO_UNITS, type SeedUnit } from './demo-units';
import { DEMO_PASSWORD, demoUsers } from './demo-users';

export interface SeedSummary {
  unitsCreated: number;
  usersCreated: number;
}

/** Demo units exist from this date, so questions about 2023–2025 see the demo tree. */
export const DEMO_VALID_FROM = '2020-01-01';

/**
 * Loads the Bình Thuận demo tree (seed 001) and one user per role in each unit, with the demo password hashed by
 * `hashPassword` (the API's password hashing). Idempotent: units and users that already exist (by code / e-mail) are
 * left as they are.
 */
export async function seedDemo(
  em: EntityManager,
  hashPassword: (plain: string) => Promise<string>,
  units: readonly SeedUnit[] = DEMO_UNITS,
): Promise<SeedSummary> {
  return em.transaction(async (m) => {
    const tree = new UnitTreeRepository(m);
    const existing = new Set(
      (
        await tree.findByCodes(
          units.map((u) => u.code),
          DEMO_VALID_FROM,
        )
      ).map((u) => u.code),
    );
    const missing = units.filter((u) => !existing.has(u.code));
    const parentIds = new Map(
      (
        await tree.findByCodes(
          missing.flatMap((u) => (u.parentCode ? [u.parentCode] : [])),
          DEMO_VALID_FROM,
        )
      ).map((u) => [u.code, u.id]),
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
    const usersCreated = await new UsersRepository(m).insertMissing(
      demoUsers(units).map((u) => ({ unitCode: u.unitCode, email: u.email, fullName: u.fullName, role: u.roles[0] })),
      await hashPassword(DEMO_PASSWORD),
    );
    if (missing.length || usersCreated) {
      await new AuditRepository(m).record({
        actor: 'system:seed',
        action: 'seed.demo_loaded',
        entityType: 'system',
        entityId: 'demo',
        after: { unitsCreated: missing.length, usersCreated },
      });
    }
    return { unitsCreated: missing.length, usersCreated };
  });
}
