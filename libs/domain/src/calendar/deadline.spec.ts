import fc from 'fast-check';
import { daysLeft, isLate, resolveDeadline, shiftDeadline } from './deadline';
import { WorkingCalendar } from './holiday-calendar';
import { addDays, LocalDate, parseLocalDate as d } from './local-date';

const cal = WorkingCalendar.withDefaults();

describe('shiftDeadline (Civil Code 2015 art. 148)', () => {
  it.each([
    ['2026-01-31', '2026-02-02', 'Saturday → Monday'],
    ['2024-03-10', '2024-03-11', 'Sunday → Monday'],
    ['2025-01-31', '2025-02-03', 'inside the Tết 2025 break → Monday after it'],
    ['2024-01-31', '2024-01-31', 'Wednesday, a working day, stays'],
    ['2024-02-10', '2024-02-15', 'Saturday inside Tết 2024 → Thursday after it'],
    ['2026-04-26', '2026-04-28', 'Giỗ Tổ on Sunday, compensated Monday → Tuesday'],
  ])('%s → %s (%s)', (nominal, effective) => {
    expect(shiftDeadline(d(nominal), cal)).toBe(effective);
  });

  it('keeps a deadline on a working weekend', () => {
    const custom = new WorkingCalendar([
      { year: 2025, holidays: [], workingWeekends: [{ date: d('2025-04-26'), name: 'Làm bù' }] },
    ]);
    expect(shiftDeadline(d('2025-04-26'), custom)).toBe('2025-04-26');
    expect(shiftDeadline(d('2025-04-26'), cal)).toBe('2025-04-28');
  });
});

describe('shiftDeadline properties over 2024–2026', () => {
  const FIRST = d('2024-01-01');
  const dates = fc.integer({ min: 0, max: 1095 }).map((n) => addDays(FIRST, n)); // 2024-01-01 … 2026-12-31

  it('lands on a working day, never before the nominal day', () => {
    fc.assert(
      fc.property(dates, (nominal) => {
        const effective = shiftDeadline(nominal, cal);
        expect(cal.isWorkingDay(effective)).toBe(true);
        expect(effective >= nominal).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(dates, (nominal) => {
        const once = shiftDeadline(nominal, cal);
        expect(shiftDeadline(once, cal)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('skips no working day between the nominal and the effective day', () => {
    fc.assert(
      fc.property(dates, (nominal) => {
        const effective = shiftDeadline(nominal, cal);
        for (let x: LocalDate = nominal; x < effective; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with addWorkingDays / workingDaysBetween', () => {
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const target = shiftDeadline(b, cal);
        expect(cal.addWorkingDays(a, cal.workingDaysBetween(a, target))).toBe(target);
      }),
      { numRuns: 200 },
    );
  });
});

describe('resolveDeadline, daysLeft, isLate', () => {
  const deadline = resolveDeadline(d('2026-01-31'), cal); // Saturday → Monday 02/02/2026

  it('ends at 24:00 Vietnam time of the effective day', () => {
    expect(deadline).toEqual({
      nominal: '2026-01-31',
      effective: '2026-02-02',
      endsAt: new Date('2026-02-02T17:00:00.000Z'),
      provisional: false,
    });
  });

  it('moves a deadline inside the provisional Tết 2027 break past it, and says it is provisional', () => {
    // Tết 2027 is Saturday 06/02; the provisional break runs Fri 05/02 – Thu 11/02 (see holiday-calendar.spec).
    expect(resolveDeadline(d('2027-02-08'), cal)).toEqual({
      nominal: '2027-02-08',
      effective: '2027-02-12',
      endsAt: new Date('2027-02-12T17:00:00.000Z'),
      provisional: true,
    });
    // Confirmed with a different announced break (say 04/02 – 10/02), the same nominal day lands on Thu 11/02.
    const confirmed = new WorkingCalendar([
      {
        year: 2027,
        holidays: [...Array(7)].map((_, i) => ({ date: d(`2027-02-${String(4 + i).padStart(2, '0')}`), name: 'Tết' })),
        workingWeekends: [],
      },
    ]);
    expect(resolveDeadline(d('2027-02-08'), confirmed)).toMatchObject({ effective: '2027-02-11', provisional: false });
  });

  it('counts Vietnam calendar days left', () => {
    expect(daysLeft(deadline, new Date('2026-01-30T02:00:00Z'))).toBe(3);
    expect(daysLeft(deadline, new Date('2026-02-01T16:59:59Z'))).toBe(1); // 23:59 on 01/02 local
    expect(daysLeft(deadline, new Date('2026-02-01T17:00:00Z'))).toBe(0); // 00:00 on 02/02 local
    expect(daysLeft(deadline, new Date('2026-02-02T16:59:59Z'))).toBe(0);
    expect(daysLeft(deadline, new Date('2026-02-02T17:00:00Z'))).toBe(-1);
    expect(daysLeft(deadline, new Date('2026-02-12T03:00:00Z'))).toBe(-10);
  });

  it('is late only from 24:00 of the effective day', () => {
    expect(isLate(new Date('2026-01-31T10:00:00Z'), deadline)).toBe(false); // on the nominal Saturday
    expect(isLate(new Date('2026-02-02T16:59:59.999Z'), deadline)).toBe(false); // 23:59:59.999 local
    expect(isLate(new Date('2026-02-02T17:00:00.000Z'), deadline)).toBe(true); // 00:00 on 03/02 local
  });
});
