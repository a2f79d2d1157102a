import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A year in `calendar_years` is one an admin has confirmed with the break the government announced; other years use
 * the computed provisional calendar. The confirmation records the announcement it rests on (e.g. "Thông báo số
 * 6150/TB-BNV") and when it was confirmed.
 */
export class CalendarConfirmation1732420600000 implements MigrationInterface {
  name = 'CalendarConfirmation1732420600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calendar_years ADD COLUMN announcement text, ADD COLUMN confirmed_at timestamptz`);
    await q.query(`UPDATE calendar_years SET confirmed_at = updated_at`);
    await q.query(
      `ALTER TABLE calendar_years ALTER COLUMN confirmed_at SET NOT NULL, ALTER COLUMN confirmed_at SET DEFAULT now()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calendar_years DROP COLUMN announcement, DROP COLUMN confirmed_at`);
  }
}
