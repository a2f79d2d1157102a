/**
 * `npm run bench -- rollup`: report rollups from maintained subtree totals.
 * The 60,011-unit synthetic country with, for every unit, 4 periods × 15 indicators of report facts (~3.6 M rows);
 * a sample of Q1 reports is left submitted and accepted one by one during the run. Prints, in one run:
 * - rollup_ratio: the p95 of one province's rollup as the API reads it (own facts + maintained totals, finished by
 *   each indicator's rule) / the p95 of a plain SQL SUM over exactly that province's fact rows (unit list given, no
 *   tree) — goal ≤ 0.5;
 * - rollup_country_p95_ms: the country root's rollup (goal < 50);
 * - accept_p95_ms: accepting one report in its own transaction, fan-out to its ancestors included (goal < 100);
 * - move_rebuild_ms: moving a 500-unit subtree to another province before the periods' days, totals rebuilt in the
 *   same transaction (goal < 5000);
 * - verify_differences: every total recomputed from the facts over the closure vs the maintained ones (goal 0).
 */
import 'reflect-metadata';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { ReportFactsRepository, SubtreeTotals } from '../../libs/persistence/src/reports';
import { generateCountry } from '../../libs/persistence/src/seed';
import { periodReferenceDate } from '../../libs/domain/src';
import { freshDatabase, measure, report, insertGeneratedUnits, insertBenchPlan } from './bench-support';

const YEAR = 2025;
const PERIODS = ['Q1', 'H1', 'Q3', 'YEAR'];
const ACCEPTS = 300;
const MOVED_UNITS = 500;

