import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { CalendarYear, defaultCalendarYears, WorkingCalendar } from '@cchc/domain';

export interface StoredCalendarYear extends CalendarYear {
  source: 'database' | 'default';
}

/**
 * The working calendar as data: years an admin has edited come from `calendar_years`; other years use the
 * defaults shipped in the domain (2024–2026 per DOMAIN §7), then the fixed-date holidays.
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async years(m: EntityManager = this.em): Promise<StoredCalendarYear[]> {
    const rows: Array<{
      year: number;
      holidays: CalendarYear['holidays'];
      working_weekends: CalendarYear['workingWeekends'];
    }> = await m.query(`SELECT year, holidays, working_weekends FROM calendar_years ORDER BY year`);
    const stored = new Map<number, StoredCalendarYear>(
      rows.map((r) => [
        r.year,
        { year: r.year, holidays: r.holidays, workingWeekends: r.working_weekends, source: 'database' },
      ]),
    );
    for (const d of defaultCalendarYears()) if (!stored.has(d.year)) stored.set(d.year, { ...d, source: 'default' });
    return [...stored.values()].sort((a, b) => a.year - b.year);
  }

  async calendar(m: EntityManager = this.em): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.years(m));
  }

  /** Replaces one year's data (validated by building a calendar from it first). */
  async saveYear(year: CalendarYear, actor: string, m: EntityManager = this.em): Promise<void> {
    new WorkingCalendar([year]);
    await m.query(
      `INSERT INTO calendar_years (year, holidays, working_weekends, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, working_weekends = EXCLUDED.working_weekends,
                                        updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [year.year, JSON.stringify(year.holidays), JSON.stringify(year.workingWeekends), actor],
    );
  }
}
