import { Inject, Injectable, Logger } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AppConfigToken } from '@cchc/config';
import {
  deadlineChangedMessage,
  diffDays,
  localDateOf,
  overdueDigestMessage,
  parseLocalDate,
  planReminders,
  reminderMessage,
  resolveDeadline,
  resolveReportSchedule,
  STATUS_LABELS,
  type Deadline,
  toDdMmYyyy,
  PERIOD_LABELS,
  type Message,
  type PeriodKind,
  WEB_ROUTES,
  webLink,
} from '@cchc/domain';
import {
  CalendarRepository,
  NotificationsRepository,
  ObligationsRepository,
  PlansRepository,
  UnitTreeRepository,
  UsersRepository,
  type NewOutboundMessage,
  type ObligationNoticeContext,
  type RecipientRow,
} from '@cchc/persistence';
import type { DeadlineDto, NotificationActivities, ReminderSlotDto } from '@cchc/contracts';
import { Mailer, OutboundMessage, WebhookSender } from '../delivery/channels';

type Recipient = RecipientRow;

/** Delivery attempts before a message is given up as failed (Temporal retries the activity with backoff). */
export const MAX_DELIVERY_ATTEMPTS = 8;

@Injectable()
export class NotificationActivitiesImpl implements NotificationActivities {
  private readonly logger = new Logger(NotificationActivitiesImpl.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly calendar: CalendarRepository,
    private readonly notifications: NotificationsRepository,
    private readonly obligations: ObligationsRepository,
    private readonly plans: PlansRepository,
    private readonly tree: UnitTreeRepository,
    private readonly users: UsersRepository,
    private readonly mailer: Mailer,
    private readonly webhook: WebhookSender,
  ) {}

  async enqueueReminder(input: {
    obligationId: string;
    slot: ReminderSlotDto;
    deadline: DeadlineDto;
    copyParent?: boolean;
  }): Promise<string[]> {
    const o = await this.obligations.noticeContext(input.obligationId);
    if (!o) return [];
    const sentOn = localDateOf(new Date(input.slot.sendAt));
    const message = reminderMessage({
      kind: input.slot.kind,
      subject: o.kind,
      periodLabel: o.period ? PERIOD_LABELS[o.period as PeriodKind] : undefined,
      year: o.year,
      unitName: o.unitName,
      parentUnitName: o.parentUnitName,
      sourcePlanSymbol: o.planSymbol,
      sourcePlanTitle: o.planTitle,
      deadline: toDdMmYyyy(parseLocalDate(input.deadline.effective)),
      daysLeft: diffDays(sentOn, parseLocalDate(input.deadline.effective)),
      link: webLink(this.config.api.publicUrl, WEB_ROUTES.obligation(o.id)),
    });
    const recipients = await this.unitRecipients(o);
    if (input.copyParent) {
      // Đôn đốc: the parent unit is told too (its drafters and approvers, once each).
      const parent = await this.users.activeHolding([{ unitIds: [o.parentUnitId], roles: ['drafter', 'approver'] }]);
      const known = new Set(recipients.map((r) => r.email.toLowerCase()));
      recipients.push(...parent.filter((r) => !known.has(r.email.toLowerCase())));
    }
    const key = `reminder/${o.id}/${input.deadline.effective}/${input.slot.key}`;
    return this.enqueue(key, `reminder.${input.slot.kind}`, message, recipients, input.slot.sendAt, {
      obligationId: o.id,
      planId: null,
    });
  }

  async enqueueDeadlineNotice(
    input: Parameters<NotificationActivities['enqueueDeadlineNotice']>[0],
  ): Promise<string[]> {
    const o = await this.obligations.noticeContext(input.obligationId);
    if (!o) return [];
    const message = deadlineChangedMessage({
      subject: o.kind,
      periodLabel: o.period ? PERIOD_LABELS[o.period as PeriodKind] : undefined,
      year: o.year,
      unitName: o.unitName,
      parentUnitName: o.parentUnitName,
      sourcePlanSymbol: o.planSymbol,
      sourcePlanTitle: o.planTitle,
      previous: toDdMmYyyy(parseLocalDate(input.previous.effective)),
      deadline: toDdMmYyyy(parseLocalDate(input.deadline.effective)),
      cause: input.cause,
      link: webLink(this.config.api.publicUrl, WEB_ROUTES.obligation(o.id)),
    });
    const key = `deadline/${o.id}/${input.seq}`;
    return this.enqueue(key, `deadline.${input.cause}`, message, await this.unitRecipients(o), input.at, {
      obligationId: o.id,
      planId: null,
    });
  }

