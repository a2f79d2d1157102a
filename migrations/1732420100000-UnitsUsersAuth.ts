import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit hierarchy (effective-dated parent links + a closure table with validity ranges), users, sessions.
 *
 * Subtree representation: an effective-dated closure table. Every (ancestor, descendant) pair carries the
 * date range in which that ancestry holds, so "the subtree of X as of D" is one index range scan:
 *   ancestor_id = X AND valid_from <= D AND valid_to > D.
 * Measured against a recursive CTE over unit_links and against ltree paths: see docs/units-tree.md and
 * `npm run bench -- units`. Open-ended ranges use 'infinity' so every predicate is a plain comparison.
 */
export class UnitsUsersAuth1732420100000 implements MigrationInterface {
  name = 'UnitsUsersAuth1732420100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        abbreviation text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('province','department','district','commune','office','school','centre','media','other')),
        email text,
        is_reviewing_office boolean NOT NULL DEFAULT false,
        search_text text NOT NULL,
        active_from date NOT NULL DEFAULT DATE '1900-01-01',
        active_to date NOT NULL DEFAULT 'infinity',
        merged_into_id uuid REFERENCES units(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_code_key UNIQUE (code),
        CONSTRAINT units_active_range CHECK (active_to > active_from)
      )`);
    await q.query(`CREATE INDEX units_search_trgm ON units USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE unit_links (
        id bigserial PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES units(id),
        parent_id uuid REFERENCES units(id),
        valid_from date NOT NULL,
        valid_to date NOT NULL DEFAULT 'infinity',
        CONSTRAINT unit_links_range CHECK (valid_to > valid_from),
        CONSTRAINT unit_links_no_self CHECK (parent_id IS NULL OR parent_id <> unit_id),
        CONSTRAINT unit_links_no_overlap EXCLUDE USING gist (unit_id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await q.query(`CREATE INDEX unit_links_parent_idx ON unit_links (parent_id, valid_from, valid_to)`);

    await q.query(`
      CREATE TABLE unit_closure (
        ancestor_id uuid NOT NULL REFERENCES units(id),
        descendant_id uuid NOT NULL REFERENCES units(id),
        depth int NOT NULL CHECK (depth >= 0),
        valid_from date NOT NULL,
        valid_to date NOT NULL DEFAULT 'infinity',
        CONSTRAINT unit_closure_range CHECK (valid_to > valid_from)
      )`);
    await q.query(
      `CREATE INDEX unit_closure_ancestor_idx ON unit_closure (ancestor_id, valid_to, valid_from) INCLUDE (descendant_id, depth)`,
    );
    await q.query(
      `CREATE INDEX unit_closure_descendant_idx ON unit_closure (descendant_id, valid_to, valid_from) INCLUDE (ancestor_id, depth)`,
    );

    await q.query(`
      CREATE TABLE unit_merges (
        id bigserial PRIMARY KEY,
        merged_unit_id uuid NOT NULL REFERENCES units(id),
        into_unit_id uuid NOT NULL REFERENCES units(id),
        effective_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_merges_once UNIQUE (merged_unit_id)
      )`);
    await q.query(`CREATE INDEX unit_merges_into_idx ON unit_merges (into_unit_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id),
        email text NOT NULL,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        notification_channels text[] NOT NULL DEFAULT '{in_app,email}',
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_roles_valid CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['drafter','approver','reviewer','admin']),
        CONSTRAINT users_channels_valid CHECK (notification_channels <@ ARRAY['in_app','email','webhook'])
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_unit_idx ON users (unit_id)`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        refresh_token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), attempted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'login_attempts',
      'auth_sessions',
      'users',
      'unit_merges',
      'unit_closure',
      'unit_links',
      'units',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
