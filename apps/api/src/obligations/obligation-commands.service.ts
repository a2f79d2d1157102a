import { Injectable } from '@nestjs/common';
import { TemporalClientProvider, domainErrorFromTemporal } from '@cchc/temporal';
import {
  extendDeadlineUpdate,
  transitionUpdate,
  type ExtendDeadlineRequest,
  type ObligationState,
  type TransitionRequest,
  type TransitionResult,
} from '@cchc/contracts';

/** Sends commands to obligation workflows as Updates; refusals come back as the workflow's DomainError. */
@Injectable()
export class ObligationCommands {
  constructor(private readonly temporal: TemporalClientProvider) {}

  async transition(workflowId: string, req: TransitionRequest): Promise<TransitionResult> {
    try {
      const client = await this.temporal.get();
      return await client.workflow.getHandle(workflowId).executeUpdate(transitionUpdate, { args: [req] });
    } catch (e) {
      throw domainErrorFromTemporal(e);
    }
  }

  async extendDeadline(workflowId: string, req: ExtendDeadlineRequest): Promise<ObligationState> {
    try {
      const client = await this.temporal.get();
      return await client.workflow.getHandle(workflowId).executeUpdate(extendDeadlineUpdate, { args: [req] });
    } catch (e) {
      throw domainErrorFromTemporal(e);
    }
  }
}