  async planDigestSlots(input: { planId: string }): Promise<Array<ReminderSlotDto & { period?: string }>> {
    const p = await this.plans.reminderSettings(input.planId);
    if (!p) return [];
    const cal = await this.calendar.calendar();
    // The morning after a deadline, then the policy's overdue days.
    const after = (deadline: Deadline, prefix: string, period?: string) => {
      const first = cal.nextWorkingDay(deadline.effective);
      const firstAt = new Date(`${first}T${p.reminderPolicy.sendAtLocalTime ?? '08:00'}:00+07:00`);
      const overdue = planReminders(deadline, p.reminderPolicy, cal).filter(
        (s) => s.kind === 'overdue' && s.localDate > first,
      );
      return [
        {
          key: `${prefix}overdue:first`,
          kind: 'overdue' as const,
          offsetDays: diffDays(deadline.effective, first),
          sendAt: firstAt.toISOString(),
          period,
        },
        ...overdue.map((s) => ({
          key: `${prefix}${s.key}`,
          kind: s.kind,
          offsetDays: s.offsetDays,
          sendAt: s.sendAt.toISOString(),
          period,
        })),
      ];
    };
    const slots = after(resolveDeadline(parseLocalDate(p.childDeadline), cal), '');
    for (const r of resolveReportSchedule(p.reportSchedule, p.year, cal))
      slots.push(...after(r.deadline, `${r.period}/`, r.period));
    return slots.sort((a, b) => a.sendAt.localeCompare(b.sendAt));
  }

  async enqueueOverdueDigest(input: {
    planId: string;
    slotKey: string;
    sendAt: string;
    period?: string;
  }): Promise<{ messageIds: string[]; lateUnits: number; awaiting: number }> {
    const kind = input.period ? 'report' : 'plan';
    const period = input.period ?? '';
    const p = await this.plans.header(input.planId);
    if (!p) return { messageIds: [], lateUnits: 0, awaiting: 0 };
    const at = new Date(input.sendAt);
    const today = localDateOf(at);
    const which = { planId: p.id, kind, period } as const;
    const late = await this.obligations.overdue(which, at);
    const awaiting = await this.obligations.openCount(which);
    if (!late.length) return { messageIds: [], lateUnits: 0, awaiting };
    const message = overdueDigestMessage({
      subject: kind,
      periodLabel: input.period ? PERIOD_LABELS[input.period as PeriodKind] : undefined,
      year: p.year,
      parentUnitName: p.unitName,
      sourcePlanSymbol: p.symbol,
      sourcePlanTitle: p.title,
      lateUnits: late.map((l) => ({
        name: l.unitName,
        deadline: toDdMmYyyy(parseLocalDate(l.deadline)),
        daysLate: diffDays(parseLocalDate(l.deadline), today),
        status: STATUS_LABELS[l.status],
      })),
      link: webLink(this.config.api.publicUrl, WEB_ROUTES.outgoing(p.year)),
    });
    // The parent's approvers, and the reviewers of every reviewing office that follows the parent
    // (Văn phòng of the parent itself, Sở Nội vụ of the province, …).
    const recipients = await this.users.activeHolding([
      { unitIds: [p.unitId], roles: ['approver'] },
      { unitIds: await this.tree.reviewingOfficesFollowing(p.unitId, today), roles: ['reviewer'] },
    ]);
    const key = `digest/${p.id}/${input.slotKey}`;
    const messageIds = await this.enqueue(key, 'digest.overdue', message, recipients, at.toISOString(), {
      obligationId: null,
      planId: p.id,
    });
    return { messageIds, lateUnits: late.length, awaiting };
  }

