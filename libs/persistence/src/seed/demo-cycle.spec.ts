import { parseLocalDate as d } from '../../../domain/src/calendar';
import { DEMO_UNITS } from './demo-units';
import { demoCycle } from './demo-cycle';

describe('demoCycle (the living demo, relative to today)', () => {
  it('late in the year: the usual 31/01 deadline has passed; on-time children were extended into the future', () => {
    const c = demoCycle(d('2026-11-25'));
    expect(c).toMatchObject({
      year: 2026,
      childDeadline: '2026-01-31',
      extendedDeadline: '2026-12-09',
      grandchildDeadline: '2026-12-25',
    });
  });

  it('early in January: the deadline is a week ago, so late and missing still exist', () => {
    expect(demoCycle(d('2027-01-05')).childDeadline).toBe('2026-12-29');
  });

  it('gives every child of the province a role, and shows every state', () => {
    const c = demoCycle(d('2026-11-25'));
    const children = DEMO_UNITS.filter((u) => u.parentCode === 'BTH').map((u) => u.code);
    expect(Object.keys(c.roles).sort()).toEqual([...children].sort());
    expect(new Set(Object.values(c.roles))).toEqual(
      new Set(['approved', 'returned', 'submitted', 'late', 'late_approved', 'missing']),
    );
  });

  it('files reports only for approved children', () => {
    const c = demoCycle(d('2026-11-25'));
    for (const r of c.reports) expect(['approved', 'late_approved']).toContain(c.roles[r.unitCode]);
    expect(c.reports.filter((r) => r.unitCode === 'BTH.STTTT').map((r) => r.period)).toEqual(['Q1', 'H1']);
  });
});
