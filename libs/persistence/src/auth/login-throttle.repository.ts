import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface ThrottleCount {
  key: string;
  /** Attempts in the current window, this one included. */
  attempts: number;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

/**
 * Sign-in attempt counters per key (`account:<email>`, `address:<ip>`). `reserve` counts an attempt before it is
 * evaluated, atomically per key (one INSERT … ON CONFLICT DO UPDATE, which locks the row), so N concurrent
 * attempts see N distinct counts and at most the limit of them go on to verify a password.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async reserve(keys: readonly string[], windowSeconds: number): Promise<ThrottleCount[]> {
    if (!keys.length) return [];
    // Sorted keys: concurrent reservations lock rows in the same order (no deadlock).
    return this.em.query(
      `INSERT INTO login_throttle AS t (key, attempts, window_start)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN t.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE t.attempts + 1 END,
         window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $2) THEN now() ELSE t.window_start END
       RETURNING key, attempts,
         greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now())))::int AS "retryAfterSeconds"`,
      [[...keys].sort(), windowSeconds],
    );
  }

  /** A successful sign-in: the account starts afresh; the address gets this attempt back. */
  async forgive(accountKey: string, addressKey?: string): Promise<void> {
    await this.em.query(`DELETE FROM login_throttle WHERE key = $1`, [accountKey]);
    if (addressKey)
      await this.em.query(`UPDATE login_throttle SET attempts = greatest(0, attempts - 1) WHERE key = $1`, [
        addressKey,
      ]);
  }
}
