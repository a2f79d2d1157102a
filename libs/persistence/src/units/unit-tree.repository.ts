import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { conflict, foldVietnamese, notFound, type UnitKind } from '@cchc/domain';

/** A unit row as the tree queries return it. Dates are ISO 'YYYY-MM-DD'. */
export interface UnitRow {
  id: string;
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  email: string | null;
  isReviewingOffice: boolean;
  activeFrom: string;
  activeTo: string | null;
  mergedIntoId: string | null;
  parentId: string | null;
  depth?: number;
}

export interface NewUnit {
  code: string;
  name: string;
  abbreviation: string;
  kind: UnitKind;
  email?: string | null;
  isReviewingOffice?: boolean;
  /** Parent unit id (already in the database) or null for a root. */
  parentId: string | null;
}

export interface SubtreeQuery {
  /** Only units at most this deep below the root (0 = the root itself). null = any depth. */
  maxDepth: number | null;
  minDepth?: number;
  kind?: UnitKind;
  /** Accent-insensitive search text. */
  q?: string;
  /** Keyset cursor: the last code of the previous page. */
  after?: string;
  limit: number;
}

const UNIT_COLUMNS = `u.id, u.code, u.name, u.abbreviation, u.kind, u.email,
  u.is_reviewing_office AS "isReviewingOffice", to_char(u.active_from, 'YYYY-MM-DD') AS "activeFrom",
  CASE WHEN u.active_to = 'infinity' THEN NULL ELSE to_char(u.active_to, 'YYYY-MM-DD') END AS "activeTo",
  u.merged_into_id AS "mergedIntoId"`;

/** "valid at :date" for a row with valid_from/valid_to columns under alias a. */
const validAt = (a: string, p: string) => `${a}.valid_from <= ${p}::date AND ${a}.valid_to > ${p}::date`;

/**
 * The unit hierarchy in SQL: effective-dated parent links and the closure table derived from them.
 * Every method takes an optional EntityManager so callers can run it inside their transaction.
 *
 * Rule that keeps history intact: a structural change dated D may not precede a change already recorded
 * for the units it touches (no rewriting the middle of history); a later correction is a new dated change.
 */
