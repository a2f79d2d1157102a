import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { localDateOf, planReminders, resolveDeadline, type LocalDate } from '@cchc/domain';
import {
  AuditRepository,
  CalendarRepository,
  ObligationsRepository,
  PlansRepository,
  UnitTreeRepository,
} from '@cchc/persistence';
import { TemporalClientProvider } from '@cchc/temporal';
import {
  obligationWorkflowId,
  PLAN_FOLLOW_UP_WORKFLOW,
  planFollowUpWorkflowId,
  type CascadeActivities,
  type CascadeBatchInput,
  type ObligationBatch,
  type ObligationWorkflowInput,
} from '@cchc/contracts';
import { ObligationStarter } from './obligation-starter';
import { toDeadlineDto, toReminderSlotDto } from './dto';

@Injectable()
export class CascadeActivitiesImpl implements CascadeActivities {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly audit: AuditRepository,
    private readonly calendar: CalendarRepository,
    private readonly starter: ObligationStarter,
    private readonly temporal: TemporalClientProvider,
    private readonly plans: PlansRepository,
    private readonly obligations: ObligationsRepository,
    private readonly units: UnitTreeRepository,
  ) {}

  async cascadeBatch(input: CascadeBatchInput): Promise<{ started: number; nextCursor: string | null }> {
    if (input.after === null)
      await this.markPlanIssued({ planId: input.planId, issuedBy: input.issuedBy, at: input.issuedAt });
    const batch = await this.prepareObligationBatch({ planId: input.planId, after: input.after, limit: input.limit });
    const started = batch.items.length ? await this.startObligationWorkflows({ items: batch.items }) : 0;
    if (batch.nextCursor === null && (started > 0 || input.after !== null)) {
      await this.startFollowUp(input.planId, input.issuedAt, batch.items[0]?.deadline.endsAt ?? null);
    }
    return { started, nextCursor: batch.nextCursor };
  }

  /**
   * The overdue digests of the plan (plan-follow-up/{planId}); already started counts as started. It has nothing to
   * do before the children's deadline ends, so it is started with a delay until then: no work during the cascade.
   */
  private async startFollowUp(planId: string, issuedAt: string, deadlineEndsAt: string | null): Promise<void> {
    // Measured on the workflows' clock (the cascade's start), not this process's.
    const delayMs = deadlineEndsAt ? Date.parse(deadlineEndsAt) - Date.parse(issuedAt) : 0;
    await this.temporal.startOnce(PLAN_FOLLOW_UP_WORKFLOW, {
      workflowId: planFollowUpWorkflowId(planId),
      args: [{ planId }],
      startDelayMs: delayMs > 60_000 ? delayMs : undefined,
    });
  }

  /** Marks the plan issued (number and symbol assigned if the drafter left them blank). Idempotent. */
  async markPlanIssued(input: { planId: string; issuedBy: string; at: string }): Promise<{ symbol: string }> {
    return this.em.transaction(async (m) => {
      const plan = await this.plans.lockForIssue(input.planId, m);
      if (!plan) throw new Error(`plan ${input.planId} not found`);
      if (plan.status === 'issued') return { symbol: plan.symbol ?? '' };
      const number = plan.number ?? (await this.plans.nextNumber(plan.unitId, plan.year, m));
      const symbol = plan.symbol ?? `${number}/KH-${plan.abbreviation}`;
      await this.plans.markIssued(
        plan.id,
        { number, symbol, at: input.at, issueDate: localDateOf(new Date(input.at)) },
        m,
      );
      await this.audit.record(
        {
          actor: input.issuedBy,
          action: 'plan.issued',
          entityType: 'plan',
          entityId: plan.id,
          unitId: plan.unitId,
          before: { status: plan.status },
          after: { status: 'issued', number, symbol, issuedAt: input.at },
          idempotencyKey: `plan/${plan.id}/issued`,
        },
        m,
      );
      return { symbol };
    });
  }

  /** Creates (once) the obligations of the next batch of children in the plan's scope, in code order. */
  async prepareObligationBatch(input: {
    planId: string;
    after: string | null;
    limit: number;
  }): Promise<ObligationBatch> {
    const plan = await this.plans.forCascade(input.planId);
    if (!plan) throw new Error(`plan ${input.planId} not found`);
    const asOf = localDateOf(plan.issuedAt ? new Date(plan.issuedAt) : new Date());
    const only = plan.scope?.mode === 'selected' ? (plan.scope.unitIds ?? []) : null;
    const children = await this.units.childrenPage(plan.unitId, asOf, { after: input.after, limit: input.limit, only });
    if (!children.length) return { items: [], nextCursor: null };

    const cal = await this.calendar.calendar();
    const resolved = resolveDeadline(plan.childDeadline as LocalDate, cal);
    const deadline = toDeadlineDto(resolved);
    // One deadline and one policy for the whole batch: the reminder slots are planned once, here.
    const reminders = planReminders(resolved, plan.reminderPolicy, cal).map(toReminderSlotDto);
    const rows = await this.em.transaction(async (m) => {
      const all = await this.obligations.createPlanObligations(
        {
          planId: plan.id,
          parentUnitId: plan.unitId,
          year: plan.year,
          deadline,
          children: children.map((c) => ({
            unitId: c.id,
            workflowId: obligationWorkflowId({ kind: 'plan', sourcePlanId: plan.id, unitId: c.id, period: '' }),
          })),
        },
        m,
      );
      await this.audit.recordMany(
        all
          .filter((o) => o.created)
          .map((o) => ({
            actor: 'system:cascade',
            action: 'obligation.created',
            entityType: 'obligation',
            entityId: o.id,
            unitId: o.unitId,
            after: { kind: 'plan', sourcePlanId: plan.id, status: 'pending', deadline },
            idempotencyKey: `obligation/${o.id}/created`,
          })),
        m,
      );
      return all;
    });
    const byUnit = new Map(rows.map((r) => [r.unitId, r.id]));
    const items: ObligationWorkflowInput[] = children.map((c) => ({
      obligationId: byUnit.get(c.id)!,
      kind: 'plan',
      sourcePlanId: plan.id,
      unitId: c.id,
      parentUnitId: plan.unitId,
      year: plan.year,
      period: '',
      deadline,
      reminders,
    }));
    return { items, nextCursor: children.length === input.limit ? children[children.length - 1].code : null };
  }

  async startObligationWorkflows(input: { items: ObligationWorkflowInput[] }): Promise<number> {
    return this.starter.start(input.items);
  }
}
