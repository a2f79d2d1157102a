import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  parseLocalDate,
  lateEntryReminders,
  planReminders,
  planStatusAfter,
  resolveDeadline,
  resolveReportSchedule,
} from '@cchc/domain';
import {
  AuditRepository,
  CalendarRepository,
  ObligationsRepository,
  PlansRepository,
  ReportFactsRepository,
  ReportsRepository,
  type ReportRow,
} from '@cchc/persistence';
import { TemporalClientProvider } from '@cchc/temporal';
import {
  obligationWorkflowId,
  PLAN_CASCADE_WORKFLOW,
  planCascadeWorkflowId,
  type DeadlineDto,
  type ObligationActivities,
  type ObligationWorkflowInput,
  type PlanCascadeInput,
  type ReminderSlotDto,
} from '@cchc/contracts';
import { ObligationStarter } from './obligation-starter';
import { toDeadlineDto, toReminderSlotDto } from './dto';
import { DecisionNotices } from './decision-notices';

/**
 * Persists what the obligation workflows decide: the read model (obligations, plans, versions), the transition
 * log and the audit trail, in one transaction per transition. Keyed by (obligation, seq): a retried activity
 * finds its transition already recorded and writes nothing again.
 */
@Injectable()
export class ObligationActivitiesImpl implements ObligationActivities {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly audit: AuditRepository,
    private readonly calendar: CalendarRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly starter: ObligationStarter,
    private readonly facts: ReportFactsRepository,
    private readonly notices: DecisionNotices,
    private readonly obligations: ObligationsRepository,
    private readonly plans: PlansRepository,
    private readonly reports: ReportsRepository,
  ) {}

  async createReportObligations(input: { obligationId: string }): Promise<number> {
    const o = await this.obligations.planObligationSource(input.obligationId);
    if (!o) return 0;
    const cal = await this.calendar.calendar();
    const periods = resolveReportSchedule(o.reportSchedule, o.year, cal);
    const items: ObligationWorkflowInput[] = await this.em.transaction(async (m) => {
      const out: ObligationWorkflowInput[] = [];
      for (const p of periods) {
        const deadline = toDeadlineDto({ ...p.deadline, nominal: p.nominalDue });
        const row = await this.obligations.createReportObligation(
          {
            sourcePlanId: o.sourcePlanId,
            unitId: o.unitId,
            parentUnitId: o.parentUnitId,
            year: o.year,
            period: p.period,
            deadline,
            workflowId: obligationWorkflowId({
              kind: 'report',
              sourcePlanId: o.sourcePlanId,
              unitId: o.unitId,
              period: p.period,
            }),
          },
          m,
        );
        if (row.created) {
          await this.audit.record(
            {
              actor: 'system:cascade',
              action: 'obligation.created',
              entityType: 'obligation',
              entityId: row.id,
              unitId: o.unitId,
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
        const reminders = planReminders(p.deadline, o.reminderPolicy, cal).map(toReminderSlotDto);
        out.push({
          obligationId: row.id,
          kind: 'report',
          sourcePlanId: o.sourcePlanId,
          unitId: o.unitId,
          parentUnitId: o.parentUnitId,
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
      const obligation = await this.obligations.lock(input.obligationId, m);
      if (!obligation) throw new Error(`obligation ${input.obligationId} not found`);
      const already = await this.obligations.recordedTransition(input.obligationId, input.seq, m);
      if (already) return { versionNo: already.versionNo };

      let versionNo: number | null = null;
      const plan = obligation.kind === 'plan' ? await this.plans.findByObligation(input.obligationId, m, true) : null;
      if (plan) {
        if (input.command === 'submit') {
          versionNo = plan.submissionCount + 1;
          await this.plans.addVersion(plan, { versionNo, at: input.at, by: input.actor }, m);
        } else if (input.command === 'approve' || input.command === 'return') {
          versionNo = plan.submissionCount;
          await this.plans.decideVersion(
            plan.id,
            {
              versionNo,
              decision: input.command === 'approve' ? 'approved' : 'returned',
              at: input.at,
              by: input.actor,
              reason: input.reason ?? null,
            },
            m,
          );
        }
        const planStatus = planStatusAfter(input.command);
        if (planStatus) await this.plans.setStatus(plan.id, planStatus, m);
      }

      const report = obligation.kind === 'report' ? await this.reports.lockByObligation(input.obligationId, m) : null;
      if (report) versionNo = await this.recordReportTransition(m, report, input);

      await this.obligations.addTransition(
        {
          obligationId: input.obligationId,
          seq: input.seq,
          command: input.command,
          from: input.from,
          to: input.to,
          actor: input.actor,
          at: input.at,
          reason: input.reason ?? null,
          versionNo,
        },
        m,
      );
      await this.obligations.applyTransition(
        {
          obligationId: input.obligationId,
          command: input.command,
          to: input.to,
          at: input.at,
          submittedOnTime: input.submittedOnTime,
          planId: plan?.id ?? null,
        },
        m,
      );
      await this.audit.record(
        {
          actor: input.actor,
          action: `obligation.${input.command}`,
          entityType: 'obligation',
          entityId: input.obligationId,
          unitId: obligation.unitId,
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
    report: ReportRow,
    input: Parameters<ObligationActivities['recordTransition']>[0],
  ): Promise<number | null> {
    if (input.command === 'submit') {
      const versionNo = report.submissionCount + 1;
      const own = await this.reports.values(report.id, m);
      const { accepted } = (
        await this.facts.rollup({ unitId: report.unitId, year: report.year, period: report.period }, m)
      ).below;
      const list = (values: Record<string, number>) =>
        Object.keys(values)
          .sort()
          .map((indicatorCode) => ({ indicatorCode, value: values[indicatorCode] }));
      await this.reports.addVersion(
        report,
        {
          versionNo,
          content: {
            period: report.period,
            year: report.year,
            values: list(own),
            narrative: report.narrative,
            subtreeRollup: list(accepted),
          },
          at: input.at,
          by: input.actor,
        },
        m,
      );
      await this.facts.submit(
        { reportId: report.id, unitId: report.unitId, year: report.year, period: report.period },
        m,
      );
      return versionNo;
    }
    if (input.command === 'approve' || input.command === 'return') {
      await this.reports.decideVersion(
        report.id,
        {
          versionNo: report.submissionCount,
          decision: input.command === 'approve' ? 'approved' : 'returned',
          at: input.at,
          by: input.actor,
          reason: input.reason ?? null,
        },
        m,
      );
      if (input.command === 'approve') await this.facts.accept(report.id, m);
      else await this.facts.withdraw(report.id, m);
      return report.submissionCount;
    }
    return null;
  }

  async markOverdue(input: { obligationId: string; at: string }): Promise<void> {
    await this.em.transaction(async (m) => {
      const o = await this.obligations.markOverdue(input.obligationId, m);
      if (!o) return;
      await this.audit.record(
        {
          actor: 'system:deadline',
          action: 'obligation.overdue',
          entityType: 'obligation',
          entityId: input.obligationId,
          unitId: o.unitId,
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
    const plan = await this.plans.findByObligation(input.obligationId);
    if (!plan) return { planId: null };
    const args: [PlanCascadeInput] = [{ planId: plan.id, issuedBy: input.approvedBy }];
    await this.temporal.startOnce(PLAN_CASCADE_WORKFLOW, { workflowId: planCascadeWorkflowId(plan.id), args });
    return { planId: plan.id };
  }

  async planReminderSlots(input: {
    obligationId: string;
    deadline: DeadlineDto;
    lateEntryAt?: string;
  }): Promise<ReminderSlotDto[]> {
    const o = await this.obligations.findCore(input.obligationId);
    const policy = o && (await this.plans.reminderPolicy(o.sourcePlanId));
    if (!policy) return [];
    const cal = await this.calendar.calendar();
    const deadline = resolveDeadline(parseLocalDate(input.deadline.nominal), cal);
    const slots = input.lateEntryAt
      ? lateEntryReminders(deadline, policy, cal, new Date(input.lateEntryAt))
      : planReminders(deadline, policy, cal);
    return slots.map(toReminderSlotDto);
  }

  async resolveDeadline(input: { nominal: string }): Promise<DeadlineDto> {
    return toDeadlineDto(resolveDeadline(input.nominal as never, await this.calendar.calendar()));
  }

  async recordDeadlineChange(input: Parameters<ObligationActivities['recordDeadlineChange']>[0]): Promise<void> {
    await this.em.transaction(async (m) => {
      if (await this.obligations.recordedTransition(input.obligationId, input.seq, m)) return;
      const before = await this.obligations.lockDeadline(input.obligationId, m);
      await this.obligations.changeDeadline(input.obligationId, input.deadline, input.at, m);
      await this.obligations.addTransition(
        {
          obligationId: input.obligationId,
          seq: input.seq,
          command: 'extend_deadline',
          from: before.status,
          to: before.status,
          actor: input.actor,
          at: input.at,
          reason: input.reason ?? null,
          versionNo: null,
        },
        m,
      );
      await this.audit.record(
        {
          actor: input.actor,
          action:
            input.cause === 'calendar' ? 'obligation.deadline_shifted_by_calendar' : 'obligation.deadline_extended',
          entityType: 'obligation',
          entityId: input.obligationId,
          unitId: before.unitId,
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
