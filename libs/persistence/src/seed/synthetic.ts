// Deterministic synthetic unit trees for tests and benchmarks. No Math.random: every choice comes from a
// seeded PRNG (mulberry32), so the same options always give the same units.
//
// Shape follows the two-level local government in force since 1/7/2025 (DOMAIN.md §1): province → departments
// and communes; THPT schools under the Sở GDĐT, preschool/primary/THCS schools under the communes.

import type { SeedUnit } from './demo-units';
import { UNIT_KINDS, type UnitKind } from './unit-kinds';

// ── PRNG ──────────────────────────────────────────────────────────────────────────────────────────

/** mulberry32: tiny 32-bit seeded PRNG. Returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string, used to derive a PRNG seed from a province code. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ── Vocabulary ────────────────────────────────────────────────────────────────────────────────────

interface DepartmentSpec {
  code: string; // ASCII part of the unit code
  name: string;
  abbreviation: string;
}

// First two are fixed by the model: the reviewing office (Sở Nội vụ) and the Sở GDĐT.
const DEPARTMENTS: DepartmentSpec[] = [
  { code: 'SNV', name: 'Sở Nội vụ', abbreviation: 'SNV' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', abbreviation: 'SGDĐT' },
  { code: 'STP', name: 'Sở Tư pháp', abbreviation: 'STP' },
  { code: 'STC', name: 'Sở Tài chính', abbreviation: 'STC' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', abbreviation: 'SKHĐT' },
  { code: 'SCT', name: 'Sở Công Thương', abbreviation: 'SCT' },
  { code: 'SXD', name: 'Sở Xây dựng', abbreviation: 'SXD' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', abbreviation: 'SGTVT' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', abbreviation: 'SNNPTNT' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', abbreviation: 'STTTT' },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', abbreviation: 'SLĐTBXH' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', abbreviation: 'SVHTTDL' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', abbreviation: 'SKHCN' },
  { code: 'SYT', name: 'Sở Y tế', abbreviation: 'SYT' },
  { code: 'SNGV', name: 'Sở Ngoại vụ', abbreviation: 'SNgV' },
  { code: 'TTR', name: 'Thanh tra tỉnh', abbreviation: 'TTr' },
  { code: 'BDT', name: 'Ban Dân tộc', abbreviation: 'BDT' },
  { code: 'VPUBND', name: 'Văn phòng Ủy ban nhân dân tỉnh', abbreviation: 'VP' },
  { code: 'BQLKCN', name: 'Ban Quản lý các khu công nghiệp', abbreviation: 'BQLKCN' },
  { code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế', abbreviation: 'BQLKKT' },
  { code: 'BQLDA', name: 'Ban Quản lý dự án đầu tư xây dựng tỉnh', abbreviation: 'BQLDA' },
  { code: 'TCT', name: 'Trường Chính trị tỉnh', abbreviation: 'TCT' },
  { code: 'QDTPT', name: 'Quỹ Đầu tư phát triển tỉnh', abbreviation: 'QĐTPT' },
  { code: 'LMHTX', name: 'Liên minh Hợp tác xã tỉnh', abbreviation: 'LMHTX' },
];

const PLACE_FIRST = [
  'Tân',
  'Hòa',
  'An',
  'Phú',
  'Bình',
  'Thạnh',
  'Long',
  'Vĩnh',
  'Phước',
  'Xuân',
  'Đông',
  'Tây',
  'Hưng',
  'Thuận',
  'Quang',
  'Trung',
  'Đức',
  'Hiệp',
  'Mỹ',
  'Nghĩa',
  'Thanh',
  'Hồng',
  'Kim',
  'Yên',
];
const PLACE_SECOND = [
  'Phú',
  'Hòa',
  'Bình',
  'An',
  'Lợi',
  'Thành',
  'Hưng',
  'Long',
  'Thịnh',
  'Lộc',
  'Hải',
  'Sơn',
  'Mỹ',
  'Tiến',
  'Nghĩa',
  'Đông',
  'Trung',
  'Phong',
  'Điền',
  'Lâm',
  'Khánh',
  'Quý',
  'Định',
  'Hà',
];

// Famous names used for THPT schools before falling back to place names.
const THPT_NAMES = [
  'Nguyễn Du',
  'Lê Quý Đôn',
  'Trần Phú',
  'Nguyễn Huệ',
  'Lê Lợi',
  'Ngô Quyền',
  'Nguyễn Trãi',
  'Chu Văn An',
  'Hùng Vương',
  'Phan Chu Trinh',
  'Phan Bội Châu',
  'Lý Thường Kiệt',
  'Trần Quốc Tuấn',
  'Quang Trung',
  'Nguyễn Thị Minh Khai',
  'Võ Thị Sáu',
  'Lê Hồng Phong',
  'Nguyễn Văn Trỗi',
  'Huỳnh Thúc Kháng',
  'Nguyễn Đình Chiểu',
  'Tôn Đức Thắng',
  'Hoàng Hoa Thám',
  'Bùi Thị Xuân',
  'Nguyễn Khuyến',
  'Lương Thế Vinh',
  'Nguyễn Bỉnh Khiêm',
  'Hàm Nghi',
  'Đinh Tiên Hoàng',
  'Lê Thánh Tông',
  'Trần Quang Khải',
];

/** The 34 provincial-level units since 1/7/2025; the first six are centrally-run cities. Codes are ours. */
const PROVINCES: { code: string; name: string; city: boolean }[] = [
  { code: 'HNI', name: 'Hà Nội', city: true },
  { code: 'HCM', name: 'Hồ Chí Minh', city: true },
  { code: 'HPG', name: 'Hải Phòng', city: true },
  { code: 'DNG', name: 'Đà Nẵng', city: true },
  { code: 'CTO', name: 'Cần Thơ', city: true },
  { code: 'HUE', name: 'Huế', city: true },
  { code: 'LCU', name: 'Lai Châu', city: false },
  { code: 'DBN', name: 'Điện Biên', city: false },
  { code: 'SLA', name: 'Sơn La', city: false },
  { code: 'LSN', name: 'Lạng Sơn', city: false },
  { code: 'QNH', name: 'Quảng Ninh', city: false },
  { code: 'THA', name: 'Thanh Hóa', city: false },
  { code: 'NAN', name: 'Nghệ An', city: false },
  { code: 'HTH', name: 'Hà Tĩnh', city: false },
  { code: 'CBG', name: 'Cao Bằng', city: false },
  { code: 'TQG', name: 'Tuyên Quang', city: false },
  { code: 'LCI', name: 'Lào Cai', city: false },
  { code: 'TNN', name: 'Thái Nguyên', city: false },
  { code: 'PTO', name: 'Phú Thọ', city: false },
  { code: 'BNH', name: 'Bắc Ninh', city: false },
  { code: 'HYN', name: 'Hưng Yên', city: false },
  { code: 'NBH', name: 'Ninh Bình', city: false },
  { code: 'QTI', name: 'Quảng Trị', city: false },
  { code: 'QNI', name: 'Quảng Ngãi', city: false },
  { code: 'GLI', name: 'Gia Lai', city: false },
  { code: 'KHA', name: 'Khánh Hòa', city: false },
  { code: 'LDG', name: 'Lâm Đồng', city: false },
  { code: 'DLK', name: 'Đắk Lắk', city: false },
  { code: 'DNI', name: 'Đồng Nai', city: false },
  { code: 'TNH', name: 'Tây Ninh', city: false },
  { code: 'VLG', name: 'Vĩnh Long', city: false },
  { code: 'DTP', name: 'Đồng Tháp', city: false },
  { code: 'CMU', name: 'Cà Mau', city: false },
  { code: 'AGG', name: 'An Giang', city: false },
];

