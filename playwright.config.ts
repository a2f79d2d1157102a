// Browser tests of the web app (test/web/*.pw.ts): Debian's Chromium, against the real API, worker, PostgreSQL and
// Temporal time-skipping server started by test/web/stack-server.ts (compiled by scripts/web-test.sh).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.CCHC_WEB_TEST_PORT ?? 54345);

export default defineConfig({
  testDir: 'test/web',
  testMatch: '*.pw.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json']],
  outputDir: '.data/test/playwright-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node -r reflect-metadata dist-web-e2e/test/web/stack-server.js ${port}`,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    // Short-lived access tokens, so the silent renewal is exercised within a test.
    env: { CCHC_WEB_ACCESS_TTL: '70' },
  },
});
