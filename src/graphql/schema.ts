import 'reflect-metadata';

import { lexicographicSortSchema, printSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { CopyResolver } from './copy/copy.resolver';
import { ForecastResolver } from './forecast/forecast.resolver';
import { ProductResolver } from './product/product.resolver';
import { ProductFieldsResolver } from './product/productFields.resolver';
import { SalesResolver } from './sales/sales.resolver';

let schema: Promise<GraphQLSchema> | undefined;

/** Builds the executable schema from the resolver classes, once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      ProductResolver,
      ProductFieldsResolver,
      SalesResolver,
      ForecastResolver,
      CopyResolver,
    ] as const,
    validate: false,
  });
  return schema;
}

const BANNER =
  '# Generated from the resolver classes in src/graphql by `npm run schema`; do not edit.\n\n';

/** Prints the schema as SDL with types and fields sorted, as committed in schema/. */
export async function printSortedSchema(): Promise<string> {
  return BANNER + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
