import type { UnitImportRow } from './unit-rows';
import { externalParentCodes, topologicalOrder } from './unit-tree-order';

describe('topologicalOrder', () => {
  const row = (code: string, parentCode: string | null, rowNumber: number): UnitImportRow => ({
    rowNumber,
    code,
    name: code,
    abbreviation: code,
    kind: 'other',
    parentCode,
    email: null,
  });

  it('puts parents before children, roots and external-parent rows first, file order within a level', () => {
    const rows = [
      row('C1', 'B', 2),
      row('B', 'A', 3),
      row('X', 'DB', 4),
      row('A', null, 5),
      row('C2', 'B', 6),
      row('Y', 'X', 7),
    ];
    expect(topologicalOrder(rows).map((r) => r.code)).toEqual(['X', 'A', 'B', 'Y', 'C1', 'C2']);
  });

  it('keeps an already sorted list of roots in order, and returns every row', () => {
    const rows = [row('A', null, 2), row('B', 'EXT', 3), row('C', null, 4)];
    expect(topologicalOrder(rows)).toEqual(rows);
  });

  it('orders a 2,000-row province so that every parent precedes its children', () => {
    // A province, 25 departments, communes and schools below them; listed children before parents.
    const codes = ['P'];
    const parents: (string | null)[] = [null];
    for (let i = 1; codes.length < 2_000; i++) {
      codes.push(`P.${String(i).padStart(4, '0')}`);
      parents.push(i <= 25 ? 'P' : `P.${String(1 + (i % 25)).padStart(4, '0')}`);
    }
    const rows = codes.map((code, i) => row(code, parents[i], i + 2)).reverse();
    const ordered = topologicalOrder(rows);
    expect(ordered).toHaveLength(rows.length);
    const seen = new Set<string>();
    for (const r of ordered) {
      if (r.parentCode !== null) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
  });

  it('puts rows caught in a parent cycle last, in list order', () => {
    const rows = [row('A', 'B', 2), row('R', null, 3), row('B', 'A', 4), row('S', 'R', 5)];
    expect(topologicalOrder(rows).map((r) => r.code)).toEqual(['R', 'S', 'A', 'B']);
  });
});

describe('externalParentCodes', () => {
  it('lists the parent codes the list does not define, once each, in order of first use', () => {
    const rows = [
      { code: 'A', parentCode: 'DB1' },
      { code: 'B', parentCode: 'A' },
      { code: 'C', parentCode: null },
      { code: 'D', parentCode: 'DB2' },
      { code: 'E', parentCode: 'DB1' },
    ];
    expect(externalParentCodes(rows)).toEqual(['DB1', 'DB2']);
  });
});
