import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications and the outbox of e-mails and webhooks. Every row carries a deterministic key
 * (obligation or plan, reminder slot, deadline, recipient), so a retried activity or a restarted worker
 * inserts nothing twice and delivers only what is still pending.
 */
export class Notifications1732420400000 implements MigrationInterface {
  name = 'Notifications1732420400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN phone text`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        obligation_id uuid REFERENCES obligations(id),
        plan_id uuid REFERENCES plans(id),
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT notifications_once UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE outbound_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('email','webhook')),
        recipient text NOT NULL,
        user_id uuid REFERENCES users(id),
        subject text NOT NULL,
        body text NOT NULL,
        payload jsonb,
        dedupe_key text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT outbound_messages_once UNIQUE (dedupe_key)
      )`);
    await q.query(
      `CREATE INDEX outbound_messages_pending_idx ON outbound_messages (created_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbound_messages`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`ALTER TABLE users DROP COLUMN phone`);
  }
}
