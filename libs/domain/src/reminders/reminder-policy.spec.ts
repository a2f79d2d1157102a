import { parseLocalDate as d, resolveDeadline, WorkingCalendar } from '../calendar';
import { DomainError } from '../errors';
import {
  defaultReminderPolicy,
  lateEntryReminders,
  planReminders,
  ReminderPolicy,
  remindersAfter,
  validateReminderPolicy,
} from './reminder-policy';

const cal = WorkingCalendar.withDefaults();
const summary = (slots: ReturnType<typeof planReminders>) => slots.map((s) => `${s.key}@${s.localDate}`);

describe('planReminders, default policy', () => {
  // Deadline Wednesday 31/01/2024. Tết break 08–14/02/2024.
  const slots = planReminders(resolveDeadline(d('2024-01-31'), cal), defaultReminderPolicy(), cal);

  it('lists every slot, moved off weekends and holidays', () => {
    expect(summary(slots)).toEqual([
      'before:-7@2024-01-24', // Wednesday
      'before:-3@2024-01-26', // 28/01 is a Sunday → Friday 26/01
      'before:-1@2024-01-30', // Tuesday
      'due_today:0@2024-01-31',
      'overdue:3@2024-02-05', // 03/02 is a Saturday → Monday 05/02
      'overdue:6@2024-02-06', // Tuesday
      'overdue:9@2024-02-15', // 09/02 in Tết → Thursday 15/02; overdue:12 (12/02, Tết) and overdue:15 (15/02) collide, dropped
      'overdue:18@2024-02-19', // 18/02 is a Sunday → Monday 19/02
      'overdue:21@2024-02-21', // Wednesday
      'overdue:24@2024-02-26', // 24/02 is a Saturday → Monday 26/02
      'overdue:27@2024-02-27', // Tuesday
      'overdue:30@2024-03-01', // Friday (2024 is a leap year)
    ]);
  });

  it('sends at 08:00 Vietnam time, sorted', () => {
    expect(slots[0].sendAt.toISOString()).toBe('2024-01-24T01:00:00.000Z');
    expect(slots[slots.length - 1].sendAt.toISOString()).toBe('2024-03-01T01:00:00.000Z');
    expect(slots[3]).toMatchObject({ kind: 'due_today', offsetDays: 0 });
    expect(slots[0]).toMatchObject({ kind: 'before', offsetDays: -7 });
  });

  it('gives new slots when the deadline is extended to 07/02/2024', () => {
    const extended = planReminders(resolveDeadline(d('2024-02-07'), cal), defaultReminderPolicy(), cal);
    expect(summary(extended)).toEqual([
      'before:-7@2024-01-31',
      'before:-3@2024-02-02', // 04/02 is a Sunday → Friday 02/02
      'before:-1@2024-02-06',
      'due_today:0@2024-02-07',
      'overdue:3@2024-02-15', // 10/02 in Tết → 15/02; overdue:6 (13/02, Tết → 15/02) dropped
      'overdue:9@2024-02-16',
      'overdue:12@2024-02-19',
      'overdue:15@2024-02-22',
      'overdue:18@2024-02-26', // 25/02 is a Sunday
      'overdue:21@2024-02-28',
      'overdue:24@2024-03-04', // 02/03 is a Saturday
      'overdue:27@2024-03-05',
      'overdue:30@2024-03-08',
    ]);
    // What is still pending on the morning of 01/02/2024 (the old plan's due_today slot has passed).
    expect(summary(remindersAfter(extended, new Date('2024-02-01T03:00:00Z'))).slice(0, 2)).toEqual([
      'before:-3@2024-02-02',
      'before:-1@2024-02-06',
    ]);
  });
});

