import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities, RemindNowInput, RemindNowResult } from '@cchc/contracts';

const acts = proxyActivities<Pick<NotificationActivities, 'enqueueReminder'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const delivery = proxyActivities<Pick<NotificationActivities, 'deliverMessages'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 3, maximumInterval: '6 hours', maximumAttempts: 8 },
});

/**
 * A reminder sent now (Nhắc ngay): the same message, recipients, channels and delivery guarantees as the
 * scheduled reminders (the slot key makes it once per day), without touching the obligation's own schedule.
 */
export async function remindNowWorkflow(input: RemindNowInput): Promise<RemindNowResult> {
  const messageIds = await acts.enqueueReminder(input);
  const { sent } = messageIds.length ? await delivery.deliverMessages({ messageIds }) : { sent: 0 };
  return { messages: messageIds.length, sent };
}
