import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { EntityManager } from 'typeorm';
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
  type ObligationStatus,
  type PeriodKind,
  WEB_ROUTES,
  webLink,
} from '@cchc/domain';
import { CalendarRepository } from '@cchc/persistence';
import type { DeadlineDto, NotificationActivities, ReminderSlotDto } from '@cchc/contracts';
import { Mailer, OutboundMessage, WebhookSender } from '../delivery/channels';

interface Recipient {
  userId: string | null;
  email: string;
  fullName: string | null;
  phone: string | null;
  channels: string[];
}

/** Delivery attempts before a message is given up as failed (Temporal retries the activity with backoff). */
export const MAX_DELIVERY_ATTEMPTS = 8;

@Injectable()
export class NotificationActivitiesImpl implements NotificationActivities {
  private readonly logger = new Logger(NotificationActivitiesImpl.name);

  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly calendar: CalendarRepository,
    private readonly mailer: Mailer,
    private readonly webhook: WebhookSender,
  ) {}

  async enqueueReminder(input: {
    obligationId: string;
    slot: ReminderSlotDto;
    deadline: DeadlineDto;
  }): Promise<string[]> {
    const o = await this.obligationContext(input.obligationId);
    if (!o) return [];
    const sentOn = localDateOf(new Date(input.slot.sendAt));
    const message = reminderMessage({
      kind: input.slot.kind,
      subject: o.kind,
      periodLabel: o.period ? PERIOD_LABELS[o.period as PeriodKind] : undefined,
      year: o.year,
      unitName: o.unit_name,
      parentUnitName: o.parent_name,
      sourcePlanSymbol: o.symbol,
      sourcePlanTitle: o.title,
      deadline: toDdMmYyyy(parseLocalDate(input.deadline.effective)),
      daysLeft: diffDays(sentOn, parseLocalDate(input.deadline.effective)),
      link: webLink(this.config.api.publicUrl, WEB_ROUTES.obligation(o.id)),
    });
    const recipients = await this.unitRecipients(o);
    const key = `reminder/${o.id}/${input.deadline.effective}/${input.slot.key}`;
    return this.enqueue(key, `reminder.${input.slot.kind}`, message, recipients, input.slot.sendAt, {
      obligationId: o.id,
      planId: null,
    });
  }

  async enqueueDeadlineNotice(
    input: Parameters<NotificationActivities['enqueueDeadlineNotice']>[0],
  ): Promise<string[]> {
    const o = await this.obligationContext(input.obligationId);
    if (!o) return [];
    const message = deadlineChangedMessage({
      subject: o.kind,
      periodLabel: o.period ? PERIOD_LABELS[o.period as PeriodKind] : undefined,
      year: o.year,
      unitName: o.unit_name,
      parentUnitName: o.parent_name,
      sourcePlanSymbol: o.symbol,
      sourcePlanTitle: o.title,
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
    const [p] = await this.em.query(
      `SELECT year, to_char(child_deadline, 'YYYY-MM-DD') AS d, reminder_policy, report_schedule FROM plans WHERE id = $1`,
      [input.planId],
    );
    if (!p) return [];
    const cal = await this.calendar.calendar();
    // The morning after a deadline, then the policy's overdue days.
    const after = (deadline: Deadline, prefix: string, period?: string) => {
      const first = cal.nextWorkingDay(deadline.effective);
      const firstAt = new Date(`${first}T${p.reminder_policy.sendAtLocalTime ?? '08:00'}:00+07:00`);
      const overdue = planReminders(deadline, p.reminder_policy, cal).filter(
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
    const slots = after(resolveDeadline(parseLocalDate(p.d), cal), '');
    for (const r of resolveReportSchedule(p.report_schedule, p.year, cal))
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
    const [p] = await this.em.query(
      `SELECT p.id, p.unit_id, p.year, p.symbol, p.title, u.name AS unit_name FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`,
      [input.planId],
    );
    if (!p) return { messageIds: [], lateUnits: 0, awaiting: 0 };
    const at = new Date(input.sendAt);
    const today = localDateOf(at);
    const late: Array<{ name: string; deadline: string; status: ObligationStatus }> = await this.em.query(
      `SELECT u.name, to_char(o.effective_deadline, 'YYYY-MM-DD') AS deadline, o.status
         FROM obligations o JOIN units u ON u.id = o.unit_id
        WHERE o.source_plan_id = $1 AND o.kind = $3 AND o.period = $4 AND o.status IN ('pending','draft','returned') AND o.deadline_ends_at <= $2
        ORDER BY u.code`,
      [p.id, at.toISOString(), kind, period],
    );
    const [{ awaiting }] = await this.em.query(
      `SELECT count(*)::int AS awaiting FROM obligations WHERE source_plan_id = $1 AND kind = $2 AND period = $3 AND status IN ('pending','draft','returned')`,
      [p.id, kind, period],
    );
    if (!late.length) return { messageIds: [], lateUnits: 0, awaiting };
    const message = overdueDigestMessage({
      subject: kind,
      periodLabel: input.period ? PERIOD_LABELS[input.period as PeriodKind] : undefined,
      year: p.year,
      parentUnitName: p.unit_name,
      sourcePlanSymbol: p.symbol,
      sourcePlanTitle: p.title,
      lateUnits: late.map((l) => ({
        name: l.name,
        deadline: toDdMmYyyy(parseLocalDate(l.deadline)),
        daysLate: diffDays(parseLocalDate(l.deadline), today),
        status: STATUS_LABELS[l.status],
      })),
      link: webLink(this.config.api.publicUrl, WEB_ROUTES.outgoing(p.year)),
    });
    // The parent's approvers, and the reviewers of every reviewing office that follows the parent
    // (Văn phòng of the parent itself, Sở Nội vụ of the province, …).
    const recipients: Recipient[] = await this.em.query(
      `SELECT DISTINCT u.id AS "userId", u.email, u.full_name AS "fullName", u.phone, u.notification_channels AS channels
         FROM users u
        WHERE u.active AND (
              (u.unit_id = $1 AND 'approver' = ANY(u.roles))
           OR ('reviewer' = ANY(u.roles) AND u.unit_id IN (
                SELECT r.id FROM units r
                  JOIN unit_links l ON l.unit_id = r.id AND l.valid_from <= $2::date AND l.valid_to > $2::date
                  JOIN unit_closure c ON c.ancestor_id = l.parent_id AND c.descendant_id = $1 AND c.valid_from <= $2::date AND c.valid_to > $2::date
                 WHERE r.is_reviewing_office)))
        ORDER BY u.email`,
      [p.unit_id, today],
    );
    const key = `digest/${p.id}/${input.slotKey}`;
    const messageIds = await this.enqueue(key, 'digest.overdue', message, recipients, at.toISOString(), {
      obligationId: null,
      planId: p.id,
    });
    return { messageIds, lateUnits: late.length, awaiting };
  }

  private async obligationContext(obligationId: string): Promise<Record<string, any> | undefined> {
    const [o] = await this.em.query(
      `SELECT o.id, o.kind, o.period, o.year, o.unit_id, u.name AS unit_name, u.email AS unit_email, pu.name AS parent_name,
              sp.id AS plan_id, sp.symbol, sp.title
         FROM obligations o JOIN units u ON u.id = o.unit_id JOIN units pu ON pu.id = o.parent_unit_id
         JOIN plans sp ON sp.id = o.source_plan_id WHERE o.id = $1`,
      [obligationId],
    );
    return o;
  }

  /** The obliged unit's drafters and approvers, and its contact address. */
  private async unitRecipients(o: Record<string, any>): Promise<Recipient[]> {
    const users: Recipient[] = await this.em.query(
      `SELECT id AS "userId", email, full_name AS "fullName", phone, notification_channels AS channels
         FROM users WHERE unit_id = $1 AND active AND roles && ARRAY['drafter','approver'] ORDER BY email`,
      [o.unit_id],
    );
    const recipients = [...users];
    if (o.unit_email && !users.some((u) => u.email.toLowerCase() === o.unit_email.toLowerCase())) {
      recipients.push({ userId: null, email: o.unit_email, fullName: o.unit_name, phone: null, channels: ['email'] });
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
    return this.em.transaction(async (m) => {
      if (inApp.length) {
        await m.query(
          `INSERT INTO notifications (user_id, kind, title, body, link, obligation_id, plan_id, dedupe_key, created_at)
           SELECT x.user_id, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS x(user_id)
           ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
          [
            inApp.map((r) => r.userId),
            kind,
            message.title,
            message.text,
            linkOf(message.text),
            ref.obligationId,
            ref.planId,
            key,
            at,
          ],
        );
      }
      if (outbox.length) {
        await m.query(
          `INSERT INTO outbound_messages (channel, recipient, user_id, subject, body, payload, dedupe_key)
           SELECT x.channel, x.recipient, x.user_id, x.subject, x.body, x.payload, x.key
             FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::text[])
                  AS x(channel, recipient, user_id, subject, body, payload, key)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [
            outbox.map((o) => o.channel),
            outbox.map((o) => o.recipient),
            outbox.map((o) =>
              o.channel === 'webhook' ? o.recipient : (recipients.find((r) => r.email === o.recipient)?.userId ?? null),
            ),
            outbox.map((o) => o.subject),
            outbox.map((o) => o.body),
            outbox.map((o) => (o.payload ? JSON.stringify(o.payload) : null)),
            outbox.map((o) => o.dedupeKey),
          ],
        );
      }
      const rows = await m.query(`SELECT id FROM outbound_messages WHERE dedupe_key = ANY($1) AND status = 'pending'`, [
        outbox.map((o) => o.dedupeKey),
      ]);
      return rows.map((r: { id: string }) => r.id);
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
      await this.em.transaction(async (m) => {
        const [row] = await m.query(
          `SELECT id, channel, recipient, subject, body, payload, dedupe_key AS "dedupeKey" FROM outbound_messages
            WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
          [id],
        );
        if (!row) return;
        try {
          await (row.channel === 'email' ? this.mailer : this.webhook).send(row);
          await m.query(
            `UPDATE outbound_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`,
            [id],
          );
          sent++;
        } catch (e) {
          const failed = attempt >= MAX_DELIVERY_ATTEMPTS;
          await m.query(
            `UPDATE outbound_messages SET attempts = attempts + 1, last_error = $2, status = $3 WHERE id = $1`,
            [id, (e as Error).message.slice(0, 500), failed ? 'failed' : 'pending'],
          );
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
