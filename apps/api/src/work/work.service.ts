import { Injectable } from '@nestjs/common';
import { Clock } from '@cchc/config';
import {
  conflict,
  daysLeft,
  DomainError,
  localDateOf,
  notFound,
  parseLocalDate,
  type ObligationStatus,
} from '@cchc/domain';
import { REMIND_NOW_WORKFLOW, remindNowWorkflowId, urgeWorkflowId, type RemindNowInput } from '@cchc/contracts';
import { AuditRepository, WorkRepository, type NoticeObligationRow } from '@cchc/persistence';
import { TemporalClientProvider, domainErrorFromTemporal, type StartOutcome } from '@cchc/temporal';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationsService, type ObligationView } from '../obligations/obligations.service';
import { PlansService } from '../plans/plans.service';
import { ReportsService } from '../reports/reports.service';

const AWAITING_UNIT: ObligationStatus[] = ['pending', 'draft', 'returned'];

export type WorkItem = ObligationView & {
  returnReason: string | null;
  returnedAt: string | null;
  reportId: string | null;
  versionNo: number | null;
};

/**
 * The web app's home ("Việc cần làm"): what my unit owes, what waits for my decision, my unread notifications,
 * sorted by urgency; and the approver's actions over several obligations (bulk approve, remind now).
 */
