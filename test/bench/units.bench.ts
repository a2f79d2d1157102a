/**
 * `npm run bench -- units`: the unit tree at province and country scale.
 *  - loads the 60,011-unit synthetic country (34 provinces) with the set-based tree insert;
 *  - imports a 2,000-unit province from a CSV file through the real import service (validation, scope, audit);
 *  - times a subtree page (first and deep), and a subtree count, for the province and for the country root,
 *    with the effective-dated closure table, and, as the baseline the representation was chosen against,
 *    the same count with a recursive CTE over the dated parent links.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../apps/api/src/app.module';
import { UnitImportService } from '../../apps/api/src/units/import/unit-import.service';
import { buildUnitCsv } from '../support/unit-files';
import { loadConfig } from '../../libs/config/src';
import { UnitTreeRepository } from '../../libs/persistence/src/units';
import { generateCountry, generateProvince } from '../../libs/persistence/src/seed';
import { freshDatabase, measure, report, insertGeneratedUnits } from './bench-support';

const DATE = '2026-06-30';

async function main() {
  const { url, ds } = await freshDatabase('cchc_bench_units');
  const tree = new UnitTreeRepository(ds.manager);

  // 1. the country
  const country = generateCountry();
  let t = Date.now();
  await insertGeneratedUnits(ds, country, true);
  const countryLoadMs = Date.now() - t;
  await ds.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load: index-only scans need the visibility map

  // 2. import a 2,000-unit province under the country root through the real service
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'test' })),
    {
      logger: false,
    },
  );
  const importer = app.get(UnitImportService);
  const root = (await ds.query(`SELECT id FROM units WHERE code = 'VN'`))[0].id;
  const province = generateProvince({
    code: 'P2K',
    name: 'Hai Nghìn',
    departments: 25,
    communes: 150,
    schools: 1824,
    parentCode: 'VN',
  });
  const csv = buildUnitCsv(
    province.map((u) => ({ ...u, parentCode: u.parentCode ?? undefined, email: u.email ?? undefined })),
  );
  const actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    unitId: root,
    roles: ['admin' as const],
    reviewAnchorId: root,
    sessionId: 'bench',
  };
  t = Date.now();
  const summary = await importer.import(
    actor,
    { buffer: Buffer.from(csv), originalname: 'province.csv' },
    { validFrom: '2020-01-01' },
  );
  const importMs = Date.now() - t;
  t = Date.now();
  const again = await importer.import(
    actor,
    { buffer: Buffer.from(csv), originalname: 'province.csv' },
    { validFrom: '2020-01-01' },
  );
  const reimportMs = Date.now() - t;
  await app.close();
  await ds.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load: index-only scans need the visibility map

  const provinceId = (await ds.query(`SELECT id FROM units WHERE code = 'P2K'`))[0].id;
  const provinceSize = await tree.subtreeCount(provinceId, DATE, { maxDepth: null });
  const countrySize = await tree.subtreeCount(root, DATE, { maxDepth: null });
  // cursors ~half-way through each subtree, for the deep-page timings
  const cursorAt = async (rootId: string, offset: number) =>
    (
      await ds.query(
        `SELECT descendant_code AS code FROM unit_closure WHERE ancestor_id = $1 ORDER BY descendant_code OFFSET $2 LIMIT 1`,
        [rootId, offset],
      )
    )[0].code;
  const provinceDeep = await cursorAt(provinceId, 1000);
  const countryDeep = await cursorAt(root, 30000);

  const cteCount = (rootId: string) =>
    ds.query(
      `WITH RECURSIVE s AS (SELECT $1::uuid AS id UNION ALL
         SELECT l.unit_id FROM unit_links l JOIN s ON l.parent_id = s.id WHERE l.valid_from <= $2::date AND l.valid_to > $2::date)
       SELECT count(*) FROM s`,
      [rootId, DATE],
    );

  const r = {
    province_page: await measure(() => tree.subtreePage(provinceId, DATE, { maxDepth: null, limit: 50 })),
    province_page_deep: await measure(() =>
      tree.subtreePage(provinceId, DATE, { maxDepth: null, limit: 50, after: provinceDeep }),
    ),
    province_count: await measure(() => tree.subtreeCount(provinceId, DATE, { maxDepth: null })),
    province_search: await measure(() =>
      tree.subtreePage(provinceId, DATE, { maxDepth: null, limit: 50, q: 'truong thcs' }),
    ),
    country_page: await measure(() => tree.subtreePage(root, DATE, { maxDepth: null, limit: 50 })),
    country_page_deep: await measure(() =>
      tree.subtreePage(root, DATE, { maxDepth: null, limit: 50, after: countryDeep }),
    ),
    country_count: await measure(() => tree.subtreeCount(root, DATE, { maxDepth: null }), 100, 10),
    cte_province_count: await measure(() => cteCount(provinceId), 100, 10),
    cte_country_count: await measure(() => cteCount(root), 20, 3),
  };
  await ds.destroy();

  console.log(
    `\ncountry: ${countrySize} units loaded in ${countryLoadMs} ms; province: ${provinceSize} units imported in ${importMs} ms`,
  );
  console.log(`import summary: ${JSON.stringify(summary)}; re-import: ${JSON.stringify(again)}\n`);
  const out: Record<string, number | string> = {
    country_units: countrySize,
    province_units: provinceSize,
    country_load_ms: countryLoadMs,
    import_2000_rows_ms: importMs,
    reimport_2000_rows_ms: reimportMs,
    reimport_changed_rows: again.created + again.updated + again.moved,
  };
  for (const [k, s] of Object.entries(r)) {
    out[`${k}_p50_ms`] = s.p50;
    out[`${k}_p95_ms`] = s.p95;
  }
  out.closure_vs_cte_country_count_speedup = r.cte_country_count.p50 / r.country_count.p50;
  out.goal_p95_under_20ms = ['province_page', 'province_count', 'country_page', 'country_count'].every(
    (k) => r[k as keyof typeof r].p95 < 20,
  )
    ? 'met'
    : 'missed';
  report(out);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
