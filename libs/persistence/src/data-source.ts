import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { redactUrl } from '../../config/src/config'; // relative: also loaded by jest's global setup, outside the alias mapper
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

// Calendar dates are dates: a DATE column reads as its 'YYYY-MM-DD' text, never as a JavaScript Date at some
// process-local midnight (which JSON then wrote as '2027-02-27T00:00:00.000Z' into versions, snapshots and diffs).
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** The one DataSource definition, used by the api, the worker, the migration CLI and the tests. */
export function dataSourceOptions(db: { url: string; poolSize?: number; logging?: boolean }): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: db.logging ? ['query', 'error'] : ['error'],
    extra: { max: db.poolSize ?? 10, application_name: 'cchc' },
  };
}

export function createDataSource(db: { url: string; poolSize?: number; logging?: boolean }): DataSource {
  return new DataSource(dataSourceOptions(db));
}

/**
 * For entry points: an initialised DataSource, or exit 3 with one clear line (no stack-trace retry loop)
 * when PostgreSQL cannot be reached.
 */
export async function connectOrExit(db: { url: string; poolSize?: number }): Promise<DataSource> {
  const ds = createDataSource(db);
  try {
    await ds.initialize();
    return ds;
  } catch (e) {
    console.error(`Cannot connect to PostgreSQL at ${redactUrl(db.url)}: ${(e as Error).message}`);
    process.exit(3);
  }
}
