/**
 * System self-check: a workflow that calls an activity which writes to PostgreSQL.
 * Used by the wiring test and by operators (`scripts/self-check`) to prove the worker is healthy end to end.
 */
export interface SelfCheckInput {
  checkId: string;
  requestedBy: string;
}

export interface SelfCheckResult {
  checkId: string;
  auditId: string;
  recordedAt: string;
}

export interface SystemActivities {
  recordSelfCheck(input: SelfCheckInput & { workflowId: string }): Promise<SelfCheckResult>;
}

export const SELF_CHECK_WORKFLOW = 'selfCheckWorkflow';
