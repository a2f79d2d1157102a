/**
 * The whole product for the browser tests, in a Node process of its own (compiled by tsc, so Nest gets its
 * decorator metadata, which Playwright's TypeScript loader does not emit): a cloned migrated database with the demo
 * data, the Temporal time-skipping test server, the real worker, the real API serving the built web app on
 * 127.0.0.1:<port>, and a real SMTP server on loopback. A small control server on <port+1> lets the tests read the
 * mails and prepare data:
 *   GET  /mails                      every mail received (to, subject, text, key)
 *   POST /scenario/inbox?n=&year=&parent=&prefix=   n submitted plans waiting for the parent's approver
 *   POST /scenario/sgddt-plan?year=  the Sở GDĐT issues its plan for the year (its schools then owe theirs)
 *   POST /scenario/review-province?year=  a past year with plans late and missing (see reviewProvince)
 * Stops everything on SIGTERM / SIGINT.
 */
import 'reflect-metadata';
import { createServer } from 'http';
import globalSetup from '../support/global-setup';
import { startStack, Stack } from '../support/stack';
import { withDemoData } from '../support/demo';
import { startSmtpSink } from '../support/smtp';
import { Http, issueSgddtPlan, reviewProvince, seedInbox } from './scenarios';

async function main() {
  const port = Number(process.argv[2] ?? 54345);
  const controlPort = port + 1;
  const base = `http://127.0.0.1:${port}`;
  await globalSetup();
  const smtp = await startSmtpSink();
  const stack: Stack = await startStack({
    startAt: new Date().toISOString(),
    apiEnv: { API_PUBLIC_URL: base, JWT_ACCESS_TTL_SECONDS: process.env.CCHC_WEB_ACCESS_TTL ?? '900' },
    workerEnv: {
      API_PUBLIC_URL: base,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Hệ thống CCHC <cchc@binhthuan.gov.vn>',
    },
  });
  await withDemoData(stack.db.dataSource, stack.api);
  await stack.api.listen(port, '127.0.0.1');
  const http = new Http(base);

  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${controlPort}`);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const q = (k: string, d: string) => url.searchParams.get(k) ?? d;
    (async () => {
      if (req.method === 'GET' && url.pathname === '/mails') return reply(200, smtp.mails);
      if (req.method === 'POST' && url.pathname === '/scenario/inbox')
        return reply(
          200,
          await seedInbox(http, {
            n: Number(q('n', '20')),
            year: Number(q('year', '2026')),
            parentCode: q('parent', 'BTH.PTH.PGDDT'),
            prefix: q('prefix', 'TN'),
          }),
        );
      if (req.method === 'POST' && url.pathname === '/scenario/sgddt-plan')
        return reply(200, { planId: await issueSgddtPlan(http, Number(q('year', '2027'))) });
      if (req.method === 'POST' && url.pathname === '/scenario/review-province')
        return reply(200, await reviewProvince(http, Number(q('year', '2025'))));
      reply(404, { error: 'not found' });
    })().catch((e: Error) => reply(500, { error: e.message }));
  });
  control.listen(controlPort, '127.0.0.1');
  console.log(`web test stack ready: ${base} (control ${controlPort})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    control.close();
    await stack.teardown().catch((e) => console.error(e));
    await smtp.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(`web test stack failed: ${(e as Error).stack}`);
  process.exit(1);
});
