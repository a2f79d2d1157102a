import type { ObligationStatus } from '../obligations/obligation';
import type { PeriodKind } from '../periods/report-periods';
import { completeness, type Completeness } from './aggregation';
import { reviewState, type ReviewState } from './review-state';

/** One obligation of a unit as the review reads it: its plan (period null) or its report for a period. */
export interface ReviewObligation {
  obligationId: string;
  kind: 'plan' | 'report';
  period: PeriodKind | null;
  status: ObligationStatus;
  submittedOnTime: boolean | null;
  overdue: boolean;
  /** The effective deadline, YYYY-MM-DD. */
  deadline: string;
  /** ISO 8601 (UTC) of the first submission, null while never submitted. */
  firstSubmittedAt: string | null;
  /** The plan that fulfils a plan obligation, once drafted. */
  planId: string | null;
}

/** A unit below the reviewed root: where it sits in the year and what it owes. */
export interface ReviewUnit {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  /** Levels below the reviewed root (1 = its children). */
  depth: number;
  parentUnitId: string | null;
  obligations: ReviewObligation[];
}

/** A cell of the matrix: one obligation, coloured by its review state. */
export interface ReviewCell {
  obligationId: string;
  status: ObligationStatus;
  state: ReviewState;
  deadline: string;
  onTime: boolean | null;
  overdue: boolean;
}

export interface ReviewRow {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  depth: number;
  parentUnitId: string | null;
  plan: (ReviewCell & { planId: string | null; firstSubmittedAt: string | null }) | null;
  periods: Partial<Record<PeriodKind, ReviewCell>>;
}

export interface ReviewPeriodFigures {
  period: PeriodKind;
  completeness: Completeness;
  /** Units that did not report by the deadline: handed in late, or not handed in and overdue. */
  late: Array<{ code: string; name: string; status: ObligationStatus }>;
  /** Units that never handed the report in (overdue or not yet due). */
  missing: Array<{ code: string; name: string; overdue: boolean }>;
}

export interface ReviewLevelFigures {
  depth: number;
  units: number;
  plans: Completeness;
  reports: Array<{ period: PeriodKind; completeness: Completeness }>;
}

export interface ReviewMatrix {
  /** One row per unit, in the order given. */
  rows: ReviewRow[];
  /** Plans of the whole subtree. */
  plans: Completeness;
  /** Reports of the whole subtree, per period of `periods`, in that order. */
  periods: ReviewPeriodFigures[];
  /** Plans and reports per level below the root, shallowest first. */
  levels: ReviewLevelFigures[];
}

/**
 * The reviewing office's matrix and its counts, in one pass over the units: each obligation becomes a cell and is
 * counted for the subtree, for its period and for its unit's level.
 */
export function reviewMatrix(units: readonly ReviewUnit[], periods: readonly PeriodKind[]): ReviewMatrix {
  const plans: ReviewObligation[] = [];
  const perPeriod = new Map(
    periods.map((p) => [
      p,
      {
        reports: [] as ReviewObligation[],
        late: [] as ReviewPeriodFigures['late'],
        missing: [] as ReviewPeriodFigures['missing'],
      },
    ]),
  );
  const perLevel = new Map<
    number,
    { units: number; plans: ReviewObligation[]; reports: Map<PeriodKind, ReviewObligation[]> }
  >();

  const rows = units.map((u): ReviewRow => {
    let level = perLevel.get(u.depth);
    if (!level) perLevel.set(u.depth, (level = { units: 0, plans: [], reports: new Map(periods.map((p) => [p, []])) }));
    level.units++;
    const row: ReviewRow = {
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      depth: u.depth,
      parentUnitId: u.parentUnitId,
      plan: null,
      periods: {},
    };
    for (const o of u.obligations) {
      const cell: ReviewCell = {
        obligationId: o.obligationId,
        status: o.status,
        state: reviewState(o),
        deadline: o.deadline,
        onTime: o.submittedOnTime,
        overdue: o.overdue,
      };
      if (o.kind === 'plan') {
        plans.push(o);
        level.plans.push(o);
        row.plan = { ...cell, planId: o.planId, firstSubmittedAt: o.firstSubmittedAt };
        continue;
      }
      const period = o.period ? perPeriod.get(o.period) : undefined;
      if (!o.period || !period) continue; // a period not asked for
      period.reports.push(o);
      level.reports.get(o.period)?.push(o);
      row.periods[o.period] = cell;
      if (o.submittedOnTime === false || (o.firstSubmittedAt === null && o.overdue))
        period.late.push({ code: u.code, name: u.name, status: o.status });
      if (o.firstSubmittedAt === null) period.missing.push({ code: u.code, name: u.name, overdue: o.overdue });
    }
    return row;
  });

  return {
    rows,
    plans: completeness(plans),
    periods: periods.map((p) => {
      const x = perPeriod.get(p)!;
      return { period: p, completeness: completeness(x.reports), late: x.late, missing: x.missing };
    }),
    levels: [...perLevel.entries()]
      .sort(([a], [b]) => a - b)
      .map(([depth, l]) => ({
        depth,
        units: l.units,
        plans: completeness(l.plans),
        reports: periods.map((p) => ({ period: p, completeness: completeness(l.reports.get(p) ?? []) })),
      })),
  };
}
