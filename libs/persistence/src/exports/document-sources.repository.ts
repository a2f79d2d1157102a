import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { Narrative, SigningForm, UnitKind } from '@cchc/domain';

/** The issuer of a document and what its header and signature block need. */
export interface IssuerRow {
  id: string;
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  isReviewingOffice: boolean;
  parentId: string | null;
  parentName: string | null;
  /** Issue place of the nearest plan of the year, the unit's own first, then its ancestors' (nearest first). */
  place: string | null;
  /** Signer of the unit's own plan of the year, if it set one. */
  signer: { name: string; title: string; signingForm?: SigningForm | null; onBehalfOf?: string | null } | null;
  /** The unit's own plan of the year (its report cites the plan that one implements). */
  planId: string | null;
}

/** How a plan is cited: "Kế hoạch số 4912/KH-UBND ngày 15/12/2023 của UBND tỉnh … về …". */
export interface PlanCitationRow {
  id: string;
  number: number | null;
  symbol: string | null;
  issueDate: string | null;
  title: string;
  unitName: string;
  unitAbbreviation: string;
  /** The plan this one implements. */
  parentPlanId: string | null;
}

export interface ChildReportRow {
  unitId: string;
  code: string;
  name: string;
  status: string;
  narrative: Narrative;
}

const validAt = (a: string, p: string) => `${a}.valid_from <= ${p}::date AND ${a}.valid_to > ${p}::date`;

/**
 * What the exported documents need beyond the plans, reports and rollups the API already reads: the issuer's header
 * (parent body, place, signer), citations of plans, the children's narrative parts, the level of each unit.
 * Every method reads; callers check access first (and filter what they show by it).
 */
@Injectable()
export class DocumentSourcesRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  async issuer(unitId: string, year: number, date: string, m: EntityManager = this.em): Promise<IssuerRow | null> {
    const rows: IssuerRow[] = await m.query(
      `SELECT u.id, u.code, u.name, u.abbreviation, u.kind, u.is_reviewing_office AS "isReviewingOffice",
              l.parent_id AS "parentId", pu.name AS "parentName",
              (SELECT p.issue_place FROM unit_closure c JOIN plans p ON p.unit_id = c.ancestor_id AND p.year = $2
                WHERE c.descendant_id = u.id AND ${validAt('c', '$3')} AND coalesce(p.issue_place, '') <> ''
                ORDER BY c.depth LIMIT 1) AS place,
              own.signer, own.id AS "planId"
         FROM units u
         LEFT JOIN unit_links l ON l.unit_id = u.id AND ${validAt('l', '$3')}
         LEFT JOIN units pu ON pu.id = l.parent_id
         LEFT JOIN plans own ON own.unit_id = u.id AND own.year = $2
        WHERE u.id = $1`,
      [unitId, year, date],
    );
    return rows[0] ?? null;
  }

  async planCitation(planId: string, m: EntityManager = this.em): Promise<PlanCitationRow | null> {
    const rows: PlanCitationRow[] = await m.query(
      `SELECT p.id, p.number, p.symbol, to_char(p.issue_date, 'YYYY-MM-DD') AS "issueDate", p.title,
              u.name AS "unitName", u.abbreviation AS "unitAbbreviation", p.parent_plan_id AS "parentPlanId"
         FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`,
      [planId],
    );
    return rows[0] ?? null;
  }

  /** The reports of the direct children of `unitId` for a period, handed in at least once, ordered by unit code. */
  async childReports(
    unitId: string,
    year: number,
    period: string,
    asOf: string,
    m: EntityManager = this.em,
  ): Promise<ChildReportRow[]> {
    return m.query(
      `SELECT u.id AS "unitId", u.code, u.name, o.status, r.narrative
         FROM unit_links l
         JOIN units u ON u.id = l.unit_id
         JOIN reports r ON r.unit_id = u.id AND r.year = $2 AND r.period = $3
         JOIN obligations o ON o.id = r.obligation_id
        WHERE l.parent_id = $1 AND ${validAt('l', '$4')}
          AND (o.status IN ('submitted', 'returned', 'approved') OR o.submitted_on_time IS NOT NULL)
        ORDER BY u.code`,
      [unitId, year, period, asOf],
    );
  }

  /** Depth below `rootId` of every unit of its subtree as of `date` (1 = direct child). */
  async levels(rootId: string, date: string, m: EntityManager = this.em): Promise<Map<string, number>> {
    const rows: Array<{ id: string; depth: number }> = await m.query(
      `SELECT c.descendant_id AS id, c.depth FROM unit_closure c WHERE c.ancestor_id = $1 AND c.depth > 0 AND ${validAt('c', '$2')}`,
      [rootId, date],
    );
    return new Map(rows.map((r) => [r.id, Number(r.depth)]));
  }
}
