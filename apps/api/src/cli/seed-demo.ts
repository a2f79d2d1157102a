/** `node dist/apps/api/src/cli/seed-demo.js`: loads the demo data (idempotent). Needs DATABASE_URL. */
import 'reflect-metadata';
import { ConfigError, loadConfig, redactUrl } from '@cchc/config';
import { createDataSource } from '@cchc/persistence';
import { seedDemo } from './demo-seeder';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const ds = createDataSource({ url: config.database.url, poolSize: 2 });
  try {
    await ds.initialize();
  } catch (e) {
    console.error(`Cannot connect to PostgreSQL at ${redactUrl(config.database.url)}: ${(e as Error).message}`);
    process.exit(3);
  }
  try {
    const s = await seedDemo(ds.manager);
    console.log(`Demo data: ${s.unitsCreated} units and ${s.usersCreated} users created (existing ones kept)`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`Seeding failed: ${(e as Error).message}`);
  process.exit(1);
});
