import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SelfCheckInput, SelfCheckResult, SystemActivities } from '@cchc/contracts';

const { recordSelfCheck } = proxyActivities<SystemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '1 second' },
});

/** End-to-end probe: the worker ran a workflow whose activity wrote to PostgreSQL. */
export async function selfCheckWorkflow(input: SelfCheckInput): Promise<SelfCheckResult> {
  return recordSelfCheck({ ...input, workflowId: workflowInfo().workflowId });
}

/** Does nothing: the baseline of `npm run bench -- cascade` (the rate at which this server starts workflows). */
export async function emptyWorkflow(): Promise<void> {
  return;
}
