import { Product } from '../../src/db/entities';
import { MAX_BODY_BYTES } from '../../src/server/app';
import { seedCatalogue } from '../support/fixtures';
import { Role, startHarness } from './harness';
import type { Harness } from './harness';

const CREATE = (sku: string) =>
  `${sku.replace('-', '_')}: createProduct(input: { sku: "${sku}", name: "${sku}", listPrice: "1", currency: "GBP" }) { id }`;

describe('operation limits', () => {
  let harness: Harness;
  let admin: string;

  beforeAll(async () => {
    harness = await startHarness({
      authMode: 'required',
      limits: { maxQueryCost: 500, maxQueryDepth: 6, maxBatchOperations: 5 },
      seed: (dataSource) => seedCatalogue(dataSource, { products: 3, days: 40 }),
    });
    admin = await harness.createKey(Role.ADMIN, 'limits admin');
  });

  afterAll(() => harness.stop());

  it('reports requested and actual cost', async () => {
    const result = await harness.gql(
      '{ products(first: 10) { edges { node { sku } } } }',
      {},
      {
        key: await harness.createKey(Role.READER),
      },
    );

    const { requestedQueryCost, actualQueryCost, throttleStatus } = result.body.extensions.cost;
    // products 1 + edges 1 + 10 × (node 1 + sku 1)
    expect(requestedQueryCost).toBe(22);
    // products and edges, then node and sku for each of the 3 products stored
    expect(actualQueryCost).toBe(8);
    expect(throttleStatus.maximumAvailable).toBe(1000);
    expect(throttleStatus.restoreRate).toBe(50);
    // The bucket was charged 22, refunded 14, and refills while the request runs.
    expect(throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(992);
    expect(throttleStatus.currentlyAvailable).toBeLessThanOrEqual(1000);
  });

  it('rejects an operation over the maximum cost before it runs', async () => {
    // 51 aliased writes at 10 points each: 510 points against a maximum of 500.
    const mutation = `mutation { ${Array.from({ length: 51 }, (_, i) => CREATE(`BULK-${i}`)).join(' ')} }`;

    const result = await harness.gql(mutation, {}, { key: admin });

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions).toEqual({
      code: 'MAX_COST_EXCEEDED',
      requestedQueryCost: 561,
      maximumCost: 500,
    });
    expect(result.body.errors[0].message).toBe(
      'Operation cost 561 exceeds the maximum cost of 500 per operation; request smaller pages with first, fewer fields, or split the operation.',
    );
    expect(result.body.extensions.cost.actualQueryCost).toBeNull();
    expect(await harness.dataSource.getRepository(Product).count()).toBe(3);
  });

  it('counts aliases of an expensive field', async () => {
    const aliases = Array.from(
      { length: 6 },
      (_, i) =>
        `f${i}: runForecast(productId: "1", granularity: WEEK, horizon: 1, model: { kind: NAIVE }) { id }`,
    );

    const result = await harness.gql(`mutation { ${aliases.join(' ')} }`, {}, { key: admin });

    expect(result.body.errors[0].extensions.code).toBe('MAX_COST_EXCEEDED');
    expect(result.body.errors[0].extensions.requestedQueryCost).toBe(606);
  });

  it('rejects an operation nested too deep', async () => {
    const result = await harness.gql(
      '{ products(first: 1) { edges { node { forecasts(first: 1) { edges { node { points { value } } } } } } } }',
      {},
      { key: admin },
    );

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions).toEqual({
      code: 'MAX_DEPTH_EXCEEDED',
      depth: 8,
      maximumDepth: 6,
    });
    expect(result.body.errors[0].message).toBe(
      'Operation depth 8 exceeds the maximum depth of 6; select fewer nested fields.',
    );
  });

  it('rejects a page size over the maximum before it runs', async () => {
    const result = await harness.gql('{ products(first: 101) { totalCount } }', {}, { key: admin });

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(result.body.errors[0].message).toBe('first must be between 1 and 100; received 101.');
  });

  it('rejects an input list over the maximum', async () => {
    const points = Array.from({ length: 10_001 }, () => ({
      sku: 'X',
      period: '2022-01-01',
      units: 1,
      revenue: '1',
    }));

    const result = await harness.gql(
      'mutation($points: [SalesPointInput!]!) { recordSales(points: $points) { inserted } }',
      { points },
      { key: admin },
    );

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors[0].message).toBe(
      'points must hold at most 10000 items; received 10001. Split larger inputs into several requests.',
    );
  });

  it('rejects a body over the size limit', async () => {
    const result = await harness.post(
      { query: '{ viewer { role } }', variables: { padding: 'x'.repeat(MAX_BODY_BYTES) } },
      { key: admin },
    );

    expect(result.status).toBe(413);
    expect(result.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.body.errors[0].message).toMatch(
      /^Request body too large: received \d+ bytes; the maximum is 1048576 bytes\./,
    );
  });

  it('rejects malformed JSON', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: '{"query": ',
    });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('prices each operation of a batch', async () => {
    const reader = await harness.createKey(Role.READER, 'batch reader');
    const operation = { query: '{ products(first: 100) { edges { node { sku name } } } }' };

    const result = await harness.post([operation, operation, operation], { key: reader });

    expect(result.status).toBe(200);
    expect(result.body).toHaveLength(3);
    for (const response of result.body) {
      expect(response.extensions.cost.requestedQueryCost).toBe(302);
      expect(response.extensions.cost.actualQueryCost).toBe(11);
    }
  });

  it('rejects a batch over the maximum size', async () => {
    const batch = Array.from({ length: 6 }, () => ({ query: '{ viewer { role } }' }));

    const result = await harness.post(batch, { key: admin });

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(result.body.errors[0].message).toBe(
      'A batch may hold at most 5 operations; received 6. Send the rest in further requests.',
    );
  });
});