@Injectable()
export class WorkService {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly plans: PlansService,
    private readonly reports: ReportsService,
    private readonly work: WorkRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly clock: Clock,
  ) {}

  async myWork(actor: Actor) {
    const [incoming, inbox, notifications, unread] = await Promise.all([
      this.obligations.incoming(actor, {}),
      this.obligations.inbox(actor),
      this.work.unreadNotifications(actor.userId, 10),
      this.work.unreadCount(actor.userId),
    ]);
    const open = incoming.filter((o) => o.status !== 'approved');
    const extras = await this.work.extras([...open, ...inbox].map((o) => o.id));
    const withExtras = (o: ObligationView): WorkItem => {
      const x = extras.get(o.id);
      // A returned plan or report is owed again: days left count again (the list view stops at the first submission).
      const owedAgain = o.daysLeft === null && AWAITING_UNIT.includes(o.status);
      return {
        ...o,
        daysLeft: owedAgain ? this.daysLeftOf(o) : o.daysLeft,
        returnReason: o.status === 'returned' ? (x?.returnReason ?? null) : null,
        returnedAt: o.status === 'returned' ? (x?.returnedAt ?? null) : null,
        reportId: x?.reportId ?? null,
        versionNo: x?.versionNo ?? null,
      };
    };
    return {
      owes: open.map(withExtras).sort(byUrgency),
      awaitingDecision: inbox.map(withExtras),
      notifications: { unread, latest: notifications },
    };
  }

  async reportOf(actor: Actor, id: string): Promise<{ obligationId: string; reportId: string | null }> {
    await this.obligations.get(actor, id); // 404 outside the caller's scope
    return { obligationId: id, reportId: (await this.work.extras([id])).get(id)?.reportId ?? null };
  }

  private daysLeftOf(o: ObligationView): number {
    return daysLeft({ effective: o.deadline }, this.clock.now());
  }

  /** Approves each selected submission; one item's refusal does not stop the others. */
  async bulkApprove(actor: Actor, obligationIds: string[]) {
    const results: Array<{ obligationId: string; ok: boolean; code?: string; message?: string }> = [];
    for (const id of obligationIds) {
      try {
        const x = (await this.work.extras([id])).get(id);
        const o = await this.obligations.get(actor, id);
        if (o.kind === 'plan') {
          if (!o.planId) throw conflict('obligation.nothing_submitted', 'Đơn vị chưa trình kế hoạch');
          await this.plans.decide(actor, o.planId as string, 'approve');
        } else {
          if (!x?.reportId) throw conflict('obligation.nothing_submitted', 'Đơn vị chưa gửi báo cáo');
          await this.reports.transition(actor, x.reportId, 'approve');
        }
        results.push({ obligationId: id, ok: true });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results.push({ obligationId: id, ok: false, code: e.code, message: e.message });
      }
    }
    const approved = results.filter((r) => r.ok).length;
    await this.audit.record({
      actor: actorRef(actor),
      action: 'obligation.bulk_approve',
      entityType: 'obligation',
      entityId: obligationIds[0],
      unitId: actor.unitId,
      after: { requested: obligationIds.length, approved, obligationIds },
      requestId: actor.requestId,
    });
    return { approved, failed: results.length - approved, results };
  }

  /** Nhắc ngay: the parent's approver reminds a child now (once per obligation per day). */
  async remindNow(actor: Actor, id: string) {
    const o = await this.work.obligation(id);
    if (!o || !(await this.access.canRead(actor, o.unitId)))
      throw notFound('obligation.not_found', 'Không tìm thấy nghĩa vụ', { id });
    await this.access.authorize(actor, 'plan.decide', o.unitId);
    return this.sendNow(actor, o, 'remind');
  }

  /**
   * Đôn đốc from the review: the reviewing office (or the parent's approver) urges late or missing units now; each
   * unit and its parent get the reminder (once per obligation per day). Each obligation succeeds or fails alone.
   */
  async urge(actor: Actor, obligationIds: string[]) {
    const results: Array<{
      obligationId: string;
      ok: boolean;
      unitName?: string;
      code?: string;
      message?: string;
    }> = [];
    for (const id of obligationIds) {
      try {
        const o = await this.work.obligation(id);
        if (!o || !(await this.access.canRead(actor, o.unitId)))
          throw notFound('obligation.not_found', 'Không tìm thấy nghĩa vụ', { id });
        await this.access.authorize(actor, 'reminder.send', o.unitId);
        const sent = await this.sendNow(actor, o, 'urge');
        results.push({ obligationId: id, ok: true, unitName: sent.unitName });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results.push({ obligationId: id, ok: false, code: e.code, message: e.message });
      }
    }
    const sent = results.filter((r) => r.ok).length;
    return { sent, failed: results.length - sent, results };
  }

  private async sendNow(actor: Actor, o: NoticeObligationRow, how: 'remind' | 'urge') {
    if (!AWAITING_UNIT.includes(o.status as ObligationStatus)) {
      throw conflict('obligation.not_awaiting_unit', 'Đơn vị đã trình, không cần nhắc', { status: o.status });
    }
    const now = this.clock.now();
    const deadline = {
      nominal: o.nominalDeadline,
      effective: o.effectiveDeadline,
      endsAt: new Date(o.deadlineEndsAt).toISOString(),
    };
    const left = daysLeft({ effective: parseLocalDate(o.effectiveDeadline) }, now);
    const today = localDateOf(now);
    const input: RemindNowInput = {
      obligationId: o.id,
      slot: {
        key: `${how === 'urge' ? 'urge' : 'manual'}:${today}`,
        kind: left > 0 ? 'before' : left === 0 ? 'due_today' : 'overdue',
        offsetDays: -left,
        sendAt: now.toISOString(),
      },
      deadline,
      ...(how === 'urge' ? { copyParent: true } : {}),
    };
    let started: StartOutcome;
    try {
      started = await this.temporal.startOnce(REMIND_NOW_WORKFLOW, {
        workflowId: how === 'urge' ? urgeWorkflowId(o.id, today) : remindNowWorkflowId(o.id, today),
        args: [input],
      });
    } catch (e) {
      throw domainErrorFromTemporal(e);
    }
    if (started === 'already_started')
      throw conflict(
        'obligation.already_reminded_today',
        'Đã nhắc đơn vị này hôm nay, vui lòng nhắc lại vào ngày mai',
        {
          date: today,
        },
      );
    await this.audit.record({
      actor: actorRef(actor),
      action: how === 'urge' ? 'obligation.urged' : 'obligation.reminded',
      entityType: 'obligation',
      entityId: o.id,
      unitId: o.unitId,
      after: { kind: input.slot.kind, daysLeft: left, date: today, ...(how === 'urge' ? { copyParent: true } : {}) },
      requestId: actor.requestId,
    });
    return { obligationId: o.id, unitName: o.unitName, kind: input.slot.kind, daysLeft: left };
  }
}

/** Returned first, then the nearest (or most overdue) deadline; what already waits for the parent comes last. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  const rank = (o: WorkItem) => (o.status === 'returned' ? 0 : o.status === 'submitted' ? 2 : 1);
  return (
    rank(a) - rank(b) ||
    (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER) ||
    String(a.deadline).localeCompare(String(b.deadline))
  );
}
