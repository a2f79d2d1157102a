import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  completeness,
  periodReferenceDate,
  propagandaScore,
  targetsVsActuals,
  type PeriodKind,
  type PlanTarget,
} from '@cchc/domain';
import { inScope, ReportFactsRepository } from '@cchc/persistence';
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
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly reports: ReportsService,
    private readonly facts: ReportFactsRepository,
  ) {}

  async rollup(actor: Actor, unitId: string, year: number, period: PeriodKind) {
    const asOf = periodReferenceDate(year, period);
    const unit = await this.access.authorize(actor, 'unit.read', unitId, asOf);
    const rollup = await this.facts.rollup({ unitId, year, period });
    const total = rollup.total.accepted;

    // Per-child detail only for children the caller may read (an approver looking at a child sees its totals,
    // not its children one by one).
    const childParams: unknown[] = [unitId, year, period, asOf];
    const visible = inScope(this.access.readScope(actor), 'u.id', childParams, { at: asOf });
    const children: Array<Record<string, any>> = await this.em.query(
      `SELECT u.id, u.code, u.name, u.kind, o.status, o.submitted_on_time AS "submittedOnTime", o.overdue, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline
         FROM unit_links l JOIN units u ON u.id = l.unit_id
         LEFT JOIN obligations o ON o.unit_id = u.id AND o.kind = 'report' AND o.year = $2 AND o.period = $3
        WHERE l.parent_id = $1 AND l.valid_from <= $4::date AND l.valid_to > $4::date AND ${visible}
        ORDER BY u.code`,
      childParams,
    );
    const perChildTotals = await this.facts.rollupPerChild({ unitId, year, period });
    const perChild = children.map((c) => ({ ...c, accepted: perChildTotals.get(c.id)?.accepted ?? {} }));
    const obligations = (where: string, params: unknown[] = [unitId, year, period, asOf]) =>
      this.em.query(
        `SELECT o.unit_id AS "unitId", o.status, o.submitted_on_time AS "submittedOnTime", o.overdue FROM obligations o
          WHERE o.kind = 'report' AND o.year = $2 AND o.period = $3 AND ${where}`,
        params,
      );
    const subtreeParams: unknown[] = [unitId, year, period, asOf];
    const [childObligations, subtreeObligations] = await Promise.all([
      obligations(`o.parent_unit_id = $1 AND $4::date IS NOT NULL`),
      // completeness over the whole subtree is an aggregate (counts), not per-unit detail
      obligations(
        `$1::uuid IS NOT NULL AND $4::date IS NOT NULL AND ${inScope(
          { rootUnitId: unitId, maxDepth: null },
          'o.unit_id',
          subtreeParams,
          { at: asOf },
          { minDepth: 1 },
        )}`,
        subtreeParams,
      ),
    ]);

    // Targets: those of the plan the unit implements (set by its parent), on the period's basis.
    const [plan] = await this.em.query(
      `SELECT sp.targets FROM plans p JOIN plans sp ON sp.id = p.parent_plan_id WHERE p.unit_id = $1 AND p.year = $2`,
      [unitId, year],
    );
    const targets = targetsVsActuals((plan?.targets ?? []) as PlanTarget[], total, period, {
      id: unit.id,
      kind: unit.kind,
    });
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
    const params: unknown[] = [q.year, periods];
    const below = inScope(
      { rootUnitId: rootId, maxDepth: null },
      'o.unit_id',
      params,
      { yearColumn: 'o.year' },
      {
        minDepth: 1,
      },
    );
    const visible = inScope(this.access.readScope(actor), 'o.unit_id', params, { yearColumn: 'o.year' });
    const matrix: Array<Record<string, any>> = await this.em.query(
      `SELECT u.id AS "unitId", u.code, u.name, o.period, o.status, o.submitted_on_time AS "submittedOnTime", o.overdue,
              to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline, o.first_submitted_at AS "firstSubmittedAt"
         FROM obligations o JOIN units u ON u.id = o.unit_id
        WHERE o.kind = 'report' AND o.year = $1 AND o.period = ANY($2) AND ${below} AND ${visible}
        ORDER BY u.code, o.period`,
      params,
    );
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
          completeness: completeness(rows as never),
          late: rows
            .filter((r) => r.submittedOnTime === false || (r.firstSubmittedAt === null && r.overdue))
            .map((r) => ({ code: r.code, name: r.name, status: r.status })),
          missing: rows
            .filter((r) => r.firstSubmittedAt === null)
            .map((r) => ({ code: r.code, name: r.name, overdue: r.overdue })),
        };
      }),
    );
    const units = new Map<string, Record<string, any>>();
    for (const r of matrix) {
      const u = units.get(r.unitId) ?? {
        unitId: r.unitId,
        code: r.code,
        name: r.name,
        periods: {} as Record<string, unknown>,
      };
      u.periods[r.period] = { status: r.status, deadline: r.deadline, onTime: r.submittedOnTime, overdue: r.overdue };
      units.set(r.unitId, u);
    }
    return { rootUnitId: rootId, year: q.year, periods: byPeriod, matrix: [...units.values()] };
  }
}
