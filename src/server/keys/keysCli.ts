import 'reflect-metadata';

import { openDatabase } from '../../db/dataSource';
import { ConfigError, loadConfig } from '../config';
import { runKeysCommand } from './keysCommand';

/** Entry point of `npm run keys`: opens the configured database and runs one command. */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { dataSource, migrationsRun } = await openDatabase(config.database);
  if (migrationsRun.length > 0) {
    process.stderr.write(`Applied migrations: ${migrationsRun.join(', ')}.\n`);
  }
  try {
    return await runKeysCommand(process.argv.slice(2), dataSource, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`keys command failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
