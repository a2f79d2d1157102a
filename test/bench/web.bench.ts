// @needs-temporal
/**
 * `npm run bench -- web` (@needs-temporal): the web app served by the real API in its own process (main.js,
 * NODE_ENV=production, as deployed) with the real worker (in this process) on a Temporal dev server, driven by
 * Debian's Chromium.
 *  first_load_kb   bytes on the wire (compressed bodies + headers) to open the app signed out, sign in and see
 *                  "Việc cần làm" (HTML, JS, CSS, API answers) — the first load of the home page; goal < 400.
 *  inbox_ready_ms  an approver's inbox of 200 submitted plans: from navigation to the table showing its rows,
 *                  median of 5 (full page loads, assets from the browser cache as on a second visit); goal < 2000.
 *  matrix_ready_ms the reviewing office of a 2,000-unit province (synthetic, 1,999 units below the root, each
 *                  with its plan and four reports in every state): from navigation to "Tổng quan" to the matrix
 *                  (units × plan + 4 periods) showing its rows and count, median of 5; goal < 2000.
 *  review_p95_ms   GET /review for that province (the API behind the dashboard, gzip as browsers ask for it), to
 *                  the last byte, p95 of 50; goal < 150.
 */
import 'reflect-metadata';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { chromium, type Page } from '@playwright/test';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { seedDemo } from '../../libs/persistence/src/seed/demo-seeder';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WorkerService } from '../../apps/worker/src/worker.service';
import { buildWorkflowBundle } from '../../apps/worker/src/bundle/build-workflow-bundle';
import { loadConfig } from '../../libs/config/src';
import { DEMO_PASSWORD, demoUserEmail } from '../../libs/persistence/src/seed';
import { Http, seedInbox } from '../web/scenarios';
import { benchEnv, freshDatabase, measure, report, startApiProcess } from './bench-support';
import { PROVINCE_YEAR, REVIEWER, seedProvince } from './province-fixture';

const INBOX = 200;

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

