import { useQuery } from '@tanstack/react-query';
import { explainDeadline, parseLocalDate, WorkingCalendar, type CalendarYear } from '@cchc/domain';
import { api } from './api';

/** The working calendar of the given years as the API holds it (holidays and worked weekends). */
export function useWorkingCalendar(years: number[]) {
  const key = [...new Set(years)].sort();
  return useQuery({
    queryKey: ['calendar', key],
    staleTime: 3600_000,
    queryFn: async () =>
      new WorkingCalendar(
        await Promise.all(
          key.map(async (year) => {
            const y = await api<CalendarYear & { source: string }>(`/calendar/${year}`);
            return { year, holidays: y.holidays, workingWeekends: y.workingWeekends };
          }),
        ),
      ),
  });
}

export function explain(nominal: string | null | undefined, cal: WorkingCalendar | undefined) {
  if (!nominal || !cal || !/^\d{4}-\d{2}-\d{2}$/.test(nominal)) return null;
  return explainDeadline(parseLocalDate(nominal), cal);
}
