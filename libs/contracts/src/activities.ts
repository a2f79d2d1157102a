import type { CascadeActivities, NotificationActivities, ObligationActivities } from './obligations';
import type { SystemActivities } from './system';

/**
 * The activities the workflows may call, by name, per contract. `Record<keyof …, true>` makes the compiler check
 * that each list names every method of its interface and nothing else; the worker registers exactly these (a
 * helper method of an implementation class is never exposed as an activity).
 */
const names = <T>(r: Record<keyof T, true>) => Object.keys(r) as Array<keyof T & string>;

export const ACTIVITY_NAMES = {
  system: names<SystemActivities>({ recordSelfCheck: true }),
  cascade: names<CascadeActivities>({ cascadeBatch: true }),
  obligation: names<ObligationActivities>({
    recordTransition: true,
    markOverdue: true,
    createReportObligations: true,
    cascadeApprovedPlan: true,
    resolveDeadline: true,
    planReminderSlots: true,
    recordDeadlineChange: true,
  }),
  notification: names<NotificationActivities>({
    enqueueReminder: true,
    enqueueOverdueDigest: true,
    planDigestSlots: true,
    enqueueDeadlineNotice: true,
    deliverMessages: true,
  }),
} as const;
