import 'reflect-metadata';

import { lexicographicSortSchema, printSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { ANALYSIS_RESOLVERS } from './analysis/analysisResolvers';
import { ApiKeyResolver } from './apiKey/apiKey.resolver';
import { authChecker } from './apiKey/authChecker';
import { BrandProfileResolver } from './brand/brand.resolver';
import { CopyResolver } from './copy/copy.resolver';
import { ForecastResolver } from './forecast/forecast.resolver';
import { JobResolver } from './job/job.resolver';
import { ProductResolver } from './product/product.resolver';
import { ProductFieldsResolver } from './product/productFields.resolver';
import { SalesResolver } from './sales/sales.resolver';

let schema: Promise<GraphQLSchema> | undefined;

/**
 * Builds the executable schema from the resolver classes, once per process. Fields marked
 * `@Authorized(role)` are checked by `authChecker` against the request's principal.
 */
export function createSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      ProductResolver,
      ProductFieldsResolver,
      SalesResolver,
      ForecastResolver,
      CopyResolver,
      ApiKeyResolver,
      JobResolver,
      BrandProfileResolver,
      ...ANALYSIS_RESOLVERS,
    ] as const,
    authChecker,
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
