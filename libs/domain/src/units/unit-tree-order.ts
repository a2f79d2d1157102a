/**
 * Ordering a list of units by their parent codes: which parents the list leaves undefined, which parent links
 * loop, and an order that puts every parent before its children. Used by the unit-list import.
 */

/** The code of a unit and of its parent (null for a root). */
export interface CodeLink {
  code: string;
  parentCode: string | null;
}

/**
 * Parent index of each unit within `units` (the first unit with that code), or -1 when the parent is null,
 * outside the list, the unit itself, or not usable.
 */
export function parentIndexes(
  units: readonly CodeLink[],
  usable: (i: number) => { code: boolean; parent: boolean } = () => ({ code: true, parent: true }),
): Int32Array {
  const indexByCode = new Map<string, number>();
  units.forEach((u, i) => {
    if (usable(i).code && !indexByCode.has(u.code)) indexByCode.set(u.code, i);
  });
  const parent = new Int32Array(units.length).fill(-1);
  units.forEach((u, i) => {
    if (u.parentCode === null || u.parentCode === u.code || !usable(i).parent) return;
    parent[i] = indexByCode.get(u.parentCode) ?? -1;
  });
  return parent;
}

/** Each cycle of parent links (length ≥ 2), as indexes in link order. */
export function findCycles(parent: Int32Array): number[][] {
  const state = new Uint8Array(parent.length); // 0 new, 1 on the current path, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < parent.length; start++) {
    if (state[start] !== 0) continue;
    const path: number[] = [];
    let i = start;
    while (i !== -1 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = parent[i];
    }
    if (i !== -1 && state[i] === 1) cycles.push(path.slice(path.indexOf(i)));
    for (const p of path) state[p] = 2;
  }
  return cycles;
}

/** Distinct parent codes (in order of first use) that no unit of the list defines: they must exist already. */
export function externalParentCodes(units: readonly CodeLink[]): string[] {
  const defined = new Set(units.map((u) => u.code));
  const external = new Set<string>();
  for (const u of units) if (u.parentCode !== null && !defined.has(u.parentCode)) external.add(u.parentCode);
  return [...external];
}

/**
 * Units ordered parents before children: first the units whose parent is null or outside the list, then their
 * children, and so on level by level; within a level the list order is kept. (Units caught in a parent cycle,
 * which `validateUnitRows` never accepts, come last in list order.)
 */
export function topologicalOrder<T extends CodeLink>(units: readonly T[]): T[] {
  const parent = parentIndexes(units);
  const depth = new Float64Array(units.length).fill(-1);
  for (let start = 0; start < units.length; start++) {
    if (depth[start] !== -1) continue;
    const path: number[] = [];
    const onPath = new Set<number>();
    let i = start;
    while (i !== -1 && depth[i] === -1 && !onPath.has(i)) {
      path.push(i);
      onPath.add(i);
      i = parent[i];
    }
    // Ends at a root's parent (-1), a unit of known depth, or a cycle (no valid depth for anything on this path).
    let d = i === -1 ? -1 : onPath.has(i) ? Infinity : depth[i];
    for (let k = path.length - 1; k >= 0; k--) depth[path[k]] = d = d + 1;
  }
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => depth[a.index] - depth[b.index] || a.index - b.index)
    .map((x) => x.unit);
}
