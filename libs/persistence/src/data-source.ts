import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

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
