import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { EntityManager } from 'typeorm';
import {
  assertPlanComplete,
  conflict,
  defaultChildDeadline,
  defaultReminderPolicy,
  defaultReportSchedule,
  diffContent,
  DomainError,
  nextStatus,
  notFound,
  planCascadeWorkflowId,
  type ObligationCommand,
  validateReminderPolicy,
  validateReportSchedule,
} from '@cchc/domain';
import { AuditService, inScope } from '@cchc/persistence';
import { TemporalClientProvider, domainErrorFromTemporal } from '@cchc/temporal';
import { PLAN_CASCADE_WORKFLOW, type PlanCascadeInput } from '@cchc/contracts';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationCommands } from './obligation-commands.service';
import type { CreatePlanDto, PlanListQuery, UpdatePlanDto } from './plans.dto';

const PLAN_COLUMNS = `p.id, p.unit_id AS "unitId", p.year, p.obligation_id AS "obligationId", p.parent_plan_id AS "parentPlanId",
  p.number, p.symbol, p.title, p.issue_place AS "issuePlace", to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate", p.signer,
  p.recipients, p.parent_plan_ref AS "parentPlanRef", p.sections, p.targets,
  to_char(p.child_deadline, 'YYYY-MM-DD') AS "childDeadline", p.report_schedule AS "reportSchedule",
  p.reminder_policy AS "reminderPolicy", p.scope, p.status, p.submission_count AS "submissionCount",
  p.issued_at AS "issuedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

export type PlanView = Record<string, any> & {
  id: string;
  unitId: string;
  status: string;
  obligationId: string | null;
  year: number;
};

const EDITABLE = ['draft', 'returned'];

/** Plans: drafting and editing by the unit, issuing (top of a cascade), submission and decisions via workflows. */
@Injectable()
export class PlansService {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly temporal: TemporalClientProvider,
    private readonly commands: ObligationCommands,
  ) {}

  async create(actor: Actor, dto: CreatePlanDto): Promise<PlanView> {
    const unitId = dto.unitId ?? actor.unitId;
    await this.access.authorize(actor, 'plan.edit', unitId);
    const fields = this.normalise(dto, dto.year);
    const plan = await this.em.transaction(async (m) => {
      if ((await m.query(`SELECT 1 FROM plans WHERE unit_id = $1 AND year = $2`, [unitId, dto.year])).length) {
        throw conflict('plan.exists', `Đơn vị đã có kế hoạch năm ${dto.year}`, { year: dto.year });
      }
      // The obligation this plan answers, if the parent's plan created one.
      const [obligation] = await m.query(
        `SELECT id, source_plan_id FROM obligations WHERE unit_id = $1 AND year = $2 AND kind = 'plan' ORDER BY created_at LIMIT 1`,
        [unitId, dto.year],
      );
      const [row] = await m.query(
        `INSERT INTO plans (unit_id, year, obligation_id, parent_plan_id, number, symbol, title, issue_place, issue_date, signer, recipients,
                            parent_plan_ref, sections, targets, child_deadline, report_schedule, reminder_policy, scope, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
        [
          unitId,
          dto.year,
          obligation?.id ?? null,
          obligation?.source_plan_id ?? null,
          fields.number ?? null,
          fields.symbol ?? null,
          fields.title,
          fields.issuePlace ?? null,
          fields.issueDate ?? null,
          fields.signer ? JSON.stringify(fields.signer) : null,
          fields.recipients ?? [],
          fields.parentPlanRef ?? null,
          JSON.stringify(fields.sections ?? {}),
          JSON.stringify(fields.targets ?? []),
          fields.childDeadline,
          JSON.stringify(fields.reportSchedule),
          JSON.stringify(fields.reminderPolicy),
          JSON.stringify(fields.scope ?? { mode: 'all_children' }),
          actorRef(actor),
        ],
      );
      const plan = (await this.find(row.id, m))!;
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'plan.created',
          entityType: 'plan',
          entityId: plan.id,
          unitId,
          after: summary(plan),
          requestId: actor.requestId,
        },
        m,
      );
      return plan;
    });
    if (plan.obligationId) await this.tryStartDraft(actor, plan.obligationId);
    return plan;
  }

  async update(actor: Actor, id: string, dto: UpdatePlanDto): Promise<PlanView> {
    const before = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.edit', before.unitId);
    if (!EDITABLE.includes(before.status)) {
      throw conflict('plan.not_editable', 'Kế hoạch đã trình hoặc đã ban hành, không thể sửa', {
        status: before.status,
      });
    }
    const f = this.normalise({ ...dto }, before.year, before);
    return this.em.transaction(async (m) => {
      await m.query(
        `UPDATE plans SET number = $2, symbol = $3, title = $4, issue_place = $5, issue_date = $6, signer = $7, recipients = $8,
                parent_plan_ref = $9, sections = $10, targets = $11, child_deadline = $12, report_schedule = $13,
                reminder_policy = $14, scope = $15, updated_at = now()
          WHERE id = $1 AND status = ANY($16)`,
        [
          id,
          f.number ?? null,
          f.symbol ?? null,
          f.title,
          f.issuePlace ?? null,
          f.issueDate ?? null,
          f.signer ? JSON.stringify(f.signer) : null,
          f.recipients ?? [],
          f.parentPlanRef ?? null,
          JSON.stringify(f.sections ?? {}),
          JSON.stringify(f.targets ?? []),
          f.childDeadline,
          JSON.stringify(f.reportSchedule),
          JSON.stringify(f.reminderPolicy),
          JSON.stringify(f.scope ?? { mode: 'all_children' }),
          EDITABLE,
        ],
      );
      const after = (await this.find(id, m))!;
      if (!EDITABLE.includes(after.status))
        throw conflict('plan.not_editable', 'Kế hoạch vừa được trình, không thể sửa', { status: after.status });
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'plan.updated',
          entityType: 'plan',
          entityId: id,
          unitId: after.unitId,
          before: summary(before),
          after: summary(after),
          requestId: actor.requestId,
        },
        m,
      );
      return after;
    });
  }

  async get(actor: Actor, id: string): Promise<PlanView> {
    return this.readable(actor, id);
  }

  async list(actor: Actor, q: PlanListQuery): Promise<PlanView[]> {
    if (q.unitId) await this.access.authorize(actor, 'unit.read', q.unitId);
    const params: unknown[] = [q.year ?? null, q.unitId ?? null];
    const scope = inScope(this.access.readScope(actor), 'p.unit_id', params, { yearColumn: 'p.year' });
    return this.em.query(
      `SELECT ${PLAN_COLUMNS} FROM plans p
        WHERE ($1::int IS NULL OR p.year = $1) AND ($2::uuid IS NULL OR p.unit_id = $2) AND ${scope}
        ORDER BY p.year DESC, p.created_at LIMIT 500`,
      params,
    );
  }

  /** Issues a top-level plan (one no parent asked for): starts its cascade. A child plan is issued by its approval. */
  async issue(actor: Actor, id: string): Promise<PlanView> {
    const plan = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.issue', plan.unitId);
    if (plan.obligationId) {
      throw conflict(
        'plan.issued_on_approval',
        'Kế hoạch thực hiện kế hoạch của cấp trên được ban hành khi cấp trên phê duyệt',
      );
    }
    if (plan.status === 'issued') return plan;
    assertPlanComplete(plan as never);
    const args: [PlanCascadeInput] = [{ planId: id, issuedBy: actorRef(actor) }];
    try {
      const client = await this.temporal.get();
      const handle = await client.workflow.start(PLAN_CASCADE_WORKFLOW, {
        workflowId: planCascadeWorkflowId(id),
        taskQueue: this.temporal.taskQueue,
        args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      this.logger.log(`plan ${id} issued: cascade ${handle.workflowId}`);
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw domainErrorFromTemporal(e);
    }
    return { ...plan, status: 'issuing' };
  }

  async submit(actor: Actor, id: string) {
    const plan = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.submit', plan.unitId);
    const workflowId = await this.obligationWorkflow(plan, 'submit');
    assertPlanComplete(plan as never);
    return this.commands.transition(workflowId, {
      command: 'submit',
      actor: actorRef(actor),
      requestId: actor.requestId,
    });
  }

  async decide(actor: Actor, id: string, decision: 'approve' | 'return', reason?: string) {
    const plan = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.decide', plan.unitId);
    const workflowId = await this.obligationWorkflow(plan, decision);
    return this.commands.transition(workflowId, {
      command: decision,
      actor: actorRef(actor),
      reason,
      requestId: actor.requestId,
    });
  }

  async versions(actor: Actor, id: string) {
    await this.readable(actor, id);
    return this.em.query(
      `SELECT version_no AS "versionNo", content, submitted_at AS "submittedAt", submitted_by AS "submittedBy", decision,
              decided_at AS "decidedAt", decided_by AS "decidedBy", reason
         FROM plan_versions WHERE plan_id = $1 ORDER BY version_no`,
      [id],
    );
  }

  async diff(actor: Actor, id: string, from: number, to: number) {
    await this.readable(actor, id);
    const rows: Array<{ version_no: number; content: unknown }> = await this.em.query(
      `SELECT version_no, content FROM plan_versions WHERE plan_id = $1 AND version_no = ANY($2::int[])`,
      [id, [from, to]],
    );
    const a = rows.find((r) => r.version_no === from);
    const b = rows.find((r) => r.version_no === to);
    if (!a || !b) throw notFound('plan.version_not_found', 'Không tìm thấy phiên bản kế hoạch', { from, to });
    return { from, to, changes: diffContent(a.content, b.content) };
  }

  /**
   * The obligation's workflow id, after a first check of the transition against the read model (a closed
   * obligation's workflow has ended); the workflow's own validator stays the authority for concurrent requests.
   */
  private async obligationWorkflow(plan: PlanView, command: ObligationCommand): Promise<string> {
    if (!plan.obligationId) {
      throw conflict(
        'plan.no_obligation',
        'Kế hoạch này không thực hiện kế hoạch của cấp trên nào nên không cần trình duyệt; hãy ban hành trực tiếp',
      );
    }
    const [o] = await this.em.query(`SELECT workflow_id, status FROM obligations WHERE id = $1`, [plan.obligationId]);
    nextStatus(o.status, command);
    return o.workflow_id;
  }

  private async tryStartDraft(actor: Actor, obligationId: string) {
    const [o] = await this.em.query(`SELECT workflow_id, status FROM obligations WHERE id = $1`, [obligationId]);
    if (o?.status !== 'pending') return;
    try {
      await this.commands.transition(o.workflow_id, {
        command: 'start_draft',
        actor: actorRef(actor),
        requestId: actor.requestId,
      });
    } catch (e) {
      // Not fatal: submission is accepted from "pending" too.
      this.logger.warn(`could not mark obligation ${obligationId} as drafting: ${(e as Error).message}`);
    }
  }

  /** The plan if the caller may read its unit (404 otherwise). */
  private async readable(actor: Actor, id: string): Promise<PlanView> {
    const plan = await this.find(id);
    if (!plan || !(await this.access.canRead(actor, plan.unitId)))
      throw notFound('plan.not_found', 'Không tìm thấy kế hoạch', { id });
    return plan;
  }

  private async find(id: string, m: EntityManager = this.em): Promise<PlanView | null> {
    return (await m.query(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1`, [id]))[0] ?? null;
  }

  private normalise<T extends UpdatePlanDto & { title?: string }>(dto: T, year: number, current?: PlanView) {
    const merged = {
      ...(current ?? {}),
      ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)),
    } as Record<string, any>;
    merged.childDeadline ??= defaultChildDeadline(year);
    merged.reportSchedule ??= defaultReportSchedule();
    merged.reminderPolicy ??= defaultReminderPolicy();
    if (dto.reportSchedule) validateReportSchedule(dto.reportSchedule);
    if (dto.reminderPolicy) validateReminderPolicy(dto.reminderPolicy);
    if (merged.scope?.mode === 'all_children') merged.scope = { mode: 'all_children' };
    if (!merged.title) throw new DomainError('validation', 'plan.title_required', 'Chưa có tên kế hoạch');
    return merged as UpdatePlanDto & {
      title: string;
      childDeadline: string;
      reportSchedule: unknown;
      reminderPolicy: unknown;
    };
  }
}

function summary(p: PlanView) {
  return {
    status: p.status,
    title: p.title,
    number: p.number,
    symbol: p.symbol,
    childDeadline: p.childDeadline,
    targets: p.targets,
    scope: p.scope,
  };
}
