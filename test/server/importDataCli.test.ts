import { parseImportDataArgs } from '../../src/server/importDataCli';
import { DomainError } from '../../src/shared/errors';

function messageOf(argv: string[]): string {
  try {
    parseImportDataArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as Error).message;
  }
  throw new Error('parseImportDataArgs accepted the arguments.');
}

describe('parseImportDataArgs', () => {
  it('reads a campaign import', () => {
    expect(
      parseImportDataArgs([
        'campaigns',
        'bank.csv',
        '--format',
        'bank-marketing',
        '--product',
        'SKU-1',
      ]),
    ).toEqual({
      kind: 'campaigns',
      file: 'bank.csv',
      format: 'bank-marketing',
      productSku: 'SKU-1',
      createProducts: false,
      currency: 'GBP',
      dryRun: false,
    });
  });

  it('defaults the review format', () => {
    const command = parseImportDataArgs(['reviews', 'r.csv', '--create-products', '--dry-run']);

    expect(command).toMatchObject({
      kind: 'reviews',
      format: 'reviews',
      createProducts: true,
      dryRun: true,
    });
  });

  it('rejects a format of the other kind', () => {
    expect(messageOf(['reviews', 'r.csv', '--format', 'bank-marketing'])).toBe(
      '--format for reviews must be reviews or clothing-reviews; received "bank-marketing". Run with --help for usage.',
    );
  });

  it('rejects a missing file', () => {
    expect(messageOf(['campaigns'])).toBe(
      'Expected "campaigns FILE" or "reviews FILE"; received "campaigns". Run with --help for usage.',
    );
  });

  it('prints help on request', () => {
    expect(parseImportDataArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