  /** The obliged unit's drafters and approvers, and its contact address. */
  private async unitRecipients(o: ObligationNoticeContext): Promise<Recipient[]> {
    const users = await this.users.activeHolding([{ unitIds: [o.unitId], roles: ['drafter', 'approver'] }]);
    const recipients = [...users];
    const unitEmail = o.unitEmail;
    if (unitEmail && !users.some((u) => u.email.toLowerCase() === unitEmail.toLowerCase())) {
      recipients.push({ userId: null, email: unitEmail, fullName: o.unitName, phone: null, channels: ['email'] });
    }
    return recipients;
  }

  /** In-app rows and outbox rows for every recipient and channel, once per key; returns the pending outbox ids. */
  private async enqueue(
    key: string,
    kind: string,
    message: Message,
    recipients: Recipient[],
    at: string,
    ref: { obligationId: string | null; planId: string | null },
  ): Promise<string[]> {
    const inApp = recipients.filter((r) => r.userId && r.channels.includes('in_app'));
    const outbox: OutboundMessage[] = [];
    for (const r of recipients) {
      if (r.channels.includes('email') && this.mailer.enabled) {
        outbox.push({
          channel: 'email',
          recipient: r.email,
          subject: message.title,
          body: message.text,
          payload: null,
          dedupeKey: `${key}/email/${r.email.toLowerCase()}`,
        });
      }
      if (r.channels.includes('webhook') && this.webhook.enabled && r.userId) {
        outbox.push({
          channel: 'webhook',
          recipient: r.userId,
          subject: message.title,
          body: message.text,
          payload: {
            event: kind,
            key,
            recipient: { userId: r.userId, fullName: r.fullName, email: r.email, phone: r.phone },
            title: message.title,
            text: message.text,
            ...ref,
          },
          dedupeKey: `${key}/webhook/${r.userId}`,
        });
      }
    }
    return this.db.transaction(async (m) => {
      await this.notifications.insertInApp(
        {
          userIds: inApp.map((r) => r.userId!),
          kind,
          title: message.title,
          body: message.text,
          link: linkOf(message.text),
          obligationId: ref.obligationId,
          planId: ref.planId,
          dedupeKey: key,
          createdAt: at,
        },
        m,
      );
      await this.notifications.insertOutbound(
        outbox.map((o): NewOutboundMessage => ({
          ...o,
          userId:
            o.channel === 'webhook' ? o.recipient : (recipients.find((r) => r.email === o.recipient)?.userId ?? null),
        })),
        m,
      );
      return this.notifications.pendingIds(
        outbox.map((o) => o.dedupeKey),
        m,
      );
    });
  }

  /**
   * Sends each pending message under a row lock and marks it sent in the same transaction: a retry, or a second
   * worker, skips what was sent. On the last attempt a message that still fails is marked failed.
   */
  async deliverMessages(input: { messageIds: string[] }): Promise<{ sent: number }> {
    const attempt = activityAttempt();
    let sent = 0;
    const errors: string[] = [];
    const cancelled = activityCancellation();
    for (const id of input.messageIds) {
      if (cancelled?.aborted) throw cancelled.reason ?? new Error('cancelled'); // the rest stay pending for the retry
      await this.db.transaction(async (m) => {
        const row = await this.notifications.lockPending(id, m);
        if (!row) return;
        try {
          await (row.channel === 'email' ? this.mailer : this.webhook).send(row);
          await this.notifications.markSent(id, m);
          sent++;
        } catch (e) {
          const failed = attempt >= MAX_DELIVERY_ATTEMPTS;
          await this.notifications.markAttemptFailed(id, (e as Error).message, failed, m);
          if (!failed) errors.push(`${row.channel} ${row.recipient}: ${(e as Error).message}`);
          else
            this.logger.error(
              `giving up on ${row.channel} to ${row.recipient} after ${attempt} attempts: ${(e as Error).message}`,
            );
        }
      });
    }
    if (errors.length)
      throw new Error(`${errors.length} deliveries failed (will retry): ${errors.slice(0, 3).join('; ')}`);
    return { sent };
  }
}

function activityCancellation(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}

function activityAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

const linkOf = (text: string) => text.match(/https?:\/\/\S+/)?.[0] ?? null;
