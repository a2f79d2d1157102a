import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { DomainError, isLocalDate, isOpen, nextStatus, validateReturnReason } from '@cchc/domain';
import {
  extendDeadlineUpdate,
  obligationStateQuery,
  transitionUpdate,
  type ExtendDeadlineRequest,
  type ObligationActivities,
  type ObligationState,
  type ObligationWorkflowInput,
  type TransitionRequest,
  type TransitionResult,
} from '@cchc/contracts';
import { guard } from './failures';

const acts = proxyActivities<ObligationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One unit's obligation to its parent (its plan for the year, or a periodic report). The workflow owns the
 * status: transitions arrive as Updates whose validators refuse illegal ones before anything is recorded;
 * handlers persist each transition (with its audit entry) through an activity, then change the state.
 * A timer on the shifted deadline records the obligation as late if nothing was submitted by then.
 *
 * Workflow ID: plan-obligation/{planId}/{unitId} (or report-obligation/…/{period}).
 */
export async function obligationWorkflow(input: ObligationWorkflowInput): Promise<ObligationState> {
  const state: ObligationState = input.resume ?? {
    status: 'pending',
    deadline: input.deadline,
    seq: 0,
    firstSubmittedAt: null,
    submittedOnTime: null,
    overdue: false,
  };
  let busy = false; // one transition at a time: handlers run their activities in turn
  let deadlineVersion = 0;

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
        const submittedOnTime = firstSubmission ? at.getTime() < Date.parse(state.deadline.endsAt) : state.submittedOnTime;
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
        if (to === 'approved' && input.kind === 'plan') {
          await acts.cascadeApprovedPlan({ obligationId: input.obligationId, approvedBy: req.actor });
        }
        return { obligationId: input.obligationId, from, to, at: at.toISOString(), versionNo, submittedOnTime: state.submittedOnTime };
      }),
    { validator: checkTransition },
  );

  const checkExtension = (req: ExtendDeadlineRequest) => {
    guard(() => {
      if (!isLocalDate(req.nominal)) throw new DomainError('validation', 'obligation.invalid_deadline', 'Hạn mới không phải ngày hợp lệ');
      if (!isOpen(state.status)) throw new DomainError('conflict', 'obligation.closed', 'Nghĩa vụ đã hoàn thành, không thể gia hạn');
      if (req.nominal <= state.deadline.nominal) {
        throw new DomainError('unprocessable', 'obligation.extension_not_later', 'Hạn mới phải sau hạn hiện tại', { current: state.deadline.nominal });
      }
    });
  };

  setHandler(
    extendDeadlineUpdate,
    (req: ExtendDeadlineRequest): Promise<ObligationState> =>
      exclusive(async () => {
        checkExtension(req);
        const deadline = await acts.resolveDeadline({ nominal: req.nominal });
        const seq = state.seq + 1;
        await acts.recordDeadlineChange({
          obligationId: input.obligationId,
          seq,
          deadline,
          actor: req.actor,
          at: new Date().toISOString(),
          reason: req.reason,
          requestId: req.requestId,
        });
        state.seq = seq;
        state.deadline = deadline;
        if (state.firstSubmittedAt === null && Date.parse(deadline.endsAt) > Date.now()) state.overdue = false;
        deadlineVersion++;
        return state;
      }),
    { validator: checkExtension },
  );

  while (isOpen(state.status)) {
    if (state.firstSubmittedAt === null && !state.overdue) {
      const seen = deadlineVersion;
      const msLeft = Date.parse(state.deadline.endsAt) - Date.now();
      const woke = await condition(() => state.firstSubmittedAt !== null || deadlineVersion !== seen, Math.max(msLeft, 1));
      if (!woke && state.firstSubmittedAt === null && !busy) {
        await exclusive(async () => {
          await acts.markOverdue({ obligationId: input.obligationId, at: new Date().toISOString() });
          state.overdue = true;
        });
      }
      continue;
    }
    const seen = deadlineVersion;
    await condition(() => !isOpen(state.status) || deadlineVersion !== seen || workflowInfo().continueAsNewSuggested);
    if (isOpen(state.status) && workflowInfo().continueAsNewSuggested) {
      await condition(() => !busy && allHandlersFinished());
      await continueAsNew<typeof obligationWorkflow>({ ...input, resume: state });
    }
  }
  await condition(allHandlersFinished);
  return state;
}
