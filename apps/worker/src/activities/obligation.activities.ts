import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { EntityManager } from 'typeorm';
import {
  parseLocalDate,
  planCascadeWorkflowId,
  lateEntryReminders,
  planReminders,
  reportObligationWorkflowId,
  resolveDeadline,
  resolveReportSchedule,
  type ObligationCommand,
} from '@cchc/domain';
import { AuditService, CalendarRepository, ReportFactsRepository } from '@cchc/persistence';
import { TemporalClientProvider } from '@cchc/temporal';
import {
  PLAN_CASCADE_WORKFLOW,
  type DeadlineDto,
  type ObligationActivities,
  type ObligationWorkflowInput,
  type PlanCascadeInput,
  type ReminderSlotDto,
} from '@cchc/contracts';
import { ObligationStarter } from './obligation-starter';
import { toDeadlineDto } from './cascade.activities';
import { DecisionNotices } from './decision-notices';

const PLAN_STATUS_AFTER: Partial<Record<ObligationCommand, string>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
};

/**
 * Persists what the obligation workflows decide: the read model (obligations, plans, versions), the transition
 * log and the audit trail, in one transaction per transition. Keyed by (obligation, seq): a retried activity
 * finds its transition already recorded and writes nothing again.
 */
@Injectable()
export class ObligationActivitiesImpl implements ObligationActivities {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly calendar: CalendarRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly starter: ObligationStarter,
    private readonly facts: ReportFactsRepository,
    private readonly notices: DecisionNotices,
  ) {}

  async createReportObligations(input: { obligationId: string }): Promise<number> {
    const [o] = await this.em.query(
      `SELECT o.unit_id, o.parent_unit_id, o.year, o.source_plan_id, p.report_schedule, p.reminder_policy
         FROM obligations o JOIN plans p ON p.id = o.source_plan_id WHERE o.id = $1 AND o.kind = 'plan'`,
      [input.obligationId],
    );
    if (!o) return 0;
    const cal = await this.calendar.calendar();
    const periods = resolveReportSchedule(o.report_schedule, o.year, cal);
    const items: ObligationWorkflowInput[] = await this.em.transaction(async (m) => {
      const out: ObligationWorkflowInput[] = [];
      for (const p of periods) {
        const deadline = {
          nominal: p.nominalDue,
          effective: p.deadline.effective,
          endsAt: p.deadline.endsAt.toISOString(),
        };
        const workflowId = reportObligationWorkflowId(o.source_plan_id, o.unit_id, p.period);
        const inserted = await m.query(
          `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
           VALUES ('report', $1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (source_plan_id, unit_id, kind, period) DO NOTHING RETURNING id`,
          [
            o.source_plan_id,
            o.unit_id,
            o.parent_unit_id,
            o.year,
            p.period,
            deadline.nominal,
            deadline.effective,
            deadline.endsAt,
            workflowId,
          ],
        );
        const [row] = await m.query(`SELECT id FROM obligations WHERE workflow_id = $1`, [workflowId]);
        if (inserted.length) {
          await this.audit.record(
            {
              actor: 'system:cascade',
              action: 'obligation.created',
              entityType: 'obligation',
              entityId: row.id,
              unitId: o.unit_id,
              after: {
                kind: 'report',
                period: p.period,
                status: 'pending',
                deadline,
                cutoff: { from: p.cutoffFrom, to: p.cutoffTo },
              },
              idempotencyKey: `obligation/${row.id}/created`,
            },
            m,
          );
        }
        const reminders = planReminders(p.deadline, o.reminder_policy, cal).map((r) => ({
          key: r.key,
          kind: r.kind,
          offsetDays: r.offsetDays,
          sendAt: r.sendAt.toISOString(),
        }));
        out.push({
          obligationId: row.id,
          kind: 'report',
          sourcePlanId: o.source_plan_id,
          unitId: o.unit_id,
          parentUnitId: o.parent_unit_id,
          year: o.year,
          period: p.period,
          deadline,
          reminders,
        });
      }
      return out;
    });
    return this.starter.start(items);
  }

  async recordTransition(
    input: Parameters<ObligationActivities['recordTransition']>[0],
  ): Promise<{ versionNo: number | null }> {
    return this.em.transaction(async (m) => {
      const [obligation] = await m.query(`SELECT id, kind, unit_id FROM obligations WHERE id = $1 FOR UPDATE`, [
        input.obligationId,
      ]);
      if (!obligation) throw new Error(`obligation ${input.obligationId} not found`);
      const already = await m.query(
        `SELECT version_no FROM obligation_transitions WHERE obligation_id = $1 AND seq = $2`,
        [input.obligationId, input.seq],
      );
      if (already.length) return { versionNo: already[0].version_no };

      let versionNo: number | null = null;
      const [plan] =
        obligation.kind === 'plan'
          ? await m.query(`SELECT * FROM plans WHERE obligation_id = $1 FOR UPDATE`, [input.obligationId])
          : [undefined];
      if (plan) {
        if (input.command === 'submit') {
          versionNo = plan.submission_count + 1;
          await m.query(
            `INSERT INTO plan_versions (plan_id, version_no, content, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5)`,
            [plan.id, versionNo, JSON.stringify(planContent(plan)), input.at, input.actor],
          );
          await m.query(`UPDATE plans SET submission_count = $2 WHERE id = $1`, [plan.id, versionNo]);
        } else if (input.command === 'approve' || input.command === 'return') {
          versionNo = plan.submission_count;
          await m.query(
            `UPDATE plan_versions SET decision = $3, decided_at = $4, decided_by = $5, reason = $6 WHERE plan_id = $1 AND version_no = $2`,
            [
              plan.id,
              versionNo,
              input.command === 'approve' ? 'approved' : 'returned',
              input.at,
              input.actor,
              input.reason ?? null,
            ],
          );
        }
        const planStatus = PLAN_STATUS_AFTER[input.command];
        if (planStatus)
          await m.query(`UPDATE plans SET status = $2, updated_at = now() WHERE id = $1`, [plan.id, planStatus]);
      }

      const [report] =
        obligation.kind === 'report'
          ? await m.query(`SELECT * FROM reports WHERE obligation_id = $1 FOR UPDATE`, [input.obligationId])
          : [undefined];
      if (report) versionNo = await this.recordReportTransition(m, report, input);

      await m.query(
        `INSERT INTO obligation_transitions (obligation_id, seq, command, from_status, to_status, actor, occurred_at, reason, version_no)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          input.obligationId,
          input.seq,
          input.command,
          input.from,
          input.to,
          input.actor,
          input.at,
          input.reason ?? null,
          versionNo,
        ],
      );
      await m.query(
        `UPDATE obligations SET status = $2, updated_at = now(),
                first_submitted_at = CASE WHEN $3 = 'submit' THEN coalesce(first_submitted_at, $4::timestamptz) ELSE first_submitted_at END,
                last_submitted_at = CASE WHEN $3 = 'submit' THEN $4::timestamptz ELSE last_submitted_at END,
                submitted_on_time = coalesce(submitted_on_time, $5),
                decided_at = CASE WHEN $3 IN ('approve', 'return') THEN $4::timestamptz ELSE decided_at END,
                fulfilled_by_plan_id = coalesce(fulfilled_by_plan_id, $6)
          WHERE id = $1`,
        [input.obligationId, input.to, input.command, input.at, input.submittedOnTime, plan?.id ?? null],
      );
      await this.audit.record(
        {
          actor: input.actor,
          action: `obligation.${input.command}`,
          entityType: 'obligation',
          entityId: input.obligationId,
          unitId: obligation.unit_id,
          before: { status: input.from },
          after: {
            status: input.to,
            at: input.at,
            ...(input.reason ? { reason: input.reason } : {}),
            ...(versionNo ? { versionNo } : {}),
          },
          requestId: input.requestId,
          idempotencyKey: `obligation/${input.obligationId}/${input.seq}`,
        },
        m,
      );
      await this.notices.record(m, input);
      return { versionNo };
    });
  }

  /**
   * A report's submission snapshots its content (own values, narrative, and the subtree rollup the unit saw) as an
   * immutable version, and its own values become facts in state 'submitted'; acceptance turns them 'accepted';
   * a return withdraws them. Ancestors' rollups read the facts, so the change shows everywhere at once.
   */
  private async recordReportTransition(
    m: EntityManager,
    report: Record<string, any>,
    input: Parameters<ObligationActivities['recordTransition']>[0],
  ) {
    if (input.command === 'submit') {
      const versionNo = report.submission_count + 1;
      const values = await m.query(
        `SELECT indicator_code AS "indicatorCode", value::float8 AS value FROM report_values WHERE report_id = $1 ORDER BY 1`,
        [report.id],
      );
      const { accepted } = (
        await this.facts.rollup({ unitId: report.unit_id, year: report.year, period: report.period }, m)
      ).below;
      const rollup = Object.keys(accepted)
        .sort()
        .map((indicatorCode) => ({ indicatorCode, value: accepted[indicatorCode] }));
      await m.query(
        `INSERT INTO report_versions (report_id, version_no, content, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5)`,
        [
          report.id,
          versionNo,
          JSON.stringify({
            period: report.period,
            year: report.year,
            values,
            narrative: report.narrative,
            subtreeRollup: rollup,
          }),
          input.at,
          input.actor,
        ],
      );
      await m.query(`UPDATE reports SET submission_count = $2, updated_at = now() WHERE id = $1`, [
        report.id,
        versionNo,
      ]);
      await this.facts.submit(
        { reportId: report.id, unitId: report.unit_id, year: report.year, period: report.period },
        m,
      );
      return versionNo;
    }
    if (input.command === 'approve' || input.command === 'return') {
      await m.query(
        `UPDATE report_versions SET decision = $3, decided_at = $4, decided_by = $5, reason = $6 WHERE report_id = $1 AND version_no = $2`,
        [
          report.id,
          report.submission_count,
          input.command === 'approve' ? 'approved' : 'returned',
          input.at,
          input.actor,
          input.reason ?? null,
        ],
      );
      if (input.command === 'approve') await this.facts.accept(report.id, m);
      else await this.facts.withdraw(report.id, m);
      return report.submission_count as number;
    }
    return null;
  }

  async markOverdue(input: { obligationId: string; at: string }): Promise<void> {
    await this.em.transaction(async (m) => {
      const [o] = await m.query(
        `UPDATE obligations SET overdue = true, updated_at = now() WHERE id = $1
         RETURNING unit_id, to_char(effective_deadline, 'YYYY-MM-DD') AS deadline`,
        [input.obligationId],
      );
      if (!o) return;
      await this.audit.record(
        {
          actor: 'system:deadline',
          action: 'obligation.overdue',
          entityType: 'obligation',
          entityId: input.obligationId,
          unitId: o.unit_id,
          before: { overdue: false },
          after: { overdue: true, deadline: o.deadline, at: input.at },
          idempotencyKey: `obligation/${input.obligationId}/overdue/${o.deadline}`,
        },
        m,
      );
    });
  }

  /** The approved child plan is issued and cascades one level further (workflow plan-cascade/{planId}). */
  async cascadeApprovedPlan(input: { obligationId: string; approvedBy: string }): Promise<{ planId: string | null }> {
    const [plan] = await this.em.query(`SELECT id FROM plans WHERE obligation_id = $1`, [input.obligationId]);
    if (!plan) return { planId: null };
    const client = await this.temporal.get();
    const args: [PlanCascadeInput] = [{ planId: plan.id, issuedBy: input.approvedBy }];
    try {
      await client.workflow.start(PLAN_CASCADE_WORKFLOW, {
        workflowId: planCascadeWorkflowId(plan.id),
        taskQueue: this.temporal.taskQueue,
        args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
    return { planId: plan.id };
  }

  async planReminderSlots(input: {
    obligationId: string;
    deadline: DeadlineDto;
    lateEntryAt?: string;
  }): Promise<ReminderSlotDto[]> {
    const [row] = await this.em.query(
      `SELECT p.reminder_policy FROM obligations o JOIN plans p ON p.id = o.source_plan_id WHERE o.id = $1`,
      [input.obligationId],
    );
    if (!row) return [];
    const cal = await this.calendar.calendar();
    const deadline = resolveDeadline(parseLocalDate(input.deadline.nominal), cal);
    const slots = input.lateEntryAt
      ? lateEntryReminders(deadline, row.reminder_policy, cal, new Date(input.lateEntryAt))
      : planReminders(deadline, row.reminder_policy, cal);
    return slots.map((s) => ({
      key: s.key,
      kind: s.kind,
      offsetDays: s.offsetDays,
      sendAt: s.sendAt.toISOString(),
    }));
  }

  async resolveDeadline(input: { nominal: string }): Promise<DeadlineDto> {
    return toDeadlineDto(resolveDeadline(input.nominal as never, await this.calendar.calendar()));
  }

  async recordDeadlineChange(input: Parameters<ObligationActivities['recordDeadlineChange']>[0]): Promise<void> {
    await this.em.transaction(async (m) => {
      const already = await m.query(`SELECT 1 FROM obligation_transitions WHERE obligation_id = $1 AND seq = $2`, [
        input.obligationId,
        input.seq,
      ]);
      if (already.length) return;
      const [before] = await m.query(
        `SELECT unit_id, status, to_char(nominal_deadline, 'YYYY-MM-DD') AS nominal, to_char(effective_deadline, 'YYYY-MM-DD') AS effective
           FROM obligations WHERE id = $1 FOR UPDATE`,
        [input.obligationId],
      );
      await m.query(
        `UPDATE obligations SET nominal_deadline = $2, effective_deadline = $3, deadline_ends_at = $4, updated_at = now(),
                overdue = overdue AND first_submitted_at IS NULL AND $4::timestamptz <= $5::timestamptz
          WHERE id = $1`,
        [input.obligationId, input.deadline.nominal, input.deadline.effective, input.deadline.endsAt, input.at],
      );
      await m.query(
        `INSERT INTO obligation_transitions (obligation_id, seq, command, from_status, to_status, actor, occurred_at, reason)
         VALUES ($1, $2, 'extend_deadline', $3, $3, $4, $5, $6)`,
        [input.obligationId, input.seq, before.status, input.actor, input.at, input.reason ?? null],
      );
      await this.audit.record(
        {
          actor: input.actor,
          action:
            input.cause === 'calendar' ? 'obligation.deadline_shifted_by_calendar' : 'obligation.deadline_extended',
          entityType: 'obligation',
          entityId: input.obligationId,
          unitId: before.unit_id,
          before: { nominal: before.nominal, effective: before.effective },
          after: {
            nominal: input.deadline.nominal,
            effective: input.deadline.effective,
            ...(input.reason ? { reason: input.reason } : {}),
          },
          requestId: input.requestId,
          idempotencyKey: `obligation/${input.obligationId}/${input.seq}`,
        },
        m,
      );
    });
  }
}

/** The immutable content of a plan version: everything a reviewer reads and compares. */
export function planContent(p: Record<string, any>) {
  return {
    number: p.number,
    symbol: p.symbol,
    title: p.title,
    issuePlace: p.issue_place,
    issueDate: p.issue_date,
    signer: p.signer,
    recipients: p.recipients,
    parentPlanRef: p.parent_plan_ref,
    sections: p.sections,
    targets: p.targets,
    childDeadline: p.child_deadline,
    reportSchedule: p.report_schedule,
    reminderPolicy: p.reminder_policy,
    scope: p.scope,
  };
}
