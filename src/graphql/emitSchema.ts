import * as fs from 'node:fs';
import * as path from 'node:path';

import { printSortedSchema } from './schema';

/** Writes the SDL of the schema to schema/schema.graphql; run with `npm run schema`. */
async function emitSchema(): Promise<void> {
  const target = path.resolve(__dirname, '../..', 'schema/schema.graphql');
  fs.writeFileSync(target, await printSortedSchema());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
}

emitSchema().catch((error: unknown) => {
  process.stderr.write(`Schema emit failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
