import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans, the obligations a plan creates for the units below it, immutable submitted versions, the transition
 * log, and the working calendar as editable data.
 *
 * Obligations are the read model of the obligation workflows: only workflow activities write their status.
 */
export class PlansObligations1732420300000 implements MigrationInterface {
  name = 'PlansObligations1732420300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        holidays jsonb NOT NULL,
        working_weekends jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        obligation_id uuid,
        parent_plan_id uuid REFERENCES plans(id),
        number int CHECK (number > 0),
        symbol text,
        title text NOT NULL,
        issue_place text,
        issue_date date,
        signer jsonb,
        recipients text[] NOT NULL DEFAULT '{}',
        parent_plan_ref text,
        sections jsonb NOT NULL DEFAULT '{}',
        targets jsonb NOT NULL DEFAULT '[]',
        child_deadline date NOT NULL,
        report_schedule jsonb NOT NULL,
        reminder_policy jsonb NOT NULL,
        scope jsonb NOT NULL DEFAULT '{"mode":"all_children"}',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','returned','approved','issued')),
        submission_count int NOT NULL DEFAULT 0,
        issued_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plans_one_per_unit_year UNIQUE (unit_id, year),
        CONSTRAINT plans_number_unique UNIQUE (unit_id, year, number)
      )`);
    await q.query(`CREATE INDEX plans_parent_idx ON plans (parent_plan_id)`);

    await q.query(`
      CREATE TABLE obligations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('plan','report')),
        source_plan_id uuid NOT NULL REFERENCES plans(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        parent_unit_id uuid NOT NULL REFERENCES units(id),
        year int NOT NULL,
        period text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','draft','submitted','returned','approved')),
        nominal_deadline date NOT NULL,
        effective_deadline date NOT NULL,
        deadline_ends_at timestamptz NOT NULL,
        first_submitted_at timestamptz,
        submitted_on_time boolean,
        overdue boolean NOT NULL DEFAULT false,
        last_submitted_at timestamptz,
        decided_at timestamptz,
        fulfilled_by_plan_id uuid REFERENCES plans(id),
        workflow_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT obligations_once UNIQUE (source_plan_id, unit_id, kind, period),
        CONSTRAINT obligations_workflow_unique UNIQUE (workflow_id)
      )`);
    await q.query(`CREATE INDEX obligations_unit_idx ON obligations (unit_id, year, kind)`);
    await q.query(`CREATE INDEX obligations_inbox_idx ON obligations (parent_unit_id, status, last_submitted_at)`);
    await q.query(`CREATE INDEX obligations_source_idx ON obligations (source_plan_id, kind, status)`);
    await q.query(
      `ALTER TABLE plans ADD CONSTRAINT plans_obligation_fk FOREIGN KEY (obligation_id) REFERENCES obligations(id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX plans_obligation_unique ON plans (obligation_id) WHERE obligation_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        version_no int NOT NULL CHECK (version_no > 0),
        content jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by text NOT NULL,
        decision text CHECK (decision IN ('approved','returned')),
        decided_at timestamptz,
        decided_by text,
        reason text,
        CONSTRAINT plan_versions_once UNIQUE (plan_id, version_no)
      )`);

    await q.query(`
      CREATE TABLE obligation_transitions (
        id bigserial PRIMARY KEY,
        obligation_id uuid NOT NULL REFERENCES obligations(id),
        seq int NOT NULL,
        command text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reason text,
        version_no int,
        CONSTRAINT obligation_transitions_once UNIQUE (obligation_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE obligation_transitions`);
    await q.query(`DROP TABLE plan_versions`);
    await q.query(`ALTER TABLE plans DROP CONSTRAINT plans_obligation_fk`);
    await q.query(`DROP TABLE obligations`);
    await q.query(`DROP TABLE plans`);
    await q.query(`DROP TABLE calendar_years`);
  }
}
