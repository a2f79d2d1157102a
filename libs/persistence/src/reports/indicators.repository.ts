import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import type { IndicatorDef } from '@cchc/domain';

/** The changeable fields of an indicator; `undefined` keeps the current value (`activeToYear: null` clears it). */
export type IndicatorPatch = Partial<Omit<IndicatorDef, 'code'>>;

const INDICATOR_COLUMNS = `code, name, unit_of_measure AS "unitOfMeasure", aggregation, category, value_type AS "valueType",
  active_from_year AS "activeFromYear", active_to_year AS "activeToYear"`;

/**
 * The indicator catalogue (table indicators): national data, read by every report and rollup. Every method takes an
 * optional EntityManager so callers can run it inside their transaction.
 */
@Injectable()
export class IndicatorsRepository {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  /** Every indicator, by code. */
  async catalogue(m: EntityManager = this.em): Promise<IndicatorDef[]> {
    return m.query(`SELECT ${INDICATOR_COLUMNS} FROM indicators ORDER BY code`);
  }

  async find(code: string, m: EntityManager = this.em): Promise<IndicatorDef | null> {
    const rows: IndicatorDef[] = await m.query(`SELECT ${INDICATOR_COLUMNS} FROM indicators WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async exists(code: string, m: EntityManager = this.em): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM indicators WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async insert(def: IndicatorDef, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `INSERT INTO indicators (code, name, unit_of_measure, aggregation, category, value_type, active_from_year, active_to_year)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        def.code,
        def.name,
        def.unitOfMeasure,
        def.aggregation,
        def.category,
        def.valueType,
        def.activeFromYear,
        def.activeToYear,
      ],
    );
  }

  async update(code: string, patch: IndicatorPatch, m: EntityManager = this.em): Promise<void> {
    await m.query(
      `UPDATE indicators SET name = coalesce($2, name), unit_of_measure = coalesce($3, unit_of_measure), aggregation = coalesce($4, aggregation),
              category = coalesce($5, category), value_type = coalesce($6, value_type), active_from_year = coalesce($7, active_from_year),
              active_to_year = CASE WHEN $9 THEN $8 ELSE active_to_year END, updated_at = now() WHERE code = $1`,
      [
        code,
        patch.name ?? null,
        patch.unitOfMeasure ?? null,
        patch.aggregation ?? null,
        patch.category ?? null,
        patch.valueType ?? null,
        patch.activeFromYear ?? null,
        patch.activeToYear ?? null,
        patch.activeToYear !== undefined,
      ],
    );
  }
}
