import { Injectable } from '@nestjs/common';
import {
  completeness,
  onTimeRate,
  periodReferenceDate,
  propagandaScore,
  reviewState,
  targetsVsActuals,
  type PeriodKind,
  type ReviewState,
} from '@cchc/domain';
import {
  ObligationsRepository,
  PlansRepository,
  ReportFactsRepository,
  type ReviewObligationRow,
} from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor } from '../auth/actor';
import { ReportsService } from './reports.service';

/**
 * Rollups over a subtree, computed on read from report facts and the unit closure (no batch job): an accepted
 * child report is in every ancestor's totals the moment it is accepted.
 */
@Injectable()
export class RollupService {
  constructor(
    private readonly access: AccessService,
    private readonly reports: ReportsService,
    private readonly facts: ReportFactsRepository,
    private readonly obligations: ObligationsRepository,
    private readonly plans: PlansRepository,
  ) {}

  async rollup(actor: Actor, unitId: string, year: number, period: PeriodKind) {
    const asOf = periodReferenceDate(year, period);
    const unit = await this.access.authorize(actor, 'unit.read', unitId, asOf);
    const rollup = await this.facts.rollup({ unitId, year, period });
    const total = rollup.total.accepted;

    // Per-child detail only for children the caller may read (an approver looking at a child sees its totals,
    // not its children one by one); completeness over the whole subtree is an aggregate (counts).
    const [children, perChildTotals, childObligations, subtreeObligations, parentTargets] = await Promise.all([
      this.obligations.childrenWithReport({ unitId, year, period, asOf, scope: this.access.readScope(actor) }),
      this.facts.rollupPerChild({ unitId, year, period }),
      this.obligations.childReportStatuses(unitId, year, period),
      this.obligations.reportStatusCounts({
        year,
        periods: [period],
        within: [{ scope: { rootUnitId: unitId, maxDepth: null }, time: { at: asOf }, minDepth: 1 }],
      }),
      // Targets: those of the plan the unit implements (set by its parent), on the period's basis.
      this.plans.parentTargets(unitId, year),
    ]);
    const perChild = children.map((c) => ({ ...c, accepted: perChildTotals.get(c.id)?.accepted ?? {} }));
    const targets = targetsVsActuals(parentTargets, total, period, { id: unit.id, kind: unit.kind });
    const catalogue = await this.reports.catalogue();
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
      year,
      period,
      asOf,
      own: rollup.own.accepted,
      subtreeAccepted: rollup.below.accepted,
      subtreeSubmittedOnly: rollup.below.submittedOnly,
      totalAccepted: total,
      children: perChild,
      completeness: { children: completeness(childObligations), subtree: completeness(subtreeObligations) },
      targets,
      score: propagandaScore(targets, total, catalogue),
    };
  }

  /**
   * The province office's review: plan and report status per unit (matrix with each cell's review state), headline
   * figures for the subtree and per level, totals per period against the root's targets, late and missing units.
   */
  async review(actor: Actor, q: { year: number; period?: PeriodKind; unitId?: string }) {
    type MatrixCell = {
      obligationId: string | null;
      status: string;
      state: ReviewState;
      deadline: string;
      onTime: boolean | null;
      overdue: boolean;
    };
    type MatrixRow = {
      unitId: string;
      code: string;
      name: string;
      kind: string;
      depth: number;
      parentUnitId: string | null;
      plan: (MatrixCell & { planId: string | null; firstSubmittedAt: string | null }) | null;
      periods: Record<string, MatrixCell>;
    };
    const rootId = q.unitId ?? this.access.readScope(actor).rootUnitId;
    const root = await this.access.authorize(actor, 'review.read', rootId);
    const periods: PeriodKind[] = q.period ? [q.period] : ['Q1', 'H1', 'Q3', 'YEAR'];
    // Per-unit rows: units below the reviewed root, and only those the caller may read one by one.
    // (The caller's own scope adds nothing when it is the whole subtree of the reviewed unit.)
    const scope = this.access.readScope(actor);
    const within = [
      { scope: { rootUnitId: rootId, maxDepth: null }, time: { yearColumn: 'o.year' }, minDepth: 1 },
      ...(scope.rootUnitId === rootId && scope.maxDepth === null ? [] : [{ scope, time: { yearColumn: 'o.year' } }]),
    ];
    // Totals of this year and the year before for each period, read while the statuses are.
    const totals = Promise.all(
      periods.map((p) =>
        Promise.all([
          this.facts.rollup({ unitId: rootId, year: q.year, period: p }).then((r) => r.total),
          this.facts.rollup({ unitId: rootId, year: q.year - 1, period: p }).then((r) => r.total),
        ]),
      ),
    );
    const [units, targets, catalogue, totalsByPeriod] = await Promise.all([
      this.obligations.reviewMatrix({ year: q.year, periods, rootUnitId: rootId, within }),
      // The root's targets: those its parent set it; for the top of the tree, those of its own plan.
      this.plans
        .parentTargets(rootId, q.year)
        .then(async (t) => (t.length ? t : this.plans.ownTargets(rootId, q.year))),
      this.reports.catalogue(),
      totals,
    ]);

    // One pass over the units: the matrix rows, and each obligation filed by column (plan or period) and level.
    const planRows: ReviewObligationRow[] = [];
    const byPeriodRows = new Map<PeriodKind, ReviewObligationRow[]>(periods.map((p) => [p, []]));
    const lateByPeriod = new Map<PeriodKind, Array<{ code: string; name: string; status: string }>>(
      periods.map((p) => [p, []]),
    );
    const missingByPeriod = new Map<PeriodKind, Array<{ code: string; name: string; overdue: boolean }>>(
      periods.map((p) => [p, []]),
    );
    const byLevel = new Map<
      number,
      { units: number; plans: ReviewObligationRow[]; reports: Map<PeriodKind, ReviewObligationRow[]> }
    >();
    const rows = units.map((u): MatrixRow => {
      let level = byLevel.get(u.depth);
      if (!level)
        byLevel.set(u.depth, (level = { units: 0, plans: [], reports: new Map(periods.map((p) => [p, []])) }));
      level.units++;
      const row: MatrixRow = {
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
        const state = reviewState(o);
        if (o.kind === 'plan') {
          planRows.push(o);
          level.plans.push(o);
          row.plan = {
            obligationId: o.obligationId,
            planId: o.planId,
            status: o.status,
            state,
            deadline: o.deadline,
            onTime: o.submittedOnTime,
            overdue: o.overdue,
            firstSubmittedAt: o.firstSubmittedAt,
          };
        } else if (o.period) {
          byPeriodRows.get(o.period)?.push(o);
          level.reports.get(o.period)?.push(o);
          row.periods[o.period] = {
            obligationId: o.obligationId,
            status: o.status,
            state,
            deadline: o.deadline,
            onTime: o.submittedOnTime,
            overdue: o.overdue,
          };
          if (o.submittedOnTime === false || (o.firstSubmittedAt === null && o.overdue))
            lateByPeriod.get(o.period)?.push({ code: u.code, name: u.name, status: o.status });
          if (o.firstSubmittedAt === null)
            missingByPeriod.get(o.period)?.push({ code: u.code, name: u.name, overdue: o.overdue });
        }
      }
      return row;
    });

    const byPeriod = periods.map((p, i) => {
      const filed = byPeriodRows.get(p) ?? [];
      const [current, previous] = totalsByPeriod[i];
      const c = completeness(filed);
      const vsTargets = targetsVsActuals(targets, current.accepted, p, { id: root.id, kind: root.kind });
      return {
        period: p,
        totals: current.accepted,
        submittedNotAccepted: current.submittedOnly,
        previousYearTotals: Object.keys(previous.accepted).length ? previous.accepted : null,
        completeness: c,
        onTimeRate: onTimeRate(c),
        targets: vsTargets,
        score: propagandaScore(vsTargets, current.accepted, catalogue),
        late: lateByPeriod.get(p) ?? [],
        missing: missingByPeriod.get(p) ?? [],
      };
    });

    // Per level (depth below the root): plans and each period's reports.
    const plans = completeness(planRows);
    const perLevel = [...byLevel.entries()]
      .sort(([a], [b]) => a - b)
      .map(([depth, level]) => {
        const planC = completeness(level.plans);
        return {
          depth,
          units: level.units,
          plans: planC,
          plansOnTimeRate: onTimeRate(planC),
          reports: periods.map((p) => {
            const c = completeness(level.reports.get(p) ?? []);
            return { period: p, completeness: c, onTimeRate: onTimeRate(c) };
          }),
        };
      });
    return {
      rootUnitId: rootId,
      root: { id: root.id, code: root.code, name: root.name, kind: root.kind },
      year: q.year,
      plans: { completeness: plans, onTimeRate: onTimeRate(plans) },
      periods: byPeriod,
      levels: perLevel,
      matrix: rows,
    };
  }
}
