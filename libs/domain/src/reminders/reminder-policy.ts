/**
 * Reminder policy (DOMAIN §8): remind before a deadline, tell on the day, chase after it. The policy is data; the
 * plan it yields is a list of slots with deterministic keys, so a workflow can schedule, re-plan on a changed
 * deadline and deduplicate sends. Stopping once the obligation is met is the caller's job.
 */
import { invalid } from '../errors';
import {
  addDays,
  atLocalTime,
  Deadline,
  diffDays,
  isLocalTime,
  LocalDate,
  localDateOf,
  WorkingCalendar,
} from '../calendar';

export interface ReminderPolicy {
  /** Calendar days before the effective deadline, e.g. [7, 3, 1]. */
  daysBefore: number[];
  /** A reminder on the effective deadline day. */
  onTheDay: boolean;
  /** After the deadline, one reminder every this many calendar days … */
  overdueEveryDays: number;
  /** … up to this many days after it (0 = none). */
  overdueForDays: number;
  /** Local (Vietnam) time of day, 'HH:mm'. */
  sendAtLocalTime: string;
  /** Move slots off weekends and holidays: 'before' slots earlier, 'overdue' slots later. */
  workingDaysOnly: boolean;
}

export type ReminderKind = 'before' | 'due_today' | 'overdue';

export interface ReminderSlot {
  /** `${kind}:${offsetDays}`, stable across re-plans. */
  key: string;
  kind: ReminderKind;
  /** Nominal offset from the effective deadline in calendar days: negative before, 0 on the day, positive after. */
  offsetDays: number;
  sendAt: Date;
  /** The day it is sent, after moving to a working day. */
  localDate: LocalDate;
}

export function defaultReminderPolicy(): ReminderPolicy {
  return {
    daysBefore: [7, 3, 1],
    onTheDay: true,
    overdueEveryDays: 3,
    overdueForDays: 30,
    sendAtLocalTime: '08:00',
    workingDaysOnly: true,
  };
}

const isPositiveInt = (n: unknown) => Number.isInteger(n) && (n as number) > 0;

/** Throws `reminder_policy.invalid` with `details.problems` (field + problem). */
export function validateReminderPolicy(policy: ReminderPolicy): void {
  const problems: { field: string; problem: string }[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });
  if (!Array.isArray(policy.daysBefore) || !policy.daysBefore.every(isPositiveInt))
    add('daysBefore', 'not_positive_integers');
  else if (new Set(policy.daysBefore).size !== policy.daysBefore.length) add('daysBefore', 'duplicates');
  if (typeof policy.onTheDay !== 'boolean') add('onTheDay', 'not_boolean');
  if (!isPositiveInt(policy.overdueEveryDays)) add('overdueEveryDays', 'not_positive_integer');
  if (!Number.isInteger(policy.overdueForDays) || policy.overdueForDays < 0)
    add('overdueForDays', 'not_non_negative_integer');
  if (!isLocalTime(policy.sendAtLocalTime)) add('sendAtLocalTime', 'not_hh_mm');
  if (typeof policy.workingDaysOnly !== 'boolean') add('workingDaysOnly', 'not_boolean');
  if (problems.length > 0) throw invalid('reminder_policy.invalid', 'Chính sách nhắc việc không hợp lệ', { problems });
}

/**
 * The reminder slots of a deadline, sorted by `sendAt`. Offsets count from the effective day. With
 * `workingDaysOnly`, a slot on a non-working day moves to the previous ('before') or next ('overdue') working day
 * (so the last overdue slot may land a little after `overdueForDays`); slots landing on the same day keep only the
 * one closest to the deadline.
 */
export function planReminders(deadline: Deadline, policy: ReminderPolicy, cal: WorkingCalendar): ReminderSlot[] {
  validateReminderPolicy(policy);
  const candidates: { kind: ReminderKind; offsetDays: number }[] = [
    ...policy.daysBefore.map((n) => ({ kind: 'before' as const, offsetDays: -n })),
    ...(policy.onTheDay ? [{ kind: 'due_today' as const, offsetDays: 0 }] : []),
  ];
  for (let k = policy.overdueEveryDays; k <= policy.overdueForDays; k += policy.overdueEveryDays) {
    candidates.push({ kind: 'overdue', offsetDays: k });
  }

  const byDate = new Map<LocalDate, ReminderSlot>();
  for (const { kind, offsetDays } of candidates) {
    let localDate = addDays(deadline.effective, offsetDays);
    if (policy.workingDaysOnly && !cal.isWorkingDay(localDate)) {
      localDate = kind === 'before' ? cal.previousWorkingDay(localDate) : cal.nextWorkingDay(localDate);
    }
    const existing = byDate.get(localDate);
    if (existing && Math.abs(existing.offsetDays) <= Math.abs(offsetDays)) continue;
    byDate.set(localDate, {
      key: `${kind}:${offsetDays}`,
      kind,
      offsetDays,
      sendAt: atLocalTime(localDate, policy.sendAtLocalTime),
      localDate,
    });
  }
  return [...byDate.values()].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/** The slots still to send: those strictly after `now`. */
export function remindersAfter(slots: readonly ReminderSlot[], now: Date): ReminderSlot[] {
  return slots.filter((s) => s.sendAt.getTime() > now.getTime());
}

/**
 * Honest late entry: an obligation that starts with its deadline already ended (a unit catching up, a past year
 * entered for the record) gets one overdue notice now, stating the real days overdue, and the policy's overdue
 * rhythm counted from today; none of the slots whose moment has passed is sent as if it were then.
 * Empty when the deadline has not ended at `now`.
 */
export function lateEntryReminders(
  deadline: Deadline,
  policy: ReminderPolicy,
  cal: WorkingCalendar,
  now: Date,
): ReminderSlot[] {
  validateReminderPolicy(policy);
  if (now.getTime() < deadline.endsAt.getTime()) return [];
  const today = localDateOf(now);
  const slots: ReminderSlot[] = [
    {
      key: `overdue:late-entry:${today}`,
      kind: 'overdue',
      offsetDays: diffDays(deadline.effective, today),
      sendAt: now,
      localDate: today,
    },
  ];
  for (let k = policy.overdueEveryDays; k <= policy.overdueForDays; k += policy.overdueEveryDays) {
    let localDate = addDays(today, k);
    if (policy.workingDaysOnly && !cal.isWorkingDay(localDate)) localDate = cal.nextWorkingDay(localDate);
    if (slots.some((s) => s.localDate === localDate)) continue;
    slots.push({
      key: `overdue:late-entry:${today}+${k}`,
      kind: 'overdue',
      offsetDays: diffDays(deadline.effective, localDate),
      sendAt: atLocalTime(localDate, policy.sendAtLocalTime),
      localDate,
    });
  }
  return slots;
}
