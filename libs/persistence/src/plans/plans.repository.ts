import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { ReminderPolicy, ReportSchedule } from '@cchc/domain';

/** What the reminders of a plan's obligations are planned from. */
export interface PlanReminderSettings {
  year: number;
  /** The children's deadline as issued ('YYYY-MM-DD', before shifting). */
  childDeadline: string;
  reminderPolicy: ReminderPolicy;
  reportSchedule: ReportSchedule;
}

/** A plan as a message names it, with its issuing unit. */
export interface PlanHeader {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  symbol: string | null;
  title: string;
}

/** Plans (table plans). Every method takes an optional EntityManager so callers can run it inside their transaction. */
@Injectable()
export class PlansRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async reminderSettings(planId: string, m: EntityManager = this.em): Promise<PlanReminderSettings | null> {
    const rows: PlanReminderSettings[] = await m.query(
      `SELECT year, to_char(child_deadline, 'YYYY-MM-DD') AS "childDeadline", reminder_policy AS "reminderPolicy",
              report_schedule AS "reportSchedule"
         FROM plans WHERE id = $1`,
      [planId],
    );
    return rows[0] ?? null;
  }

  async header(planId: string, m: EntityManager = this.em): Promise<PlanHeader | null> {
    const rows: PlanHeader[] = await m.query(
      `SELECT p.id, p.unit_id AS "unitId", u.name AS "unitName", p.year, p.symbol, p.title
         FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`,
      [planId],
    );
    return rows[0] ?? null;
  }
}
