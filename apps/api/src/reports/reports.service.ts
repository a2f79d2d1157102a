import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  conflict,
  nextStatus,
  notFound,
  PERIOD_LABELS,
  aggregateOf,
  rollupFromAggregates,
  validateNarrative,
  validateReportValues,
  type IndicatorDef,
  type ObligationCommand,
  type PeriodKind,
} from '@cchc/domain';
import { AuditService, ReportFactsRepository } from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationCommands } from '../obligations/obligation-commands.service';
import type { SaveReportDto } from './reports.dto';

const EDITABLE = ['pending', 'draft', 'returned'];

@Injectable()
export class ReportsService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly commands: ObligationCommands,
    private readonly facts: ReportFactsRepository,
  ) {}

  async catalogue(m: EntityManager = this.em): Promise<IndicatorDef[]> {
    return m.query(
      `SELECT code, name, unit_of_measure AS "unitOfMeasure", aggregation, category, value_type AS "valueType",
              active_from_year AS "activeFromYear", active_to_year AS "activeToYear" FROM indicators ORDER BY code`,
    );
  }

  /** Creates or updates the draft report of a report obligation (the unit's own values and narrative). */
  async save(actor: Actor, dto: SaveReportDto) {
    const [o] = await this.em.query(
      `SELECT id, unit_id, year, period, status, kind, workflow_id FROM obligations WHERE id = $1`,
      [dto.obligationId],
    );
    if (!o || o.kind !== 'report' || !(await this.access.canRead(actor, o.unit_id))) {
      throw notFound('report.obligation_not_found', 'Không tìm thấy kỳ báo cáo', { obligationId: dto.obligationId });
    }
    await this.access.authorize(actor, 'plan.edit', o.unit_id);
    if (!EDITABLE.includes(o.status))
      throw conflict('report.not_editable', 'Báo cáo đã gửi hoặc đã được chấp nhận, không thể sửa', {
        status: o.status,
      });
    const values =
      dto.values === undefined ? undefined : validateReportValues(dto.values, await this.catalogue(), o.year);
    const narrative = dto.narrative === undefined ? undefined : validateNarrative(dto.narrative);
    const report = await this.em.transaction(async (m) => {
      let [row] = await m.query(`SELECT * FROM reports WHERE obligation_id = $1 FOR UPDATE`, [o.id]);
      const before = row ? await this.content(row.id, m) : null;
      if (!row) {
        [row] = await m.query(
          `INSERT INTO reports (obligation_id, unit_id, year, period, narrative, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [o.id, o.unit_id, o.year, o.period, JSON.stringify(narrative ?? {}), actorRef(actor)],
        );
      } else if (narrative) {
        await m.query(`UPDATE reports SET narrative = $2, updated_at = now() WHERE id = $1`, [
          row.id,
          JSON.stringify(narrative),
        ]);
      }
      if (values) {
        await m.query(`DELETE FROM report_values WHERE report_id = $1`, [row.id]);
        const codes = Object.keys(values);
        if (codes.length) {
          await m.query(
            `INSERT INTO report_values (report_id, indicator_code, value) SELECT $1, x.code, x.value FROM unnest($2::text[], $3::numeric[]) AS x(code, value)`,
            [row.id, codes, codes.map((c) => values[c])],
          );
        }
      }
      const after = await this.content(row.id, m);
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: before ? 'report.updated' : 'report.created',
          entityType: 'report',
          entityId: row.id,
          unitId: o.unit_id,
          before,
          after,
          requestId: actor.requestId,
        },
        m,
      );
      return row;
    });
    if (o.status === 'pending') {
      await this.commands
        .transition(o.workflow_id, { command: 'start_draft', actor: actorRef(actor), requestId: actor.requestId })
        .catch(() => undefined);
    }
    return this.get(actor, report.id);
  }

  /** The report with its own values, the live rollup of its subtree (the prefill) and the resulting totals. */
  async get(actor: Actor, id: string) {
    const [r] = await this.em.query(
      `SELECT r.id, r.obligation_id AS "obligationId", r.unit_id AS "unitId", u.name AS "unitName", r.year, r.period, r.narrative,
              r.submission_count AS "submissionCount", o.status, o.submitted_on_time AS "submittedOnTime", o.overdue,
              to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline
         FROM reports r JOIN obligations o ON o.id = r.obligation_id JOIN units u ON u.id = r.unit_id WHERE r.id = $1`,
      [id],
    );
    if (!r || !(await this.access.canRead(actor, r.unitId)))
      throw notFound('report.not_found', 'Không tìm thấy báo cáo', { id });
    const own = Object.fromEntries(
      (
        await this.em.query(`SELECT indicator_code, value::float8 AS value FROM report_values WHERE report_id = $1`, [
          id,
        ])
      ).map((v: any) => [v.indicator_code, v.value]),
    );
    // The prefill: the subtree's accepted totals; the resulting totals combine the unit's own (draft) values with
    // them by each indicator's rule.
    const { rows, rules } = await this.facts.aggregates({ unitId: r.unitId, year: r.year, period: r.period });
    const below = rows.filter((x) => !x.own);
    const subtree = rollupFromAggregates(below, rules);
    const ownRows = Object.entries(own).map(([code, v]) => ({
      code,
      state: 'accepted' as const,
      ...aggregateOf([v as number]),
    }));
    const totals = rollupFromAggregates([...below.filter((x) => x.state === 'accepted'), ...ownRows], rules).accepted;
    return {
      ...r,
      periodLabel: PERIOD_LABELS[r.period as PeriodKind],
      values: own,
      subtreeAccepted: subtree.accepted,
      subtreeSubmittedOnly: subtree.submittedOnly,
      totals,
    };
  }

  async transition(
    actor: Actor,
    id: string,
    command: Extract<ObligationCommand, 'submit' | 'approve' | 'return'>,
    reason?: string,
  ) {
    const [r] = await this.em.query(
      `SELECT r.unit_id, o.status, o.workflow_id FROM reports r JOIN obligations o ON o.id = r.obligation_id WHERE r.id = $1`,
      [id],
    );
    if (!r || !(await this.access.canRead(actor, r.unit_id)))
      throw notFound('report.not_found', 'Không tìm thấy báo cáo', { id });
    await this.access.authorize(actor, command === 'submit' ? 'plan.submit' : 'plan.decide', r.unit_id);
    nextStatus(r.status, command);
    return this.commands.transition(r.workflow_id, {
      command,
      actor: actorRef(actor),
      reason,
      requestId: actor.requestId,
    });
  }

  async versions(actor: Actor, id: string) {
    const [r] = await this.em.query(`SELECT unit_id FROM reports WHERE id = $1`, [id]);
    if (!r || !(await this.access.canRead(actor, r.unit_id)))
      throw notFound('report.not_found', 'Không tìm thấy báo cáo', { id });
    return this.em.query(
      `SELECT version_no AS "versionNo", content, submitted_at AS "submittedAt", submitted_by AS "submittedBy", decision, decided_at AS "decidedAt", reason
         FROM report_versions WHERE report_id = $1 ORDER BY version_no`,
      [id],
    );
  }

  private async content(reportId: string, m: EntityManager) {
    const [r] = await m.query(`SELECT narrative FROM reports WHERE id = $1`, [reportId]);
    const values = Object.fromEntries(
      (
        await m.query(
          `SELECT indicator_code, value::float8 AS value FROM report_values WHERE report_id = $1 ORDER BY 1`,
          [reportId],
        )
      ).map((v: any) => [v.indicator_code, v.value]),
    );
    return { narrative: r.narrative, values };
  }
}
