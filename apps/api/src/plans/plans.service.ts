import { Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  accessDateOf,
  assertPlanComplete,
  assertPlanEditable,
  EDITABLE_PLAN_STATUSES,
  conflict,
  defaultChildDeadline,
  defaultReminderPolicy,
  defaultReportSchedule,
  diffContent,
  DomainError,
  nextStatus,
  notFound,
  type ObligationCommand,
  validateReminderPolicy,
  validateReportSchedule,
} from '@cchc/domain';
import {
  AuditRepository,
  ObligationsRepository,
  PlansRepository,
  type PlanFields,
  type PlanRow,
} from '@cchc/persistence';
import { TemporalClientProvider, domainErrorFromTemporal } from '@cchc/temporal';
import { PLAN_CASCADE_WORKFLOW, planCascadeWorkflowId, type PlanCascadeInput } from '@cchc/contracts';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationCommands } from '../obligations/obligation-commands.service';
import type { CreatePlanDto, PlanListQuery, UpdatePlanDto } from './plans.dto';

export type PlanView = PlanRow;
/** Issuing answers at once with status 'issuing': the cascade workflow marks the plan issued. */
export type IssuedPlanView = Omit<PlanRow, 'status'> & { status: PlanRow['status'] | 'issuing' };

/** Plans: drafting and editing by the unit, issuing (top of a cascade), submission and decisions via workflows. */
@Injectable()
export class PlansService {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly plans: PlansRepository,
    private readonly obligations: ObligationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly commands: ObligationCommands,
  ) {}

  async create(actor: Actor, dto: CreatePlanDto): Promise<PlanView> {
    const unitId = dto.unitId ?? actor.unitId;
    await this.access.authorize(actor, 'plan.edit', unitId);
    const fields = this.normalise(dto, dto.year);
    const plan = await this.em.transaction(async (m) => {
      if (await this.plans.existsFor(unitId, dto.year, m)) {
        throw conflict('plan.exists', `Đơn vị đã có kế hoạch năm ${dto.year}`, { year: dto.year });
      }
      // The obligation this plan answers, if the parent's plan created one.
      const obligation = await this.obligations.planObligationOf(unitId, dto.year, m);
      const id = await this.plans.insert(
        {
          ...fields,
          unitId,
          year: dto.year,
          obligationId: obligation?.id ?? null,
          parentPlanId: obligation?.sourcePlanId ?? null,
        },
        actorRef(actor),
        m,
      );
      const plan = (await this.plans.findById(id, m))!;
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
    assertPlanEditable(before.status);
    const f = this.normalise({ ...dto }, before.year, before);
    return this.em.transaction(async (m) => {
      const written = await this.plans.updateEditable(id, f, EDITABLE_PLAN_STATUSES, m);
      const after = (await this.plans.findById(id, m))!;
      if (!written) assertPlanEditable(after.status, 'Kế hoạch vừa được trình, không thể sửa');
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
    return this.plans.list({ scope: this.access.readScope(actor), year: q.year, unitId: q.unitId });
  }

  /** Issues a top-level plan (one no parent asked for): starts its cascade. A child plan is issued by its approval. */
  async issue(actor: Actor, id: string): Promise<IssuedPlanView> {
    const plan = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.issue', plan.unitId);
    if (plan.obligationId) {
      throw conflict(
        'plan.issued_on_approval',
        'Kế hoạch thực hiện kế hoạch của cấp trên được ban hành khi cấp trên phê duyệt',
      );
    }
    if (plan.status === 'issued') return plan;
    assertPlanComplete(plan);
    const args: [PlanCascadeInput] = [{ planId: id, issuedBy: actorRef(actor) }];
    try {
      const started = await this.temporal.startOnce(PLAN_CASCADE_WORKFLOW, {
        workflowId: planCascadeWorkflowId(id),
        args,
      });
      this.logger.log(`plan ${id} issued: cascade ${started}`);
    } catch (e) {
      throw domainErrorFromTemporal(e);
    }
    return { ...plan, status: 'issuing' };
  }

  async submit(actor: Actor, id: string) {
    const plan = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.submit', plan.unitId);
    const workflowId = await this.obligationWorkflow(plan, 'submit');
    assertPlanComplete(plan);
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
    return this.plans.versions(id);
  }

  async diff(actor: Actor, id: string, from: number, to: number) {
    await this.readable(actor, id);
    const contents = await this.plans.versionContents(id, [from, to]);
    const a = contents.get(from);
    const b = contents.get(to);
    if (!a || !b) throw notFound('plan.version_not_found', 'Không tìm thấy phiên bản kế hoạch', { from, to });
    return { from, to, changes: diffContent(a, b) };
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
    const o = (await this.obligations.findCore(plan.obligationId))!;
    nextStatus(o.status, command);
    return o.workflowId;
  }

  private async tryStartDraft(actor: Actor, obligationId: string) {
    const o = await this.obligations.findCore(obligationId);
    if (o?.status !== 'pending') return;
    try {
      await this.commands.transition(o.workflowId, {
        command: 'start_draft',
        actor: actorRef(actor),
        requestId: actor.requestId,
      });
    } catch (e) {
      // Not fatal: submission is accepted from "pending" too.
      this.logger.warn(`could not mark obligation ${obligationId} as drafting: ${(e as Error).message}`);
    }
  }

  /**
   * History-aware: the plan's unit is read on today's tree, or on the tree of the plan's own deadline (the parent
   * that received and approved it keeps reading it after a re-organisation).
   */
  private async canReadPlan(actor: Actor, plan: PlanRow): Promise<boolean> {
    if (await this.access.canRead(actor, plan.unitId)) return true;
    const o = plan.obligationId ? await this.obligations.findCore(plan.obligationId) : null;
    return o !== null && (await this.access.canRead(actor, plan.unitId, accessDateOf(o)));
  }

  /** The plan if the caller may read its unit (404 otherwise). */
  private async readable(actor: Actor, id: string): Promise<PlanView> {
    const plan = await this.plans.findById(id);
    if (!plan || !(await this.canReadPlan(actor, plan)))
      throw notFound('plan.not_found', 'Không tìm thấy kế hoạch', { id });
    return plan;
  }

  private normalise(dto: UpdatePlanDto & { title?: string }, year: number, current?: PlanView): PlanFields {
    const given = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<PlanFields>;
    if (dto.reportSchedule) validateReportSchedule(dto.reportSchedule);
    if (dto.reminderPolicy) validateReminderPolicy(dto.reminderPolicy);
    const merged = { ...current, ...given };
    if (!merged.title) throw new DomainError('validation', 'plan.title_required', 'Chưa có tên kế hoạch');
    const scope = merged.scope?.mode === 'selected' ? merged.scope : { mode: 'all_children' as const };
    return {
      number: merged.number ?? null,
      symbol: merged.symbol ?? null,
      title: merged.title,
      issuePlace: merged.issuePlace ?? null,
      issueDate: merged.issueDate ?? null,
      signer: merged.signer ?? null,
      recipients: merged.recipients ?? [],
      parentPlanRef: merged.parentPlanRef ?? null,
      sections: merged.sections ?? {},
      targets: merged.targets ?? [],
      childDeadline: merged.childDeadline ?? defaultChildDeadline(year),
      reportSchedule: merged.reportSchedule ?? defaultReportSchedule(),
      reminderPolicy: merged.reminderPolicy ?? defaultReminderPolicy(),
      scope,
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