type LowerSchoolType = 'MN' | 'TH' | 'THCS';
const LOWER_SCHOOL_LABEL: Record<LowerSchoolType, string> = { MN: 'Mầm non', TH: 'Tiểu học', THCS: 'THCS' };
// Rough national proportions of preschool : primary : lower-secondary schools.
const LOWER_SCHOOL_WEIGHTS: [LowerSchoolType, number][] = [
  ['MN', 0.38],
  ['TH', 0.36],
  ['THCS', 0.26],
];

/** Share of a province's schools that are THPT (under the Sở GDĐT). */
export const THPT_SHARE = 0.1;

// ── Helpers ───────────────────────────────────────────────────────────────────────────────────────

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Initials of the words, keeping Vietnamese letters: 'Tân Phú' → 'TP', 'Đông Hòa' → 'ĐH'. */
function initials(words: string): string {
  return words
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase())
    .join('');
}

function shuffleInPlace<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** Distributes `total` over `weights` exactly (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const counts = exact.map((x) => Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k].i]++;
  return counts;
}

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}

// ── Province ──────────────────────────────────────────────────────────────────────────────────────

export interface GenerateProvinceOptions {
  /** ASCII code of the province root, used as prefix of every code. Default 'SYN'. */
  code?: string;
  /** Number of departments (kind 'department'), at least 2 (Sở Nội vụ and Sở GDĐT). Default 25. */
  departments?: number;
  /** Number of communes. Default 150. */
  communes?: number;
  /** Number of schools; THPT_SHARE of them (rounded) under the Sở GDĐT, the rest under communes. Default 1500. */
  schools?: number;
  /** Province name without "tỉnh", e.g. 'Bình Thuận'. Default 'Thử Nghiệm'. */
  name?: string;
  /** Centrally-run city: the root is "Ủy ban nhân dân thành phố …". Default false. */
  city?: boolean;
  /** Parent of the province root (used by generateCountry). Default null. */
  parentCode?: string | null;
  /** PRNG seed. Default: hash of the code. */
  seed?: number;
}

