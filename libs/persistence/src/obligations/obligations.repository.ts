import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type {
  LocalDate,
  ObligationCommand,
  ObligationKind,
  ObligationStatus,
  PeriodKind,
  ReminderPolicy,
  ReportSchedule,
  ReviewObligation,
  ReviewUnit,
} from '@cchc/domain';
import { inScope, type ScopeTime, type UnitScope } from '../units/unit-scope';

/** An obligation as lists and single reads show it (with unit and source-plan names). */
export interface ObligationListRow {
  id: string;
  kind: ObligationKind;
  period: PeriodKind | '';
  year: number;
  status: ObligationStatus;
  sourcePlanId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  parentUnitId: string;
  parentUnitName: string;
  nominalDeadline: LocalDate;
  deadline: LocalDate;
  deadlineEndsAt: Date;
  firstSubmittedAt: Date | null;
  lastSubmittedAt: Date | null;
  submittedOnTime: boolean | null;
  overdue: boolean;
  decidedAt: Date | null;
  planId: string | null;
  sourcePlanSymbol: string | null;
  sourcePlanTitle: string;
}

export interface InboxRow extends ObligationListRow {
  planTitle: string | null;
  versionNo: number | null;
}

/** The columns an action on an obligation needs. */
export interface ObligationCore {
  id: string;
  kind: ObligationKind;
  unitId: string;
  parentUnitId: string;
  year: number;
  period: PeriodKind | '';
  status: ObligationStatus;
  sourcePlanId: string;
  workflowId: string;
  /** The effective (shifted) deadline. */
  deadline: LocalDate;
}

export interface TransitionRow {
  seq: number;
  command: ObligationCommand | 'extend_deadline';
  from: ObligationStatus;
  to: ObligationStatus;
  actor: string;
  at: Date;
  reason: string | null;
  versionNo: number | null;
}

/** Report obligations alike in what completeness looks at, and how many. */
export interface ReportStatusCountRow {
  period: PeriodKind;
  status: ObligationStatus;
  submittedOnTime: boolean | null;
  overdue: boolean;
  count: number;
}

/** A unit's report obligation for a period, as completeness and the review matrix see it. */
export interface ReportStatusRow {
  unitId: string;
  code: string;
  name: string;
  period: PeriodKind;
  status: ObligationStatus;
  submittedOnTime: boolean | null;
  overdue: boolean;
  deadline: string;
  firstSubmittedAt: Date | null;
}

/** The review's rows are the domain's input (libs/domain/src/reports/review-matrix.ts). */
export type ReviewObligationRow = ReviewObligation;
export type ReviewUnitRow = ReviewUnit;

export interface DeadlineValues {
  nominal: string;
  effective: string;
  endsAt: string;
}

/** What a message about one obligation names: the unit, its parent, the source plan. */
export interface ObligationNoticeContext {
  id: string;
  kind: ObligationKind;
  /** The report period ('' for a plan obligation). */
  period: string;
  year: number;
  unitId: string;
  unitName: string;
  unitEmail: string | null;
  parentUnitId: string;
  parentUnitName: string;
  planId: string;
  planSymbol: string | null;
  planTitle: string;
}

/** One obligation of a plan, for a digest: the obliged unit's name and the shifted deadline ('YYYY-MM-DD'). */
export interface OpenObligationRow {
  unitName: string;
  deadline: string;
  status: ObligationStatus;
}

export interface PlanObligationsQuery {
  planId: string;
  kind: ObligationKind;
  /** The report period ('' for the plan obligations). */
  period: string;
}

/** Not yet submitted (or returned for rework): what an overdue digest lists. */
const OPEN_STATUSES: readonly ObligationStatus[] = ['pending', 'draft', 'returned'];

