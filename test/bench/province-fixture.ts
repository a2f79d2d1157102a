// The 2,000-unit province of the dashboard benchmarks (web.bench.ts, review.bench.ts).
import type { DataSource } from 'typeorm';
import { generateProvince } from '../../libs/persistence/src/seed';
import { insertBenchPlan, insertGeneratedUnits } from './bench-support';

export const PROVINCE_YEAR = 2025;
export const REVIEWER = 'reviewer.syn-snv@bench.cchc.vn';

/**
 * A synthetic 2,000-unit province (top-level, code SYN) with one plan at the root and, for every unit below it, a
 * plan obligation and four report obligations spread over every review state (by a hash of the unit id), written
 * straight to the tables (the dashboard reads them; how they came about does not matter here), and a reviewer of
 * its Sở Nội vụ. Returns how many units are below the root.
 */
export async function seedProvince(ds: DataSource, passwordHash: string): Promise<number> {
  const units = generateProvince({ code: 'SYN', departments: 25, communes: 150, schools: 1824 });
  await insertGeneratedUnits(ds, units);
  const root = (await ds.query(`SELECT id FROM units WHERE code = 'SYN'`))[0].id;
  const plan = { id: await insertBenchPlan(ds, root, PROVINCE_YEAR) };
  // state by hash: 0-5 handed in on time (approved), 6 late (submitted), 7 returned, 8-9 never handed in (overdue)
  await ds.query(
    `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, status, nominal_deadline,
                              effective_deadline, deadline_ends_at, workflow_id, submitted_on_time, overdue, first_submitted_at)
     SELECT x.kind, $1, x.unit_id, x.parent_id, $2, x.period,
            CASE WHEN x.h <= 5 THEN 'approved' WHEN x.h = 6 THEN 'submitted' WHEN x.h = 7 THEN 'returned' ELSE 'pending' END,
            make_date($2, 3, 10), make_date($2, 3, 10), make_date($2, 3, 11)::timestamptz,
            'bench/' || x.unit_id || '/' || x.kind || x.period,
            CASE WHEN x.h <= 5 THEN true WHEN x.h <= 7 THEN false ELSE NULL END,
            true,
            CASE WHEN x.h <= 7 THEN make_date($2, 3, 1)::timestamptz + (x.h || ' days')::interval ELSE NULL END
       FROM (SELECT k.kind, k.period, l.unit_id, l.parent_id, abs(hashtext(l.unit_id::text || k.period)) % 10 AS h
               FROM unit_links l JOIN unit_closure c ON c.descendant_id = l.unit_id AND c.ancestor_id = $3 AND c.depth >= 1
              CROSS JOIN (VALUES ('plan', ''), ('report', 'Q1'), ('report', 'H1'), ('report', 'Q3'), ('report', 'YEAR')) AS k(kind, period)
            ) x`,
    [plan.id, PROVINCE_YEAR, root],
  );
  await ds.query(
    `INSERT INTO users (unit_id, email, full_name, password_hash, roles)
     SELECT id, $1, 'Chuyên viên theo dõi', $2, ARRAY['reviewer'] FROM units WHERE code = 'SYN.SNV'`,
    [REVIEWER, passwordHash],
  );
  await ds.query('VACUUM ANALYZE');
  return units.length - 1;
}
