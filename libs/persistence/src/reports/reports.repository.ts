import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { LocalDate, Narrative as ReportNarrative, ObligationStatus, PeriodKind } from '@cchc/domain';

/** A report: the unit's own content for one report obligation. */
export interface ReportRow {
  id: string;
  obligationId: string;
  unitId: string;
  year: number;
  period: PeriodKind;
  narrative: ReportNarrative;
  submissionCount: number;
}

/** A report as readers see it, with its obligation's status and timeliness. */
export interface ReportViewRow extends ReportRow {
  unitName: string;
  status: ObligationStatus;
  submittedOnTime: boolean | null;
  overdue: boolean;
  deadline: LocalDate;
}

/** What an action on a report needs: its unit and its obligation's status and workflow. */
export interface ReportCore {
  id: string;
  unitId: string;
  status: ObligationStatus;
  workflowId: string;
}

export type ReportContent = {
  narrative: ReportNarrative;
  values: Record<string, number>;
};

/** The immutable content of a submitted version (what the parent saw). */
export interface ReportVersionContent {
  period: PeriodKind;
  year: number;
  values: Array<{ indicatorCode: string; value: number }>;
  narrative: ReportNarrative;
  subtreeRollup: Array<{ indicatorCode: string; value: number }>;
}

export interface ReportVersionRow {
  versionNo: number;
  content: ReportVersionContent;
  submittedAt: Date;
  submittedBy: string;
  decision: 'approved' | 'returned' | null;
  decidedAt: Date | null;
  reason: string | null;
}

const REPORT = `r.id, r.obligation_id AS "obligationId", r.unit_id AS "unitId", r.year, r.period, r.narrative,
  r.submission_count AS "submissionCount"`;

/**
 * Reports, their values and versions (tables reports, report_values, report_versions): the only code that writes
 * them. Facts and rollups are ReportFactsRepository's.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- reads

  async findView(id: string): Promise<ReportViewRow | null> {
    const [row] = await this.em.query(
      `SELECT ${REPORT}, u.name AS "unitName", o.status, o.submitted_on_time AS "submittedOnTime", o.overdue,
              to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline
         FROM reports r JOIN obligations o ON o.id = r.obligation_id JOIN units u ON u.id = r.unit_id WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async findCore(id: string): Promise<ReportCore | null> {
    const [row] = await this.em.query(
      `SELECT r.id, r.unit_id AS "unitId", o.status, o.workflow_id AS "workflowId"
         FROM reports r JOIN obligations o ON o.id = r.obligation_id WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The unit's own values, indicator code → value. */
  async values(reportId: string, m: EntityManager = this.em): Promise<Record<string, number>> {
    const rows: Array<{ code: string; value: number }> = await m.query(
      `SELECT indicator_code AS code, value::float8 AS value FROM report_values WHERE report_id = $1 ORDER BY 1`,
      [reportId],
    );
    return Object.fromEntries(rows.map((v) => [v.code, v.value]));
  }

  async content(reportId: string, m: EntityManager = this.em): Promise<ReportContent> {
    const [r] = await m.query(`SELECT narrative FROM reports WHERE id = $1`, [reportId]);
    return { narrative: r.narrative, values: await this.values(reportId, m) };
  }

  async versions(reportId: string): Promise<ReportVersionRow[]> {
    return this.em.query(
      `SELECT version_no AS "versionNo", content, submitted_at AS "submittedAt", submitted_by AS "submittedBy", decision,
              decided_at AS "decidedAt", reason
         FROM report_versions WHERE report_id = $1 ORDER BY version_no`,
      [reportId],
    );
  }

  /** The report of an obligation, locked (inside the caller's transaction). */
  async lockByObligation(obligationId: string, m: EntityManager): Promise<ReportRow | null> {
    const [row] = await m.query(`SELECT ${REPORT} FROM reports r WHERE r.obligation_id = $1 FOR UPDATE`, [
      obligationId,
    ]);
    return row ?? null;
  }

  // ---------------------------------------------------------------- writes

  async insert(
    r: { obligationId: string; unitId: string; year: number; period: PeriodKind; narrative: ReportNarrative },
    createdBy: string,
    m: EntityManager,
  ): Promise<ReportRow> {
    const [row] = await m.query(
      `INSERT INTO reports (obligation_id, unit_id, year, period, narrative, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, obligation_id AS "obligationId", unit_id AS "unitId", year, period, narrative, submission_count AS "submissionCount"`,
      [r.obligationId, r.unitId, r.year, r.period, JSON.stringify(r.narrative), createdBy],
    );
    return row;
  }

  async setNarrative(reportId: string, narrative: ReportNarrative, m: EntityManager): Promise<void> {
    await m.query(`UPDATE reports SET narrative = $2, updated_at = now() WHERE id = $1`, [
      reportId,
      JSON.stringify(narrative),
    ]);
  }

  async replaceValues(reportId: string, values: Record<string, number>, m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM report_values WHERE report_id = $1`, [reportId]);
    const codes = Object.keys(values);
    if (!codes.length) return;
    await m.query(
      `INSERT INTO report_values (report_id, indicator_code, value)
       SELECT $1, x.code, x.value FROM unnest($2::text[], $3::numeric[]) AS x(code, value)`,
      [reportId, codes, codes.map((c) => values[c])],
    );
  }

  /** A submission freezes the report's content as the next version. */
  async addVersion(
    report: ReportRow,
    v: { versionNo: number; content: ReportVersionContent; at: string; by: string },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `INSERT INTO report_versions (report_id, version_no, content, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5)`,
      [report.id, v.versionNo, JSON.stringify(v.content), v.at, v.by],
    );
    await m.query(`UPDATE reports SET submission_count = $2, updated_at = now() WHERE id = $1`, [
      report.id,
      v.versionNo,
    ]);
  }

  async decideVersion(
    reportId: string,
    d: { versionNo: number; decision: 'approved' | 'returned'; at: string; by: string; reason: string | null },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `UPDATE report_versions SET decision = $3, decided_at = $4, decided_by = $5, reason = $6 WHERE report_id = $1 AND version_no = $2`,
      [reportId, d.versionNo, d.decision, d.at, d.by, d.reason],
    );
  }
}