export const DEFAULT_PROVINCE = {
  code: 'SYN',
  name: 'Thử Nghiệm',
  departments: 25,
  communes: 150,
  schools: 1500,
} as const;

/** Number of units generateProvince returns for these options: 1 + departments + communes + schools. */
export function provinceSize(opts: Pick<GenerateProvinceOptions, 'departments' | 'communes' | 'schools'> = {}): number {
  return (
    1 +
    (opts.departments ?? DEFAULT_PROVINCE.departments) +
    (opts.communes ?? DEFAULT_PROVINCE.communes) +
    (opts.schools ?? DEFAULT_PROVINCE.schools)
  );
}

/**
 * One province: root (kind 'province') + departments (first Sở Nội vụ, flagged isReviewingOffice; second Sở GDĐT)
 * + communes + schools (THPT under the Sở GDĐT; mầm non, tiểu học, THCS under communes). Parent before child.
 */
export function generateProvince(opts: GenerateProvinceOptions = {}): SeedUnit[] {
  const code = opts.code ?? DEFAULT_PROVINCE.code;
  const provinceName = (opts.name ?? DEFAULT_PROVINCE.name).normalize('NFC');
  const departments = opts.departments ?? DEFAULT_PROVINCE.departments;
  const communes = opts.communes ?? DEFAULT_PROVINCE.communes;
  const schools = opts.schools ?? DEFAULT_PROVINCE.schools;
  assertCount('departments', departments, 2);
  assertCount('communes', communes, 0);
  assertCount('schools', schools, 0);
  if (!/^[A-Z0-9][A-Z0-9.-]*$/.test(code)) throw new RangeError(`code must be ASCII upper case, got ${code}`);

  const thptCount = communes === 0 ? schools : Math.round(schools * THPT_SHARE);
  const lowerCount = schools - thptCount;

  const rand = mulberry32(opts.seed ?? hashString(code));
  const units: SeedUnit[] = [];
  const push = (u: SeedUnit) => units.push(u);

  push({
    code,
    name: `Ủy ban nhân dân ${opts.city ? 'thành phố' : 'tỉnh'} ${provinceName}`,
    abbreviation: 'UBND',
    kind: 'province',
    parentCode: opts.parentCode ?? null,
  });

  // Departments.
  const sgddtCode = `${code}.SGDDT`;
  for (let i = 0; i < departments; i++) {
    const spec = DEPARTMENTS[i];
    if (spec) {
      const u: SeedUnit = {
        code: `${code}.${spec.code}`,
        name: spec.name,
        abbreviation: spec.abbreviation,
        kind: 'department',
        parentCode: code,
      };
      if (i === 0) u.isReviewingOffice = true;
      push(u);
    } else {
      const n = i + 1;
      push({
        code: `${code}.D${pad(n, 3)}`,
        name: `Ban, ngành số ${n}`,
        abbreviation: `BN${n}`,
        kind: 'department',
        parentCode: code,
      });
    }
  }

  // Commune names: distinct two-syllable names in shuffled order, numbered once the pairs run out.
  const pairs: string[] = [];
  for (const a of PLACE_FIRST) for (const b of PLACE_SECOND) if (a !== b) pairs.push(`${a} ${b}`);
  shuffleInPlace(pairs, rand);
  const communeCodes: string[] = [];
  const communePlaces: string[] = []; // e.g. 'xã Tân Phú'
  for (let i = 0; i < communes; i++) {
    const base = pairs[i % pairs.length];
    const place = i < pairs.length ? base : `${base} ${Math.floor(i / pairs.length) + 1}`;
    const ward = rand() < 0.2; // about a fifth are phường
    const level = ward ? 'phường' : 'xã';
    const communeCode = `${code}.X${pad(i + 1, 3)}`;
    communeCodes.push(communeCode);
    communePlaces.push(`${level} ${place}`);
    push({
      code: communeCode,
      name: `Ủy ban nhân dân ${level} ${place}`,
      abbreviation: 'UBND',
      kind: 'commune',
      parentCode: code,
    });
  }

  // THPT schools under the Sở GDĐT.
  const thptNamesUsed = new Set<string>();
  for (let i = 0; i < thptCount; i++) {
    let label: string;
    if (i === 0) label = `Chuyên ${provinceName}`;
    else if (i - 1 < THPT_NAMES.length) label = THPT_NAMES[i - 1];
    else if (communes > 0) label = communePlaces[(i - 1 - THPT_NAMES.length) % communes].replace(/^(xã|phường) /, '');
    else label = `số ${i + 1}`;
    let name = `Trường THPT ${label}`;
    for (let k = 2; thptNamesUsed.has(name); k++) name = `Trường THPT ${label} số ${k}`;
    thptNamesUsed.add(name);
    push({
      code: `${sgddtCode}.THPT${pad(i + 1, 3)}`,
      name,
      abbreviation: `THPT${initials(label)}`,
      kind: 'school',
      parentCode: sgddtCode,
    });
  }

  // Preschool, primary and THCS schools under the communes, spread by a random "population" weight.
  if (lowerCount > 0) {
    const weights = communeCodes.map(() => 0.5 + rand());
    const perCommune = apportion(lowerCount, weights);
    for (let c = 0; c < communes; c++) {
      const count = perCommune[c];
      // Every commune with ≥3 schools gets one of each type first; the rest by national proportions.
      const types: LowerSchoolType[] = [];
      for (let k = 0; k < count; k++) {
        if (k < 3) types.push(LOWER_SCHOOL_WEIGHTS[k][0]);
        else {
          let r = rand();
          let t: LowerSchoolType = 'THCS';
          for (const [type, w] of LOWER_SCHOOL_WEIGHTS) {
            if (r < w) {
              t = type;
              break;
            }
            r -= w;
          }
          types.push(t);
        }
      }
      const rank: Record<LowerSchoolType, number> = { MN: 0, TH: 1, THCS: 2 };
      types.sort((a, b) => rank[a] - rank[b]);
      const totals: Record<LowerSchoolType, number> = { MN: 0, TH: 0, THCS: 0 };
      for (const t of types) totals[t]++;
      const seen: Record<LowerSchoolType, number> = { MN: 0, TH: 0, THCS: 0 };
      const place = communePlaces[c];
      const placeName = place.replace(/^(xã|phường) /, '');
      for (const t of types) {
        const n = ++seen[t];
        const label = LOWER_SCHOOL_LABEL[t];
        const name = totals[t] > 1 ? `Trường ${label} số ${n} ${place}` : `Trường ${label} ${place}`;
        push({
          code: `${communeCodes[c]}.${t}${n}`,
          name,
          abbreviation: `${t}${initials(placeName)}${totals[t] > 1 ? n : ''}`,
          kind: 'school',
          parentCode: communeCodes[c],
        });
      }
    }
  }

  return units;
}

