/** Shared helpers for `npm run bench -- <name>` (scripts/bench.sh starts PostgreSQL and, if asked, Temporal). */
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/persistence/src/data-source';
import type { Client as TemporalClient } from '@temporalio/client';
import type { SeedUnit } from '../../libs/persistence/src/seed';
import { defaultReminderPolicy, defaultReportSchedule } from '../../libs/domain/src';
import { PLAN_CASCADE_WORKFLOW, planCascadeWorkflowId } from '../../libs/contracts/src';
import { UnitTreeRepository } from '../../libs/persistence/src/units';

export function benchEnv() {
  const need = (n: string) => {
    const v = process.env[n];
    if (!v) throw new Error(`${n} is not set: run benchmarks through \`npm run bench -- <name>\``);
    return v;
  };
  return {
    databaseUrl: need('BENCH_DATABASE_URL'),
    temporalAddress: process.env.BENCH_TEMPORAL_ADDRESS,
    dataDir: need('CCHC_BENCH_DATA_DIR'),
  };
}

/** A fresh, migrated database for one benchmark run. */
export async function freshDatabase(name: string): Promise<{ url: string; ds: DataSource }> {
  const base = benchEnv().databaseUrl;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const ds = createDataSource({ url: u.toString(), poolSize: 10 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return { url: u.toString(), ds };
}

/**
 * Writes a generated tree (generateProvince / generateCountry) in one transaction, valid from 01/01/2020; the units'
 * e-mail addresses only with `withEmails`. Returns the new units' ids in the order given.
 */
export async function insertGeneratedUnits(ds: DataSource, units: SeedUnit[], withEmails = false): Promise<string[]> {
  return ds.transaction((m) =>
    new UnitTreeRepository(m).insertUnits(
      units.map((u) => ({
        ...u,
        email: withEmails ? (u.email ?? null) : null,
        parentId: null,
        parentCode: u.parentCode ?? undefined,
      })),
      '2020-01-01',
      m,
    ),
  );
}

/** A plain draft plan of `unitId` for `year` (default schedule and reminders, children due 31/01). */
export async function insertBenchPlan(ds: DataSource, unitId: string, year: number): Promise<string> {
  const [plan] = await ds.query(
    `INSERT INTO plans (unit_id, year, title, child_deadline, report_schedule, reminder_policy, created_by)
     VALUES ($1, $2, 'Bench', make_date($2, 1, 31), $3, $4, 'bench') RETURNING id`,
    [unitId, year, JSON.stringify(defaultReportSchedule()), JSON.stringify(defaultReminderPolicy())],
  );
  return plan.id;
}

/**
 * Plans ready to cascade, in one statement: the root's a draft (obligationId null), the others approved answers to
 * their own obligation, as an approval would leave them. Returns their ids.
 */
export async function insertCascadePlans(
  ds: DataSource,
  year: number,
  rows: Array<{ unitId: string; obligationId: string | null }>,
): Promise<string[]> {
  const inserted: Array<{ id: string }> = await ds.query(
    `INSERT INTO plans (unit_id, year, obligation_id, title, sections, child_deadline, report_schedule, reminder_policy, status, created_by)
     SELECT x.unit_id, $3, x.obligation_id, 'Kế hoạch tuyên truyền CCHC', '{"purpose":"x","content":"y"}', make_date($3, 1, 31), $4, $5,
            CASE WHEN x.obligation_id IS NULL THEN 'draft' ELSE 'approved' END, 'bench'
       FROM unnest($1::uuid[], $2::uuid[]) AS x(unit_id, obligation_id) RETURNING id`,
    [
      rows.map((r) => r.unitId),
      rows.map((r) => r.obligationId),
      year,
      JSON.stringify(defaultReportSchedule()),
      JSON.stringify(defaultReminderPolicy()),
    ],
  );
  return inserted.map((r) => r.id);
}

/** Runs `fn` over `items`, `n` at a time. */
export async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await fn(x);
    }),
  );
}

/** Starts the plans' cascade workflows (`concurrency` starts at a time) and waits until every one has completed. */
export async function runCascades(
  client: TemporalClient,
  taskQueue: string,
  planIds: string[],
  concurrency: number,
): Promise<void> {
  await pool(planIds, concurrency, (planId) =>
    client.workflow.start(PLAN_CASCADE_WORKFLOW, {
      workflowId: planCascadeWorkflowId(planId),
      taskQueue,
      args: [{ planId, issuedBy: 'bench' }],
    }),
  );
  await pool(planIds, concurrency, (planId) => client.workflow.getHandle(planCascadeWorkflowId(planId)).result());
}

export interface Stats {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

/** Runs fn `iterations` times after `warmup` runs; latencies in ms. */
export async function measure(fn: () => Promise<unknown>, iterations = 200, warmup = 20): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: q(0.5), p95: q(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length, n: times.length };
}

export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Prints the key=value lines that close every benchmark. */
export function report(values: Record<string, number | string>): void {
  for (const [k, v] of Object.entries(values)) console.log(`${k}=${typeof v === 'number' ? fmt(v) : v}`);
}

/**
 * The API as production runs it: its own process (`node dist-bench/apps/api/src/main.js`, NODE_ENV=production, logs
 * at warn), listening on 127.0.0.1:`port`, healthy before this returns. `stop()` ends it with SIGTERM; it never
 * outlives the benchmark.
 */
export async function startApiProcess(
  port: number,
  env: Record<string, string>,
): Promise<{ base: string; stop: () => Promise<void> }> {
  const api = spawn(process.execPath, ['dist-bench/apps/api/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.once('exit', () => api.exitCode === null && api.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, api);
  return {
    base,
    stop: async () => {
      if (api.exitCode !== null) return;
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    },
  };
}

async function waitForHealth(base: string, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become healthy within 60 s');
}
