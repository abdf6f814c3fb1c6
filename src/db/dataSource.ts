import { AsyncLocalStorage } from 'node:async_hooks';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DataSource } from 'typeorm';
import type { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';

import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

/** The database's location: an SQLite file or a PostgreSQL URL. */
export type DatabaseLocation = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

/**
 * Builds TypeORM options for a database location. The schema comes only from migrations:
 * `synchronize` is off. SQLite runs in WAL mode with a busy timeout, so readers never block the
 * writer and concurrent writers wait instead of failing. TypeORM turns SQLite's foreign keys on.
 */
export function dataSourceOptions(
  location: DatabaseLocation,
  logger?: TypeOrmLogger,
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: logger ? (['query', 'error'] as ('query' | 'error')[]) : false,
    logger,
  };
  if (location.type === 'postgres') {
    return { ...common, type: 'postgres', url: location.url };
  }
  return { ...common, type: 'sqlite', database: location.path, busyTimeout: 5000, enableWAL: true };
}

/**
 * Opens the database and applies pending migrations. Creates the SQLite file's folder when
 * missing. Returns the initialized data source and the names of the migrations it ran.
 */
export async function openDatabase(
  location: DatabaseLocation,
  logger?: TypeOrmLogger,
): Promise<{ dataSource: DataSource; migrationsRun: string[] }> {
  if (location.type === 'sqlite' && location.path !== ':memory:') {
    fs.mkdirSync(path.dirname(location.path), { recursive: true });
  }
  const dataSource = new DataSource(dataSourceOptions(location, logger));
  await dataSource.initialize();
  if (location.type === 'sqlite') {
    serializeTransactions(dataSource);
  }
  const migrations = await runAsSerializedTransaction(() =>
    dataSource.runMigrations({ transaction: 'each' }),
  );
  return { dataSource, migrationsRun: migrations.map((migration) => migration.name) };
}

/** Marks the async context of a transaction begun through `dataSource.transaction`. */
const insideSerializedTransaction = new AsyncLocalStorage<true>();

/**
 * Makes every transaction on SQLite run one after another. TypeORM's SQLite driver runs every
 * statement on one shared connection: a second transaction begun while another is open fails
 * with "cannot start a transaction within a transaction", and a write made meanwhile outside
 * any transaction joins the open one and is rolled back with it. So `dataSource.transaction`
 * calls are queued, and a transaction begun any other way (a bare `repository.save`, which
 * opens its own) throws, so that every write goes through the queue. PostgreSQL gives each
 * transaction its own pooled connection and needs none of this.
 * NOTE: a transaction callback must not start another transaction through the data source,
 * or it waits for itself.
 */
function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = tail.then(() => insideSerializedTransaction.run(true, () => transaction(...args)));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;

  const runner = dataSource.driver.createQueryRunner('master');
  const startTransaction = runner.startTransaction.bind(runner);
  runner.startTransaction = (isolationLevel) => {
    if (!insideSerializedTransaction.getStore()) {
      throw new TypeError(
        'On SQLite every write must run inside dataSource.transaction(...), which queues transactions on the shared connection; wrap this save or remove in one.',
      );
    }
    return startTransaction(isolationLevel);
  };
}

/** Runs TypeORM work that begins its own transactions, such as migrations, as serialized. */
export function runAsSerializedTransaction<Result>(work: () => Promise<Result>): Promise<Result> {
  return insideSerializedTransaction.run(true, work);
}
