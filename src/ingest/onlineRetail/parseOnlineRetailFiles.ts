import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { badInput } from '../../shared/errors';
import { parseOnlineRetail } from './parseOnlineRetail';
import type { OnlineRetailImport } from './types';

/**
 * Reads the files named by the import command as UTF-8 and parses them with `parseOnlineRetail`,
 * labelling problems with the files' base names. Throws a `BAD_USER_INPUT` `DomainError` when a
 * file does not exist or is a directory, and `ImportError` when a line is malformed.
 */
export async function parseOnlineRetailFiles(
  transactionsPath: string,
  productsPath?: string,
): Promise<OnlineRetailImport> {
  const transactionsCsv = await readTextFile(transactionsPath, 'transactionsPath');
  const productsCsv =
    productsPath === undefined ? undefined : await readTextFile(productsPath, 'productsPath');
  return parseOnlineRetail(transactionsCsv, productsCsv, {
    transactionsFile: basename(transactionsPath),
    productsFile: productsPath === undefined ? undefined : basename(productsPath),
  });
}

// NOTE: each file is read whole into memory. That suits the 4 MB sample; files many times
// larger need a streaming parser (csv-parse also offers one).
async function readTextFile(path: string, field: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      throw badInput(
        field,
        `File ${JSON.stringify(path)} was not found or is a directory; pass the path of a CSV file.`,
      );
    }
    throw error;
  }
}
