/**
 * Migration CLI: `node dist/libs/persistence/src/cli/migrate.js [run|revert|show]`.
 * Needs only DATABASE_URL. Fails fast with a clear message when the database cannot be reached.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '@cchc/config';
import { connectOrExit } from '../data-source';

async function main() {
  const command = process.argv[2] ?? 'run';
  const config = loadConfigOrExit();
  const ds = await connectOrExit({ url: config.database.url, poolSize: 2 });
  try {
    if (command === 'run') {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `Applied ${done.map((m) => m.name).join(', ')}` : 'Schema is up to date');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration');
    } else if (command === 'show') {
      const pending = await ds.showMigrations();
      console.log(pending ? 'There are pending migrations' : 'No pending migrations');
    } else {
      console.error(`Unknown command "${command}" (use run, revert or show)`);
      process.exitCode = 2;
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
