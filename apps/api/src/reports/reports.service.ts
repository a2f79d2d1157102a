import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  conflict,
  isAwaitingUnit,
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
import {
  AuditService,
  IndicatorsRepository,
  ObligationsRepository,
  ReportFactsRepository,
  ReportsRepository,
} from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationCommands } from '../obligations/obligation-commands.service';
import type { SaveReportDto } from './reports.dto';

@Injectable()
export class ReportsService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly commands: ObligationCommands,
    private readonly facts: ReportFactsRepository,
    private readonly reports: ReportsRepository,
    private readonly obligations: ObligationsRepository,
    private readonly indicators: IndicatorsRepository,
  ) {}

  /** The indicator catalogue (national data). */
  catalogue(): Promise<IndicatorDef[]> {
    return this.indicators.catalogue();
  }

  /** Creates or updates the draft report of a report obligation (the unit's own values and narrative). */
  async save(actor: Actor, dto: SaveReportDto) {
    const o = await this.obligations.findCore(dto.obligationId);
    if (!o || o.kind !== 'report' || !(await this.access.canRead(actor, o.unitId))) {
      throw notFound('report.obligation_not_found', 'Không tìm thấy kỳ báo cáo', { obligationId: dto.obligationId });
    }
    await this.access.authorize(actor, 'plan.edit', o.unitId);
    if (!isAwaitingUnit(o.status))
      throw conflict('report.not_editable', 'Báo cáo đã gửi hoặc đã được chấp nhận, không thể sửa', {
        status: o.status,
      });
    const values =
      dto.values === undefined ? undefined : validateReportValues(dto.values, await this.catalogue(), o.year);
    const narrative = dto.narrative === undefined ? undefined : validateNarrative(dto.narrative);
    const period = o.period as PeriodKind;
    const report = await this.em.transaction(async (m) => {
      let row = await this.reports.lockByObligation(o.id, m);
      const before = row ? await this.reports.content(row.id, m) : null;
      if (!row) {
        row = await this.reports.insert(
          { obligationId: o.id, unitId: o.unitId, year: o.year, period, narrative: narrative ?? {} },
          actorRef(actor),
          m,
        );
      } else if (narrative) {
        await this.reports.setNarrative(row.id, narrative, m);
      }
      if (values) await this.reports.replaceValues(row.id, values, m);
      const after = await this.reports.content(row.id, m);
      await this.audit.record(
        {
          actor: actorRef(actor),
          action: before ? 'report.updated' : 'report.created',
          entityType: 'report',
          entityId: row.id,
          unitId: o.unitId,
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
        .transition(o.workflowId, { command: 'start_draft', actor: actorRef(actor), requestId: actor.requestId })
        .catch(() => undefined);
    }
    return this.get(actor, report.id);
  }

  /** The report with its own values, the live rollup of its subtree (the prefill) and the resulting totals. */
  async get(actor: Actor, id: string) {
    const r = await this.reports.findView(id);
    if (!r || !(await this.access.canRead(actor, r.unitId)))
      throw notFound('report.not_found', 'Không tìm thấy báo cáo', { id });
    const own = await this.reports.values(id);
    // The prefill: the subtree's accepted totals; the resulting totals combine the unit's own (draft) values with
    // them by each indicator's rule.
    const { rows, rules } = await this.facts.aggregates({ unitId: r.unitId, year: r.year, period: r.period });
    const below = rows.filter((x) => !x.own);
    const subtree = rollupFromAggregates(below, rules);
    const ownRows = Object.entries(own).map(([code, v]) => ({ code, state: 'accepted' as const, ...aggregateOf([v]) }));
    const totals = rollupFromAggregates([...below.filter((x) => x.state === 'accepted'), ...ownRows], rules).accepted;
    return {
      ...r,
      periodLabel: PERIOD_LABELS[r.period],
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
    const r = await this.reports.findCore(id);
    if (!r || !(await this.access.canRead(actor, r.unitId)))
      throw notFound('report.not_found', 'Không tìm thấy báo cáo', { id });
    await this.access.authorize(actor, command === 'submit' ? 'plan.submit' : 'plan.decide', r.unitId);
    nextStatus(r.status, command);
    return this.commands.transition(r.workflowId, {
      command,
      actor: actorRef(actor),
      reason,
      requestId: actor.requestId,
    });
  }

  async versions(actor: Actor, id: string) {
    const r = await this.reports.findCore(id);
    if (!r || !(await this.access.canRead(actor, r.unitId)))
      throw notFound('report.not_found', 'Không tìm thấy báo cáo', { id });
    return this.reports.versions(id);
  }
}
