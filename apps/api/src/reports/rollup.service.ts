import { Injectable } from '@nestjs/common';
import { completeness, periodReferenceDate, propagandaScore, targetsVsActuals, type PeriodKind } from '@cchc/domain';
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
      this.obligations.reportStatuses({
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

  /** The province office's review: totals, unit × period matrix with status and timeliness, late and missing units. */
  async review(actor: Actor, q: { year: number; period?: PeriodKind; unitId?: string }) {
    const rootId = q.unitId ?? this.access.readScope(actor).rootUnitId;
    await this.access.authorize(actor, 'review.read', rootId);
    const periods: PeriodKind[] = q.period ? [q.period] : ['Q1', 'H1', 'Q3', 'YEAR'];
    // Per-unit rows: units below the reviewed root, and only those the caller may read one by one.
    const matrix = await this.obligations.reportStatuses({
      year: q.year,
      periods,
      within: [
        { scope: { rootUnitId: rootId, maxDepth: null }, time: { yearColumn: 'o.year' }, minDepth: 1 },
        { scope: this.access.readScope(actor), time: { yearColumn: 'o.year' } },
      ],
    });
    const byPeriod = await Promise.all(
      periods.map(async (p) => {
        const rows = matrix.filter((m) => m.period === p);
        const [current, previous] = await Promise.all([
          this.facts.rollup({ unitId: rootId, year: q.year, period: p }).then((r) => r.total),
          this.facts.rollup({ unitId: rootId, year: q.year - 1, period: p }).then((r) => r.total),
        ]);
        return {
          period: p,
          totals: current.accepted,
          submittedNotAccepted: current.submittedOnly,
          previousYearTotals: Object.keys(previous.accepted).length ? previous.accepted : null,
          completeness: completeness(rows),
          late: rows
            .filter((r) => r.submittedOnTime === false || (r.firstSubmittedAt === null && r.overdue))
            .map((r) => ({ code: r.code, name: r.name, status: r.status })),
          missing: rows
            .filter((r) => r.firstSubmittedAt === null)
            .map((r) => ({ code: r.code, name: r.name, overdue: r.overdue })),
        };
      }),
    );
    type MatrixCell = { status: string; deadline: string; onTime: boolean | null; overdue: boolean };
    const units = new Map<
      string,
      { unitId: string; code: string; name: string; periods: Record<string, MatrixCell> }
    >();
    for (const r of matrix) {
      const u = units.get(r.unitId) ?? { unitId: r.unitId, code: r.code, name: r.name, periods: {} };
      u.periods[r.period] = { status: r.status, deadline: r.deadline, onTime: r.submittedOnTime, overdue: r.overdue };
      units.set(r.unitId, u);
    }
    return { rootUnitId: rootId, year: q.year, periods: byPeriod, matrix: [...units.values()] };
  }
}
