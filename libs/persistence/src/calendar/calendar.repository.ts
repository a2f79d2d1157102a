import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { CalendarYear, defaultCalendarYears, provisionalCalendarYear, WorkingCalendar } from '@cchc/domain';

/**
 * 'confirmed': an admin confirmed the year with the announced break; 'default': the announced breaks shipped in the
 * domain (2024–2026, DOMAIN §7); 'provisional': computed from the Labour Code day counts and the lunar calendar.
 */
export type CalendarYearSource = 'confirmed' | 'default' | 'provisional';

export interface StoredCalendarYear extends CalendarYear {
  source: CalendarYearSource;
  announcement: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

/** An open obligation whose deadline a calendar change may move. */
export interface OpenDeadlineRow {
  id: string;
  workflowId: string;
  nominal: string;
  effective: string;
}

/**
 * The working calendar as data: years an admin has confirmed come from `calendar_years`; 2024–2026 otherwise use
 * the announced breaks shipped in the domain; any other year is provisional (computed).
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  /** The confirmed and default years (provisional years are computed on demand, see `year`). */
  async years(m: EntityManager = this.em): Promise<StoredCalendarYear[]> {
    const rows: Array<{
      year: number;
      holidays: CalendarYear['holidays'];
      working_weekends: CalendarYear['workingWeekends'];
      announcement: string | null;
      confirmed_at: Date;
      updated_by: string;
    }> = await m.query(
      `SELECT year, holidays, working_weekends, announcement, confirmed_at, updated_by FROM calendar_years ORDER BY year`,
    );
    const stored = new Map<number, StoredCalendarYear>(
      rows.map((r) => [
        r.year,
        {
          year: r.year,
          holidays: r.holidays,
          workingWeekends: r.working_weekends,
          source: 'confirmed',
          announcement: r.announcement,
          confirmedAt: new Date(r.confirmed_at).toISOString(),
          confirmedBy: r.updated_by,
        },
      ]),
    );
    for (const d of defaultCalendarYears())
      if (!stored.has(d.year))
        stored.set(d.year, { ...d, source: 'default', announcement: null, confirmedAt: null, confirmedBy: null });
    return [...stored.values()].sort((a, b) => a.year - b.year);
  }

  /** One year as the calendar uses it: confirmed, default or provisional. */
  async year(year: number, m: EntityManager = this.em): Promise<StoredCalendarYear> {
    const found = (await this.years(m)).find((y) => y.year === year);
    return (
      found ?? {
        ...provisionalCalendarYear(year),
        source: 'provisional',
        announcement: null,
        confirmedAt: null,
        confirmedBy: null,
      }
    );
  }

  async calendar(m: EntityManager = this.em): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.years(m));
  }

  /** Confirms (or re-confirms) one year's data, validated by building a calendar from it first. */
  async saveYear(
    year: CalendarYear,
    actor: string,
    announcement: string | null = null,
    m: EntityManager = this.em,
  ): Promise<void> {
    new WorkingCalendar([year]);
    await m.query(
      `INSERT INTO calendar_years (year, holidays, working_weekends, updated_by, announcement, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, working_weekends = EXCLUDED.working_weekends,
                                        updated_by = EXCLUDED.updated_by, updated_at = now(),
                                        announcement = EXCLUDED.announcement, confirmed_at = now()`,
      [year.year, JSON.stringify(year.holidays), JSON.stringify(year.workingWeekends), actor, announcement],
    );
  }

  /**
   * Obligations a calendar change may move: still awaiting the unit's first submission, deadline not yet ended at
   * `now`, nominal day from `from` to `to`. Deadlines already passed or met stay as they are.
   */
  async openDeadlines(from: string, to: string, now: Date, m: EntityManager = this.em): Promise<OpenDeadlineRow[]> {
    return m.query(
      `SELECT id, workflow_id AS "workflowId", to_char(nominal_deadline, 'YYYY-MM-DD') AS nominal,
              to_char(effective_deadline, 'YYYY-MM-DD') AS effective
         FROM obligations
        WHERE status IN ('pending','draft','returned') AND first_submitted_at IS NULL
          AND deadline_ends_at > $3 AND nominal_deadline BETWEEN $1::date AND $2::date
        ORDER BY nominal_deadline, id`,
      [from, to, now.toISOString()],
    );
  }
}
