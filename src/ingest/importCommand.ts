import { parseArgs } from 'node:util';

import { badInput } from '../shared/errors';

/** Help text of the import command. */
export const IMPORT_USAGE = `Usage: npm run import -- TRANSACTIONS.csv [--products PRODUCTS.csv] [--dry-run]

Imports a sales file in the UCI Online Retail column format (InvoiceNo, StockCode, Description,
Quantity, InvoiceDate, UnitPrice, CustomerID, Country; UnitPrice in GBP). The whole file is
checked first; if any line is malformed, nothing is imported and every bad line is listed.

Options:
  --products FILE  products file (StockCode, Description, modal_unit_price) that adds catalogue
                   products without sales in TRANSACTIONS.csv
  --dry-run        check the files and print the report without writing to the database
  --help           print this help
`;

/** A parsed import command: print the help, or import the named files. */
export type ImportCommand =
  | { kind: 'help' }
  | { kind: 'import'; transactionsPath: string; productsPath?: string; dryRun: boolean };

/**
 * Parses the import command's arguments (those after `npm run import --`). Throws a
 * `BAD_USER_INPUT` `DomainError` for an unknown option, an option without its value, or a
 * number of files other than one. Each message ends by pointing to `--help`.
 */
export function parseImportArgs(argv: readonly string[]): ImportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        products: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    // node:util parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for bad arguments.
    // The code is checked instead of the class, which differs across realms such as Jest's VM.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw badInput('argv', `${(error as Error).message} Run with --help for usage.`);
    }
    throw error;
  }

  const { values, positionals } = parsed;
  if (values.help) {
    return { kind: 'help' };
  }
  if (positionals.length !== 1) {
    const received =
      positionals.length === 0
        ? 'none'
        : positionals.map((path) => JSON.stringify(path)).join(', ');
    throw badInput(
      'argv',
      `Expected exactly one transactions file; received ${received}. Run with --help for usage.`,
    );
  }

  const command: ImportCommand = {
    kind: 'import',
    transactionsPath: positionals[0],
    dryRun: values['dry-run'],
  };
  if (values.products !== undefined) {
    command.productsPath = values.products;
  }
  return command;
}
