import { join } from 'node:path';

import { parseOnlineRetailFiles } from '../../../src/ingest/onlineRetail/parseOnlineRetailFiles';
import { DomainError } from '../../../src/shared/errors';
import { FIXTURES_DIR } from '../harness';

describe('parseOnlineRetailFiles', () => {
  it('parses the named files', async () => {
    const result = await parseOnlineRetailFiles(
      join(FIXTURES_DIR, 'adjustments.csv'),
      join(FIXTURES_DIR, 'products.csv'),
    );

    expect(result.report.linesRead).toBe(7);
    expect(result.report.catalogue?.rowsRead).toBe(10);
  });

  it('labels problems with the file name', async () => {
    await expect(parseOnlineRetailFiles(join(FIXTURES_DIR, 'malformed.csv'))).rejects.toMatchObject(
      {
        code: 'IMPORT_FAILED',
        problems: expect.arrayContaining([
          expect.objectContaining({ file: 'malformed.csv', line: 3 }),
        ]),
      },
    );
  });

  it('rejects a missing file', async () => {
    const missing = join(FIXTURES_DIR, 'missing.csv');

    const promise = parseOnlineRetailFiles(missing);

    await expect(promise).rejects.toBeInstanceOf(DomainError);
    await expect(promise).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'transactionsPath',
      message: `File ${JSON.stringify(missing)} was not found or is a directory; pass the path of a CSV file.`,
    });
  });

  it('rejects a directory as products file', async () => {
    await expect(
      parseOnlineRetailFiles(join(FIXTURES_DIR, 'adjustments.csv'), FIXTURES_DIR),
    ).rejects.toMatchObject({
      field: 'productsPath',
    });
  });
});
