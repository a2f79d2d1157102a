import type { ReminderSlot } from '@cchc/domain';
import type { DeadlineDto, ReminderSlotDto } from '@cchc/contracts';

/** A deadline as workflows receive it (instants as ISO strings). */
export const toDeadlineDto = (d: { nominal: string; effective: string; endsAt: Date }): DeadlineDto => ({
  nominal: d.nominal,
  effective: d.effective,
  endsAt: d.endsAt.toISOString(),
});

/** A planned reminder as workflows receive it. */
export const toReminderSlotDto = (r: ReminderSlot): ReminderSlotDto => ({
  key: r.key,
  kind: r.kind,
  offsetDays: r.offsetDays,
  sendAt: r.sendAt.toISOString(),
});
