/**
 * Rollup check: `node dist/libs/persistence/src/cli/verify-rollups.js [--rebuild]`.
 * Recomputes every maintained subtree total from the report facts and the unit closure, and prints each difference
 * (exit code 1 when there is any). `--rebuild` then replaces all totals with the recomputed ones.
 * Needs only DATABASE_URL.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '@cchc/config';
import { connectOrExit } from '../data-source';
import { SubtreeTotals } from '../reports/subtree-totals';

async function main() {
  const rebuild = process.argv.includes('--rebuild');
  const config = loadConfigOrExit();
  const ds = await connectOrExit({ url: config.database.url, poolSize: 2 });
  try {
    const t = Date.now();
    const { differences, sample } = await new SubtreeTotals(ds.manager).verify();
    for (const d of sample) console.log(JSON.stringify(d));
    console.log(`verify_differences=${differences}`);
    console.log(`verify_ms=${Date.now() - t}`);
    if (rebuild) {
      await ds.transaction((m) => new SubtreeTotals(m).rebuildAll());
      console.log('Rebuilt every subtree total from the facts');
    } else if (differences > 0) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`Verify failed: ${(e as Error).message}`);
  process.exit(1);
});