@Injectable()
export class UnitTreeRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  // ---------------------------------------------------------------- reads

  async findById(id: string, date: string, m: EntityManager = this.em): Promise<UnitRow | null> {
    const rows = await m.query(
      `SELECT ${UNIT_COLUMNS}, l.parent_id AS "parentId"
         FROM units u LEFT JOIN unit_links l ON l.unit_id = u.id AND ${validAt('l', '$2')}
        WHERE u.id = $1`,
      [id, date],
    );
    return rows[0] ?? null;
  }

  async findByCodes(codes: string[], date: string, m: EntityManager = this.em): Promise<UnitRow[]> {
    if (!codes.length) return [];
    return m.query(
      `SELECT ${UNIT_COLUMNS}, l.parent_id AS "parentId"
         FROM units u LEFT JOIN unit_links l ON l.unit_id = u.id AND ${validAt('l', '$2')}
        WHERE u.code = ANY($1::text[])`,
      [codes, date],
    );
  }

  /** Depth of `descendantId` below `ancestorId` as of `date` (0 = same unit), or null when not below it. */
  async depthBelow(
    ancestorId: string,
    descendantId: string,
    date: string,
    m: EntityManager = this.em,
  ): Promise<number | null> {
    const rows = await m.query(
      `SELECT depth FROM unit_closure c WHERE c.ancestor_id = $1 AND c.descendant_id = $2 AND ${validAt('c', '$3')}`,
      [ancestorId, descendantId, date],
    );
    return rows.length ? Number(rows[0].depth) : null;
  }

  async ancestors(unitId: string, date: string, m: EntityManager = this.em): Promise<UnitRow[]> {
    return m.query(
      `SELECT ${UNIT_COLUMNS}, l.parent_id AS "parentId", c.depth
         FROM unit_closure c
         JOIN units u ON u.id = c.ancestor_id
         LEFT JOIN unit_links l ON l.unit_id = u.id AND ${validAt('l', '$2')}
        WHERE c.descendant_id = $1 AND c.depth > 0 AND ${validAt('c', '$2')}
        ORDER BY c.depth DESC`,
      [unitId, date],
    );
  }

  /** A page of the subtree of `rootId` as of `date`, ordered by code (keyset pagination). */
  async subtreePage(rootId: string, date: string, query: SubtreeQuery, m: EntityManager = this.em): Promise<UnitRow[]> {
    const { sql, params } = this.subtreeFilter(rootId, date, query);
    let where = sql;
    if (query.after !== undefined) {
      params.push(query.after);
      where += ` AND c.descendant_code > $${params.length}`;
    }
    params.push(query.limit);
    const needsUnits = query.kind !== undefined || query.q !== undefined;
    // Page first (one range scan in code order), then fetch the page's units and parents.
    return m.query(
      `SELECT ${UNIT_COLUMNS}, l.parent_id AS "parentId", p.depth
         FROM (SELECT c.descendant_id, c.descendant_code, c.depth
                 FROM unit_closure c ${needsUnits ? 'JOIN units u ON u.id = c.descendant_id' : ''}
                WHERE ${where}
                ORDER BY c.descendant_code
                LIMIT $${params.length}) p
         JOIN units u ON u.id = p.descendant_id
         LEFT JOIN unit_links l ON l.unit_id = u.id AND ${validAt('l', '$2')}
        ORDER BY p.descendant_code`,
      params,
    );
  }

  async subtreeCount(
    rootId: string,
    date: string,
    query: Omit<SubtreeQuery, 'after' | 'limit'>,
    m: EntityManager = this.em,
  ): Promise<number> {
    const { sql, params } = this.subtreeFilter(rootId, date, { ...query, limit: 0 });
    const needsUnits = query.kind !== undefined || query.q !== undefined;
    const rows = await m.query(
      `SELECT count(*)::int AS n FROM unit_closure c ${needsUnits ? 'JOIN units u ON u.id = c.descendant_id' : ''} WHERE ${sql}`,
      params,
    );
    return rows[0].n;
  }

  private subtreeFilter(rootId: string, date: string, q: SubtreeQuery): { sql: string; params: unknown[] } {
    const params: unknown[] = [rootId, date];
    const parts = [`c.ancestor_id = $1`, validAt('c', '$2')];
    if (q.maxDepth !== null) {
      params.push(q.maxDepth);
      parts.push(`c.depth <= $${params.length}`);
    }
    if (q.minDepth) {
      params.push(q.minDepth);
      parts.push(`c.depth >= $${params.length}`);
    }
    if (q.kind) {
      params.push(q.kind);
      parts.push(`u.kind = $${params.length}`);
    }
    if (q.q) {
      params.push(`%${foldVietnamese(q.q).replace(/[\\%_]/g, '\\$&')}%`);
      parts.push(`(u.search_text LIKE $${params.length} OR lower(u.code) LIKE $${params.length})`);
    }
    return { sql: parts.join(' AND '), params };
  }

  /** Direct children as of `date`. */
  async children(unitId: string, date: string, m: EntityManager = this.em): Promise<UnitRow[]> {
    return m.query(
      `SELECT ${UNIT_COLUMNS}, l.parent_id AS "parentId", 1 AS depth
         FROM unit_links l JOIN units u ON u.id = l.unit_id
        WHERE l.parent_id = $1 AND ${validAt('l', '$2')}
        ORDER BY u.code`,
      [unitId, date],
    );
  }

  /** Units merged into `unitId` (directly or through earlier merges), with the merge dates. */
  async predecessors(unitId: string, m: EntityManager = this.em): Promise<Array<UnitRow & { mergedOn: string }>> {
    return m.query(
      `WITH RECURSIVE p AS (
         SELECT merged_unit_id, effective_date FROM unit_merges WHERE into_unit_id = $1
         UNION
         SELECT m.merged_unit_id, m.effective_date FROM unit_merges m JOIN p ON m.into_unit_id = p.merged_unit_id
       )
       SELECT ${UNIT_COLUMNS}, NULL AS "parentId", to_char(p.effective_date, 'YYYY-MM-DD') AS "mergedOn"
         FROM p JOIN units u ON u.id = p.merged_unit_id ORDER BY p.effective_date, u.code`,
      [unitId],
    );
  }

  /** Parent history of a unit: every dated link. */
  async links(
    unitId: string,
    m: EntityManager = this.em,
  ): Promise<Array<{ parentId: string | null; validFrom: string; validTo: string | null }>> {
    return m.query(
      `SELECT parent_id AS "parentId", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
              CASE WHEN valid_to = 'infinity' THEN NULL ELSE to_char(valid_to, 'YYYY-MM-DD') END AS "validTo"
         FROM unit_links WHERE unit_id = $1 ORDER BY valid_from`,
      [unitId],
    );
  }

  // ---------------------------------------------------------------- writes

  /**
   * Inserts units (parents before children; a parent may be earlier in the same batch) from `validFrom`.
   * Set-based: a handful of statements whatever the batch size. Returns the new ids in input order.
   */
  async insertUnits(
    units: Array<NewUnit & { parentCode?: string }>,
    validFrom: string,
    m: EntityManager,
  ): Promise<string[]> {
    if (!units.length) return [];
    const rows = await m.query(
      `INSERT INTO units (code, name, abbreviation, kind, email, is_reviewing_office, search_text, active_from)
       SELECT x.code, x.name, x.abbreviation, x.kind, x.email, x.rev, x.search, $7::date
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $8::text[])
              WITH ORDINALITY AS x(code, name, abbreviation, kind, email, rev, search, ord)
        ORDER BY x.ord
       RETURNING id, code`,
      [
        units.map((u) => u.code),
        units.map((u) => u.name),
        units.map((u) => u.abbreviation),
        units.map((u) => u.kind),
        units.map((u) => u.email ?? null),
        units.map((u) => !!u.isReviewingOffice),
        validFrom,
        units.map((u) => searchText(u)),
      ],
    );
    const idByCode = new Map<string, string>(rows.map((r: { id: string; code: string }) => [r.code, r.id]));
    const codeById = new Map<string, string>(rows.map((r: { id: string; code: string }) => [r.id, r.code]));
    const ids = units.map((u) => idByCode.get(u.code)!);
    const parentIds = units.map((u) => u.parentId ?? (u.parentCode ? (idByCode.get(u.parentCode) ?? null) : null));

    await m.query(
      `INSERT INTO unit_links (unit_id, parent_id, valid_from)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], array_fill($3::date, ARRAY[$4::int]))`,
      [ids, parentIds, validFrom, ids.length],
    );
    await m.query(
      `INSERT INTO unit_closure (ancestor_id, descendant_id, descendant_code, depth, valid_from)
       SELECT x.id, x.id, x.code, 0, $3::date FROM unnest($1::uuid[], $2::text[]) AS x(id, code)`,
      [ids, units.map((u) => u.code), validFrom],
    );
    // Ancestor rows, one generation at a time: a unit's rows come from its parent's rows (already complete).
    const generation = new Map<string, number>();
    const batchIds = new Set(ids);
    ids.forEach((id, i) => {
      const p = parentIds[i];
      generation.set(id, p && batchIds.has(p) ? generation.get(p)! + 1 : 0);
    });
    const maxGen = Math.max(...generation.values());
    for (let g = 0; g <= maxGen; g++) {
      const childIds: string[] = [];
      const parents: string[] = [];
      ids.forEach((id, i) => {
        if (generation.get(id) === g && parentIds[i]) {
          childIds.push(id);
          parents.push(parentIds[i]!);
        }
      });
      if (!childIds.length) continue;
      await m.query(
        `INSERT INTO unit_closure (ancestor_id, descendant_id, descendant_code, depth, valid_from, valid_to)
         SELECT c.ancestor_id, x.child, x.code, c.depth + 1, greatest(c.valid_from, $4::date), c.valid_to
           FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(child, parent, code)
           JOIN unit_closure c ON c.descendant_id = x.parent AND c.valid_to > $4::date`,
        [childIds, parents, childIds.map((id) => codeById.get(id)!), validFrom],
      );
    }
    return ids;
  }

  async updateAttributes(
    id: string,
    patch: Partial<Pick<NewUnit, 'name' | 'abbreviation' | 'kind' | 'email' | 'isReviewingOffice'>>,
    m: EntityManager,
  ): Promise<void> {
    const current = (await m.query(`SELECT code, name FROM units WHERE id = $1`, [id]))[0];
    const name = patch.name ?? current.name;
    await m.query(
      `UPDATE units SET name = $2, abbreviation = coalesce($3, abbreviation), kind = coalesce($4, kind),
              email = CASE WHEN $5::boolean THEN $6 ELSE email END,
              is_reviewing_office = coalesce($7, is_reviewing_office), search_text = $8, updated_at = now()
        WHERE id = $1`,
      [
        id,
        name,
        patch.abbreviation ?? null,
        patch.kind ?? null,
        patch.email !== undefined,
        patch.email ?? null,
        patch.isReviewingOffice ?? null,
        searchText({ code: current.code, name }),
      ],
    );
  }

  /**
   * Re-parents `unitId` (with its whole subtree) under `newParentId` from `date`.
   * The tree before `date` is untouched: questions about earlier dates still see the old parent.
   */
  async move(unitId: string, newParentId: string | null, date: string, m: EntityManager): Promise<void> {
    await this.assertNoLaterChange([unitId], date, m);
    if (newParentId) {
      if ((await this.depthBelow(unitId, newParentId, date, m)) !== null) {
        throw conflict('unit.move_cycle', 'Không thể chuyển đơn vị vào chính cấp dưới của nó', { unitId, newParentId });
      }
      const parent = await this.findById(newParentId, date, m);
      if (!parent || !isActiveOn(parent, date)) {
        throw conflict('unit.parent_inactive', 'Đơn vị cấp trên mới không hoạt động vào ngày hiệu lực', {
          newParentId,
          date,
        });
      }
    }
    // 1. the dated parent link
    await this.closeOrDelete('unit_links', `unit_id = $1`, [unitId], date, m);
    await m.query(`INSERT INTO unit_links (unit_id, parent_id, valid_from) VALUES ($1, $2, $3)`, [
      unitId,
      newParentId,
      date,
    ]);
    // 2. closure: the subtree's rows to ancestors strictly above unitId end at `date` …
    const subtree = `SELECT descendant_id FROM unit_closure s WHERE s.ancestor_id = $1 AND ${validAt('s', '$2')}`;
    const above = `SELECT ancestor_id FROM unit_closure a WHERE a.descendant_id = $1 AND a.depth > 0 AND ${validAt('a', '$2')}`;
    await m.query(
      `DELETE FROM unit_closure c WHERE c.descendant_id IN (${subtree}) AND c.ancestor_id IN (${above}) AND c.valid_from = $2::date`,
      [unitId, date],
    );
    await m.query(
      `UPDATE unit_closure c SET valid_to = $2::date
        WHERE c.descendant_id IN (${subtree}) AND c.ancestor_id IN (${above}) AND ${validAt('c', '$2')}`,
      [unitId, date],
    );
    // … and new rows to the new parent's ancestors start at `date`.
    if (newParentId) {
      await m.query(
        `INSERT INTO unit_closure (ancestor_id, descendant_id, descendant_code, depth, valid_from)
         SELECT p.ancestor_id, s.descendant_id, s.descendant_code, p.depth + 1 + s.depth, $3::date
           FROM unit_closure p, unit_closure s
          WHERE p.descendant_id = $2 AND ${validAt('p', '$3')}
            AND s.ancestor_id = $1 AND ${validAt('s', '$3')}`,
        [unitId, newParentId, date],
      );
    }
  }

  /**
   * Ends a unit's existence at `date` (exclusive): it leaves the tree from that day on, its history stays.
   * Refuses when it still has children on that day.
   */
  async deactivate(unitId: string, date: string, m: EntityManager, mergedIntoId: string | null = null): Promise<void> {
    await this.assertNoLaterChange([unitId], date, m);
    const kids = await this.children(unitId, date, m);
    if (kids.length) {
      throw conflict(
        'unit.has_children',
        'Đơn vị còn đơn vị trực thuộc vào ngày này; hãy chuyển hoặc sáp nhập chúng trước',
        {
          children: kids.map((k) => k.code),
        },
      );
    }
    await this.closeOrDelete('unit_links', `unit_id = $1`, [unitId], date, m);
    await this.closeOrDelete('unit_closure', `descendant_id = $1`, [unitId], date, m);
    await m.query(`UPDATE units SET active_to = $2, merged_into_id = $3, updated_at = now() WHERE id = $1`, [
      unitId,
      date,
      mergedIntoId,
    ]);
  }

  /** Merges `sourceIds` into `targetId` from `date`: their children move to the target, they end, the merge is recorded. */
  async merge(sourceIds: string[], targetId: string, date: string, m: EntityManager): Promise<void> {
    for (const sourceId of sourceIds) {
      if (sourceId === targetId) throw conflict('unit.merge_into_self', 'Không thể sáp nhập đơn vị vào chính nó');
      if ((await this.depthBelow(sourceId, targetId, date, m)) !== null) {
        throw conflict('unit.merge_into_descendant', 'Không thể sáp nhập đơn vị vào đơn vị cấp dưới của nó', {
          sourceId,
          targetId,
        });
      }
      for (const child of await this.children(sourceId, date, m)) {
        if (child.id !== targetId) await this.move(child.id, targetId, date, m);
      }
      await this.deactivate(sourceId, date, m, targetId);
      await m.query(`INSERT INTO unit_merges (merged_unit_id, into_unit_id, effective_date) VALUES ($1, $2, $3)`, [
        sourceId,
        targetId,
        date,
      ]);
    }
  }

  private async closeOrDelete(
    table: 'unit_links' | 'unit_closure',
    where: string,
    params: unknown[],
    date: string,
    m: EntityManager,
  ) {
    const d = `$${params.length + 1}`;
    await m.query(`DELETE FROM ${table} WHERE ${where} AND valid_from = ${d}::date`, [...params, date]);
    await m.query(
      `UPDATE ${table} SET valid_to = ${d}::date WHERE ${where} AND valid_from < ${d}::date AND valid_to > ${d}::date`,
      [...params, date],
    );
  }

  /** A dated change may not precede one already recorded for the unit or anything below it. */
  private async assertNoLaterChange(unitIds: string[], date: string, m: EntityManager): Promise<void> {
    const rows = await m.query(
      `SELECT u.code, to_char(max(l.valid_from), 'YYYY-MM-DD') AS latest
         FROM unit_closure c
         JOIN unit_links l ON l.unit_id = c.descendant_id
         JOIN units u ON u.id = c.descendant_id
        WHERE c.ancestor_id = ANY($1::uuid[]) AND c.valid_to > $2::date
        GROUP BY u.code HAVING max(l.valid_from) > $2::date
        LIMIT 5`,
      [unitIds, date],
    );
    if (rows.length) {
      throw conflict(
        'unit.change_before_recorded_change',
        'Ngày hiệu lực sớm hơn một thay đổi đã ghi nhận; hãy chọn ngày muộn hơn',
        {
          date,
          laterChanges: rows,
        },
      );
    }
  }

  /** The code of a unit, whatever its dates (codes are never reused). */
  async codeOf(id: string, m: EntityManager = this.em): Promise<string | null> {
    const rows: Array<{ code: string }> = await m.query(`SELECT code FROM units WHERE id = $1`, [id]);
    return rows[0]?.code ?? null;
  }

  /** Whether any unit, active or not, already has this code. */
  async codeTaken(code: string, m: EntityManager = this.em): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM units WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  /** Codes of the reviewing offices among the unit's current siblings (same current parent). */
  async reviewingOfficeSiblings(unitId: string, m: EntityManager = this.em): Promise<string[]> {
    const rows: Array<{ code: string }> = await m.query(
      `SELECT o.code FROM unit_links mine
         JOIN unit_links sib ON sib.parent_id = mine.parent_id AND sib.unit_id <> $1 AND sib.valid_to = 'infinity'
         JOIN units o ON o.id = sib.unit_id AND o.is_reviewing_office
        WHERE mine.unit_id = $1 AND mine.valid_to = 'infinity' AND mine.parent_id IS NOT NULL`,
      [unitId],
    );
    return rows.map((r) => r.code);
  }

  /**
   * Ids of the reviewing offices that follow `unitId` as of `date`: those whose parent is the unit or one of its
   * ancestors (Văn phòng of the unit itself, Sở Nội vụ of the province, …).
   */
  async reviewingOfficesFollowing(unitId: string, date: string, m: EntityManager = this.em): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT r.id FROM units r
         JOIN unit_links l ON l.unit_id = r.id AND ${validAt('l', '$2')}
         JOIN unit_closure c ON c.ancestor_id = l.parent_id AND c.descendant_id = $1 AND ${validAt('c', '$2')}
        WHERE r.is_reviewing_office`,
      [unitId, date],
    );
    return rows.map((r) => r.id);
  }

  async requireUnit(id: string, date: string, m: EntityManager = this.em): Promise<UnitRow> {
    const unit = await this.findById(id, date, m);
    if (!unit) throw notFound('unit.not_found', 'Không tìm thấy đơn vị', { id });
    return unit;
  }
}

export function searchText(u: { code: string; name: string }): string {
  return `${foldVietnamese(u.name)} ${u.code.toLowerCase()}`;
}

export function isActiveOn(u: Pick<UnitRow, 'activeFrom' | 'activeTo'>, date: string): boolean {
  return u.activeFrom <= date && (u.activeTo === null || u.activeTo > date);
}
