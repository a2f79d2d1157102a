/**
 * `npm run bench -- exports`: documents out at province scale.
 * A 2,000-unit synthetic province (25 departments, 150 communes, 1,824 schools) where every unit owes four reports
 * of 2025: ~80 % accepted on time, ~10 % late, ~10 % missing; 15 indicators of facts each; narrative parts on every
 * report. Through the real Nest services (as the province's Sở Nội vụ reviewer), times end to end — reads, view
 * model, file written — the review spreadsheet streamed to a byte-counting sink (one period and the whole year,
 * a 1,999-unit matrix) and the province's aggregated report (.docx with the 1,999-unit table). Goal: ≤ 5 s each.
 */
import 'reflect-metadata';
import { Writable } from 'stream';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../apps/api/src/app.module';
import { ExportsService } from '../../apps/api/src/exports/exports.service';
import { loadConfig } from '../../libs/config/src';
import { generateProvince } from '../../libs/persistence/src/seed';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { freshDatabase, measure, report, insertGeneratedUnits } from './bench-support';

const YEAR = 2025;
const PERIODS = ['Q1', 'H1', 'Q3', 'YEAR'];
const GOAL_MS = 5000;

async function main() {
  const { url, ds } = await freshDatabase('cchc_bench_exports');
  const province = generateProvince({ code: 'P2K', name: 'Hai Nghìn', departments: 25, communes: 150, schools: 1824 });
  const t = Date.now();
  await insertGeneratedUnits(ds, province);
  const indicators: string[] = (await ds.query(`SELECT code FROM indicators ORDER BY code LIMIT 15`)).map(
    (r: { code: string }) => r.code,
  );
  const root = (await ds.query(`SELECT id FROM units WHERE code = 'P2K'`))[0].id as string;
  const snv = (await ds.query(`SELECT id FROM units WHERE is_reviewing_office AND code LIKE 'P2K.%' LIMIT 1`))[0]
    .id as string;
  const [plan] = await ds.query(
    `INSERT INTO plans (unit_id, year, title, child_deadline, report_schedule, reminder_policy, targets, created_by)
     VALUES ($1, $2, 'Kế hoạch tuyên truyền cải cách hành chính năm 2025', make_date($2, 1, 31), $3, $4, $5, 'bench') RETURNING id`,
    [
      root,
      YEAR,
      JSON.stringify(defaultReportSchedule()),
      JSON.stringify(defaultReminderPolicy()),
      JSON.stringify(indicators.slice(0, 5).map((c) => ({ indicatorCode: c, amount: 3, basis: 'month' }))),
    ],
  );
  // one report obligation per unit and period: hash-chosen 80 % on time, 10 % late, 10 % never submitted
  await ds.query(
    `INSERT INTO obligations (kind, source_plan_id, unit_id, parent_unit_id, year, period, status, submitted_on_time, overdue,
                              first_submitted_at, nominal_deadline, effective_deadline, deadline_ends_at, workflow_id)
     SELECT 'report', $1, u.id, l.parent_id, $2, p,
            CASE WHEN h < 90 THEN 'approved' ELSE 'draft' END,
            CASE WHEN h < 80 THEN true WHEN h < 90 THEN false END, true,
            CASE WHEN h < 90 THEN now() END,
            make_date($2, 3, 10), make_date($2, 3, 10), now(), 'bench/' || u.id || '/' || p
       FROM units u JOIN unit_links l ON l.unit_id = u.id AND l.valid_to = 'infinity'
      CROSS JOIN unnest($3::text[]) AS p
      CROSS JOIN LATERAL (SELECT abs(hashtext(u.id::text || p)) % 100 AS h) x
      WHERE u.code <> 'P2K'`,
    [plan.id, YEAR, PERIODS],
  );
  await ds.query(
    `INSERT INTO reports (obligation_id, unit_id, year, period, narrative, created_by)
     SELECT id, unit_id, year, period,
            jsonb_build_object('achievements', 'Đã đăng tin, bài về cải cách hành chính.', 'shortcomings', 'Một số nội dung chưa kịp thời.',
                               'causes', 'Thiếu nhân lực chuyên trách.', 'proposals', 'Đề nghị tập huấn nghiệp vụ.'), 'bench'
       FROM obligations WHERE kind = 'report'`,
  );
  await ds.query(
    `INSERT INTO report_facts (report_id, unit_id, year, period, indicator_code, value, state)
     SELECT r.id, r.unit_id, r.year, r.period, i, (abs(hashtext(r.id::text || i)) % 50)::numeric, 'accepted'
       FROM reports r JOIN obligations o ON o.id = r.obligation_id AND o.status = 'approved'
      CROSS JOIN unnest($1::text[]) AS i`,
    [indicators],
  );
  const facts = (await ds.query(`SELECT count(*)::int AS n FROM report_facts`))[0].n;
  const obligations = (await ds.query(`SELECT count(*)::int AS n FROM obligations`))[0].n;
  await ds.query('VACUUM ANALYZE');
  const loadMs = Date.now() - t;

  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'test' })),
    { logger: false },
  );
  const exportsService = app.get(ExportsService);
  const actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    unitId: snv,
    roles: ['reviewer' as const],
    reviewAnchorId: root,
    sessionId: 'bench',
  };
  let bytes = 0;
  const sink = () =>
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb();
      },
    });
  const workbook = async (period?: 'Q1') => {
    const f = await exportsService.reviewWorkbook(actor, { year: YEAR, period });
    bytes = 0;
    const out = sink();
    await new Promise<void>((resolve, reject) => {
      (f.body as NodeJS.ReadableStream).on('error', reject).pipe(out).on('finish', resolve).on('error', reject);
    });
    return bytes;
  };
  const aggregate = async () => {
    const f = await exportsService.aggregateDocument(actor, root, YEAR, 'Q1');
    return (f.body as Buffer).length;
  };

  const xlsxPeriodBytes = await workbook('Q1');
  const xlsxYearBytes = await workbook();
  const docxBytes = await aggregate();
  const rPeriod = await measure(() => workbook('Q1'), 5, 1);
  const rYear = await measure(() => workbook(), 5, 1);
  const rDocx = await measure(aggregate, 5, 1);
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  await app.close();
  await ds.destroy();
  console.log(
    `\n${province.length} units, ${obligations} report obligations, ${facts} facts loaded in ${loadMs} ms; ` +
      `xlsx ${xlsxPeriodBytes} B (quý I) / ${xlsxYearBytes} B (year), docx ${docxBytes} B\n`,
  );
  const worst = Math.max(rPeriod.p95, rYear.p95, rDocx.p95);
  report({
    units: province.length,
    matrix_rows: province.length - 1,
    facts,
    xlsx_period_p50_ms: rPeriod.p50,
    xlsx_period_max_ms: rPeriod.p95,
    xlsx_year_p50_ms: rYear.p50,
    xlsx_year_max_ms: rYear.p95,
    xlsx_year_bytes: xlsxYearBytes,
    docx_aggregate_p50_ms: rDocx.p50,
    docx_aggregate_max_ms: rDocx.p95,
    docx_aggregate_bytes: docxBytes,
    heap_used_mb: heapMb,
    goal_5s: worst <= GOAL_MS ? 'met' : 'missed',
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
