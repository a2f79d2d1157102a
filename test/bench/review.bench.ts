/**
 * `npm run bench -- review`: where the time of GET /review (and of the rollup page) goes for a 2,000-unit province:
 * the matrix read, the subtree's report counts, the rollup and the targets, each alone, through the repositories;
 * no HTTP, no Temporal. p50/p95 of 50 each.
 */
import 'reflect-metadata';
import { ObligationsRepository, PlansRepository, ReportFactsRepository } from '../../libs/persistence/src';
import { freshDatabase, measure, report } from './bench-support';
import { PROVINCE_YEAR, seedProvince } from './province-fixture';

async function main() {
  const { ds } = await freshDatabase('cchc_bench_review');
  await seedProvince(ds, 'x');
  const root: string = (await ds.query(`SELECT id FROM units WHERE code = 'SYN'`))[0].id;
  const obligations = new ObligationsRepository(ds.manager);
  const facts = new ReportFactsRepository(ds.manager);
  const plans = new PlansRepository(ds.manager);
  const within = [{ scope: { rootUnitId: root, maxDepth: null }, time: { yearColumn: 'o.year' }, minDepth: 1 }];
  const periods = ['Q1', 'H1', 'Q3', 'YEAR'] as const;
  const reportRows = await obligations.reportStatusCounts({ year: PROVINCE_YEAR, periods: [...periods], within });
  const matrixRows = await obligations.reviewMatrix({
    year: PROVINCE_YEAR,
    periods: [...periods],
    rootUnitId: root,
    within,
  });
  const r = {
    report_counts: await measure(
      () => obligations.reportStatusCounts({ year: PROVINCE_YEAR, periods: [...periods], within }),
      50,
      5,
    ),
    matrix: await measure(
      () => obligations.reviewMatrix({ year: PROVINCE_YEAR, periods: [...periods], rootUnitId: root, within }),
      50,
      5,
    ),
    rollup: await measure(() => facts.rollup({ unitId: root, year: PROVINCE_YEAR, period: 'Q1' }), 50, 5),
    targets: await measure(() => plans.parentTargets(root, PROVINCE_YEAR), 50, 5),
  };
  await ds.destroy();
  console.log(
    `report obligations: ${reportRows.reduce((n, r) => n + r.count, 0)} in ${reportRows.length} groups; matrix: ${matrixRows.length} units`,
  );
  report(
    Object.fromEntries(
      Object.entries(r).flatMap(([k, v]) => [
        [`${k}_p50_ms`, Math.round(v.p50 * 10) / 10],
        [`${k}_p95_ms`, Math.round(v.p95 * 10) / 10],
      ]),
    ),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
