import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { DomainError, isAwaitingUnit, isLocalDate, isOpen, nextStatus, validateReturnReason } from '@cchc/domain';
import {
  extendDeadlineUpdate,
  obligationStateQuery,
  transitionUpdate,
  type ExtendDeadlineRequest,
  type NotificationActivities,
  type ObligationActivities,
  type ReminderSlotDto,
  type ObligationState,
  type ObligationWorkflowInput,
  type TransitionRequest,
  type TransitionResult,
} from '@cchc/contracts';
import { guard } from './failures';

const acts = proxyActivities<
  ObligationActivities & Pick<NotificationActivities, 'enqueueReminder' | 'enqueueDeadlineNotice'>
>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Delivery of e-mails and webhooks: retried with backoff for about a day, then given up (marked failed). */
const delivery = proxyActivities<Pick<NotificationActivities, 'deliverMessages'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 3, maximumInterval: '6 hours', maximumAttempts: 8 },
});

/** A slot fired this much after its moment is not sent as if it were then. */
const LATE_SLOT_MS = 12 * 60 * 60 * 1000;

/**
 * One unit's obligation to its parent (its plan for the year, or a periodic report). The workflow owns the
 * status: transitions arrive as Updates whose validators refuse illegal ones before anything is recorded;
 * handlers persist each transition (with its audit entry) through an activity, then change the state.
 * A timer on the shifted deadline records the obligation as late if nothing was submitted by then.
 * Reminders follow the plan's reminder policy (7, 3, 1 days before, on the day, every 3 days overdue by
 * default) while the unit still owes its work; they stop the moment it submits, resume if it is returned,
 * and are re-planned when the deadline is extended. Each carries a deterministic key, so nothing is sent twice.
 *
 * Workflow ID: plan-obligation/{planId}/{unitId} (or report-obligation/…/{period}).
 */
