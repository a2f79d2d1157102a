// Demo users: one user per role in each demo unit. DEMO DATA ONLY.

import type { SeedUnit } from './demo-units';

import { ROLES, type Role } from '../../../domain/src/units/unit';

export { ROLES };
export type { Role };

export interface SeedUser {
  email: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
}

/**
 * Password shared by every demo user. DEMO ONLY: it is public (it is in the source), so it must never be
 * seeded into an environment reachable by real users. Hash it like any password before storing.
 */
export const DEMO_PASSWORD = 'CchcDemo@2024';

/** Domain of the demo users' e-mail addresses (not a real mail domain of any public body). */
export const DEMO_USER_EMAIL_DOMAIN = 'demo.cchc.vn';

/** Unit code lowercased with every run of non-alphanumerics turned into '-': 'BTH.SGDDT.THPT-CH' → 'bth-sgddt-thpt-ch'. */
export function unitSlug(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function demoUserEmail(role: Role, unitCode: string): string {
  return `${role}.${unitSlug(unitCode)}@${DEMO_USER_EMAIL_DOMAIN}`;
}

// Name parts for deterministic, varied Vietnamese full names (family name, middle name, given name).
const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
  'Lâm',
  'Mai',
  'Tô',
  'Hà',
  'Cao',
];
const MALE_MIDDLE = ['Văn', 'Minh', 'Quốc', 'Đức', 'Hữu', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Tấn'];
const MALE_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thắng',
  'Trung',
  'Tuấn',
  'Việt',
  'Hiếu',
  'Lộc',
  'Vinh',
  'Toàn',
  'Thịnh',
  'Đạt',
];
const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Bích', 'Hồng', 'Phương', 'Thùy'];
const FEMALE_GIVEN = [
  'Anh',
  'Châu',
  'Dung',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Phượng',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
  'Huyền',
  'Quyên',
  'Diệp',
  'Xuân',
];

/** The n-th demo name (n ≥ 0; deterministic). Alternates male and female names; steps coprime to the list sizes. */
export function demoFullName(n: number): string {
  const female = n % 2 === 1;
  const k = Math.floor(n / 2);
  const family = FAMILY_NAMES[(n * 7) % FAMILY_NAMES.length];
  const middle = female ? FEMALE_MIDDLE[(k * 3) % FEMALE_MIDDLE.length] : MALE_MIDDLE[(k * 3) % MALE_MIDDLE.length];
  const given = female ? FEMALE_GIVEN[(k * 5) % FEMALE_GIVEN.length] : MALE_GIVEN[(k * 5) % MALE_GIVEN.length];
  return `${family} ${middle} ${given}`.normalize('NFC');
}

/**
 * One user per role in each unit, in unit order then role order (drafter, approver, reviewer, admin).
 * Deterministic: the same units give the same users.
 */
export function demoUsers(units: readonly SeedUnit[]): SeedUser[] {
  const users: SeedUser[] = [];
  let n = 0;
  for (const unit of units) {
    for (const role of ROLES) {
      users.push({
        email: demoUserEmail(role, unit.code),
        fullName: demoFullName(n),
        unitCode: unit.code,
        roles: [role],
      });
      n++;
    }
  }
  return users;
}
