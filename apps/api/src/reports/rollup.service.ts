import { Injectable } from '@nestjs/common';
import {
  completeness,
  onTimeRate,
  periodReferenceDate,
  propagandaScore,
  reviewMatrix,
  targetsVsActuals,
  type PeriodKind,
} from '@cchc/domain';
import { ObligationsRepository, PlansRepository, ReportFactsRepository } from '@cchc/persistence';
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

    const matrix = reviewMatrix(units, periods);

    const byPeriod = matrix.periods.map(({ period: p, completeness: c, late, missing }, i) => {
      const [current, previous] = totalsByPeriod[i];
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
        late,
        missing,
      };
    });
    // Per level (depth below the root): plans and each period's reports, with their on-time rates.
    const perLevel = matrix.levels.map((l) => ({
      depth: l.depth,
      units: l.units,
      plans: l.plans,
      plansOnTimeRate: onTimeRate(l.plans),
      reports: l.reports.map((r) => ({ ...r, onTimeRate: onTimeRate(r.completeness) })),
    }));
    return {
      rootUnitId: rootId,
      root: { id: root.id, code: root.code, name: root.name, kind: root.kind },
      year: q.year,
      plans: { completeness: matrix.plans, onTimeRate: onTimeRate(matrix.plans) },
      periods: byPeriod,
      levels: perLevel,
      matrix: matrix.rows,
    };
  }
}