describe('planReminders, other policies', () => {
  const deadline = resolveDeadline(d('2024-01-31'), cal);

  it('keeps calendar days when workingDaysOnly is off', () => {
    const policy: ReminderPolicy = {
      ...defaultReminderPolicy(),
      daysBefore: [3],
      overdueForDays: 9,
      workingDaysOnly: false,
      sendAtLocalTime: '16:30',
    };
    const slots = planReminders(deadline, policy, cal);
    expect(summary(slots)).toEqual([
      'before:-3@2024-01-28',
      'due_today:0@2024-01-31',
      'overdue:3@2024-02-03',
      'overdue:6@2024-02-06',
      'overdue:9@2024-02-09',
    ]);
    expect(slots[0].sendAt.toISOString()).toBe('2024-01-28T09:30:00.000Z');
  });

  it('drops the due-day slot and overdue slots when asked', () => {
    const policy: ReminderPolicy = { ...defaultReminderPolicy(), daysBefore: [1], onTheDay: false, overdueForDays: 0 };
    expect(summary(planReminders(deadline, policy, cal))).toEqual(['before:-1@2024-01-30']);
  });

  it('keeps the slot closest to the deadline when before-slots collide', () => {
    // Deadline Monday 11/03/2024: 2 days before is Saturday 09/03 → Friday 08/03, 3 days before is Friday 08/03.
    const policy: ReminderPolicy = { ...defaultReminderPolicy(), daysBefore: [3, 2], overdueForDays: 0 };
    const slots = planReminders(resolveDeadline(d('2024-03-10'), cal), policy, cal);
    expect(summary(slots)).toEqual(['before:-2@2024-03-08', 'due_today:0@2024-03-11']);
  });
});

describe('remindersAfter', () => {
  const slots = planReminders(resolveDeadline(d('2024-01-31'), cal), defaultReminderPolicy(), cal);

  it('keeps slots strictly after now', () => {
    expect(remindersAfter(slots, new Date('2024-01-31T01:00:00.000Z')).map((s) => s.key)[0]).toBe('overdue:3');
    expect(remindersAfter(slots, new Date('2024-01-31T00:59:59.999Z')).map((s) => s.key)[0]).toBe('due_today:0');
    expect(remindersAfter(slots, new Date('2024-03-01T01:00:00.000Z'))).toEqual([]);
  });
});

describe('validateReminderPolicy', () => {
  const problems = (over: Partial<ReminderPolicy>) => {
    try {
      validateReminderPolicy({ ...defaultReminderPolicy(), ...over });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'reminder_policy.invalid') return e.details?.problems;
      throw e;
    }
    return [];
  };

  it('accepts the default', () => expect(problems({})).toEqual([]));

  it.each([
    [{ daysBefore: [7, 0] }, 'daysBefore', 'not_positive_integers'],
    [{ daysBefore: [3, 3] }, 'daysBefore', 'duplicates'],
    [{ overdueEveryDays: 0 }, 'overdueEveryDays', 'not_positive_integer'],
    [{ overdueForDays: -1 }, 'overdueForDays', 'not_non_negative_integer'],
    [{ sendAtLocalTime: '8h' }, 'sendAtLocalTime', 'not_hh_mm'],
  ])('refuses %p', (over, field, problem) => {
    expect(problems(over as Partial<ReminderPolicy>)).toEqual([{ field, problem }]);
  });

  it('is enforced by planReminders', () => {
    const policy = { ...defaultReminderPolicy(), overdueEveryDays: 0 };
    expect(() => planReminders(resolveDeadline(d('2024-01-31'), cal), policy, cal)).toThrow(DomainError);
  });
});

describe('lateEntryReminders (honest late entry)', () => {
  const lateCal = WorkingCalendar.withDefaults();
  const deadline = resolveDeadline(d('2026-06-18'), lateCal); // Thursday, a working day
  const policy = defaultReminderPolicy();

  it('is empty while the deadline has not ended', () => {
    expect(lateEntryReminders(deadline, policy, lateCal, new Date('2026-06-18T16:59:59Z'))).toEqual([]);
  });

  it('gives one notice now with the real days overdue, then the overdue rhythm counted from today', () => {
    const now = new Date('2027-01-04T01:00:00Z'); // Monday 04/01/2027 08:00, 200 days after 18/06/2026
    const slots = lateEntryReminders(deadline, policy, lateCal, now);
    expect(slots[0]).toEqual({
      key: 'overdue:late-entry:2027-01-04',
      kind: 'overdue',
      offsetDays: 200,
      sendAt: now,
      localDate: '2027-01-04',
    });
    // Every 3 days for 30 days from 04/01/2027, moved off weekends: 07/01 (Thu), 11/01 (Sun 10 → Mon 11), 13/01, …
    expect(slots.slice(1, 4).map((s) => [s.localDate, s.offsetDays])).toEqual([
      ['2027-01-07', 203],
      ['2027-01-11', 207],
      ['2027-01-13', 209],
    ]);
    expect(slots).toHaveLength(11);
    expect(slots.every((s) => s.kind === 'overdue' && s.sendAt.getTime() >= now.getTime())).toBe(true);
  });
});
