/**
 * `npm run bench -- rollup`: report rollups on read.
 * The 62,011-unit synthetic country with, for every unit, 4 periods × 15 indicators of accepted report facts
 * (~3.7 M rows). Times the rollup of one province (~1,765 units) for one period as the API computes it (closure
 * join as of the period's reference date; sum, count and max per indicator finished by each indicator's rule), and, in the same run, a plain SQL SUM
 * over exactly the same fact rows (unit list given, no tree). Prints rollup_ratio = rollup p50 / plain p50 (goal ≤ 2).
 */
import 'reflect-metadata';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { ReportFactsRepository } from '../../libs/persistence/src/reports';
import { generateCountry } from '../../libs/persistence/src/seed';
import { defaultReminderPolicy, defaultReportSchedule, periodReferenceDate } from '../../libs/domain/src';
import { freshDatabase, measure, report } from './bench-support';

const YEAR = 2025;
const PERIODS = ['Q1', 'H1', 'Q3', 'YEAR'];

async function main() {
  const { ds } = await freshDatabase('cchc_bench_rollup');
  const country = generateCountry();
  const t = Date.now();
  await ds.transaction((m) =>
    new UnitTreeRepository(m).insertUnits(
      country.map((u) => ({ ...u, email: null, parentId: null, parentCode: u.parentCode ?? undefined })),
      '2020-01-01',
      m,
    ),
  );
  const indicators: string[] = (await ds.query(`SELECT code FROM indicators ORDER BY code LIMIT 15`)).map(
    (r: { code: string }) => r.code,
  );
  const root = (await ds.query(`SELECT id FROM units WHERE code = 'VN'`))[0].id;
  const [plan] = await ds.query(
    `INSERT INTO plans (unit_id, year, title, child_deadline, report_schedule, reminder_policy, created_by)
     VALUES ($1, $2, 'Bench', make_date($2, 1, 31), $3, $4, 'bench') RETURNING id`,
    [root, YEAR, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
  );
  // one report obligation and report per unit and period, then its facts
  await ds.query(
    `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, status, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
     SELECT 'report', $1, u.id, $2, $3, p, 'approved', make_date($3, 3, 10), make_date($3, 3, 10), now(), 'bench/' || u.id || '/' || p
       FROM units u CROSS JOIN unnest($4::text[]) AS p WHERE u.code <> 'VN'`,
    [plan.id, root, YEAR, PERIODS],
  );
  await ds.query(
    `INSERT INTO reports (obligation_id, unit_id, year, period, created_by) SELECT id, unit_id, year, period, 'bench' FROM obligations WHERE kind = 'report'`,
  );
  await ds.query(
    `INSERT INTO report_facts (report_id, unit_id, year, period, indicator_code, value, state)
     SELECT r.id, r.unit_id, r.year, r.period, i, (abs(hashtext(r.id::text || i)) % 50)::numeric, 'accepted'
       FROM reports r CROSS JOIN unnest($1::text[]) AS i`,
    [indicators],
  );
  const facts = (await ds.query(`SELECT count(*)::int AS n FROM report_facts`))[0].n;
  await ds.query('VACUUM ANALYZE');
  const loadMs = Date.now() - t;

  const province = (await ds.query(`SELECT id FROM units WHERE kind = 'province' ORDER BY code LIMIT 1 OFFSET 10`))[0]
    .id;
  const asOf = periodReferenceDate(YEAR, 'Q1');
  const provinceUnits: string[] = (
    await ds.query(
      `SELECT descendant_id FROM unit_closure WHERE ancestor_id = $1 AND valid_from <= $2::date AND valid_to > $2::date`,
      [province, asOf],
    )
  ).map((r: { descendant_id: string }) => r.descendant_id);

  // the query the API runs
  const factsRepo = new ReportFactsRepository(ds.manager);
  const rollup = () => factsRepo.rollup({ unitId: province, year: YEAR, period: 'Q1' });
  const plain = () =>
    ds.query(
      `SELECT f.indicator_code AS code, sum(f.value)::float8 AS value FROM report_facts f
        WHERE f.unit_id = ANY($1::uuid[]) AND f.year = $2 AND f.period = $3 GROUP BY 1`,
      [provinceUnits, YEAR, 'Q1'],
    );
  const [a, b] = await Promise.all([rollup(), plain()]);
  const same =
    b.length === Object.keys(a.total.accepted).length &&
    b.every((x: { code: string; value: number }) => Math.abs(x.value - a.total.accepted[x.code]) < 1e-6);

  const r = { rollup: await measure(rollup, 200, 20), plain: await measure(plain, 200, 20) };
  const countryRollup = await measure(
    () =>
      ds.query(
        `SELECT f.indicator_code, sum(f.value) FROM unit_closure c JOIN report_facts f ON f.unit_id = c.descendant_id AND f.year = $2 AND f.period = 'Q1'
          WHERE c.ancestor_id = $1 AND c.valid_from <= $3::date AND c.valid_to > $3::date GROUP BY 1`,
        [root, YEAR, asOf],
      ),
    20,
    3,
  );
  await ds.destroy();
  console.log(
    `\n${country.length} units, ${facts} facts loaded in ${loadMs} ms; province of ${provinceUnits.length} units; results identical: ${same}\n`,
  );
  report({
    units: country.length,
    facts,
    province_units: provinceUnits.length,
    results_identical: same ? 'yes' : 'NO',
    rollup_province_p50_ms: r.rollup.p50,
    rollup_province_p95_ms: r.rollup.p95,
    plain_sum_province_p50_ms: r.plain.p50,
    plain_sum_province_p95_ms: r.plain.p95,
    rollup_country_p50_ms: countryRollup.p50,
    rollup_country_p95_ms: countryRollup.p95,
    rollup_ratio: r.rollup.p50 / r.plain.p50,
    goal_ratio_at_most_2: r.rollup.p50 / r.plain.p50 <= 2 ? 'met' : 'missed',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
