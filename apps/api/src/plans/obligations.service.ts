import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { inScope } from '@cchc/persistence';
import { Clock } from '@cchc/config';
import {
  daysLeft,
  notFound,
  restsOnProvisionalCalendar,
  STATUS_LABELS,
  type ObligationStatus,
  type WorkingCalendar,
} from '@cchc/domain';
import { CalendarRepository } from '@cchc/persistence';
import { AccessService } from '../access/access.service';
import { Actor, actorRef } from '../auth/actor';
import { ObligationCommands } from './obligation-commands.service';
import type { ObligationQuery } from './plans.dto';

const OBLIGATION_COLUMNS = `o.id, o.kind, o.period, o.year, o.status, o.source_plan_id AS "sourcePlanId",
  o.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
  o.parent_unit_id AS "parentUnitId", pu.name AS "parentUnitName",
  to_char(o.nominal_deadline, 'YYYY-MM-DD') AS "nominalDeadline", to_char(o.effective_deadline, 'YYYY-MM-DD') AS "deadline",
  o.deadline_ends_at AS "deadlineEndsAt", o.first_submitted_at AS "firstSubmittedAt", o.last_submitted_at AS "lastSubmittedAt",
  o.submitted_on_time AS "submittedOnTime", o.overdue, o.decided_at AS "decidedAt",
  o.fulfilled_by_plan_id AS "planId", sp.symbol AS "sourcePlanSymbol", sp.title AS "sourcePlanTitle"`;

const FROM = `FROM obligations o JOIN units u ON u.id = o.unit_id JOIN units pu ON pu.id = o.parent_unit_id JOIN plans sp ON sp.id = o.source_plan_id`;

export interface ObligationView {
  id: string;
  status: ObligationStatus;
  statusLabel: string;
  deadline: string;
  deadlineEndsAt: string;
  /** Calendar days to the (shifted) deadline; negative when late. Null once submitted. */
  daysLeft: number | null;
  /** Submitted after the deadline, or not submitted and the deadline has passed. */
  late: boolean;
  /** The deadline's shift rests on a provisional (not yet confirmed) calendar year. */
  provisional: boolean;
  [k: string]: unknown;
}

/** What a unit owes (incoming), what its children owe it (outgoing), and the approvers' inbox. */
@Injectable()
export class ObligationsService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly commands: ObligationCommands,
    private readonly clock: Clock,
    private readonly calendar: CalendarRepository,
  ) {}

  /** What my unit owes its parent. */
  incoming(actor: Actor, q: ObligationQuery): Promise<ObligationView[]> {
    return this.listFor(actor, q, 'unit_id', 'o.effective_deadline, o.kind, o.period');
  }

  /** What the children of my unit (or of a unit I may read) owe it: status, deadline, days left or late. */
  outgoing(actor: Actor, q: ObligationQuery): Promise<ObligationView[]> {
    return this.listFor(actor, q, 'parent_unit_id', 'u.code, o.kind, o.period');
  }

  private async listFor(
    actor: Actor,
    q: ObligationQuery,
    column: 'unit_id' | 'parent_unit_id',
    order: string,
  ): Promise<ObligationView[]> {
    const unitId = q.unitId ?? actor.unitId;
    await this.access.authorize(actor, 'unit.read', unitId);
    // Only obligations of units the caller may read (a drafter sees its own unit's, not its children's).
    const params: unknown[] = [unitId, q.year ?? null, q.kind ?? null, q.status ?? null];
    const scope = inScope(this.access.readScope(actor), 'o.unit_id', params, { yearColumn: 'o.year' });
    const rows = await this.em.query(
      `SELECT ${OBLIGATION_COLUMNS} ${FROM}
        WHERE o.${column} = $1 AND ($2::int IS NULL OR o.year = $2) AND ($3::text IS NULL OR o.kind = $3) AND ($4::text IS NULL OR o.status = $4)
          AND ${scope}
        ORDER BY ${order}`,
      params,
    );
    const cal = await this.calendar.calendar();
    return rows.map((r: Record<string, any>) => this.view(r, cal));
  }

  /** Approval inbox: submissions of my unit's direct children waiting for a decision, oldest first. */
  async inbox(actor: Actor): Promise<ObligationView[]> {
    if (!actor.roles.includes('approver')) return [];
    const rows = await this.em.query(
      `SELECT ${OBLIGATION_COLUMNS}, p.title AS "planTitle", p.submission_count AS "versionNo" ${FROM}
         LEFT JOIN plans p ON p.id = o.fulfilled_by_plan_id
        WHERE o.parent_unit_id = $1 AND o.status = 'submitted'
        ORDER BY o.last_submitted_at, o.id`,
      [actor.unitId],
    );
    const cal = await this.calendar.calendar();
    return rows.map((r: Record<string, any>) => this.view(r, cal));
  }

  async get(actor: Actor, id: string): Promise<ObligationView & { transitions: unknown[] }> {
    const [row] = await this.em.query(`SELECT ${OBLIGATION_COLUMNS} ${FROM} WHERE o.id = $1`, [id]);
    if (!row || !(await this.access.canRead(actor, row.unitId)))
      throw notFound('obligation.not_found', 'Không tìm thấy nghĩa vụ', { id });
    const transitions = await this.em.query(
      `SELECT seq, command, from_status AS "from", to_status AS "to", actor, occurred_at AS "at", reason, version_no AS "versionNo"
         FROM obligation_transitions WHERE obligation_id = $1 ORDER BY seq`,
      [id],
    );
    return { ...this.view(row, await this.calendar.calendar()), transitions };
  }

  /** The parent's approver moves a child's deadline (reminders follow the new one). */
  async extend(actor: Actor, id: string, deadline: string, reason?: string) {
    const [row] = await this.em.query(`SELECT unit_id, workflow_id FROM obligations WHERE id = $1`, [id]);
    if (!row || !(await this.access.canRead(actor, row.unit_id)))
      throw notFound('obligation.not_found', 'Không tìm thấy nghĩa vụ', { id });
    await this.access.authorize(actor, 'plan.decide', row.unit_id);
    await this.commands.extendDeadline(row.workflow_id, {
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
  private view(r: Record<string, any>, cal: WorkingCalendar): ObligationView {
    const submitted = r.firstSubmittedAt !== null;
    const deadline = { nominal: r.nominalDeadline, effective: r.deadline, endsAt: new Date(r.deadlineEndsAt) };
    return {
      ...r,
      statusLabel: STATUS_LABELS[r.status as ObligationStatus],
      daysLeft: submitted ? null : daysLeft(deadline as never, this.clock.now()),
      late: submitted ? r.submittedOnTime === false : r.overdue === true,
      provisional: restsOnProvisionalCalendar(r.nominalDeadline, r.deadline, cal),
    } as ObligationView;
  }
}
