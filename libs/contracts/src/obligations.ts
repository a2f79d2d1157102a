import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ObligationCommand, ObligationKind, ObligationStatus } from '@cchc/domain';

/** A deadline crossing the workflow boundary: dates as 'YYYY-MM-DD', the instant as an ISO string. */
export interface DeadlineDto {
  nominal: string;
  effective: string;
  endsAt: string;
}

export interface ObligationWorkflowInput {
  obligationId: string;
  kind: ObligationKind;
  sourcePlanId: string;
  unitId: string;
  parentUnitId: string;
  year: number;
  /** '' for plans; 'Q1' | 'H1' | 'Q3' | 'YEAR' for reports. */
  period: string;
  deadline: DeadlineDto;
  /**
   * The reminder slots for `deadline`, when the creator already computed them (a cascade batch shares one deadline
   * and policy); otherwise the workflow asks for them.
   */
  reminders?: ReminderSlotDto[];
  /** Carried over by continue-as-new. */
  resume?: ObligationState;
  resumeReminders?: ReminderSlotDto[];
}

export interface ObligationState {
  status: ObligationStatus;
  deadline: DeadlineDto;
  /** Number of transitions recorded so far (the idempotency sequence of the transition log). */
  seq: number;
  firstSubmittedAt: string | null;
  submittedOnTime: boolean | null;
  overdue: boolean;
}

/** A reminder slot crossing the workflow boundary (see planReminders in libs/domain). */
export interface ReminderSlotDto {
  key: string;
  kind: 'before' | 'due_today' | 'overdue';
  offsetDays: number;
  sendAt: string;
}

export interface TransitionRequest {
  command: ObligationCommand;
  /** `user:<id>` of the person acting; permission was checked by the API. */
  actor: string;
  reason?: string;
  requestId?: string;
}

export interface TransitionResult {
  obligationId: string;
  from: ObligationStatus;
  to: ObligationStatus;
  at: string;
  versionNo: number | null;
  submittedOnTime: boolean | null;
}

export interface ExtendDeadlineRequest {
  nominal: string;
  /**
   * A working-calendar change, not an extension: the nominal day stays (`nominal` must equal the current one) and
   * the effective day is shifted again by the calendar as it now stands; nothing happens when it does not move.
   */
  calendar?: boolean;
  actor: string;
  reason?: string;
  requestId?: string;
}

export const transitionUpdate = defineUpdate<TransitionResult, [TransitionRequest]>('transition');
export const extendDeadlineUpdate = defineUpdate<ObligationState, [ExtendDeadlineRequest]>('extendDeadline');
export const obligationStateQuery = defineQuery<ObligationState>('state');

export const OBLIGATION_WORKFLOW = 'obligationWorkflow';
export const PLAN_CASCADE_WORKFLOW = 'planCascadeWorkflow';

export interface PlanCascadeInput {
  planId: string;
  /** `user:<id>` who issued (top-level) or approved (cascaded) the plan. */
  issuedBy: string;
  /** Keyset cursor over the children in scope; set by continue-as-new. */
  after?: string | null;
  startedSoFar?: number;
}

export interface PlanCascadeResult {
  planId: string;
  obligations: number;
}

export interface ObligationBatch {
  items: ObligationWorkflowInput[];
  nextCursor: string | null;
}

export interface CascadeBatchInput {
  planId: string;
  issuedBy: string;
  /** When the cascade began (workflow time): the plan's issue instant. */
  issuedAt: string;
  after: string | null;
  limit: number;
}

/** Activities behind the plan cascade (implemented in apps/worker). */
export interface CascadeActivities {
  /**
   * One batch, idempotently: marks the plan issued (first batch), creates the obligations of the next `limit`
   * children in scope and starts their workflows; the last batch starts the plan's follow-up workflow. One activity per batch keeps a cascade to few round trips.
   */
  cascadeBatch(input: CascadeBatchInput): Promise<{ started: number; nextCursor: string | null }>;
}

/** Activities behind each obligation. All idempotent: keyed by (obligation, seq) or by the obligation itself. */
export interface ObligationActivities {
  recordTransition(input: {
    obligationId: string;
    seq: number;
    command: ObligationCommand;
    from: ObligationStatus;
    to: ObligationStatus;
    actor: string;
    at: string;
    reason?: string;
    submittedOnTime: boolean | null;
    requestId?: string;
  }): Promise<{ versionNo: number | null }>;
  markOverdue(input: { obligationId: string; at: string }): Promise<void>;
  /**
   * The unit whose plan was approved now owes its parent a report per period of the parent plan's schedule:
   * creates those report obligations (once) and starts their workflows.
   */
  createReportObligations(input: { obligationId: string }): Promise<number>;
  /** Starts the cascade of an approved child plan (idempotent: deterministic workflow id). */
  cascadeApprovedPlan(input: { obligationId: string; approvedBy: string }): Promise<{ planId: string | null }>;
  resolveDeadline(input: { nominal: string }): Promise<DeadlineDto>;
  /** The obligation's reminder slots for a deadline, from its plan's reminder policy and the working calendar. */
  planReminderSlots(input: {
    obligationId: string;
    deadline: DeadlineDto;
    /**
     * Set when the obligation starts with its deadline already passed (late entry): the slots are then one overdue
     * notice at this instant and the policy's overdue rhythm counted from it (see `lateEntryReminders`).
     */
    lateEntryAt?: string;
  }): Promise<ReminderSlotDto[]>;
  recordDeadlineChange(input: {
    obligationId: string;
    seq: number;
    deadline: DeadlineDto;
    actor: string;
    at: string;
    reason?: string;
    /** 'calendar' when a working-calendar change moved the effective day (audited as such). */
    cause?: 'extension' | 'calendar';
    requestId?: string;
  }): Promise<void>;
}

export const PLAN_FOLLOW_UP_WORKFLOW = 'planFollowUpWorkflow';

/** Notifications: enqueue (idempotent by key) then deliver what is still pending. */
export interface NotificationActivities {
  /** Reminder to the obliged unit's drafters, approvers and contact address; returns the outbox message ids. */
  enqueueReminder(input: {
    obligationId: string;
    slot: ReminderSlotDto;
    deadline: DeadlineDto;
    /** Đôn đốc: the parent unit gets it too. */
    copyParent?: boolean;
  }): Promise<string[]>;
  /**
   * One digest per parent unit listing its late children (for the children's plans, or for one report period),
   * to its approvers and the reviewing offices above it.
   */
  enqueueOverdueDigest(input: {
    planId: string;
    slotKey: string;
    sendAt: string;
    period?: string;
  }): Promise<{ messageIds: string[]; lateUnits: number; awaiting: number }>;
  /**
   * The plan's digest days: after the child-plan deadline, and after each report period's due date, the morning
   * after and then the overdue days of its reminder policy. Report slots carry their period.
   */
  planDigestSlots(input: { planId: string }): Promise<Array<ReminderSlotDto & { period?: string }>>;
  /** Tells the obliged unit its deadline moved (extension or calendar change); returns the outbox message ids. */
  enqueueDeadlineNotice(input: {
    obligationId: string;
    seq: number;
    previous: DeadlineDto;
    deadline: DeadlineDto;
    cause: 'extension' | 'calendar';
    at: string;
  }): Promise<string[]>;
  /** Sends pending e-mails and webhooks; failures are retried with backoff by Temporal. */
  deliverMessages(input: { messageIds: string[] }): Promise<{ sent: number }>;
}
