import { Injectable } from '@nestjs/common';
import { Clock } from '@cchc/config';
import {
  accessDateOf,
  daysLeft,
  notFound,
  restsOnProvisionalCalendar,
  STATUS_LABELS,
  type ObligationStatus,
  type WorkingCalendar,
} from '@cchc/domain';
import {
  CalendarRepository,
  ObligationsRepository,
  type ObligationCore,
  type ObligationListRow,
  type TransitionRow,
} from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationCommands } from './obligation-commands.service';
import type { ObligationQuery } from './obligations.dto';

export interface ObligationView extends ObligationListRow {
  statusLabel: string;
  /** Calendar days to the (shifted) deadline; negative when late. Null once submitted. */
  daysLeft: number | null;
  /** Submitted after the deadline, or not submitted and the deadline has passed. */
  late: boolean;
  /** The deadline's shift rests on a provisional (not yet confirmed) calendar year. */
  provisional: boolean;
}

/** What a unit owes (incoming), what its children owe it (outgoing), the approvers' inbox, extensions. */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly obligations: ObligationsRepository,
    private readonly access: AccessService,
    private readonly commands: ObligationCommands,
    private readonly clock: Clock,
    private readonly calendar: CalendarRepository,
  ) {}

  /** What my unit owes its parent. */
  incoming(actor: Actor, q: ObligationQuery): Promise<ObligationView[]> {
    return this.listFor(actor, q, 'incoming');
  }

  /** What the children of my unit (or of a unit I may read) owe it: status, deadline, days left or late. */
  outgoing(actor: Actor, q: ObligationQuery): Promise<ObligationView[]> {
    return this.listFor(actor, q, 'outgoing');
  }

  private async listFor(actor: Actor, q: ObligationQuery, direction: 'incoming' | 'outgoing') {
    const unitId = q.unitId ?? actor.unitId;
    await this.access.authorize(actor, 'unit.read', unitId);
    // Only obligations of units the caller may read (a drafter sees its own unit's, not its children's).
    const [rows, cal] = await Promise.all([
      this.obligations.list({ ...q, direction, unitId, scope: this.access.readScope(actor) }),
      this.calendar.calendar(),
    ]);
    return rows.map((r) => this.view(r, cal));
  }

  /** Approval inbox: submissions of my unit's direct children waiting for a decision, oldest first. */
  async inbox(actor: Actor) {
    if (!actor.roles.includes('approver')) return [];
    const [rows, cal] = await Promise.all([this.obligations.inbox(actor.unitId), this.calendar.calendar()]);
    return rows.map((r) => ({ ...this.view(r, cal), planTitle: r.planTitle, versionNo: r.versionNo }));
  }

  async get(actor: Actor, id: string): Promise<ObligationView & { transitions: TransitionRow[] }> {
    const row = await this.obligations.findView(id);
    if (!row || !(await this.access.canRead(actor, row.unitId, accessDateOf(row))))
      throw notFound('obligation.not_found', 'Không tìm thấy nghĩa vụ', { id });
    const [transitions, cal] = await Promise.all([this.obligations.transitions(id), this.calendar.calendar()]);
    return { ...this.view(row, cal), transitions };
  }

  /** The obligation if the caller may read its unit (404 otherwise), for actions on it. */
  async readable(actor: Actor, id: string): Promise<ObligationCore> {
    const o = await this.obligations.findCore(id);
    if (!o || !(await this.access.canRead(actor, o.unitId, accessDateOf(o))))
      throw notFound('obligation.not_found', 'Không tìm thấy nghĩa vụ', { id });
    return o;
  }

  /** The parent's approver moves a child's deadline (reminders follow the new one). */
  async extend(actor: Actor, id: string, deadline: string, reason?: string) {
    const o = await this.readable(actor, id);
    await this.access.authorize(actor, 'plan.decide', o.unitId, accessDateOf(o));
    await this.commands.extendDeadline(o.workflowId, {
      nominal: deadline,
      actor: actorRef(actor),
      reason,
      requestId: actor.requestId,
    });
    return this.get(actor, id);
  }

  /**
   * Late = first submitted after the deadline, or not submitted when the workflow's deadline timer fired
   * (the `overdue` flag): the workflow's time is the authority, not this process's clock.
   */
  private view(r: ObligationListRow, cal: WorkingCalendar): ObligationView {
    const submitted = r.firstSubmittedAt !== null;
    return {
      ...r,
      statusLabel: STATUS_LABELS[r.status],
      daysLeft: submitted ? null : daysLeft({ effective: r.deadline }, this.clock.now()),
      late: submitted ? r.submittedOnTime === false : r.overdue === true,
      provisional: restsOnProvisionalCalendar(r.nominalDeadline, r.deadline, cal),
    };
  }
}

export type { ObligationStatus };
