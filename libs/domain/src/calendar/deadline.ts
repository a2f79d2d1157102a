/**
 * Deadlines "by day D" (DOMAIN §7). Civil Code 2015 art. 148(5): when the last day of a time limit is a weekly rest
 * day or a public holiday, the limit ends at the end of the next working day. A limit ends at 24:00 Vietnam time.
 */
import { WorkingCalendar } from './holiday-calendar';
import { diffDays, endOfDayInstant, LocalDate, localDateOf, toDateParts } from './local-date';

export interface Deadline {
  /** The day written in the plan or schedule. */
  nominal: LocalDate;
  /** The day the limit really ends on: `nominal`, or the next working day after it. */
  effective: LocalDate;
  /** 24:00 (Asia/Ho_Chi_Minh) of `effective`. */
  endsAt: Date;
  /** True when the shift rests on a provisional (computed, not yet confirmed) calendar year. */
  provisional: boolean;
}

/** `nominal` when it is a working day (a working weekend counts), else the next working day. */
export function shiftDeadline(nominal: LocalDate, cal: WorkingCalendar): LocalDate {
  return cal.isWorkingDay(nominal) ? nominal : cal.nextWorkingDay(nominal);
}

export function resolveDeadline(nominal: LocalDate, cal: WorkingCalendar): Deadline {
  const effective = shiftDeadline(nominal, cal);
  return {
    nominal,
    effective,
    endsAt: endOfDayInstant(effective),
    provisional: restsOnProvisionalCalendar(nominal, effective, cal),
  };
}

/** True when any year from `nominal` to `effective` has only the provisional calendar. */
export function restsOnProvisionalCalendar(nominal: LocalDate, effective: LocalDate, cal: WorkingCalendar): boolean {
  const from = toDateParts(nominal).year;
  const to = toDateParts(effective).year;
  for (let y = from; y <= to; y++) if (cal.isProvisional(y)) return true;
  return false;
}

/** Vietnam calendar days from today (as of `now`) to the effective day: 0 on the day, negative once late. */
export function daysLeft(deadline: Pick<Deadline, 'effective'>, now: Date): number {
  return diffDays(localDateOf(now), deadline.effective);
}

/** Late when submitted at or after 24:00 of the effective day (00:00 the day after belongs to that next day). */
export function isLate(submittedAt: Date, deadline: Deadline): boolean {
  return submittedAt.getTime() >= deadline.endsAt.getTime();
}
