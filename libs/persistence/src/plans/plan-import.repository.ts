import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { ParentPlanMatch } from '@cchc/domain';
import { inScope, type UnitScope } from '../units/unit-scope';

/** An imported plan document as stored beside its draft plan. */
export interface PlanImportRow {
  id: string;
  planId: string;
  unitId: string;
  filename: string;
  format: 'docx' | 'txt' | 'md';
  sizeBytes: number;
  text: string;
  /** The extraction without its text (PlanExtraction minus `text`), as JSON. */
  extraction: Record<string, unknown>;
  parentPlanId: string | null;
  parentMatch: ParentPlanMatch | null;
  status: 'draft' | 'confirmed';
  createdBy: string;
  createdAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export type NewPlanImport = Pick<
  PlanImportRow,
  'planId' | 'unitId' | 'filename' | 'format' | 'sizeBytes' | 'text' | 'extraction' | 'parentMatch' | 'createdBy'
>;

/** An import still waiting for its drafter's confirmation, as a list shows it. */
export interface PendingPlanImportRow {
  id: string;
  planId: string;
  unitId: string;
  unitName: string;
  filename: string;
  format: 'docx' | 'txt' | 'md';
  planTitle: string;
  year: number;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `i.id, i.plan_id AS "planId", i.unit_id AS "unitId", i.filename, i.format, i.size_bytes AS "sizeBytes",
  i.text, i.extraction, i.parent_plan_id AS "parentPlanId", i.parent_match AS "parentMatch", i.status,
  i.created_by AS "createdBy", i.created_at AS "createdAt", i.confirmed_by AS "confirmedBy", i.confirmed_at AS "confirmedAt"`;

/** Imported plan documents (table `plan_imports`) and the look-up of the plan a document implements. */
@Injectable()
export class PlanImportRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async insert(row: NewPlanImport, m: EntityManager = this.em): Promise<PlanImportRow> {
    const [{ id }] = await m.query(
      `INSERT INTO plan_imports (plan_id, unit_id, filename, format, size_bytes, text, extraction, parent_plan_id,
                                 parent_match, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        row.planId,
        row.unitId,
        row.filename,
        row.format,
        row.sizeBytes,
        row.text,
        JSON.stringify(row.extraction),
        row.parentMatch?.planId ?? null,
        row.parentMatch ? JSON.stringify(row.parentMatch) : null,
        row.createdBy,
      ],
    );
    return (await this.find(id, m))!;
  }

  async find(id: string, m: EntityManager = this.em): Promise<PlanImportRow | null> {
    return (await m.query(`SELECT ${COLUMNS} FROM plan_imports i WHERE i.id = $1`, [id]))[0] ?? null;
  }

  /**
   * Imports not confirmed yet whose plan is still a draft, of the units inside `scope` on `date`, newest first: where
   * a drafter who left the review finds it again.
   */
  async pending(q: { scope: UnitScope; date: string; limit: number }): Promise<PendingPlanImportRow[]> {
    const params: unknown[] = [q.limit];
    const visible = inScope(q.scope, 'i.unit_id', params, { at: q.date });
    return this.em.query(
      `SELECT i.id, i.plan_id AS "planId", i.unit_id AS "unitId", u.name AS "unitName", i.filename, i.format,
              p.title AS "planTitle", p.year, i.created_by AS "createdBy", i.created_at AS "createdAt"
         FROM plan_imports i JOIN plans p ON p.id = i.plan_id JOIN units u ON u.id = i.unit_id
        WHERE i.status = 'draft' AND p.status = 'draft' AND ${visible}
        ORDER BY i.created_at DESC, i.id
        LIMIT $1`,
      params,
    );
  }

  /** Marks a draft import confirmed; false when it was not a draft any more (a concurrent confirmation). */
  async markConfirmed(id: string, by: string, m: EntityManager = this.em): Promise<boolean> {
    const rows = await m.query(
      `UPDATE plan_imports SET status = 'confirmed', confirmed_by = $2, confirmed_at = now()
        WHERE id = $1 AND status = 'draft' RETURNING id`,
      [id, by],
    );
    return rows.length > 0;
  }

  /**
   * The plan of an ancestor of `unitId` (as of `date`) that a cited document is: same symbol (case-insensitive,
   * spaces ignored), or same number and date of issue. The nearest ancestor wins.
   */
  async findParentPlan(
    unitId: string,
    ref: { number: number; symbol: string; date: string },
    date: string,
    m: EntityManager = this.em,
  ): Promise<ParentPlanMatch | null> {
    const rows: ParentPlanMatch[] = await m.query(
      `SELECT p.id AS "planId", p.unit_id AS "unitId", u.name AS "unitName", p.symbol,
              to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate", p.title, p.status,
              CASE WHEN lower(replace(p.symbol, ' ', '')) = lower($2) THEN 'symbol' ELSE 'number_and_date' END AS "matchedBy"
         FROM unit_closure c
         JOIN plans p ON p.unit_id = c.ancestor_id
         JOIN units u ON u.id = p.unit_id
        WHERE c.descendant_id = $1 AND c.depth >= 1
          AND c.valid_from <= $5::date AND c.valid_to > $5::date
          AND (lower(replace(p.symbol, ' ', '')) = lower($2) OR (p.number = $3 AND p.issue_date = $4::date))
        ORDER BY c.depth, (lower(replace(p.symbol, ' ', '')) = lower($2)) DESC
        LIMIT 1`,
      [unitId, ref.symbol.replace(/\s+/g, ''), ref.number, ref.date, date],
    );
    return rows[0] ?? null;
  }
}
