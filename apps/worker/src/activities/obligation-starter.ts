import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, AppConfigToken } from '@cchc/config';
import { Context } from '@temporalio/activity';
import { TemporalClientProvider } from '@cchc/temporal';
import { OBLIGATION_WORKFLOW, obligationWorkflowId, type ObligationWorkflowInput } from '@cchc/contracts';

/**
 * Starts obligation workflows under their deterministic ids; one already running (retry, crash, issued twice)
 * counts as started. `temporal.startConcurrency` starts at a time (WORKFLOW_START_CONCURRENCY); heartbeats so a
 * crashed batch is retried quickly; stops between starts when the activity is cancelled (worker shutdown). In the
 * worker the starts are eager: each new workflow's first task runs here at once (TemporalClientProvider).
 */
@Injectable()
export class ObligationStarter {
  constructor(
    private readonly temporal: TemporalClientProvider,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async start(items: ObligationWorkflowInput[]): Promise<number> {
    const queue = [...items];
    let done = 0;
    let eagerly = 0;
    const ctx = activityContext();
    const cancelled = ctx?.cancellationSignal;
    const run = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (cancelled?.aborted) throw cancelled.reason ?? new Error('cancelled');
        const outcome = await this.temporal.startOnce(OBLIGATION_WORKFLOW, {
          workflowId: obligationWorkflowId(item),
          args: [item],
        });
        if (outcome === 'started_eagerly') eagerly++;
        done++;
        if (done % 20 === 0) ctx?.heartbeat(done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.temporal.startConcurrency, queue.length) }, run));
    ctx?.log.debug('obligation workflows started', { started: done, eagerly });
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
