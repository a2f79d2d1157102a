/**
 * The living demo (`npm run up`): the Bình Thuận province in the current cycle, computed relative to today. The
 * province issued its plan for this year with the usual deadline (31/01, or a week ago early in the year); its
 * departments and districts show every state a reviewer meets: plans approved (after an extension, so on time),
 * returned with a reason, submitted and awaiting a decision, submitted late, and missing; the approved ones have
 * filed the reports of the periods already due, with values, some accepted. Plain data; the CLI
 * (apps/api/src/cli/demo-cycle.ts) plays it through the API, so every step is a real workflow transition.
 */
import {
  addDays,
  compareLocalDates,
  type LocalDate,
  localDateFromParts,
  toDateParts,
} from '../../../domain/src/calendar';

export type DemoChildRole = 'approved' | 'returned' | 'submitted' | 'late' | 'late_approved' | 'missing';

export interface DemoReport {
  unitCode: string;
  period: 'Q1' | 'H1' | 'Q3' | 'YEAR';
  values: Record<string, number>;
  accept: boolean;
}

export interface DemoCycle {
  year: number;
  /** The province plan's deadline for its children's plans (already passed). */
  childDeadline: LocalDate;
  /** The deadline the province grants the children that show on-time states (in the future). */
  extendedDeadline: LocalDate;
  /** The deadline an approved child plan gives its own children. */
  grandchildDeadline: LocalDate;
  roles: Record<string, DemoChildRole>;
  returnReason: string;
  /** Reports of the approved children; the CLI files those whose period is already due. */
  reports: DemoReport[];
}

export const DEMO_CYCLE_ROLES: Record<string, DemoChildRole> = {
  'BTH.SGDDT': 'approved',
  'BTH.STP': 'approved',
  'BTH.PTH': 'approved',
  'BTH.STTTT': 'approved',
  'BTH.SKHDT': 'returned',
  'BTH.SLDTBXH': 'submitted',
  'BTH.VPUBND': 'submitted',
  'BTH.DPTTH': 'late_approved',
  'BTH.HTB': 'late',
  'BTH.SNV': 'missing',
  'BTH.BBT': 'missing',
  'BTH.LGI': 'missing',
};

const PERIODS = ['Q1', 'H1', 'Q3', 'YEAR'] as const;

export function demoCycle(today: LocalDate): DemoCycle {
  const { year } = toDateParts(today);
  const usual = localDateFromParts(year, 1, 31);
  const weekAgo = addDays(today, -7);
  const reports: DemoReport[] = [];
  const reporting = ['BTH.SGDDT', 'BTH.STP', 'BTH.PTH', 'BTH.STTTT', 'BTH.DPTTH'];
  reporting.forEach((unitCode, u) =>
    PERIODS.forEach((period, p) => {
      if (unitCode === 'BTH.STTTT' && p >= 2) return; // Sở TT&TT has not filed its quý III report yet
      const q = p + 1;
      reports.push({
        unitCode,
        period,
        values: {
          WEB_NEWS: 12 * q + 3 * u,
          RADIO_ITEMS: 2 * q + u,
          CONFERENCES: 1 + ((u + p) % 3),
          ...(u % 2 === 0 ? { BUDGET_SPENT: 5 * q + u } : {}),
        },
        accept: unitCode !== 'BTH.PTH',
      });
    }),
  );
  return {
    year,
    childDeadline: compareLocalDates(usual, weekAgo) < 0 ? usual : weekAgo,
    extendedDeadline: addDays(today, 14),
    grandchildDeadline: addDays(today, 30),
    roles: DEMO_CYCLE_ROLES,
    returnReason: 'Đề nghị bổ sung chỉ tiêu tin, bài trên Cổng thông tin điện tử tỉnh và dự toán kinh phí thực hiện',
    reports,
  };
}
