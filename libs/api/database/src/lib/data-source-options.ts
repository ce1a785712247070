import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { TRANSACTION_POOLING } from '@incubator/api/sql';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// DATE columns are calendar dates, not instants: keep them as 'YYYY-MM-DD' strings instead of
// Dates at local midnight, which would shift with the process time zone.
const PG_DATE_OID = 1082;
types.setTypeParser(PG_DATE_OID, (value) => value);

/** Entity classes or schemas, as TypeORM takes them. */
export type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * The one DataSource definition, used by the api, the worker, the migration CLI and the tests. The
 * Nest modules register their own entities (`TypeOrmModule.forFeature`, loaded by DatabaseModule's
 * `autoLoadEntities`), so this lib knows no domain; a tool that uses an entity passes it here.
 */
/** What sits between the DataSource and PostgreSQL (AppConfig.DATABASE_POOLING). */
export type DatabasePooling = 'none' | 'session' | 'transaction';

export function dataSourceOptions(databaseUrl: string, entities: Entities = [], pooling: DatabasePooling = 'none'): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // pg ignores keys it does not know; preparedQuery reads this one.
    extra: { max: 10, connectionTimeoutMillis: 5_000, ...(pooling === 'transaction' ? { [TRANSACTION_POOLING]: true } : {}) },
  };
}

export function createDataSource(databaseUrl: string, entities: Entities = [], pooling: DatabasePooling = 'none'): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, entities, pooling));
}

/**
 * Key of the PostgreSQL advisory lock held while migrating (any constant unique to this application;
 * these are the bytes of "incubatr").
 */
export const MIGRATION_LOCK_KEY = '7597118977233482866';

/**
 * Applies pending migrations; returns the names of those that ran. Several replicas may start together
 * (`--scale api=3`) and TypeORM 1.1 takes no lock of its own, so each would apply the same pending
 * migrations: the migrators queue on a session-level advisory lock, held on a connection of its own
 * (independent of the migrations' transactions, released by PostgreSQL if the process dies), and each
 * reads the migrations table only once it holds the lock. A session-level lock needs a session of its own:
 * migrate over a direct connection (DATABASE_MIGRATION_URL), never through a transaction pooler.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