// ── Country ───────────────────────────────────────────────────────────────────────────────────────

export interface GenerateCountryOptions {
  /** Number of provinces. Default 34. */
  provinces?: number;
  /** Units per province including its root. Default 1,765, so the default country is 1 + 34 × 1,765 = 60,011 units. */
  unitsPerProvince?: number;
}

export const DEFAULT_COUNTRY = { provinces: 34, unitsPerProvince: 1765, rootCode: 'VN' } as const;

/**
 * How a province of `unitsPerProvince` units is split: 25 departments (fewer for tiny provinces, at least 2),
 * and the rest communes : schools ≈ 1 : 10 as in the default province. Sums to exactly unitsPerProvince.
 */
export function provinceShape(unitsPerProvince: number): { departments: number; communes: number; schools: number } {
  assertCount('unitsPerProvince', unitsPerProvince, 4);
  const departments = Math.max(2, Math.min(DEFAULT_PROVINCE.departments, Math.floor((unitsPerProvince - 1) / 67)));
  const rest = unitsPerProvince - 1 - departments;
  const communes = Math.max(1, Math.round(rest / 11));
  return { departments, communes, schools: rest - communes };
}

/** Number of units generateCountry returns: 1 + provinces × unitsPerProvince. */
export function countrySize(opts: GenerateCountryOptions = {}): number {
  return (
    1 + (opts.provinces ?? DEFAULT_COUNTRY.provinces) * (opts.unitsPerProvince ?? DEFAULT_COUNTRY.unitsPerProvince)
  );
}

