/** `node dist/apps/api/src/cli/seed-demo.js`: loads the demo data (idempotent). Needs DATABASE_URL. */
import 'reflect-metadata';
import { loadConfigOrExit } from '@cchc/config';
import { connectOrExit } from '@cchc/persistence';
import { seedDemo } from '@cchc/persistence/seed/demo-seeder';
import { hashPassword } from '../auth/passwords';

async function main() {
  const config = loadConfigOrExit();
  const ds = await connectOrExit({ url: config.database.url, poolSize: 2 });
  try {
    const s = await seedDemo(ds.manager, hashPassword);
    console.log(`Demo data: ${s.unitsCreated} units and ${s.usersCreated} users created (existing ones kept)`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`Seeding failed: ${(e as Error).message}`);
  process.exit(1);
});
