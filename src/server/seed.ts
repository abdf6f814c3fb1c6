import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import { Product } from '../db/entities';
import { parseOnlineRetail } from '../ingest/onlineRetail/parseOnlineRetail';
import { writeImport } from '../ingest/writeImport';

/**
 * Loads the shipped sample when the catalogue is empty; does nothing otherwise, so user data
 * is never touched. Logs the import report's counts.
 */
export async function seedSampleIfEmpty(dataSource: DataSource, logger: Logger): Promise<void> {
  if ((await dataSource.getRepository(Product).count()) > 0) {
    logger.info('catalogue not empty; sample not loaded');
    return;
  }
  const folder = resolveSampleFolder();
  const started = performance.now();
  const parsed = parseOnlineRetail(
    fs.readFileSync(path.join(folder, 'transactions.csv'), 'utf8'),
    fs.readFileSync(path.join(folder, 'products.csv'), 'utf8'),
  );
  const counts = await writeImport(dataSource, parsed);
  logger.info(
    {
      ...counts,
      linesRead: parsed.report.linesRead,
      durationMs: Math.round(performance.now() - started),
    },
    'sample data loaded',
  );
}

function resolveSampleFolder(): string {
  // Compiled code runs from dist/src/server, sources from src/server; both sit under the root.
  for (const root of [path.resolve(__dirname, '../../..'), path.resolve(__dirname, '../..')]) {
    const folder = path.join(root, 'data/sample/online_retail');
    if (fs.existsSync(folder)) {
      return folder;
    }
  }
  throw new Error(
    `The sample data folder data/sample/online_retail was not found above ${__dirname}.`,
  );
}
