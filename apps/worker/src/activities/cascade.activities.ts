import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { localDateOf, planObligationWorkflowId, planReminders, resolveDeadline } from '@cchc/domain';
import { AuditService, CalendarRepository } from '@cchc/persistence';
import { ObligationStarter } from './obligation-starter';
import { TemporalClientProvider } from '@cchc/temporal';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  PLAN_FOLLOW_UP_WORKFLOW,
  planFollowUpWorkflowId,
  type CascadeActivities,
  type CascadeBatchInput,
  type DeadlineDto,
  type ObligationBatch,
  type ObligationWorkflowInput,
} from '@cchc/contracts';

export const toDeadlineDto = (d: { nominal: string; effective: string; endsAt: Date }): DeadlineDto => ({
  nominal: d.nominal,
  effective: d.effective,
  endsAt: d.endsAt.toISOString(),
});

@Injectable()
export class CascadeActivitiesImpl implements CascadeActivities {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly calendar: CalendarRepository,
    private readonly starter: ObligationStarter,
    private readonly temporal: TemporalClientProvider,
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
    const client = await this.temporal.get();
    // Measured on the workflows' clock (the cascade's start), not this process's.
    const delayMs = deadlineEndsAt ? Date.parse(deadlineEndsAt) - Date.parse(issuedAt) : 0;
    try {
      await client.workflow.start(PLAN_FOLLOW_UP_WORKFLOW, {
        workflowId: planFollowUpWorkflowId(planId),
        taskQueue: this.temporal.taskQueue,
        args: [{ planId }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(delayMs > 60_000 ? { startDelay: delayMs } : {}),
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  }

  /** Marks the plan issued (number and symbol assigned if the drafter left them blank). Idempotent. */
  async markPlanIssued(input: { planId: string; issuedBy: string; at: string }): Promise<{ symbol: string }> {
    return this.em.transaction(async (m) => {
      const [plan] = await m.query(
        `SELECT p.id, p.unit_id, p.year, p.number, p.symbol, p.status, u.abbreviation
           FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1 FOR UPDATE OF p`,
        [input.planId],
      );
      if (!plan) throw new Error(`plan ${input.planId} not found`);
      if (plan.status === 'issued') return { symbol: plan.symbol };
      let number = plan.number;
      if (number === null) {
        // Serialise numbering per issuer and year.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`plan-number/${plan.unit_id}/${plan.year}`]);
        number = (
          await m.query(`SELECT coalesce(max(number), 0) + 1 AS n FROM plans WHERE unit_id = $1 AND year = $2`, [
            plan.unit_id,
            plan.year,
          ])
        )[0].n;
      }
      const symbol = plan.symbol ?? `${number}/KH-${plan.abbreviation}`;
      await m.query(
        `UPDATE plans SET status = 'issued', number = $2, symbol = $3, issued_at = $4,
                issue_date = coalesce(issue_date, $5::date), updated_at = now() WHERE id = $1`,
        [plan.id, number, symbol, input.at, localDateOf(new Date(input.at))],
      );
      await this.audit.record(
        {
          actor: input.issuedBy,
          action: 'plan.issued',
          entityType: 'plan',
          entityId: plan.id,
          unitId: plan.unit_id,
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
    const [plan] = await this.em.query(
      `SELECT id, unit_id, year, to_char(child_deadline, 'YYYY-MM-DD') AS child_deadline, scope, issued_at, created_by, reminder_policy
         FROM plans WHERE id = $1`,
      [input.planId],
    );
    if (!plan) throw new Error(`plan ${input.planId} not found`);
    const asOf = localDateOf(new Date(plan.issued_at ?? Date.now()));
    const selected: string[] | null = plan.scope?.mode === 'selected' ? (plan.scope.unitIds ?? []) : null;
    const children: Array<{ id: string; code: string }> = await this.em.query(
      `SELECT u.id, u.code FROM unit_links l JOIN units u ON u.id = l.unit_id
        WHERE l.parent_id = $1 AND l.valid_from <= $2::date AND l.valid_to > $2::date
          AND ($3::text IS NULL OR u.code > $3) AND ($5::uuid[] IS NULL OR u.id = ANY($5::uuid[]))
        ORDER BY u.code LIMIT $4`,
      [plan.unit_id, asOf, input.after, input.limit, selected],
    );
    if (!children.length) return { items: [], nextCursor: null };

    const cal = await this.calendar.calendar();
    const resolved = resolveDeadline(plan.child_deadline, cal);
    const deadline = toDeadlineDto(resolved);
    // One deadline and one policy for the whole batch: the reminder slots are planned once, here.
    const reminders = planReminders(resolved, plan.reminder_policy, cal).map((r) => ({
      key: r.key,
      kind: r.kind,
      offsetDays: r.offsetDays,
      sendAt: r.sendAt.toISOString(),
    }));
    const ids = children.map((c) => c.id);
    const rows: Array<{ id: string; unit_id: string; created: boolean }> = await this.em.transaction(async (m) => {
      const inserted: Array<{ id: string; unit_id: string }> = await m.query(
        `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
         SELECT 'plan', $1, x.unit_id, $2, $3, $4, $5, $6, x.workflow_id
           FROM unnest($7::uuid[], $8::text[]) AS x(unit_id, workflow_id)
         ON CONFLICT (source_plan_id, unit_id, kind, period) DO NOTHING
         RETURNING id, unit_id`,
        [
          plan.id,
          plan.unit_id,
          plan.year,
          deadline.nominal,
          deadline.effective,
          deadline.endsAt,
          ids,
          ids.map((u) => planObligationWorkflowId(plan.id, u)),
        ],
      );
      await this.audit.recordMany(
        inserted.map((o) => ({
          actor: 'system:cascade',
          action: 'obligation.created',
          entityType: 'obligation',
          entityId: o.id,
          unitId: o.unit_id,
          after: { kind: 'plan', sourcePlanId: plan.id, status: 'pending', deadline },
          idempotencyKey: `obligation/${o.id}/created`,
        })),
        m,
      );
      const all = await m.query(
        `SELECT id, unit_id FROM obligations WHERE source_plan_id = $1 AND kind = 'plan' AND unit_id = ANY($2::uuid[])`,
        [plan.id, ids],
      );
      const createdIds = new Set(inserted.map((o) => o.id));
      return all.map((o: { id: string; unit_id: string }) => ({ ...o, created: createdIds.has(o.id) }));
    });
    const byUnit = new Map(rows.map((r) => [r.unit_id, r.id]));
    const items: ObligationWorkflowInput[] = children.map((c) => ({
      obligationId: byUnit.get(c.id)!,
      kind: 'plan',
      sourcePlanId: plan.id,
      unitId: c.id,
      parentUnitId: plan.unit_id,
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
