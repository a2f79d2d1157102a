import { resolveDeadline, type Deadline } from './deadline';
import { WorkingCalendar } from './holiday-calendar';
import { dayOfWeek, LocalDate, toDdMmYyyy } from './local-date';

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Bảy'];

/**
 * Why a deadline moved, in the users' words: "31/01/2027 là Chủ nhật → hạn thực tế 01/02/2027".
 * `explanation` is null when the nominal day is a working day (nothing moved).
 */
export function explainDeadline(
  nominal: LocalDate,
  cal: WorkingCalendar,
): { deadline: Deadline; explanation: string | null } {
  const deadline = resolveDeadline(nominal, cal);
  if (deadline.effective === nominal) return { deadline, explanation: null };
  const dow = dayOfWeek(nominal);
  const why = cal.holidayName(nominal) ?? (dow === 0 ? WEEKDAY_NAMES[0] : WEEKDAY_NAMES[1]);
  const what = cal.holidayName(nominal) ? `ngày nghỉ ${why}` : why;
  return {
    deadline,
    explanation: `${toDdMmYyyy(nominal)} là ${what} → hạn thực tế ${toDdMmYyyy(deadline.effective)}`,
  };
}
