import { DEMO_ROOT_CODE, DEMO_SEED_UNIT_CODES, DEMO_UNITS } from './demo-units';
import { UNIT_KINDS } from './unit-kinds';
import { rootCodes, validateUnitTree } from './unit-tree';

const byCode = new Map(DEMO_UNITS.map((u) => [u.code, u]));

describe('DEMO_UNITS (Bình Thuận)', () => {
  it('is a sound tree in topological order with unique codes and NFC names', () => {
    expect(validateUnitTree(DEMO_UNITS)).toEqual([]);
    expect(new Set(DEMO_UNITS.map((u) => u.code)).size).toBe(DEMO_UNITS.length);
  });

  it('has a single root, the province BTH', () => {
    expect(rootCodes(DEMO_UNITS)).toEqual([DEMO_ROOT_CODE]);
    expect(byCode.get('BTH')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Bình Thuận',
      abbreviation: 'UBND',
      kind: 'province',
    });
  });

  it('has two reviewing offices: Sở Nội vụ for the province, Văn phòng Sở for Sở GDĐT', () => {
    const reviewing = DEMO_UNITS.filter((u) => u.isReviewingOffice);
    expect(reviewing.map((u) => u.code)).toEqual(['BTH.SNV', 'BTH.SGDDT.VP']);
    expect(reviewing[0]).toMatchObject({
      name: 'Sở Nội vụ',
      abbreviation: 'SNV',
      kind: 'department',
      parentCode: 'BTH',
    });
  });

  it('holds the departments and media named in seed 001', () => {
    const expected: [string, string, string][] = [
      ['BTH.SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
      ['BTH.STTTT', 'Sở Thông tin và Truyền thông', 'STTTT'],
      ['BTH.STP', 'Sở Tư pháp', 'STP'],
      ['BTH.SKHDT', 'Sở Kế hoạch và Đầu tư', 'SKHĐT'],
      ['BTH.SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH'],
      ['BTH.DPTTH', 'Đài Phát thanh - Truyền hình Bình Thuận', 'ĐPTTH'],
      ['BTH.BBT', 'Báo Bình Thuận', 'BBT'],
    ];
    for (const [code, name, abbreviation] of expected) {
      expect(byCode.get(code)).toMatchObject({ name, abbreviation, parentCode: 'BTH' });
    }
  });

  it('has 3 districts with 2 communes each', () => {
    const districts = DEMO_UNITS.filter((u) => u.kind === 'district');
    expect(districts).toHaveLength(3);
    for (const d of districts) {
      expect(d.parentCode).toBe('BTH');
      expect(d.abbreviation).toBe('UBND');
      const communes = DEMO_UNITS.filter((u) => u.parentCode === d.code && u.kind === 'commune');
      expect(communes).toHaveLength(2);
      for (const c of communes) expect(c.abbreviation).toBe('UBND');
    }
  });

  it('places the seed schools: THPT Cộng Hiền under Sở GDĐT, THCS Trường Sơn under Phòng GDĐT Phan Thiết', () => {
    expect(byCode.get(DEMO_SEED_UNIT_CODES.thptCongHien)).toMatchObject({
      name: 'Trường THPT Cộng Hiền',
      abbreviation: 'THPTCH',
      kind: 'school',
      parentCode: 'BTH.SGDDT',
    });
    expect(byCode.get(DEMO_SEED_UNIT_CODES.thcsTruongSon)).toMatchObject({
      name: 'Trường THCS Trường Sơn',
      abbreviation: 'THCSTS',
      kind: 'school',
      parentCode: 'BTH.PTH.PGDDT',
    });
    expect(byCode.get('BTH.PTH.PGDDT')).toMatchObject({ kind: 'office', abbreviation: 'PGDĐT', parentCode: 'BTH.PTH' });
  });

  it('has under Sở GDĐT its Văn phòng, 4 THPT schools and one GDNN-GDTX centre', () => {
    const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH.SGDDT');
    expect(children.filter((u) => u.kind === 'office')).toHaveLength(1);
    expect(children.filter((u) => u.kind === 'school').every((u) => u.name.startsWith('Trường THPT'))).toBe(true);
    expect(children.filter((u) => u.kind === 'school')).toHaveLength(4);
    expect(children.filter((u) => u.kind === 'centre')).toHaveLength(1);
  });

  it('uses ASCII upper-case codes, known kinds and demo e-mail addresses', () => {
    for (const u of DEMO_UNITS) {
      expect(u.code).toMatch(/^[A-Z0-9]+([.-][A-Z0-9]+)*$/);
      expect(UNIT_KINDS).toContain(u.kind);
      const domain = u.kind === 'school' ? '@edu.binhthuan.gov.vn' : '@binhthuan.gov.vn';
      expect(u.email?.startsWith('demo.')).toBe(true);
      if (u.kind === 'school') expect(u.email?.endsWith(domain)).toBe(true);
      else expect(u.email).toMatch(/@(edu\.)?binhthuan\.gov\.vn$/);
    }
    expect(new Set(DEMO_UNITS.map((u) => u.email)).size).toBe(DEMO_UNITS.length);
  });
});
