import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { PlanScope, PlanStatus, PlanTarget, ReminderPolicy, ReportSchedule, SigningForm } from '@cchc/domain';
import { inScope, type UnitScope } from '../units/unit-scope';

/** Người ký: the signer's name and title, the signing form (KT./TM./Q.…) and the head signed for. */
export interface PlanSigner {
  name: string;
  title: string;
  signingForm?: SigningForm | null;
  onBehalfOf?: string | null;
}

/** What the unit writes into its plan (create and update). */
export interface PlanFields {
  number: number | null;
  symbol: string | null;
  title: string;
  issuePlace: string | null;
  issueDate: string | null;
  signer: PlanSigner | null;
  recipients: string[];
  parentPlanRef: string | null;
  sections: Record<string, string>;
  targets: PlanTarget[];
  childDeadline: string;
  reportSchedule: ReportSchedule;
  reminderPolicy: ReminderPolicy;
  scope: PlanScope;
}

/** A plan as every reader sees it. Calendar dates are 'YYYY-MM-DD'; instants are Dates. */
export interface PlanRow extends PlanFields {
  id: string;
  unitId: string;
  year: number;
  obligationId: string | null;
  parentPlanId: string | null;
  status: PlanStatus;
  submissionCount: number;
  issuedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlanVersionRow {
  versionNo: number;
  content: PlanContent;
  submittedAt: Date;
  submittedBy: string;
  decision: 'approved' | 'returned' | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
}

/** The immutable content of a plan version: everything a reviewer reads and compares. */
export type PlanContent = PlanFields;

/** What the reminders of a plan's obligations are planned from. */
export interface PlanReminderSettings {
  year: number;
  /** The children's deadline as issued ('YYYY-MM-DD', before shifting). */
  childDeadline: string;
  reminderPolicy: ReminderPolicy;
  reportSchedule: ReportSchedule;
}

/** A plan as a message names it, with its issuing unit. */
export interface PlanHeader {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  symbol: string | null;
  title: string;
}

export const PLAN_COLUMNS = `p.id, p.unit_id AS "unitId", p.year, p.obligation_id AS "obligationId", p.parent_plan_id AS "parentPlanId",
  p.number, p.symbol, p.title, p.issue_place AS "issuePlace", to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate", p.signer,
  p.recipients, p.parent_plan_ref AS "parentPlanRef", p.sections, p.targets,
  to_char(p.child_deadline, 'YYYY-MM-DD') AS "childDeadline", p.report_schedule AS "reportSchedule",
  p.reminder_policy AS "reminderPolicy", p.scope, p.status, p.submission_count AS "submissionCount",
  p.issued_at AS "issuedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const fieldParams = (f: PlanFields) => [
  f.number,
  f.symbol,
  f.title,
  f.issuePlace,
  f.issueDate,
  json(f.signer),
  f.recipients,
  f.parentPlanRef,
  json(f.sections),
  json(f.targets),
  f.childDeadline,
  json(f.reportSchedule),
  json(f.reminderPolicy),
  json(f.scope),
];

/** The content a version freezes, from the plan as it is. */
export function planContent(p: PlanFields): PlanContent {
  return {
    number: p.number,
    symbol: p.symbol,
    title: p.title,
    issuePlace: p.issuePlace,
    issueDate: p.issueDate,
    signer: p.signer,
    recipients: p.recipients,
    parentPlanRef: p.parentPlanRef,
    sections: p.sections,
    targets: p.targets,
    childDeadline: p.childDeadline,
    reportSchedule: p.reportSchedule,
    reminderPolicy: p.reminderPolicy,
    scope: p.scope,
  };
}

/**
 * Plans and their versions (tables plans, plan_versions): the only code that writes them. Every method takes an
 * optional EntityManager so callers (API services, worker activities) can run it inside their transaction.
 */
@Injectable()
export class PlansRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- reads

  async findById(id: string, m: EntityManager = this.em): Promise<PlanRow | null> {
    return (await m.query(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1`, [id]))[0] ?? null;
  }

  async existsFor(unitId: string, year: number, m: EntityManager = this.em): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM plans WHERE unit_id = $1 AND year = $2`, [unitId, year])).length > 0;
  }

  /** Plans of units in `scope` (during the plan's year), newest year first. */
  async list(q: { scope: UnitScope; year?: number; unitId?: string; limit?: number }): Promise<PlanRow[]> {
    const params: unknown[] = [q.year ?? null, q.unitId ?? null, q.limit ?? 500];
    const visible = inScope(q.scope, 'p.unit_id', params, { yearColumn: 'p.year' });
    return this.em.query(
      `SELECT ${PLAN_COLUMNS} FROM plans p
        WHERE ($1::int IS NULL OR p.year = $1) AND ($2::uuid IS NULL OR p.unit_id = $2) AND ${visible}
        ORDER BY p.year DESC, p.created_at LIMIT $3`,
      params,
    );
  }

  async versions(planId: string): Promise<PlanVersionRow[]> {
    return this.em.query(
      `SELECT version_no AS "versionNo", content, submitted_at AS "submittedAt", submitted_by AS "submittedBy", decision,
              decided_at AS "decidedAt", decided_by AS "decidedBy", reason
         FROM plan_versions WHERE plan_id = $1 ORDER BY version_no`,
      [planId],
    );
  }

  /** The content of the given versions (those that exist). */
  async versionContents(planId: string, versionNos: number[]): Promise<Map<number, PlanContent>> {
    const rows: Array<{ versionNo: number; content: PlanContent }> = await this.em.query(
      `SELECT version_no AS "versionNo", content FROM plan_versions WHERE plan_id = $1 AND version_no = ANY($2::int[])`,
      [planId, versionNos],
    );
    return new Map(rows.map((r) => [r.versionNo, r.content]));
  }

  /** The targets of the plan a unit's plan implements (its parent's plan), for a year. */
  async parentTargets(unitId: string, year: number, m: EntityManager = this.em): Promise<PlanTarget[]> {
    const [row] = await m.query(
      `SELECT sp.targets FROM plans p JOIN plans sp ON sp.id = p.parent_plan_id WHERE p.unit_id = $1 AND p.year = $2`,
      [unitId, year],
    );
    return row?.targets ?? [];
  }

  /** The targets a unit's own plan of `year` sets for its subtree (the newest plan when several). */
  async ownTargets(unitId: string, year: number, m: EntityManager = this.em): Promise<PlanTarget[]> {
    const [row] = await m.query(
      `SELECT p.targets FROM plans p WHERE p.unit_id = $1 AND p.year = $2 ORDER BY p.created_at DESC LIMIT 1`,
      [unitId, year],
    );
    return row?.targets ?? [];
  }

  /** The plan that answers an obligation (FOR UPDATE inside a transaction when `lock`). */
  async findByObligation(obligationId: string, m: EntityManager = this.em, lock = false): Promise<PlanRow | null> {
    const rows = await m.query(
      `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.obligation_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [obligationId],
    );
    return rows[0] ?? null;
  }

  /** The reminder policy of a plan. */
  async reminderPolicy(planId: string, m: EntityManager = this.em): Promise<ReminderPolicy | null> {
    const [row] = await m.query(`SELECT reminder_policy AS "policy" FROM plans WHERE id = $1`, [planId]);
    return row?.policy ?? null;
  }

  // ---------------------------------------------------------------- writes

  async insert(
    p: PlanFields & { unitId: string; year: number; obligationId: string | null; parentPlanId: string | null },
    createdBy: string,
    m: EntityManager = this.em,
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO plans (number, symbol, title, issue_place, issue_date, signer, recipients, parent_plan_ref, sections, targets,
                          child_deadline, report_schedule, reminder_policy, scope, unit_id, year, obligation_id, parent_plan_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
      [...fieldParams(p), p.unitId, p.year, p.obligationId, p.parentPlanId, createdBy],
    );
    return row.id;
  }

  /** Writes the unit's fields while the plan is still editable; false when it no longer was. */
  async updateEditable(
    id: string,
    f: PlanFields,
    editable: readonly PlanStatus[],
    m: EntityManager = this.em,
  ): Promise<boolean> {
    const rows = await m.query(
      `UPDATE plans SET number = $1, symbol = $2, title = $3, issue_place = $4, issue_date = $5, signer = $6, recipients = $7,
              parent_plan_ref = $8, sections = $9, targets = $10, child_deadline = $11, report_schedule = $12,
              reminder_policy = $13, scope = $14, updated_at = now()
        WHERE id = $15 AND status = ANY($16) RETURNING id`,
      [...fieldParams(f), id, editable],
    );
    return rows.length > 0;
  }

  async setStatus(planId: string, status: PlanStatus, m: EntityManager = this.em): Promise<void> {
    await m.query(`UPDATE plans SET status = $2, updated_at = now() WHERE id = $1`, [planId, status]);
  }

  /** A submission freezes the plan's content as the next version. */
  async addVersion(
    plan: PlanRow,
    v: { versionNo: number; at: string; by: string },
    m: EntityManager = this.em,
  ): Promise<void> {
    await m.query(
      `INSERT INTO plan_versions (plan_id, version_no, content, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5)`,
      [plan.id, v.versionNo, JSON.stringify(planContent(plan)), v.at, v.by],
    );
    await m.query(`UPDATE plans SET submission_count = $2 WHERE id = $1`, [plan.id, v.versionNo]);
  }

  async decideVersion(
    planId: string,
    d: { versionNo: number; decision: 'approved' | 'returned'; at: string; by: string; reason: string | null },
    m: EntityManager = this.em,
  ): Promise<void> {
    await m.query(
      `UPDATE plan_versions SET decision = $3, decided_at = $4, decided_by = $5, reason = $6 WHERE plan_id = $1 AND version_no = $2`,
      [planId, d.versionNo, d.decision, d.at, d.by, d.reason],
    );
  }

  // ---------------------------------------------------------------- issuing (the cascade)

  /** What a cascade batch needs of its plan. */
  async forCascade(
    planId: string,
    m: EntityManager = this.em,
  ): Promise<Pick<
    PlanRow,
    'id' | 'unitId' | 'year' | 'childDeadline' | 'scope' | 'issuedAt' | 'reminderPolicy'
  > | null> {
    const [row] = await m.query(
      `SELECT id, unit_id AS "unitId", year, to_char(child_deadline, 'YYYY-MM-DD') AS "childDeadline", scope,
              issued_at AS "issuedAt", reminder_policy AS "reminderPolicy"
         FROM plans WHERE id = $1`,
      [planId],
    );
    return row ?? null;
  }

  /** The plan to issue, locked, with its issuer's abbreviation (for the symbol). */
  async lockForIssue(
    planId: string,
    m: EntityManager,
  ): Promise<
    (Pick<PlanRow, 'id' | 'unitId' | 'year' | 'number' | 'symbol' | 'status'> & { abbreviation: string }) | null
  > {
    const [row] = await m.query(
      `SELECT p.id, p.unit_id AS "unitId", p.year, p.number, p.symbol, p.status, u.abbreviation
         FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1 FOR UPDATE OF p`,
      [planId],
    );
    return row ?? null;
  }

  /** The next plan number of an issuer for a year (serialised per issuer and year within the transaction). */
  async nextNumber(unitId: string, year: number, m: EntityManager): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`plan-number/${unitId}/${year}`]);
    const [row] = await m.query(
      `SELECT coalesce(max(number), 0) + 1 AS n FROM plans WHERE unit_id = $1 AND year = $2`,
      [unitId, year],
    );
    return Number(row.n);
  }

  async markIssued(
    planId: string,
    i: { number: number; symbol: string; at: string; issueDate: string },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `UPDATE plans SET status = 'issued', number = $2, symbol = $3, issued_at = $4,
              issue_date = coalesce(issue_date, $5::date), updated_at = now() WHERE id = $1`,
      [planId, i.number, i.symbol, i.at, i.issueDate],
    );
  }

  // ---------------------------------------------------------------- for messages

  async reminderSettings(planId: string, m: EntityManager = this.em): Promise<PlanReminderSettings | null> {
    const rows: PlanReminderSettings[] = await m.query(
      `SELECT year, to_char(child_deadline, 'YYYY-MM-DD') AS "childDeadline", reminder_policy AS "reminderPolicy",
              report_schedule AS "reportSchedule"
         FROM plans WHERE id = $1`,
      [planId],
    );
    return rows[0] ?? null;
  }

  async header(planId: string, m: EntityManager = this.em): Promise<PlanHeader | null> {
    const rows: PlanHeader[] = await m.query(
      `SELECT p.id, p.unit_id AS "unitId", u.name AS "unitName", p.year, p.symbol, p.title
         FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`,
      [planId],
    );
    return rows[0] ?? null;
  }
}
