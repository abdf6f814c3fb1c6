import { IMPORT_USAGE, parseImportArgs } from '../../src/ingest/importCommand';
import { DomainError } from '../../src/shared/errors';

function argumentError(argv: string[]): DomainError {
  try {
    parseImportArgs(argv);
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('Expected a DomainError.');
}

describe('parseImportArgs', () => {
  it('reads the transactions file', () => {
    expect(parseImportArgs(['sales.csv'])).toEqual({
      kind: 'import',
      transactionsPath: 'sales.csv',
      dryRun: false,
    });
  });

  it('reads the products file and dry run', () => {
    expect(parseImportArgs(['--products', 'p.csv', 'sales.csv', '--dry-run'])).toEqual({
      kind: 'import',
      transactionsPath: 'sales.csv',
      productsPath: 'p.csv',
      dryRun: true,
    });
  });

  it('accepts --products=FILE', () => {
    expect(parseImportArgs(['sales.csv', '--products=p.csv'])).toMatchObject({
      productsPath: 'p.csv',
    });
  });

  it('returns help', () => {
    expect(parseImportArgs(['--help'])).toEqual({ kind: 'help' });
    expect(IMPORT_USAGE).toMatch(/^Usage: npm run import -- TRANSACTIONS\.csv/);
  });

  it('rejects a missing file', () => {
    const error = argumentError([]);

    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'Expected exactly one transactions file; received none. Run with --help for usage.',
    );
  });

  it('rejects two files', () => {
    expect(argumentError(['a.csv', 'b.csv']).message).toBe(
      'Expected exactly one transactions file; received "a.csv", "b.csv". Run with --help for usage.',
    );
  });

  it('rejects an unknown option', () => {
    const error = argumentError(['sales.csv', '--force']);

    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/--force/);
    expect(error.message).toMatch(/Run with --help for usage\.$/);
  });

  it('rejects --products without a value', () => {
    expect(argumentError(['sales.csv', '--products']).message).toMatch(/--products/);
  });
});
