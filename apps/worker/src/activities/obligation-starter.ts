import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { planObligationWorkflowId, reportObligationWorkflowId } from '@cchc/domain';
import { TemporalClientProvider } from '@cchc/temporal';
import { OBLIGATION_WORKFLOW, type ObligationWorkflowInput } from '@cchc/contracts';

export function obligationWorkflowId(
  item: Pick<ObligationWorkflowInput, 'kind' | 'sourcePlanId' | 'unitId' | 'period'>,
): string {
  return item.kind === 'plan'
    ? planObligationWorkflowId(item.sourcePlanId, item.unitId)
    : reportObligationWorkflowId(item.sourcePlanId, item.unitId, item.period);
}

/**
 * Starts obligation workflows under their deterministic ids; one already running (retry, crash, issued twice)
 * counts as started. Eight starts at a time; heartbeats so a crashed batch is retried quickly; stops between
 * starts when the activity is cancelled (worker shutdown).
 */
@Injectable()
export class ObligationStarter {
  constructor(private readonly temporal: TemporalClientProvider) {}

  async start(items: ObligationWorkflowInput[]): Promise<number> {
    const client = await this.temporal.get();
    const queue = [...items];
    let done = 0;
    const cancelled = activityContext()?.cancellationSignal;
    const run = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (cancelled?.aborted) throw cancelled.reason ?? new Error('cancelled');
        try {
          await client.workflow.start(OBLIGATION_WORKFLOW, {
            workflowId: obligationWorkflowId(item),
            taskQueue: this.temporal.taskQueue,
            args: [item],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        } catch (e) {
          if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
        }
        done++;
        if (done % 20 === 0) activityContext()?.heartbeat(done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, queue.length) }, run));
    return done;
  }
}

function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}