export const OBLIGATION_COLUMNS = `o.id, o.kind, o.period, o.year, o.status, o.source_plan_id AS "sourcePlanId",
  o.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
  o.parent_unit_id AS "parentUnitId", pu.name AS "parentUnitName",
  to_char(o.nominal_deadline, 'YYYY-MM-DD') AS "nominalDeadline", to_char(o.effective_deadline, 'YYYY-MM-DD') AS "deadline",
  o.deadline_ends_at AS "deadlineEndsAt", o.first_submitted_at AS "firstSubmittedAt", o.last_submitted_at AS "lastSubmittedAt",
  o.submitted_on_time AS "submittedOnTime", o.overdue, o.decided_at AS "decidedAt",
  o.fulfilled_by_plan_id AS "planId", sp.symbol AS "sourcePlanSymbol", sp.title AS "sourcePlanTitle"`;

const FROM = `FROM obligations o JOIN units u ON u.id = o.unit_id JOIN units pu ON pu.id = o.parent_unit_id JOIN plans sp ON sp.id = o.source_plan_id`;
const CORE = `o.id, o.kind, o.unit_id AS "unitId", o.parent_unit_id AS "parentUnitId", o.year, o.period, o.status,
  o.source_plan_id AS "sourcePlanId", o.workflow_id AS "workflowId", to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline`;
const ORDER = { incoming: 'o.effective_deadline, o.kind, o.period', outgoing: 'u.code, o.kind, o.period' } as const;

/**
 * Obligations and their transition log (tables obligations, obligation_transitions): the read model of the
 * obligation workflows. Only the worker's activities write them (through this class); the API reads them.
 */
