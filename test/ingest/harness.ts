/** Fixture access and error capture shared by the ingest tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ImportError } from '../../src/ingest/importError';

/** Directory of the hand-written Online Retail fixtures. */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'online_retail');

/** Directory of the shipped sample data. */
export const SAMPLE_DIR = join(__dirname, '..', '..', 'data', 'sample');

/** Returns the text of a fixture file in `test/fixtures/online_retail/`. */
export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/** Runs `parse` and returns the `ImportError` it throws; fails the test when it throws none. */
export function catchImportError(parse: () => unknown): ImportError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ImportError) {
      return error;
    }
    throw error;
  }
  throw new Error('Expected an ImportError, but parsing succeeded.');
}
