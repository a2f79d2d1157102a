import { patched, proxyActivities, sleep } from '@temporalio/workflow';
import type { NotificationActivities } from '@cchc/contracts';

const acts = proxyActivities<Pick<NotificationActivities, 'planDigestSlots' | 'enqueueOverdueDigest'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const delivery = proxyActivities<Pick<NotificationActivities, 'deliverMessages'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 3, maximumInterval: '6 hours', maximumAttempts: 8 },
});

/** A digest this far past its moment is not sent as if it were then. */
const LATE_SLOT_MS = 12 * 60 * 60 * 1000;

/**
 * Follows up an issued plan for its issuer ("đôn đốc"): on the morning after the child-plan deadline and then on
 * the policy's overdue days, one digest lists all late children, to the parent's approvers and the reviewing
 * offices above it; the same after each report period's due date for the children's late reports. Plan digests
 * stop once no child still owes its plan; the workflow ends after the last overdue day of the year.
 *
 * Workflow ID: plan-follow-up/{planId}; started by the plan's cascade.
 */
export async function planFollowUpWorkflow(input: { planId: string }): Promise<{ digests: number }> {
  const honest = patched('honest-late-entry');
  const slots = await acts.planDigestSlots({ planId: input.planId });
  let digests = 0;
  const deliveries: Promise<unknown>[] = [];
  let plansDone = false;
  for (const [i, slot] of slots.entries()) {
    if (plansDone && !slot.period) continue;
    let { key: slotKey, sendAt } = slot;
    const wait = Date.parse(slot.sendAt) - Date.now();
    if (honest && wait < -LATE_SLOT_MS) {
      // Late entry (or a long outage): of the digests whose moment passed, only the last of its kind is sent, now,
      // counting days late from the real today.
      const group = slot.period ?? '';
      const laterPassed = slots
        .slice(i + 1)
        .some((s) => (s.period ?? '') === group && Date.parse(s.sendAt) - Date.now() < -LATE_SLOT_MS);
      if (laterPassed) continue;
      slotKey = `${group ? `${group}/` : ''}late-entry`;
      sendAt = new Date().toISOString();
    } else if (wait > 0) await sleep(wait);
    const { messageIds, lateUnits, awaiting } = await acts.enqueueOverdueDigest({
      planId: input.planId,
      slotKey,
      sendAt,
      period: slot.period,
    });
    if (lateUnits > 0) digests++;
    if (messageIds.length) deliveries.push(delivery.deliverMessages({ messageIds }).catch(() => undefined));
    if (!slot.period && awaiting === 0) plansDone = true;
  }
  await Promise.allSettled(deliveries);
  return { digests };
}
