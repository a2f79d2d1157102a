/**
 * The one access condition in SQL: "this unit column is inside the caller's read scope". Every list and aggregate
 * query composes it (the scope comes from the access policy via AccessService.readScope), so no list reveals a unit
 * that a single read of it would refuse.
 */
export interface UnitScope {
  /** The root of the subtree the caller may read (a reviewer in a reviewing office: the office's parent). */
  rootUnitId: string;
  /** How deep below the root (0 = the root only, 1 = and its direct children, null = the whole subtree). */
  maxDepth: number | null;
}

/**
 * When the tree is read: at one date, at any time in [from, to], or at any time in the calendar year given by a
 * column of the row (a plan's or an obligation's year: a unit moved during the year stays visible to both parents),
 * or at a date computed from the row (`atSql`, an SQL expression).
 */
export type ScopeTime = { at: string } | { from: string; to: string } | { yearColumn: string } | { atSql: string };

/**
 * `EXISTS (…)` true when `unitColumn` is within `scope` (and at least `minDepth` below its root) at `time`.
 * Pushes its parameters onto `params` and refers to them by position, so it composes with any other condition.
 */
export function inScope(
  scope: UnitScope,
  unitColumn: string,
  params: unknown[],
  time: ScopeTime,
  opts: { minDepth?: number } = {},
): string {
  const root = `$${params.push(scope.rootUnitId)}`;
  const depth = `$${params.push(scope.maxDepth)}::int`;
  let from: string;
  let to: string;
  if ('atSql' in time) {
    from = to = `(${time.atSql})`;
  } else if ('yearColumn' in time) {
    from = `make_date(${time.yearColumn}, 1, 1)`;
    to = `make_date(${time.yearColumn}, 12, 31)`;
  } else {
    from = `$${params.push('at' in time ? time.at : time.from)}::date`;
    to = `$${params.push('at' in time ? time.at : time.to)}::date`;
  }
  const min = opts.minDepth ? ` AND sc.depth >= ${Number(opts.minDepth)}` : '';
  return `EXISTS (SELECT 1 FROM unit_closure sc WHERE sc.ancestor_id = ${root} AND sc.descendant_id = ${unitColumn}
    AND (${depth} IS NULL OR sc.depth <= ${depth})${min} AND sc.valid_from <= ${to} AND sc.valid_to > ${from})`;
}
