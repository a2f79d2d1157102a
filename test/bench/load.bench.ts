/**
 * `npm run bench -- load`: review and rollup under load. A real API process (`node dist-bench/apps/api/src/main.js`,
 * production settings) over the synthetic province (1,676 units, every unit's 4 report periods with 15 accepted
 * indicators, maintained subtree totals built), signed in as the province's reviewer (Sở Nội vụ). autocannon drives
 * each endpoint in turn with 50 concurrent clients for LOAD_SECONDS (default 10) seconds: review, rollup, inbox and
 * a subtree page, then GET /health on the same server as the framework's ceiling. Prints req/s, p50/p99 and the
 * non-2xx count of each (must be 0), and each endpoint's req/s as a share of /health's.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { SubtreeTotals } from '../../libs/persistence/src/reports';
import { generateProvince } from '../../libs/persistence/src/seed';
import { freshDatabase, report, startApiProcess, insertGeneratedUnits, insertBenchPlan } from './bench-support';

const YEAR = 2025;
const PERIODS = ['Q1', 'H1', 'Q3', 'YEAR'];
const CONNECTIONS = 50;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const PORT = Number(process.env.CCHC_LOAD_API_PORT ?? 54410);
const PASSWORD = 'Bench@Load-2025';

async function main() {
  const { url, ds } = await freshDatabase('cchc_bench_load');
  const province = generateProvince({ code: 'SYN', name: 'Thử Nghiệm' });
  await insertGeneratedUnits(ds, province);
  const one = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0];
  const root = (await one(`SELECT id FROM units WHERE code = $1`, [province[0].code])).id;
  const snv = (await one(`SELECT id FROM units WHERE is_reviewing_office`)).id;
  const indicators: string[] = (await ds.query(`SELECT code FROM indicators ORDER BY code LIMIT 15`)).map(
    (r: { code: string }) => r.code,
  );
  const plan = { id: await insertBenchPlan(ds, root, YEAR) };
  // every unit's report for each period: most approved, some submitted or not yet drafted (the review shows all)
  await ds.query(
    `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, status, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
     SELECT 'report', $1, u.id, l.parent_id, $3, p,
            (ARRAY['approved','approved','approved','submitted','pending'])[1 + abs(hashtext(u.id::text || p)) % 5],
            make_date($3, 3, 10), make_date($3, 3, 10), now(), 'bench/' || u.id || '/' || p
       FROM units u JOIN unit_links l ON l.unit_id = u.id CROSS JOIN unnest($4::text[]) AS p WHERE u.id <> $2`,
    [plan.id, root, YEAR, PERIODS],
  );
  await ds.query(
    `INSERT INTO reports (obligation_id, unit_id, year, period, created_by)
     SELECT id, unit_id, year, period, 'bench' FROM obligations WHERE kind = 'report' AND status <> 'pending'`,
  );
  await ds.query(
    `INSERT INTO report_facts (report_id, unit_id, year, period, indicator_code, value, state)
     SELECT r.id, r.unit_id, r.year, r.period, i, (abs(hashtext(r.id::text || i)) % 50)::numeric,
            CASE o.status WHEN 'approved' THEN 'accepted' ELSE 'submitted' END
       FROM reports r JOIN obligations o ON o.id = r.obligation_id CROSS JOIN unnest($1::text[]) AS i`,
    [indicators],
  );
  await ds.transaction((m) => new SubtreeTotals(m).rebuildAll());
  await ds.query(
    `INSERT INTO users (unit_id, email, full_name, password_hash, roles) VALUES ($1, 'reviewer@bench.cchc.vn', 'Chuyên viên Sở Nội vụ', $2, ARRAY['reviewer'])`,
    [snv, await hashPassword(PASSWORD)],
  );
  await ds.query('VACUUM ANALYZE');
  const units = (await one(`SELECT count(*)::int AS n FROM units`)).n;
  const facts = (await one(`SELECT count(*)::int AS n FROM report_facts`)).n;
  await ds.destroy();

  const api = await startApiProcess(PORT, {
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: process.env.BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:1', // not used by these reads
    // One signed-in client makes all the requests: the per-user limit on expensive reads (120/min) would answer
    // most of them 429. The benchmark measures capacity, so the limit is off (as in the tests).
    RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE: '0',
  });
  try {
    const base = api.base;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reviewer@bench.cchc.vn', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    const targets: Array<[string, string, Record<string, string>]> = [
      ['review', `/review?year=${YEAR}&period=Q1`, auth],
      ['rollup', `/units/${root}/rollup?year=${YEAR}&period=Q1`, auth],
      ['inbox', `/inbox`, auth],
      ['subtree', `/units/${root}/subtree?limit=50`, auth],
      ['health', `/health`, {}],
    ];
    const results: Record<string, number | string> = { units, facts, connections: CONNECTIONS, seconds: SECONDS };
    const rps: Record<string, number> = {};
    for (const [name, path, headers] of targets) {
      const probe = await fetch(base + path, { headers });
      if (!probe.ok) throw new Error(`${name}: ${probe.status} ${await probe.text()}`);
      const r = await autocannon({ url: base + path, headers, connections: CONNECTIONS, duration: SECONDS });
      rps[name] = r.requests.average;
      Object.assign(results, {
        [`${name}_rps`]: r.requests.average,
        [`${name}_p50_ms`]: r.latency.p50,
        [`${name}_p99_ms`]: r.latency.p99,
        [`${name}_non2xx`]: r.non2xx + r.errors + r.timeouts,
      });
    }
    for (const name of ['review', 'rollup', 'inbox', 'subtree']) results[`${name}_vs_health`] = rps[name] / rps.health;
    const non2xx = targets.reduce((n, [name]) => n + Number(results[`${name}_non2xx`]), 0);
    results.non2xx_total = non2xx;
    console.log('');
    report(results);
    if (non2xx > 0) process.exitCode = 1;
  } finally {
    await api.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