/**
 * The whole country as one tree: root 'VN' "Bộ Nội vụ" (kind 'other') with the provinces under it. Each province
 * code (e.g. 'HNI'; 'P035' … beyond the 34 real ones) prefixes all its units' codes, so codes are unique
 * country-wide. Parent before child.
 */
export function generateCountry(opts: GenerateCountryOptions = {}): SeedUnit[] {
  const provinces = opts.provinces ?? DEFAULT_COUNTRY.provinces;
  const unitsPerProvince = opts.unitsPerProvince ?? DEFAULT_COUNTRY.unitsPerProvince;
  assertCount('provinces', provinces, 0);
  const shape = provinceShape(unitsPerProvince);
  const root = DEFAULT_COUNTRY.rootCode;
  const units: SeedUnit[] = [{ code: root, name: 'Bộ Nội vụ', abbreviation: 'BNV', kind: 'other', parentCode: null }];
  for (let p = 0; p < provinces; p++) {
    const known = PROVINCES[p];
    const code = known ? known.code : `P${pad(p + 1, 3)}`;
    const province = generateProvince({
      ...shape,
      code,
      name: known ? known.name : `Thử Nghiệm ${p + 1}`,
      city: known ? known.city : false,
      parentCode: root,
    });
    for (const u of province) units.push(u);
  }
  return units;
}

// ── Stats ─────────────────────────────────────────────────────────────────────────────────────────

/** Count of units per kind; every kind present, zero when absent. */
export function countByKind(units: readonly SeedUnit[]): Record<UnitKind, number> {
  const counts = Object.fromEntries(UNIT_KINDS.map((k) => [k, 0])) as Record<UnitKind, number>;
  for (const u of units) counts[u.kind]++;
  return counts;
}
