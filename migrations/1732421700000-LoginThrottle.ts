import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling counters, one row per key (`account:<email>` or `address:<ip>`): each attempt increments its
 * rows atomically (INSERT … ON CONFLICT DO UPDATE … RETURNING) before the password is verified, so concurrent
 * attempts cannot all slip under the limit. A row's window restarts when it is older than the configured window.
 */
export class LoginThrottle1732421700000 implements MigrationInterface {
  name = 'LoginThrottle1732421700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        attempts integer NOT NULL,
        window_start timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
