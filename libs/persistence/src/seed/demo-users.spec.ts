import { DEMO_UNITS } from './demo-units';
import { DEMO_PASSWORD, ROLES, demoFullName, demoUserEmail, demoUsers, unitSlug } from './demo-users';

describe('demoUsers', () => {
  const users = demoUsers(DEMO_UNITS);

  it('gives one user per role in each unit', () => {
    expect(users).toHaveLength(DEMO_UNITS.length * ROLES.length);
    for (const unit of DEMO_UNITS) {
      const mine = users.filter((u) => u.unitCode === unit.code);
      expect(mine.map((u) => u.roles)).toEqual(ROLES.map((r) => [r]));
    }
  });

  it('builds e-mails from role and unit slug, all unique', () => {
    expect(unitSlug('BTH.SGDDT.THPT-CH')).toBe('bth-sgddt-thpt-ch');
    expect(demoUserEmail('drafter', 'BTH.SGDDT.THPT-CH')).toBe('drafter.bth-sgddt-thpt-ch@demo.cchc.vn');
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) expect(u.email).toMatch(/^(drafter|approver|reviewer|admin)\.[a-z0-9-]+@demo\.cchc\.vn$/);
  });

  it('is deterministic and uses varied NFC Vietnamese names', () => {
    expect(demoUsers(DEMO_UNITS)).toEqual(users);
    for (const u of users) {
      expect(u.fullName).toBe(u.fullName.normalize('NFC'));
      expect(u.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(users.map((u) => u.fullName)).size).toBeGreaterThan(users.length * 0.9);
    expect(demoFullName(0)).toBe(demoFullName(0));
  });

  it('has the documented demo password', () => {
    expect(DEMO_PASSWORD).toBe('CchcDemo@2024');
  });
});
