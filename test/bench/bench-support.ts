/** Shared helpers for `npm run bench -- <name>` (scripts/bench.sh starts PostgreSQL and, if asked, Temporal). */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/persistence/src/data-source';

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
