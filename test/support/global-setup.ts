/**
 * Runs once per jest run: (re)creates the migrated template database that every test file clones,
 * and builds the workflow bundle the workers load (the same way the production build does).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource } from '../../libs/persistence/src/data-source';
import { buildWorkflowBundle } from '../../apps/worker/src/bundle/build-workflow-bundle';
import { TEMPLATE_DB, TEST_DB_PREFIX, testEnv, withDatabase } from './test-env';

let done = false;

export default async function globalSetup(): Promise<void> {
  if (done) return; // integration and e2e projects share one setup per run
  done = true;
  const env = testEnv();
  const admin = new Client({ connectionString: env.databaseUrl });
  await admin.connect();
  try {
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2`, [
      TEST_DB_PREFIX,
      TEMPLATE_DB,
    ]);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const ds = createDataSource({ url: withDatabase(env.databaseUrl, TEMPLATE_DB), poolSize: 1 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  await buildWorkflowBundle(env.workflowBundlePath);
}
