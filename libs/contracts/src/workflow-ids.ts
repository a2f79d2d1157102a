/**
 * Every workflow ID, in one place. Deterministic: issuing twice, retrying an activity or clicking twice never starts
 * anything twice (starts use REJECT_DUPLICATE through TemporalClientProvider.startOnce).
 */
export const planCascadeWorkflowId = (planId: string) => `plan-cascade/${planId}`;
export const planFollowUpWorkflowId = (planId: string) => `plan-follow-up/${planId}`;
export const planObligationWorkflowId = (planId: string, unitId: string) => `plan-obligation/${planId}/${unitId}`;
export const reportObligationWorkflowId = (planId: string, unitId: string, period: string) =>
  `report-obligation/${planId}/${unitId}/${period}`;
/** One manual reminder per obligation per Vietnam day: a second click the same day is refused. */
export const remindNowWorkflowId = (obligationId: string, localDate: string) =>
  `remind-now/${obligationId}/${localDate}`;
export const selfCheckWorkflowId = (checkId: string) => `system/self-check/${checkId}`;

/** The workflow of an obligation: a unit's plan for a source plan, or its report for one period. */
export function obligationWorkflowId(o: {
  kind: 'plan' | 'report';
  sourcePlanId: string;
  unitId: string;
  period: string;
}): string {
  return o.kind === 'plan'
    ? planObligationWorkflowId(o.sourcePlanId, o.unitId)
    : reportObligationWorkflowId(o.sourcePlanId, o.unitId, o.period);
}
