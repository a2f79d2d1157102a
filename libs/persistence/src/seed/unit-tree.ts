// Structural checks for a flat list of seed units. Pure functions.

import type { SeedUnit } from './demo-units';

/**
 * Problems with a unit list meant to be inserted in order: duplicate codes, a parent that is missing or
 * appears only later (the list must be in topological order: parent before child), names that are not NFC.
 * Returns an empty array when the list is sound.
 */
export function validateUnitTree(units: readonly SeedUnit[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (seen.has(u.code)) problems.push(`duplicate code ${u.code} at index ${i}`);
    if (u.parentCode !== null && !seen.has(u.parentCode)) {
      problems.push(`unit ${u.code} at index ${i}: parent ${u.parentCode} does not appear before it`);
    }
    if (u.name !== u.name.normalize('NFC')) problems.push(`unit ${u.code}: name is not NFC`);
    if (u.abbreviation !== u.abbreviation.normalize('NFC')) problems.push(`unit ${u.code}: abbreviation is not NFC`);
    seen.add(u.code);
  }
  return problems;
}

/** Codes of the units with no parent. */
export function rootCodes(units: readonly SeedUnit[]): string[] {
  return units.filter((u) => u.parentCode === null).map((u) => u.code);
}

/**
 * The codes of `rootCode` and every unit below it. Assumes topological order (parent before child),
 * which makes this a single pass.
 */
export function subtreeCodes(units: readonly SeedUnit[], rootCode: string): Set<string> {
  const inside = new Set<string>([rootCode]);
  for (const u of units) {
    if (u.parentCode !== null && inside.has(u.parentCode)) inside.add(u.code);
  }
  return inside;
}
