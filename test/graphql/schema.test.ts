import * as fs from 'node:fs';
import * as path from 'node:path';

import { printSortedSchema } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code', async () => {
    const committed = fs.readFileSync(
      path.resolve(__dirname, '../../schema/schema.graphql'),
      'utf8',
    );

    const built = await printSortedSchema();

    // When this fails, run `npm run schema` and commit schema/schema.graphql.
    expect(committed).toBe(built);
  });
});
