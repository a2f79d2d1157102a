import {
  DEFAULT_COUNTRY,
  DEFAULT_PROVINCE,
  THPT_SHARE,
  countByKind,
  countrySize,
  generateCountry,
  generateProvince,
  mulberry32,
  provinceShape,
  provinceSize,
} from './synthetic';
import type { SeedUnit } from './demo-units';
import { subtreeCodes, validateUnitTree } from './unit-tree';

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('generateProvince', () => {
  const units = generateProvince();

  it('has the default size 1 + 25 + 150 + 1500 = 1,676', () => {
    expect(units).toHaveLength(1 + 25 + 150 + 1500);
    expect(units).toHaveLength(provinceSize());
    const kinds = countByKind(units);
    expect(kinds).toMatchObject({
      province: 1,
      department: DEFAULT_PROVINCE.departments,
      commune: DEFAULT_PROVINCE.communes,
      school: DEFAULT_PROVINCE.schools,
      district: 0,
      office: 0,
    });
  });

  it('is a sound tree: unique codes, parent before child, NFC names, one root', () => {
    expect(validateUnitTree(units)).toEqual([]);
    expect(units.filter((u) => u.parentCode === null)).toHaveLength(1);
  });

  it('has exactly one reviewing office, Sở Nội vụ, and a Sở GDĐT', () => {
    const reviewing = units.filter((u) => u.isReviewingOffice);
    expect(reviewing).toHaveLength(1);
    expect(reviewing[0]).toMatchObject({ name: 'Sở Nội vụ', kind: 'department', parentCode: DEFAULT_PROVINCE.code });
    expect(units.find((u) => u.name === 'Sở Giáo dục và Đào tạo')).toBeDefined();
  });

  it('puts ~10% of schools (THPT) under the Sở GDĐT and the rest under communes', () => {
    const byCode = new Map(units.map((u) => [u.code, u]));
    const schools = units.filter((u) => u.kind === 'school');
    const thpt = schools.filter((u) => byCode.get(u.parentCode!)!.name === 'Sở Giáo dục và Đào tạo');
    expect(thpt).toHaveLength(Math.round(DEFAULT_PROVINCE.schools * THPT_SHARE));
    for (const s of thpt) expect(s.name.startsWith('Trường THPT ')).toBe(true);
    const lower = schools.filter((u) => byCode.get(u.parentCode!)!.kind === 'commune');
    expect(lower).toHaveLength(schools.length - thpt.length);
    for (const s of lower) expect(s.name).toMatch(/^Trường (Mầm non|Tiểu học|THCS) (số \d+ )?(xã|phường) /);
    expect(new Set(schools.map((s) => s.name)).size).toBe(schools.length);
  });

  it('is deterministic, and differs by code', () => {
    expect(generateProvince()).toEqual(units);
    const other = generateProvince({ code: 'ABC' });
    expect(other.map((u) => u.name)).not.toEqual(units.map((u) => u.name));
  });

  it('honours the options', () => {
    const small = generateProvince({ code: 'BTH', name: 'Bình Thuận', departments: 3, communes: 4, schools: 20 });
    expect(small).toHaveLength(provinceSize({ departments: 3, communes: 4, schools: 20 }));
    expect(small[0]).toMatchObject({
      code: 'BTH',
      name: 'Ủy ban nhân dân tỉnh Bình Thuận',
      kind: 'province',
      parentCode: null,
    });
    expect(validateUnitTree(small)).toEqual([]);
    expect(() => generateProvince({ departments: 1 })).toThrow(RangeError);
  });
});

describe('generateCountry', () => {
  const units = generateCountry();

  it('has 1 + provinces × unitsPerProvince units (≈ 60,000)', () => {
    const expected = 1 + DEFAULT_COUNTRY.provinces * DEFAULT_COUNTRY.unitsPerProvince;
    expect(units).toHaveLength(expected);
    expect(units).toHaveLength(countrySize());
    expect(Math.abs(units.length - 60_000)).toBeLessThan(600);
  });

  it('is one sound tree under VN "Bộ Nội vụ" with country-unique codes', () => {
    expect(validateUnitTree(units)).toEqual([]);
    const roots = units.filter((u) => u.parentCode === null);
    expect(roots).toEqual([{ code: 'VN', name: 'Bộ Nội vụ', abbreviation: 'BNV', kind: 'other', parentCode: null }]);
    const provinces = units.filter((u) => u.kind === 'province');
    expect(provinces).toHaveLength(DEFAULT_COUNTRY.provinces);
    for (const p of provinces) expect(p.parentCode).toBe('VN');
  });

  it('has exactly one reviewing office in each province', () => {
    const provinces = units.filter((u) => u.kind === 'province');
    const reviewingByProvince = new Map<string, SeedUnit[]>();
    for (const p of provinces) {
      const inside = subtreeCodes(units, p.code);
      reviewingByProvince.set(
        p.code,
        units.filter((u) => u.isReviewingOffice && inside.has(u.code)),
      );
    }
    for (const [, reviewing] of reviewingByProvince) expect(reviewing).toHaveLength(1);
    expect(units.filter((u) => u.isReviewingOffice)).toHaveLength(DEFAULT_COUNTRY.provinces);
  });

  it('gives each province exactly unitsPerProvince units', () => {
    const provinces = units.filter((u) => u.kind === 'province');
    for (const p of provinces.slice(0, 3))
      expect(subtreeCodes(units, p.code).size).toBe(DEFAULT_COUNTRY.unitsPerProvince);
  });

  it('sizes follow the options exactly', () => {
    for (const opts of [
      { provinces: 3, unitsPerProvince: 100 },
      { provinces: 2, unitsPerProvince: 4 },
      { provinces: 40, unitsPerProvince: 50 },
    ]) {
      const shape = provinceShape(opts.unitsPerProvince);
      expect(1 + shape.departments + shape.communes + shape.schools).toBe(opts.unitsPerProvince);
      const country = generateCountry(opts);
      expect(country).toHaveLength(1 + opts.provinces * opts.unitsPerProvince);
      expect(validateUnitTree(country)).toEqual([]);
    }
  });

  it('is deterministic', () => {
    expect(generateCountry({ provinces: 2 })).toEqual(units.slice(0, 1 + 2 * DEFAULT_COUNTRY.unitsPerProvince));
  });
});