@Injectable()
export class ObligationsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- reads

  /**
   * What a unit owes (incoming: `o.unit_id = unitId`) or what its children owe it (outgoing: `o.parent_unit_id`),
   * of units inside `scope` during the obligation's year.
   */
  async list(q: {
    direction: 'incoming' | 'outgoing';
    unitId: string;
    scope: UnitScope;
    year?: number;
    kind?: ObligationKind;
    status?: ObligationStatus;
  }): Promise<ObligationListRow[]> {
    const params: unknown[] = [q.unitId, q.year ?? null, q.kind ?? null, q.status ?? null];
    const visible = inScope(q.scope, 'o.unit_id', params, { yearColumn: 'o.year' });
    const column = q.direction === 'incoming' ? 'o.unit_id' : 'o.parent_unit_id';
    return this.em.query(
      `SELECT ${OBLIGATION_COLUMNS} ${FROM}
        WHERE ${column} = $1 AND ($2::int IS NULL OR o.year = $2) AND ($3::text IS NULL OR o.kind = $3)
          AND ($4::text IS NULL OR o.status = $4) AND ${visible}
        ORDER BY ${ORDER[q.direction]}`,
      params,
    );
  }

  /** Submissions of the direct children of `parentUnitId` waiting for a decision, oldest first. */
  async inbox(parentUnitId: string): Promise<InboxRow[]> {
    return this.em.query(
      `SELECT ${OBLIGATION_COLUMNS}, p.title AS "planTitle", p.submission_count AS "versionNo" ${FROM}
         LEFT JOIN plans p ON p.id = o.fulfilled_by_plan_id
        WHERE o.parent_unit_id = $1 AND o.status = 'submitted'
        ORDER BY o.last_submitted_at, o.id`,
      [parentUnitId],
    );
  }

  async findView(id: string): Promise<ObligationListRow | null> {
    return (await this.em.query(`SELECT ${OBLIGATION_COLUMNS} ${FROM} WHERE o.id = $1`, [id]))[0] ?? null;
  }

  async findCore(id: string, m: EntityManager = this.em): Promise<ObligationCore | null> {
    return (await m.query(`SELECT ${CORE} FROM obligations o WHERE o.id = $1`, [id]))[0] ?? null;
  }

  async findCoreByWorkflowId(workflowId: string, m: EntityManager = this.em): Promise<ObligationCore | null> {
    return (await m.query(`SELECT ${CORE} FROM obligations o WHERE o.workflow_id = $1`, [workflowId]))[0] ?? null;
  }

  /** The obligation a unit's plan for a year answers, if a parent's plan created one. */
  async planObligationOf(unitId: string, year: number, m: EntityManager = this.em): Promise<ObligationCore | null> {
    const [row] = await m.query(
      `SELECT ${CORE} FROM obligations o WHERE o.unit_id = $1 AND o.year = $2 AND o.kind = 'plan' ORDER BY o.created_at LIMIT 1`,
      [unitId, year],
    );
    return row ?? null;
  }

  async transitions(obligationId: string): Promise<TransitionRow[]> {
    return this.em.query(
      `SELECT seq, command, from_status AS "from", to_status AS "to", actor, occurred_at AS "at", reason, version_no AS "versionNo"
         FROM obligation_transitions WHERE obligation_id = $1 ORDER BY seq`,
      [obligationId],
    );
  }

  /**
   * Report obligations of a year and periods inside every scope of `within`, counted by what completeness looks at
   * (status, timeliness, overdue): a subtree of thousands of obligations comes back as a dozen rows.
   */
  async reportStatusCounts(q: {
    year: number;
    periods: PeriodKind[];
    within: Array<{ scope: UnitScope; time: ScopeTime; minDepth?: number }>;
  }): Promise<ReportStatusCountRow[]> {
    const params: unknown[] = [q.year, q.periods];
    const conditions = q.within.map((w) => inScope(w.scope, 'o.unit_id', params, w.time, { minDepth: w.minDepth }));
    return this.em.query(
      `SELECT o.period, o.status, o.submitted_on_time AS "submittedOnTime", o.overdue, count(*)::int AS count
         FROM obligations o
        WHERE o.kind = 'report' AND o.year = $1 AND o.period = ANY($2) ${conditions.map((c) => `AND ${c}`).join(' ')}
        GROUP BY o.period, o.status, o.submitted_on_time, o.overdue`,
      params,
    );
  }

  /**
   * The review matrix in one read: every unit below `rootUnitId` with a plan or report obligation of `year` inside
   * every scope of `within`, with its level and parent in the year (the last placement of the year when it moved)
   * and its obligations, grouped per unit in code order.
   */
  async reviewMatrix(q: {
    year: number;
    periods: PeriodKind[];
    rootUnitId: string;
    within: Array<{ scope: UnitScope; time: ScopeTime; minDepth?: number }>;
  }): Promise<ReviewUnitRow[]> {
    const params: unknown[] = [q.year, q.periods];
    const conditions = q.within.map((w) => inScope(w.scope, 'o.unit_id', params, w.time, { minDepth: w.minDepth }));
    // Two reads in parallel: the obligations (10,000 rows for a 2,000-unit province, without the unit's columns
    // repeated on each) and the units below the root with their level and parent in the year.
    const [obligations, units] = await Promise.all([
      this.em.query(
        `SELECT o.unit_id AS "unitId", o.id AS "obligationId", o.kind, nullif(o.period, '') AS period, o.status,
                o.submitted_on_time AS "submittedOnTime", o.overdue, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline,
                to_char(o.first_submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "firstSubmittedAt",
                o.fulfilled_by_plan_id AS "planId"
           FROM obligations o
          WHERE o.year = $1 AND (o.kind = 'plan' OR (o.kind = 'report' AND o.period = ANY($2)))
                ${conditions.map((c) => `AND ${c}`).join(' ')}`,
        params,
      ) as Promise<Array<ReviewObligationRow & { unitId: string }>>,
      this.em.query(
        `SELECT DISTINCT ON (u.id) u.id AS "unitId", u.code, u.name, u.kind, c.depth, l.parent_id AS "parentUnitId"
           FROM unit_closure c JOIN units u ON u.id = c.descendant_id
           LEFT JOIN unit_links l ON l.unit_id = c.descendant_id
                AND l.valid_from <= make_date($2, 12, 31) AND l.valid_to > make_date($2, 1, 1)
          WHERE c.ancestor_id = $1 AND c.depth >= 1
            AND c.valid_from <= make_date($2, 12, 31) AND c.valid_to > make_date($2, 1, 1)
          ORDER BY u.id, c.valid_from DESC, l.valid_from DESC`,
        [q.rootUnitId, q.year],
      ) as Promise<Array<Omit<ReviewUnitRow, 'obligations'>>>,
    ]);
    const byId = new Map<string, ReviewUnitRow>();
    for (const u of units) byId.set(u.unitId, { ...u, obligations: [] });
    const listed = new Map<string, ReviewUnitRow>();
    for (const { unitId, ...o } of obligations) {
      const unit = byId.get(unitId);
      if (!unit) continue; // in scope for the year but not below the root in it: cannot happen with minDepth ≥ 1
      unit.obligations.push(o);
      listed.set(unitId, unit);
    }
    return [...listed.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** Report obligations for a period owed to `parentUnitId` by its direct children. */
  async childReportStatuses(parentUnitId: string, year: number, period: PeriodKind): Promise<ReportStatusRow[]> {
    return this.em.query(
      `SELECT u.id AS "unitId", u.code, u.name, o.period, o.status, o.submitted_on_time AS "submittedOnTime", o.overdue,
              to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline, o.first_submitted_at AS "firstSubmittedAt"
         FROM obligations o JOIN units u ON u.id = o.unit_id
        WHERE o.kind = 'report' AND o.parent_unit_id = $1 AND o.year = $2 AND o.period = $3`,
      [parentUnitId, year, period],
    );
  }

  /**
   * The direct children of `unitId` as of `asOf` that the caller may read one by one (`scope`), each with its
   * report obligation for the period, if any.
   */
  async childrenWithReport(q: {
    unitId: string;
    year: number;
    period: PeriodKind;
    asOf: string;
    scope: UnitScope;
  }): Promise<
    Array<{
      id: string;
      code: string;
      name: string;
      kind: string;
      status: ObligationStatus | null;
      submittedOnTime: boolean | null;
      overdue: boolean | null;
      deadline: string | null;
    }>
  > {
    const params: unknown[] = [q.unitId, q.year, q.period, q.asOf];
    const visible = inScope(q.scope, 'u.id', params, { at: q.asOf });
    return this.em.query(
      `SELECT u.id, u.code, u.name, u.kind, o.status, o.submitted_on_time AS "submittedOnTime", o.overdue, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline
         FROM unit_links l JOIN units u ON u.id = l.unit_id
         LEFT JOIN obligations o ON o.unit_id = u.id AND o.kind = 'report' AND o.year = $2 AND o.period = $3
        WHERE l.parent_id = $1 AND l.valid_from <= $4::date AND l.valid_to > $4::date AND ${visible}
        ORDER BY u.code`,
      params,
    );
  }

  /** A plan obligation's unit, parent, year, source plan and that plan's schedule and reminder policy. */
  async planObligationSource(obligationId: string): Promise<
    | (ObligationCore & {
        reportSchedule: ReportSchedule;
        reminderPolicy: ReminderPolicy;
      })
    | null
  > {
    const [row] = await this.em.query(
      `SELECT ${CORE}, p.report_schedule AS "reportSchedule", p.reminder_policy AS "reminderPolicy"
         FROM obligations o JOIN plans p ON p.id = o.source_plan_id WHERE o.id = $1 AND o.kind = 'plan'`,
      [obligationId],
    );
    return row ?? null;
  }

  // ---------------------------------------------------------------- writes (worker activities)

  /** Creates the plan obligations of a batch of children once; returns every obligation of the batch. */
  async createPlanObligations(
    b: {
      planId: string;
      parentUnitId: string;
      year: number;
      deadline: DeadlineValues;
      children: Array<{ unitId: string; workflowId: string }>;
    },
    m: EntityManager,
  ): Promise<Array<{ id: string; unitId: string; created: boolean }>> {
    const ids = b.children.map((c) => c.unitId);
    const inserted: Array<{ id: string }> = await m.query(
      `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
       SELECT 'plan', $1, x.unit_id, $2, $3, $4, $5, $6, x.workflow_id
         FROM unnest($7::uuid[], $8::text[]) AS x(unit_id, workflow_id)
       ON CONFLICT (source_plan_id, unit_id, kind, period) DO NOTHING
       RETURNING id`,
      [
        b.planId,
        b.parentUnitId,
        b.year,
        b.deadline.nominal,
        b.deadline.effective,
        b.deadline.endsAt,
        ids,
        b.children.map((c) => c.workflowId),
      ],
    );
    const created = new Set(inserted.map((o) => o.id));
    const all: Array<{ id: string; unitId: string }> = await m.query(
      `SELECT id, unit_id AS "unitId" FROM obligations WHERE source_plan_id = $1 AND kind = 'plan' AND unit_id = ANY($2::uuid[])`,
      [b.planId, ids],
    );
    return all.map((o) => ({ ...o, created: created.has(o.id) }));
  }

  /** Creates a report obligation once; returns its id and whether this call created it. */
  async createReportObligation(
    r: {
      sourcePlanId: string;
      unitId: string;
      parentUnitId: string;
      year: number;
      period: PeriodKind;
      deadline: DeadlineValues;
      workflowId: string;
    },
    m: EntityManager,
  ): Promise<{ id: string; created: boolean }> {
    const inserted = await m.query(
      `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
       VALUES ('report', $1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (source_plan_id, unit_id, kind, period) DO NOTHING RETURNING id`,
      [
        r.sourcePlanId,
        r.unitId,
        r.parentUnitId,
        r.year,
        r.period,
        r.deadline.nominal,
        r.deadline.effective,
        r.deadline.endsAt,
        r.workflowId,
      ],
    );
    const [row] = await m.query(`SELECT id FROM obligations WHERE workflow_id = $1`, [r.workflowId]);
    return { id: row.id, created: inserted.length > 0 };
  }

  /** The obligation, locked for a transition (inside the caller's transaction). */
  async lock(obligationId: string, m: EntityManager): Promise<ObligationCore | null> {
    return (await m.query(`SELECT ${CORE} FROM obligations o WHERE o.id = $1 FOR UPDATE`, [obligationId]))[0] ?? null;
  }

  /** The version number recorded with transition `seq`, or undefined when that transition is not recorded yet. */
  async recordedTransition(
    obligationId: string,
    seq: number,
    m: EntityManager,
  ): Promise<{ versionNo: number | null } | undefined> {
    const [row] = await m.query(
      `SELECT version_no AS "versionNo" FROM obligation_transitions WHERE obligation_id = $1 AND seq = $2`,
      [obligationId, seq],
    );
    return row;
  }

  async addTransition(
    t: {
      obligationId: string;
      seq: number;
      command: ObligationCommand | 'extend_deadline';
      from: ObligationStatus;
      to: ObligationStatus;
      actor: string;
      at: string;
      reason: string | null;
      versionNo: number | null;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `INSERT INTO obligation_transitions (obligation_id, seq, command, from_status, to_status, actor, occurred_at, reason, version_no)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [t.obligationId, t.seq, t.command, t.from, t.to, t.actor, t.at, t.reason, t.versionNo],
    );
  }

  /** The read model after a transition: status, submission and decision times, on-time verdict, fulfilling plan. */
  async applyTransition(
    t: {
      obligationId: string;
      command: ObligationCommand;
      to: ObligationStatus;
      at: string;
      submittedOnTime: boolean | null;
      planId: string | null;
    },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `UPDATE obligations SET status = $2, updated_at = now(),
              first_submitted_at = CASE WHEN $3 = 'submit' THEN coalesce(first_submitted_at, $4::timestamptz) ELSE first_submitted_at END,
              last_submitted_at = CASE WHEN $3 = 'submit' THEN $4::timestamptz ELSE last_submitted_at END,
              submitted_on_time = coalesce(submitted_on_time, $5),
              decided_at = CASE WHEN $3 IN ('approve', 'return') THEN $4::timestamptz ELSE decided_at END,
              fulfilled_by_plan_id = coalesce(fulfilled_by_plan_id, $6)
        WHERE id = $1`,
      [t.obligationId, t.to, t.command, t.at, t.submittedOnTime, t.planId],
    );
  }

  /** Marks the obligation overdue; returns its unit and effective deadline (null when it does not exist). */
  async markOverdue(obligationId: string, m: EntityManager): Promise<{ unitId: string; deadline: string } | null> {
    const [row] = await m.query(
      `UPDATE obligations SET overdue = true, updated_at = now() WHERE id = $1
       RETURNING unit_id AS "unitId", to_char(effective_deadline, 'YYYY-MM-DD') AS deadline`,
      [obligationId],
    );
    return row ?? null;
  }

  /** The obligation's current deadline, locked (inside the caller's transaction). */
  async lockDeadline(
    obligationId: string,
    m: EntityManager,
  ): Promise<{ unitId: string; status: ObligationStatus; nominal: string; effective: string }> {
    const [row] = await m.query(
      `SELECT unit_id AS "unitId", status, to_char(nominal_deadline, 'YYYY-MM-DD') AS nominal,
              to_char(effective_deadline, 'YYYY-MM-DD') AS effective
         FROM obligations WHERE id = $1 FOR UPDATE`,
      [obligationId],
    );
    return row;
  }

  /** A new deadline; an overdue flag stays only if the unit has not submitted and the new deadline has passed too. */
  async changeDeadline(obligationId: string, d: DeadlineValues, at: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE obligations SET nominal_deadline = $2, effective_deadline = $3, deadline_ends_at = $4, updated_at = now(),
              overdue = overdue AND first_submitted_at IS NULL AND $4::timestamptz <= $5::timestamptz
        WHERE id = $1`,
      [obligationId, d.nominal, d.effective, d.endsAt, at],
    );
  }

  // ---------------------------------------------------------------- for messages

  async noticeContext(obligationId: string, m: EntityManager = this.em): Promise<ObligationNoticeContext | null> {
    const rows: ObligationNoticeContext[] = await m.query(
      `SELECT o.id, o.kind, o.period, o.year, o.unit_id AS "unitId", u.name AS "unitName", u.email AS "unitEmail",
              o.parent_unit_id AS "parentUnitId", pu.name AS "parentUnitName", sp.id AS "planId", sp.symbol AS "planSymbol", sp.title AS "planTitle"
         FROM obligations o JOIN units u ON u.id = o.unit_id JOIN units pu ON pu.id = o.parent_unit_id
         JOIN plans sp ON sp.id = o.source_plan_id WHERE o.id = $1`,
      [obligationId],
    );
    return rows[0] ?? null;
  }

  /** The plan's open obligations whose deadline ended by `at`, in unit code order. */
  async overdue(q: PlanObligationsQuery, at: Date, m: EntityManager = this.em): Promise<OpenObligationRow[]> {
    return m.query(
      `SELECT u.name AS "unitName", to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline, o.status
         FROM obligations o JOIN units u ON u.id = o.unit_id
        WHERE o.source_plan_id = $1 AND o.kind = $3 AND o.period = $4 AND o.status = ANY($5::text[]) AND o.deadline_ends_at <= $2
        ORDER BY u.code`,
      [q.planId, at.toISOString(), q.kind, q.period, OPEN_STATUSES],
    );
  }

  /** How many of the plan's obligations are still open (late or not). */
  async openCount(q: PlanObligationsQuery, m: EntityManager = this.em): Promise<number> {
    const rows: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM obligations WHERE source_plan_id = $1 AND kind = $2 AND period = $3 AND status = ANY($4::text[])`,
      [q.planId, q.kind, q.period, OPEN_STATUSES],
    );
    return rows[0].n;
  }
}
