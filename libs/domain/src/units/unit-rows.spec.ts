import { parseUnitKind, validateUnitRows, type UnitListEntry, type UnitRowRules } from './unit-rows';

/** A deliberately crude address rule, so that the specs see which rule the caller supplied. */
const rules: UnitRowRules = { isEmailAddress: (v) => /^[a-z0-9.]+@[a-z0-9.]+\.vn$/.test(v) };

const entry = (rowNumber: number, values: UnitListEntry['values'], cellErrors?: UnitListEntry['cellErrors']) => ({
  rowNumber,
  values,
  cellErrors,
});

describe('parseUnitKind', () => {
  it.each([
    ['Tỉnh', 'province'],
    ['SỞ', 'department'],
    ['Huyện', 'district'],
    ['xa', 'commune'],
    ['Phường', 'commune'],
    ['phòng', 'office'],
    ['Văn phòng', 'office'],
    ['trường', 'school'],
    ['Trung tâm', 'centre'],
    ['báo', 'media'],
    ['ĐÀI', 'media'],
    ['khác', 'other'],
    ['Department', 'department'],
    ['bộ', null],
  ])('%s → %s', (input, kind) => {
    expect(parseUnitKind(input)).toBe(kind);
  });

  it('reads punctuation between words as a space: “Xã/Phường/Thị trấn”, “Báo - Đài”', () => {
    expect(parseUnitKind('Xã/Phường/Thị trấn')).toBe('commune');
    expect(parseUnitKind(' Báo - Đài ')).toBe('media');
  });
});

describe('validateUnitRows', () => {
  it('returns the cleaned rows when every row is sound', () => {
    const result = validateUnitRows(
      [
        entry(2, {
          code: ' A\u200B ',
          name: 'Ủy ban\u00a0 nhân dân'.normalize('NFD'),
          abbreviation: 'UBND',
          kind: 'Tỉnh',
        }),
        entry(3, {
          code: 'A.B',
          name: 'Sở B',
          abbreviation: 'SB',
          kind: 'sở',
          parentCode: 'A',
          email: 'mailto:b@a.vn',
        }),
      ],
      rules,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          rowNumber: 2,
          code: 'A',
          name: 'Ủy ban nhân dân',
          abbreviation: 'UBND',
          kind: 'province',
          parentCode: null,
          email: null,
        },
        {
          rowNumber: 3,
          code: 'A.B',
          name: 'Sở B',
          abbreviation: 'SB',
          kind: 'department',
          parentCode: 'A',
          email: 'b@a.vn',
        },
      ],
    });
  });

  it('uses the e-mail rule it is given, and asks for a single address', () => {
    const base = { name: 'Đơn vị', abbreviation: 'DV', kind: 'other' };
    const result = validateUnitRows(
      [
        entry(2, { ...base, code: 'A', email: 'a@tinh.vn' }),
        entry(3, { ...base, code: 'B', email: 'b@tinh.com' }),
        entry(4, { ...base, code: 'C', email: 'c@tinh.vn; d@tinh.vn' }),
      ],
      rules,
    );
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      { rowNumber: 3, field: 'email', code: 'import.invalid_email', message: 'Email “b@tinh.com” không hợp lệ.' },
      {
        rowNumber: 4,
        field: 'email',
        code: 'import.invalid_email',
        message: 'Email “c@tinh.vn; d@tinh.vn” không hợp lệ: mỗi đơn vị chỉ nhập một địa chỉ email.',
      },
    ]);
    expect(result.validRows.map((r) => r.code)).toEqual(['A']);
    expect(result.codes).toEqual(['A', 'B', 'C']);
    expect(result.rowCount).toBe(3);
  });

  it('reports an error cell once, not again as a missing field', () => {
    const result = validateUnitRows(
      [entry(2, { code: 'A', name: '', abbreviation: 'A', kind: 'other' }, { name: '#REF!' })],
      rules,
    );
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      {
        rowNumber: 2,
        field: 'name',
        code: 'import.cell_error',
        message: 'Ô tên đơn vị chứa lỗi công thức #REF!. Vui lòng nhập giá trị cụ thể.',
      },
    ]);
  });
});