export async function obligationWorkflow(input: ObligationWorkflowInput): Promise<ObligationState> {
  // Honest late entry, deadline notices and calendar re-shifts: runs started before this change replay without them.
  const honest = patched('honest-late-entry');
  const state: ObligationState = input.resume ?? {
    status: 'pending',
    deadline: input.deadline,
    seq: 0,
    firstSubmittedAt: null,
    submittedOnTime: null,
    overdue: false,
  };
  let busy = false; // one transition at a time: handlers run their activities in turn
  let changes = 0; // bumped by every transition and extension: the main loop re-plans its next wake-up
  let reminders: ReminderSlotDto[] = input.resumeReminders ?? [];
  const deliveries: Promise<unknown>[] = [];
  const futureSlots = async () => {
    const slots = await acts.planReminderSlots({ obligationId: input.obligationId, deadline: state.deadline });
    return slots.filter((s) => Date.parse(s.sendAt) > Date.now());
  };

  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    await condition(() => !busy);
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  };

  const checkTransition = (req: TransitionRequest) => {
    guard(() => nextStatus(state.status, req.command));
    if (req.command === 'return') guard(() => validateReturnReason(req.reason));
  };

  setHandler(obligationStateQuery, () => state);

  setHandler(
    transitionUpdate,
    (req: TransitionRequest): Promise<TransitionResult> =>
      exclusive(async () => {
        checkTransition(req); // again: another update may have changed the status since validation
        const from = state.status;
        const to = nextStatus(from, req.command);
        const at = new Date(); // workflow time: deterministic, and the server's clock in tests
        const firstSubmission = req.command === 'submit' && state.firstSubmittedAt === null;
        const submittedOnTime = firstSubmission
          ? at.getTime() < Date.parse(state.deadline.endsAt)
          : state.submittedOnTime;
        const seq = state.seq + 1;
        const { versionNo } = await acts.recordTransition({
          obligationId: input.obligationId,
          seq,
          command: req.command,
          from,
          to,
          actor: req.actor,
          at: at.toISOString(),
          reason: req.command === 'return' ? validateReturnReason(req.reason) : undefined,
          submittedOnTime,
          requestId: req.requestId,
        });
        state.seq = seq;
        state.status = to;
        if (firstSubmission) {
          state.firstSubmittedAt = at.toISOString();
          state.submittedOnTime = submittedOnTime;
        }
        changes++;
        if (to === 'approved' && input.kind === 'plan') {
          await acts.createReportObligations({ obligationId: input.obligationId });
          await acts.cascadeApprovedPlan({ obligationId: input.obligationId, approvedBy: req.actor });
        }
        return {
          obligationId: input.obligationId,
          from,
          to,
          at: at.toISOString(),
          versionNo,
          submittedOnTime: state.submittedOnTime,
        };
      }),
    { validator: checkTransition },
  );

  const checkExtension = (req: ExtendDeadlineRequest) => {
    guard(() => {
      if (!isLocalDate(req.nominal))
        throw new DomainError('validation', 'obligation.invalid_deadline', 'Hạn mới không phải ngày hợp lệ');
      if (!isOpen(state.status))
        throw new DomainError('conflict', 'obligation.closed', 'Nghĩa vụ đã hoàn thành, không thể gia hạn');
      if (req.calendar) {
        if (req.nominal !== state.deadline.nominal)
          throw new DomainError('conflict', 'obligation.deadline_changed', 'Hạn của nghĩa vụ đã thay đổi', {
            current: state.deadline.nominal,
          });
      } else if (req.nominal <= state.deadline.nominal) {
        throw new DomainError('unprocessable', 'obligation.extension_not_later', 'Hạn mới phải sau hạn hiện tại', {
          current: state.deadline.nominal,
        });
      }
    });
  };

  setHandler(
    extendDeadlineUpdate,
    (req: ExtendDeadlineRequest): Promise<ObligationState> =>
      exclusive(async () => {
        checkExtension(req);
        // A calendar change leaves deadlines already passed or met as they were.
        const settled = state.firstSubmittedAt !== null || Date.parse(state.deadline.endsAt) <= Date.now();
        if (req.calendar && settled) return state;
        const deadline = await acts.resolveDeadline({ nominal: req.nominal });
        if (req.calendar && deadline.effective === state.deadline.effective) return state;
        const cause = req.calendar ? 'calendar' : 'extension';
        const previous = state.deadline;
        const seq = state.seq + 1;
        const at = new Date().toISOString();
        await acts.recordDeadlineChange({
          obligationId: input.obligationId,
          seq,
          deadline,
          actor: req.actor,
          at,
          reason: req.reason,
          requestId: req.requestId,
          ...(req.calendar ? { cause } : {}),
        });
        state.seq = seq;
        state.deadline = deadline;
        if (state.firstSubmittedAt === null && Date.parse(deadline.endsAt) > Date.now()) state.overdue = false;
        reminders = await futureSlots(); // the remaining reminders follow the new deadline
        if (honest && previous.effective !== deadline.effective) {
          const messageIds = await acts.enqueueDeadlineNotice({
            obligationId: input.obligationId,
            seq,
            previous,
            deadline,
            cause,
            at,
          });
          if (messageIds.length) deliveries.push(delivery.deliverMessages({ messageIds }).catch(() => undefined));
        }
        changes++;
        return state;
      }),
    { validator: checkExtension },
  );

  if (!input.resume) {
    if (honest && Date.parse(state.deadline.endsAt) <= Date.now()) {
      // Starts already overdue: one notice now with the real days overdue, then the overdue rhythm from today.
      reminders = await acts.planReminderSlots({
        obligationId: input.obligationId,
        deadline: state.deadline,
        lateEntryAt: new Date().toISOString(),
      });
    } else {
      reminders = input.reminders
        ? input.reminders.filter((r) => Date.parse(r.sendAt) > Date.now())
        : await futureSlots();
    }
  }

  while (isOpen(state.status)) {
    const deadlineAt = state.firstSubmittedAt === null && !state.overdue ? Date.parse(state.deadline.endsAt) : Infinity;
    const slot = isAwaitingUnit(state.status) ? reminders[0] : undefined;
    const wakeAt = Math.min(deadlineAt, slot ? Date.parse(slot.sendAt) : Infinity);
    const seen = changes;
    if (wakeAt === Infinity) {
      // Nothing scheduled: wait for a transition, an extension, or a history long enough to start afresh.
      await condition(() => changes !== seen || !isOpen(state.status) || workflowInfo().continueAsNewSuggested);
      if (isOpen(state.status) && changes === seen && workflowInfo().continueAsNewSuggested) {
        await Promise.allSettled(deliveries);
        await condition(() => !busy && allHandlersFinished());
        await continueAsNew<typeof obligationWorkflow>({ ...input, resume: state, resumeReminders: reminders });
      }
      continue;
    }
    if (await condition(() => changes !== seen, Math.max(wakeAt - Date.now(), 1))) continue;
    await exclusive(async () => {
      const now = Date.now();
      if (state.firstSubmittedAt === null && !state.overdue && Date.parse(state.deadline.endsAt) <= now) {
        await acts.markOverdue({ obligationId: input.obligationId, at: new Date(now).toISOString() });
        state.overdue = true;
      }
      let due: ReminderSlotDto | undefined = reminders[0];
      if (due && Date.parse(due.sendAt) <= now) {
        reminders = reminders.slice(1);
        if (honest && Date.parse(due.sendAt) < now - LATE_SLOT_MS) {
          // Its moment passed long ago (a worker outage): skip it if a later one is also due, else send it as of now.
          if (reminders[0] && Date.parse(reminders[0].sendAt) <= now) due = undefined;
          else due = { ...due, sendAt: new Date(now).toISOString() };
        }
        if (due && isAwaitingUnit(state.status)) {
          const messageIds = await acts.enqueueReminder({
            obligationId: input.obligationId,
            slot: due,
            deadline: state.deadline,
          });
          // Delivery runs alongside: a slow mail server never holds up the deadline or the next reminder.
          if (messageIds.length) deliveries.push(delivery.deliverMessages({ messageIds }).catch(() => undefined));
        }
      }
    });
  }
  await Promise.allSettled(deliveries);
  await condition(allHandlersFinished);
  return state;
}