async function main() {
  const { ds } = await freshDatabase('cchc_bench_rollup');
  const country = generateCountry();
  const t = Date.now();
  const tree = (m = ds.manager) => new UnitTreeRepository(m);
  await insertGeneratedUnits(ds, country);
  const one = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0];
  const root = (await one(`SELECT id FROM units WHERE code = 'VN'`)).id;
  const [provinceA, provinceB] = (
    await ds.query(`SELECT id FROM units WHERE kind = 'province' ORDER BY code LIMIT 2 OFFSET 20`)
  ).map((r: { id: string }) => r.id);

  // A 500-unit subtree to move later: a new unit under province A gathering whole communes (with their schools)
  const [group] = await ds.transaction((m) =>
    tree(m).insertUnits(
      [{ code: 'BENCH_GROUP', name: 'Cụm xã thử nghiệm', abbreviation: 'CX', kind: 'department', parentId: provinceA }],
      '2020-01-01',
      m,
    ),
  );
  const communes: Array<{ id: string; size: number }> = await ds.query(
    `SELECT l.unit_id AS id, (SELECT count(*)::int FROM unit_closure c WHERE c.ancestor_id = l.unit_id) AS size
       FROM unit_links l JOIN units u ON u.id = l.unit_id WHERE l.parent_id = $1 AND u.kind = 'commune' ORDER BY u.code`,
    [provinceA],
  );
  let gathered = 1;
  for (const c of communes) {
    if (gathered >= MOVED_UNITS) break;
    await ds.transaction((m) => tree(m).move(c.id, group, '2024-06-01', m));
    gathered += c.size;
  }

  const indicators: string[] = (await ds.query(`SELECT code FROM indicators ORDER BY code LIMIT 15`)).map(
    (r: { code: string }) => r.code,
  );
  const plan = { id: await insertBenchPlan(ds, root, YEAR) };
  // one report obligation and report per unit and period, then its facts; a sample of Q1 reports left submitted
  await ds.query(
    `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, status, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
     SELECT 'report', $1, u.id, $2, $3, p, 'approved', make_date($3, 3, 10), make_date($3, 3, 10), now(), 'bench/' || u.id || '/' || p
       FROM units u CROSS JOIN unnest($4::text[]) AS p WHERE u.code NOT IN ('VN', 'BENCH_GROUP')`,
    [plan.id, root, YEAR, PERIODS],
  );
  await ds.query(
    `INSERT INTO reports (obligation_id, unit_id, year, period, created_by) SELECT id, unit_id, year, period, 'bench' FROM obligations WHERE kind = 'report'`,
  );
  const toAccept: string[] = (
    await ds.query(
      `SELECT id FROM reports WHERE period = 'Q1' ORDER BY hashtext(id::text) LIMIT $1`, // spread over the country
      [ACCEPTS],
    )
  ).map((r: { id: string }) => r.id);
  await ds.query(
    `INSERT INTO report_facts (report_id, unit_id, year, period, indicator_code, value, state)
     SELECT r.id, r.unit_id, r.year, r.period, i, (abs(hashtext(r.id::text || i)) % 50)::numeric,
            CASE WHEN r.id = ANY($2::uuid[]) THEN 'submitted' ELSE 'accepted' END
       FROM reports r CROSS JOIN unnest($1::text[]) AS i`,
    [indicators, toAccept],
  );
  const facts = (await one(`SELECT count(*)::int AS n FROM report_facts`)).n;
  const loadMs = Date.now() - t;
  const t2 = Date.now();
  await ds.transaction((m) => new SubtreeTotals(m).rebuildAll());
  const buildMs = Date.now() - t2;
  await ds.query('VACUUM ANALYZE');

  const factsRepo = new ReportFactsRepository(ds.manager);
  // accepting reports, one transaction each, fan-out to every ancestor included
  let next = 0;
  const accept = await measure(() => ds.transaction((m) => factsRepo.accept(toAccept[next++], m)), ACCEPTS - 20, 20);

  const province = (await one(`SELECT id FROM units WHERE kind = 'province' ORDER BY code LIMIT 1 OFFSET 10`)).id;
  const asOf = periodReferenceDate(YEAR, 'Q1');
  const provinceUnits: string[] = (
    await ds.query(
      `SELECT descendant_id FROM unit_closure WHERE ancestor_id = $1 AND valid_from <= $2::date AND valid_to > $2::date`,
      [province, asOf],
    )
  ).map((r: { descendant_id: string }) => r.descendant_id);
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
    Object.keys(a.total.submittedOnly).length === 0 &&
    b.every((x: { code: string; value: number }) => Math.abs(x.value - a.total.accepted[x.code]) < 1e-6);

  const r = { rollup: await measure(rollup, 200, 20), plain: await measure(plain, 200, 20) };
  const countryRollup = await measure(() => factsRepo.rollup({ unitId: root, year: YEAR, period: 'Q1' }), 100, 10);

  // the 500-unit subtree moves to province B before every 2025 period's day: old and new ancestors rebuilt
  const movedUnits = (await one(`SELECT count(*)::int AS n FROM unit_closure WHERE ancestor_id = $1`, [group])).n;
  const t3 = Date.now();
  await ds.transaction((m) => tree(m).move(group, provinceB, '2025-02-01', m));
  const moveMs = Date.now() - t3;

  const t4 = Date.now();
  const verify = await new SubtreeTotals(ds.manager).verify();
  const verifyMs = Date.now() - t4;
  for (const d of verify.sample.slice(0, 5)) console.log(JSON.stringify(d));
  await ds.destroy();
  console.log(
    `\n${country.length} units, ${facts} facts loaded in ${loadMs} ms, totals built in ${buildMs} ms; province of ${provinceUnits.length} units; results identical: ${same}\n`,
  );
  report({
    units: country.length,
    facts,
    province_units: provinceUnits.length,
    results_identical: same ? 'yes' : 'NO',
    totals_build_ms: buildMs,
    rollup_province_p50_ms: r.rollup.p50,
    rollup_province_p95_ms: r.rollup.p95,
    plain_sum_province_p50_ms: r.plain.p50,
    plain_sum_province_p95_ms: r.plain.p95,
    rollup_ratio: r.rollup.p95 / r.plain.p95,
    rollup_country_p50_ms: countryRollup.p50,
    rollup_country_p95_ms: countryRollup.p95,
    accept_p50_ms: accept.p50,
    accept_p95_ms: accept.p95,
    moved_subtree_units: movedUnits,
    move_rebuild_ms: moveMs,
    verify_ms: verifyMs,
    verify_differences: verify.differences,
    goals:
      [
        r.rollup.p95 / r.plain.p95 <= 0.5 ? '' : 'rollup_ratio',
        countryRollup.p95 < 50 ? '' : 'rollup_country_p95_ms',
        accept.p95 < 100 ? '' : 'accept_p95_ms',
        moveMs < 5000 ? '' : 'move_rebuild_ms',
        verify.differences === 0 ? '' : 'verify_differences',
      ]
        .filter(Boolean)
        .join(',') || 'met',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
