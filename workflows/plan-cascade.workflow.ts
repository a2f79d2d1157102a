import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CascadeActivities, PlanCascadeInput, PlanCascadeResult } from '@cchc/contracts';

const acts = proxyActivities<CascadeActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds', // batches heartbeat every 20 starts; a crashed worker's batch is retried within 10 s
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Children per batch: one activity creates their obligation rows and starts their workflows. */
export const CASCADE_BATCH_SIZE = 200;
/** Continue-as-new well before Temporal's per-execution history limits, whatever the number of children. */
const HISTORY_BUDGET = 1000;

/**
 * Issues a plan and cascades it one level down: every direct child unit in the plan's scope gets an
 * obligation (a row in the read model and its own workflow, ID plan-obligation/{planId}/{unitId}).
 * Children are processed in batches through activities — not child workflows — so 2,000+ children stay far
 * from the pending-children and history limits; re-running (retry, crash, issuing twice) creates nothing twice.
 *
 * The last batch also starts the plan's follow-up (plan-follow-up/{planId}, the overdue digests) as an
 * independent workflow, so it outlives the cascade without a parent.
 *
 * Workflow ID: plan-cascade/{planId}.
 */
export async function planCascadeWorkflow(input: PlanCascadeInput): Promise<PlanCascadeResult> {
  const issuedAt = workflowInfo().runStartTime.toISOString();
  let after = input.after ?? null;
  let started = input.startedSoFar ?? 0;
  for (;;) {
    const batch = await acts.cascadeBatch({
      planId: input.planId,
      issuedBy: input.issuedBy,
      issuedAt,
      after,
      limit: CASCADE_BATCH_SIZE,
    });
    started += batch.started;
    after = batch.nextCursor;
    if (!after) break;
    if (workflowInfo().historyLength > HISTORY_BUDGET) {
      await continueAsNew<typeof planCascadeWorkflow>({ ...input, after, startedSoFar: started });
    }
  }
  return { planId: input.planId, obligations: started };
}