describe('rate limit', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      authMode: 'required',
      limits: { maxQueryCost: 100, rateLimitCapacity: 100, rateLimitRestoreRate: 1 },
      seed: (dataSource) => seedCatalogue(dataSource, { products: 2 }),
    });
  });

  afterAll(() => harness.stop());

  it('rejects with 429 and Retry-After once the bucket is empty', async () => {
    const key = await harness.createKey(Role.READER, 'busy reader');
    // 50 aliases of a 2-point selection take the whole bucket; all resolve, so no refund.
    const drain = `{ ${Array.from({ length: 50 }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`;

    const first = await harness.gql(drain, {}, { key });
    const second = await harness.gql(drain, {}, { key });

    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    const retryAfter = Number(second.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(second.body.errors[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
    });
    expect(second.body.errors[0].message).toMatch(
      /^Rate limit exceeded: this operation costs 100 points and \d+ of 100 are available, restoring 1 per second; retry after \d+ s\.$/,
    );
    expect(second.body.extensions.cost.actualQueryCost).toBeNull();
    expect(second.body.data).toBeUndefined();
  });

  it('keeps a separate bucket for each key', async () => {
    const busy = await harness.createKey(Role.READER, 'first key');
    const other = await harness.createKey(Role.READER, 'second key');
    const drain = `{ ${Array.from({ length: 50 }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`;
    await harness.gql(drain, {}, { key: busy });

    const result = await harness.gql('{ products { totalCount } }', {}, { key: other });

    expect(result.status).toBe(200);
    expect(result.body.data.products.totalCount).toBe(2);
  });

  it('counts every operation of a batch against the bucket', async () => {
    const key = await harness.createKey(Role.READER, 'batching reader');
    // 30 points each, all resolved: three fit in the bucket of 100, the fourth does not.
    const operation = {
      query: `{ ${Array.from({ length: 15 }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`,
    };

    const result = await harness.post([operation, operation, operation, operation], { key });

    const codes = result.body.map(
      (response: { errors?: { extensions: { code: string } }[] }) =>
        response.errors?.[0].extensions.code ?? 'OK',
    );
    expect(codes.filter((code: string) => code === 'OK')).toHaveLength(3);
    expect(codes.filter((code: string) => code === 'RATE_LIMITED')).toHaveLength(1);
    expect(result.status).toBe(429);
  });
});