async function main() {
  const env = benchEnv();
  if (!env.temporalAddress) throw new Error('BENCH_TEMPORAL_ADDRESS is not set');
  const root = join(__dirname, '..', '..', '..');
  console.log('building the web app');
  execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const { url, ds } = await freshDatabase('cchc_bench_web');
  await seedDemo(ds.manager, hashPassword);
  const bundlePath = join(env.dataDir, 'workflow-bundle.js');
  await buildWorkflowBundle(bundlePath);
  const taskQueue = `bench-web-${Date.now()}`;
  const connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection });
  const config = loadConfig({
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
    LOGIN_MAX_ATTEMPTS: '1000',
    // One address signs in hundreds of users: request limits off, as in the tests.
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE: '0',
  });
  const workerApp = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { temporalClient: client }),
    { logger: false },
  );
  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await workerApp
    .get(WorkerService)
    .create({ connection: nativeConnection, taskQueue, workflowBundlePath: bundlePath });
  const running = worker.run();
  // The API in its own process, as production runs it (the worker stays in this one).
  const api = await startApiProcess(Number(process.env.CCHC_WEB_BENCH_API_PORT ?? 54412), {
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOGIN_MAX_ATTEMPTS: '1000',
    // One address signs in hundreds of users: request limits off, as in the tests.
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE: '0',
  });
  const http = new Http(api.base);

  console.log('seeding a 2,000-unit province for the dashboard');
  const provinceUnits = await seedProvince(ds, await hashPassword(DEMO_PASSWORD));
  if ((await ds.query(`SELECT 1 FROM units WHERE code = 'SYN.SNV' AND is_reviewing_office`)).length !== 1)
    throw new Error('SYN.SNV is not the reviewing office');
  console.log(`seeding an inbox of ${INBOX} submitted plans`);
  const t0 = Date.now();
  const { approver } = await seedInbox(http, {
    n: INBOX,
    year: new Date().getFullYear() + 1,
    parentCode: 'BTH.PTH.PGDDT',
    prefix: 'B',
    concurrency: 6,
  });
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const viewport = { width: 1366, height: 768 };

  // First load: a fresh browser profile, signed out, to the home page.
  const first = await browser.newContext({ baseURL: http.base, viewport, locale: 'vi-VN' });
  const firstPage = await first.newPage();
  const sizes: Array<Promise<number>> = [];
  let staticBytes = 0;
  firstPage.on('requestfinished', (req) => {
    sizes.push(
      req.sizes().then((s) => {
        const n = s.responseBodySize + s.responseHeadersSize;
        if (/\/assets\/|\/$|\/dang-nhap/.test(new URL(req.url()).pathname)) staticBytes += n;
        return n;
      }),
    );
  });
  await signIn(firstPage, demoUserEmail('drafter', 'BTH.SGDDT.THPT-CH'));
  await firstPage.waitForLoadState('networkidle');
  const firstBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await first.close();

  // The approver's inbox of 200.
  const ctx = await browser.newContext({ baseURL: http.base, viewport, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await signIn(page, approver);
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    await page.goto('/thong-bao');
    await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    const t = Date.now();
    await page.goto('/hop-thu-duyet');
    await page.getByText(`${INBOX} hồ sơ chờ duyệt`).waitFor();
    await page
      .getByRole('row', { name: /Trường thử nghiệm B số/ })
      .first()
      .waitFor();
    if (i > 0) times.push(Date.now() - t); // the first visit warms the browser cache
  }
  times.sort((a, b) => a - b);
  const rows = await page.getByRole('row', { name: /Trường thử nghiệm B số/ }).count();

  // The reviewing office's dashboard of the 2,000-unit province.
  const reviewCtx = await browser.newContext({ baseURL: http.base, viewport, locale: 'vi-VN' });
  const reviewPage = await reviewCtx.newPage();
  await signIn(reviewPage, REVIEWER);
  const matrixTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    await reviewPage.goto('/thong-bao');
    await reviewPage.getByRole('heading', { name: 'Thông báo' }).waitFor();
    const t = Date.now();
    await reviewPage.goto(`/tong-quan?nam=${PROVINCE_YEAR}`);
    await reviewPage.getByText(`${provinceUnits} / ${provinceUnits} đơn vị`).waitFor();
    await reviewPage.getByTestId('review-matrix').locator('.ant-table-row').first().waitFor();
    if (i > 0) matrixTimes.push(Date.now() - t);
  }
  matrixTimes.sort((a, b) => a - b);
  const renderedRows = await reviewPage.getByTestId('review-matrix').locator('.ant-table-row').count();
  await browser.close();
  // The API's answer time: to the last byte of the compressed body, as a browser receives it (not this process's
  // JSON.parse of 2.5 MB, which would run on the API's own event loop here).
  const reviewToken = await http.login(REVIEWER);
  const review = await measure(
    async () => {
      const res = await fetch(`${http.base}/review?year=${PROVINCE_YEAR}`, {
        headers: { authorization: `Bearer ${reviewToken}`, accept: 'application/json', 'accept-encoding': 'gzip' },
      });
      if (!res.ok) throw new Error(`GET /review: ${res.status}`);
      await res.arrayBuffer();
    },
    50,
    5,
  );
  const reviewBody = await http.as(REVIEWER, 'GET', `/review?year=${PROVINCE_YEAR}`);

  worker.shutdown();
  await running;
  await api.stop();
  await workerApp.close();
  await nativeConnection.close();
  await connection.close();
  await ds.destroy();

  console.log(`\ninbox: ${INBOX} items, ${rows} rows on the first page; runs ${times.join(', ')} ms`);
  console.log(
    `matrix: ${reviewBody.matrix.length} units × 5 columns, ${renderedRows} rows in the DOM (virtualised); runs ${matrixTimes.join(', ')} ms; review API p50 ${review.p50.toFixed(1)} ms`,
  );
  report({
    first_load_kb: Math.round(firstBytes / 102.4) / 10,
    first_load_static_kb: Math.round(staticBytes / 102.4) / 10,
    inbox_items: INBOX,
    inbox_ready_ms: times[Math.floor(times.length / 2)],
    inbox_ready_max_ms: times[times.length - 1],
    matrix_units: reviewBody.matrix.length,
    matrix_ready_ms: matrixTimes[Math.floor(matrixTimes.length / 2)],
    matrix_ready_max_ms: matrixTimes[matrixTimes.length - 1],
    review_p50_ms: Math.round(review.p50 * 10) / 10,
    review_p95_ms: Math.round(review.p95 * 10) / 10,
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
