import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Clock } from '@cchc/config';
import {
  assertPlanComplete,
  assertPlanEditable,
  conflict,
  extractPlan,
  localDateOf,
  notFound,
  toPlanDraft,
  type PlanExtraction,
} from '@cchc/domain';
import { AuditRepository, PlanImportRepository, type PlanImportRow } from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import type { CreatePlanDto, UpdatePlanDto } from '../plans/plans.dto';
import { PlansService, type PlanView } from '../plans/plans.service';
import { readPlanDocument } from './document-reader';
import type { ConfirmMode } from './plan-import.dto';
import type {
  ConfirmPlanImportResponse,
  PendingPlanImportsResponse,
  PlanImportResponse,
} from './plan-import.responses';

export interface UploadedPlanFile {
  buffer: Buffer;
  originalname: string;
  mimetype?: string;
  size: number;
}

/**
 * Import of a plan document (issue 14): the file is read and the extraction turned into a draft plan through the
 * plans service; the extraction is stored with the draft. Nothing is issued until the user confirms.
 */
@Injectable()
export class PlanImportService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly imports: PlanImportRepository,
    private readonly plans: PlansService,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async upload(actor: Actor, file: UploadedPlanFile, unitId: string = actor.unitId): Promise<PlanImportResponse> {
    await this.access.authorize(actor, 'plan.edit', unitId);
    const read = await readPlanDocument(file.buffer, file.originalname, file.mimetype);
    const extraction = extractPlan(read.text);
    const now = this.clock.now();
    const draft = toPlanDraft(extraction, Number(localDateOf(now).slice(0, 4)));
    const ref = extraction.parentPlan?.value;
    const parentMatch = ref ? await this.imports.findParentPlan(unitId, ref, localDateOf(now)) : null;

    // The draft goes through the plans service (its checks, its audit); a plan already there for the year → 409.
    const plan = await this.plans.create(actor, { ...draft, unitId } as CreatePlanDto);
    const row = await this.em.transaction(async (m) => {
      const saved = await this.imports.insert(
        {
          planId: plan.id,
          unitId,
          filename: file.originalname.slice(0, 255),
          format: read.format,
          sizeBytes: file.size,
          text: extraction.text,
          extraction: withoutText(extraction),
          parentMatch,
          createdBy: actorRef(actor),
        },
        m,
      );
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'plan_import.created',
          entityType: 'plan_import',
          entityId: saved.id,
          unitId,
          after: {
            planId: plan.id,
            filename: saved.filename,
            format: saved.format,
            notFound: extraction.notFound,
            parentPlanId: parentMatch?.planId ?? null,
          },
          requestId: actor.requestId,
        },
        m,
      );
      return saved;
    });
    return this.view(row, plan);
  }

  async get(actor: Actor, id: string): Promise<PlanImportResponse> {
    const row = await this.readable(actor, id);
    return this.view(row, await this.plans.get(actor, row.planId));
  }

  /**
   * Applies the user's corrections, then (mode `issue`, the default) issues the plan (one no parent asked for: its
   * cascade starts) or submits it to the parent for approval (a plan answering a parent's); checked before anything
   * is written. Mode `keep_draft` applies the corrections only: the plan stays a draft for the usual submit or issue
   * on the plan's page, so whoever may draft can confirm what was read.
   */
  async confirm(
    actor: Actor,
    id: string,
    changes?: UpdatePlanDto,
    mode: ConfirmMode = 'issue',
  ): Promise<ConfirmPlanImportResponse> {
    const row = await this.readable(actor, id);
    if (row.status !== 'draft')
      throw conflict('plan_import.already_confirmed', 'Văn bản này đã được xác nhận trước đó', { id });
    const plan = await this.plans.get(actor, row.planId);
    const hasChanges = !!changes && Object.values(changes).some((v) => v !== undefined);
    let action: ConfirmPlanImportResponse['action'];
    let result: unknown;
    if (mode === 'keep_draft') {
      await this.access.authorize(actor, 'plan.edit', plan.unitId);
      assertPlanEditable(plan.status);
      action = 'kept_draft';
      result = hasChanges ? await this.plans.update(actor, plan.id, changes) : plan;
    } else {
      action = plan.obligationId ? 'submitted' : 'issued';
      await this.access.authorize(actor, plan.obligationId ? 'plan.submit' : 'plan.issue', plan.unitId);
      if (hasChanges) assertPlanComplete({ ...plan, ...stripUndefined(changes) } as never);
      else assertPlanComplete(plan as never);
      if (hasChanges) await this.plans.update(actor, plan.id, changes);
      result = plan.obligationId ? await this.plans.submit(actor, plan.id) : await this.plans.issue(actor, plan.id);
    }
    const confirmed = await this.em.transaction(async (m) => {
      if (!(await this.imports.markConfirmed(row.id, actorRef(actor), m)))
        throw conflict('plan_import.already_confirmed', 'Văn bản này đã được xác nhận trước đó', { id });
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: 'plan_import.confirmed',
          entityType: 'plan_import',
          entityId: row.id,
          unitId: row.unitId,
          before: { status: 'draft' },
          after: {
            status: 'confirmed',
            planId: plan.id,
            action,
            changed: hasChanges ? Object.keys(stripUndefined(changes!)) : [],
          },
          requestId: actor.requestId,
        },
        m,
      );
      return (await this.imports.find(row.id, m))!;
    });
    return {
      import: this.view(confirmed, await this.plans.get(actor, plan.id)),
      action,
      result: result as Record<string, unknown>,
    };
  }

  /**
   * The caller's unit's imports not confirmed yet whose plan is still a draft (newest first): a drafter who left the
   * side-by-side review finds it again.
   */
  async pending(actor: Actor): Promise<PendingPlanImportsResponse> {
    const rows = await this.imports.pending({
      scope: { rootUnitId: actor.unitId, maxDepth: 0 },
      date: localDateOf(this.clock.now()),
      limit: 50,
    });
    return { items: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) };
  }

  private async readable(actor: Actor, id: string): Promise<PlanImportRow> {
    const row = await this.imports.find(id);
    if (!row || !(await this.access.canRead(actor, row.unitId)))
      throw notFound('plan_import.not_found', 'Không tìm thấy văn bản kế hoạch đã tải lên', { id });
    return row;
  }

  private view(row: PlanImportRow, plan: PlanView): PlanImportResponse {
    const x = row.extraction as unknown as Omit<PlanExtraction, 'text'>;
    const defaults: string[] = [];
    if (!x.childDeadline) defaults.push('childDeadline');
    if (!x.reportPeriods?.length) defaults.push('reportSchedule');
    if (!x.year) defaults.push('year');
    if (!x.title) defaults.push('title');
    return {
      id: row.id,
      planId: row.planId,
      unitId: row.unitId,
      status: row.status,
      filename: row.filename,
      format: row.format,
      sizeBytes: row.sizeBytes,
      text: row.text,
      extraction: x as never,
      parentMatch: row.parentMatch,
      defaults,
      plan,
      createdAt: row.createdAt,
      confirmedAt: row.confirmedAt,
    };
  }
}

function withoutText(x: PlanExtraction): Record<string, unknown> {
  const { text: _text, ...rest } = x;
  return rest as unknown as Record<string, unknown>;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
