import { getIntrospectionQuery, parse, validate } from 'graphql';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';

import { createSchema } from '../../src/graphql/schema';
import { analyzeOperation } from '../../src/server/limits/analyzeOperation';
import type { OperationAnalysis } from '../../src/server/limits/analyzeOperation';
import { DEFAULT_LIST_SIZE, FORECAST_COST, MUTATION_COST } from '../../src/server/limits/costRules';
import { EXAMPLE_QUERY } from '../../src/server/graphiql/graphiqlRoutes';

const LIMITS = { maxPageSize: 100, maxListItems: 10_000 };

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await createSchema();
});

function analyze(query: string, variables?: Record<string, unknown>): OperationAnalysis {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find(
    (definition) => definition.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return analyzeOperation(schema, document, operation, variables, LIMITS);
}

describe('analyzeOperation', () => {
  it('counts each field once', () => {
    expect(analyze('{ product(sku: "A") { sku name } }').requestedCost).toBe(3);
  });

  it('multiplies list fields by the page size', () => {
    // products 1 + edges 1 + 5 × (node 1 + sku 1 + name 1)
    expect(analyze('{ products(first: 5) { edges { node { sku name } } } }').requestedCost).toBe(
      17,
    );
  });

  it('uses the schema default page size', () => {
    // first defaults to 20: products 1 + edges 1 + 20 × (node 1 + sku 1)
    expect(analyze('{ products { edges { node { sku } } } }').requestedCost).toBe(42);
  });

  it('reads the page size from variables', () => {
    const query = 'query($n: Int!) { products(first: $n) { edges { node { sku } } } }';

    expect(analyze(query, { n: 50 }).requestedCost).toBe(102);
  });

  it('does not multiply fields beside the list', () => {
    const result = analyze(
      '{ products(first: 100) { totalCount pageInfo { hasNextPage } edges { cursor } } }',
    );

    // products 1 + totalCount 1 + pageInfo 2 + edges 1 + 100 × cursor 1
    expect(result.requestedCost).toBe(105);
  });

  it('multiplies nested connections', () => {
    const query =
      '{ products(first: 10) { edges { node { forecasts(first: 10) { edges { node { id } } } } } } }';

    // products 1 + edges 1 + 10 × (node 1 + forecasts 1 + edges 1 + 10 × (node 1 + id 1))
    expect(analyze(query).requestedCost).toBe(2 + 10 * (3 + 10 * 2));
  });

  it('estimates sales periods by granularity and range', () => {
    const yearOfMonths = analyze('{ product(sku: "A") { sales(granularity: MONTH) { units } } }');
    const yearOfDays = analyze('{ product(sku: "A") { sales(granularity: DAY) { units } } }');
    const oneWeekOfDays = analyze(
      '{ product(sku: "A") { sales(granularity: DAY, from: "2011-01-01", to: "2011-01-07") { units } } }',
    );

    expect(yearOfMonths.requestedCost).toBe(2 + 12);
    expect(yearOfDays.requestedCost).toBe(2 + 366);
    expect(oneWeekOfDays.requestedCost).toBe(2 + 8);
  });

  it('counts every alias', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `p${i}: product(sku: "A") { sku }`);

    expect(analyze(`{ ${aliases.join(' ')} }`).requestedCost).toBe(200);
  });

  it('counts fragments at each spread', () => {
    const query = `
      { a: product(sku: "A") { ...Fields } b: product(sku: "B") { ...Fields } }
      fragment Fields on Product { sku name category }
    `;

    expect(analyze(query).requestedCost).toBe(8);
  });

  it('measures nested fragment spreads quickly', () => {
    // Each fragment spreads the next twice: 2^30 leaves if expanded naively.
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Product { ...F${i + 1} ...F${i + 1} }`,
    );
    fragments.push('fragment F30 on Product { sku }');
    const query = `{ product(sku: "A") { ...F0 } } ${fragments.join('\n')}`;
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;

    const result = analyzeOperation(schema, document, operation, undefined, LIMITS);

    expect(result.requestedCost).toBe(1 + 2 ** 30);
  });

  it('skips fields under @skip and @include', () => {
    const query =
      'query($no: Boolean!) { product(sku: "A") { sku name @skip(if: true) category @include(if: $no) } }';

    expect(analyze(query, { no: false }).requestedCost).toBe(2);
  });

  it('prices forecasts, copy and writes', () => {
    const forecast = analyze(
      'mutation { runForecast(productId: "1", granularity: MONTH, horizon: 3, model: { kind: NAIVE }) { id } }',
    );
    const copy = analyze(
      'mutation { generateCopy(productId: "1", channel: EMAIL, variants: 3) { text } }',
    );
    const write = analyze('mutation { deleteProduct(id: "1") { id } }');

    expect(forecast.requestedCost).toBe(FORECAST_COST + 1);
    // 3 variants at 20 each, plus the text of each of the 3 copies
    expect(copy.requestedCost).toBe(60 + 3);
    expect(write.requestedCost).toBe(MUTATION_COST + 1);
  });

  describe('forecast points', () => {
    const POINT_FIELDS = 'period value lower80 upper80 lower95 upper95';
    // Each point costs 1 per scalar field selected.
    const POINT_COST = POINT_FIELDS.split(' ').length;
    const RUN_FORECAST = (horizon: string) =>
      `runForecast(productId: "3083", granularity: DAY, horizon: ${horizon}, model: { kind: NAIVE })`;

    it('counts horizon points for runForecast', () => {
      const result = analyze(
        `mutation { ${RUN_FORECAST('366')} { id points { ${POINT_FIELDS} } } }`,
      );

      expect(result.requestedCost).toBeGreaterThanOrEqual(366 * POINT_COST);
      // runForecast 100 + id 1 + points 1 + 366 × 6, the actual cost of the full forecast
      expect(result.requestedCost).toBe(FORECAST_COST + 2 + 366 * POINT_COST);
    });

    it('reads the horizon from variables', () => {
      const query = `mutation($h: Int!) { ${RUN_FORECAST('$h')} { id points { ${POINT_FIELDS} } } }`;

      expect(analyze(query, { h: 366 }).requestedCost).toBeGreaterThanOrEqual(366 * POINT_COST);
      expect(analyze(query, { h: 30 }).requestedCost).toBe(FORECAST_COST + 2 + 30 * POINT_COST);
    });

    it('counts each horizon through fragments', () => {
      const query = `
        mutation { a: ${RUN_FORECAST('1')} { ...Points } b: ${RUN_FORECAST('366')} { ...Points } }
        fragment Points on Forecast { ... on Forecast { points { value } } }
      `;

      // two fits, each with points 1 + horizon × value 1
      expect(analyze(query).requestedCost).toBe(2 * FORECAST_COST + 2 + 1 + 366);
    });

    it('leaves an invalid horizon to the resolver', () => {
      const query = `mutation($h: Int!) { ${RUN_FORECAST('$h')} { points { value } } }`;

      // The resolver rejects these horizons, so the points are priced as an unknown list.
      expect(analyze(query, { h: 5000 }).requestedCost).toBe(FORECAST_COST + 1 + DEFAULT_LIST_SIZE);
      expect(analyze(query, { h: 0 }).requestedCost).toBe(FORECAST_COST + 1 + DEFAULT_LIST_SIZE);
    });

    it('prices stored forecast points by default', () => {
      const result = analyze('{ forecast(id: "1") { points { value } } }');

      expect(result.requestedCost).toBe(2 + DEFAULT_LIST_SIZE);
    });
  });

  it('prices jobs and model fits by their work', () => {
    const catalogue = analyze(
      'mutation { forecastCatalogue(productIds: ["1", "2", "3"], granularity: MONTH, horizon: 3, model: { kind: NAIVE }) { id } }',
    );
    const bulk = analyze(
      'mutation { generateCopyBulk(input: { productIds: ["1", "2"], channel: EMAIL, variants: 3 }) { id } }',
    );
    const lift = analyze('{ campaign(id: "1") { lift { lift } } }');

    // one fit plus a point per product, plus the job's id
    expect(catalogue.requestedCost).toBe(FORECAST_COST + 3 + 1);
    // 20 for the request plus a point per copy (2 products x 3 variants), plus the job's id
    expect(bulk.requestedCost).toBe(20 + 2 * 3 + 1);
    expect(lift.requestedCost).toBeGreaterThanOrEqual(FORECAST_COST);
  });

  it('prices recordSales by its points', () => {
    const points = Array.from({ length: 250 }, (_, day) => ({
      sku: 'A',
      period: `2011-01-${String((day % 28) + 1).padStart(2, '0')}`,
      units: 1,
      revenue: '1.00',
    }));
    const query =
      'mutation($points: [SalesPointInput!]!) { recordSales(points: $points) { inserted } }';

    expect(analyze(query, { points }).requestedCost).toBe(MUTATION_COST + 3 + 1);
  });

  it('measures depth without introspection', () => {
    const deep = analyze(
      '{ products(first: 1) { edges { node { forecasts(first: 1) { edges { node { points { value } } } } } } } }',
    );
    const introspection = analyze(getIntrospectionQuery());

    expect(deep.depth).toBe(8);
    expect(introspection.depth).toBe(0);
    expect(introspection.requestedCost).toBeGreaterThan(50);
  });

  it('reports page sizes over the maximum', () => {
    const result = analyze('{ products(first: 500) { totalCount } }');

    expect(result.inputErrors.map((error) => error.message)).toEqual([
      'first must be between 1 and 100; received 500.',
    ]);
    expect(result.inputErrors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reports page sizes below one', () => {
    const result = analyze('{ product(sku: "A") { copies(first: 0) { totalCount } } }');

    expect(result.inputErrors.map((error) => error.message)).toEqual([
      'first must be between 1 and 100; received 0.',
    ]);
  });

  it('reports input lists over the maximum', () => {
    const tags = Array.from({ length: 10_001 }, (_, i) => `t${i}`);
    const query =
      'mutation($tags: [String!]!) { createProduct(input: { sku: "A", name: "A", listPrice: "1", currency: "GBP", tags: $tags }) { id } }';

    const result = analyze(query, { tags });

    expect(result.inputErrors.map((error) => error.message)).toEqual([
      'input.tags must hold at most 10000 items; received 10001. Split larger inputs into several requests.',
    ]);
    expect(result.inputErrors[0].extensions.field).toBe('input.tags');
  });

  it('prices the GraphiQL example query', () => {
    // products 1 + edges 1 + 5 × (node 1 + sku 1 + name 1 + listPrice 3 + sales 1 + 12 × 2)
    expect(analyze(EXAMPLE_QUERY).requestedCost).toBe(2 + 5 * 31);
  });
});
