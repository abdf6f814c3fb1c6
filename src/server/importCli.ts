import 'reflect-metadata';

import { openDatabase } from '../db/dataSource';
import {
  IMPORT_USAGE,
  ImportError,
  formatImportReport,
  parseImportArgs,
  parseOnlineRetailFiles,
} from '../ingest';
import { writeImport } from '../ingest/writeImport';
import { DomainError } from '../shared/errors';
import { ConfigError, loadConfig } from './config';

/**
 * `npm run import -- FILE.csv [--products PRODUCTS.csv] [--dry-run]`: checks a whole sales file
 * in the Online Retail format, prints the import report and writes the products and daily
 * sales to the configured database in one transaction. Exit codes: 0 imported, 1 failed,
 * 2 invalid arguments, configuration or file contents (nothing written).
 */
async function runImport(argv: string[]): Promise<number> {
  const command = parseImportArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  const config = loadConfig();
  const parsed = await parseOnlineRetailFiles(command.transactionsPath, command.productsPath);
  process.stdout.write(`${formatImportReport(parsed.report)}\n`);
  if (command.dryRun) {
    process.stdout.write('Dry run: nothing was written.\n');
    return 0;
  }

  const { dataSource } = await openDatabase(config.database);
  try {
    const counts = await writeImport(dataSource, parsed);
    process.stdout.write(
      `Written: ${counts.productsCreated} products created, ${counts.productsKept} already present; ` +
        `${counts.salesInserted} daily rows inserted, ${counts.salesUpdated} updated.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
  return 0;
}

runImport(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ImportError ||
      error instanceof ConfigError ||
      error instanceof DomainError
    ) {
      process.stderr.write(`${error.message}\nNothing was written.\n`);
      process.exit(2);
    }
    process.stderr.write(`Import failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
