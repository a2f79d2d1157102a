import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan documents imported as drafts (issue 14): the text read from the file, the extraction (every field with its
 * source sentence, offsets into `text` and confidence; the fields not found) and the existing plan the document
 * says it implements, kept with the draft so the review screen can highlight the text beside the fields.
 */
export class PlanImports1732421000000 implements MigrationInterface {
  name = 'PlanImports1732421000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id),
        filename text NOT NULL,
        format text NOT NULL CHECK (format IN ('docx','txt','md')),
        size_bytes int NOT NULL CHECK (size_bytes >= 0),
        text text NOT NULL,
        extraction jsonb NOT NULL,
        parent_plan_id uuid REFERENCES plans(id),
        parent_match jsonb,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','confirmed')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_by text,
        confirmed_at timestamptz
      )`);
    await q.query(`CREATE INDEX plan_imports_unit_idx ON plan_imports (unit_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_imports`);
  }
}
