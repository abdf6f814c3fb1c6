import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const START = /* GraphQL */ `
  mutation Start($productIds: [ID!], $category: String) {
    forecastCatalogue(
      productIds: $productIds
      category: $category
      granularity: WEEK
      horizon: 4
      model: { kind: ARIMA, order: { p: 1, d: 1, q: 0 } }
    ) {
      id
      status
      total
    }
  }
`;

const JOB = /* GraphQL */ `
  query Job($id: ID!) {
    job(id: $id) {
      status
      total
      succeeded
      failed
      progress
      results {
        key
        ok
        resultId
        code
        message
      }
      error
    }
  }
`;

async function waitForJob(server: TestServer, id: string): Promise<any> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const result = await server.gql(JOB, { id });
    const job = result.data!.job;
    if (!['queued', 'running'].includes(job.status.toLowerCase())) {
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Job ${id} did not finish.`);
}

describe('forecastCatalogue', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 4, days: 120 }),
    });
    // Product 5 sells on one day only: too short for ARIMA(1,1,0).
    await server.gql(
      'mutation { createProduct(input: { sku: "ONE-DAY", name: "One day", listPrice: "1.00", currency: "GBP" }) { id } }',
    );
    await server.gql(
      'mutation { recordSales(points: [{ sku: "ONE-DAY", period: "2022-05-01", units: 3, revenue: "3.00" }]) { inserted } }',
    );
  });

  afterAll(() => server.stop());

  it('forecasts each product and reports failures per product', async () => {
    const started = await server.gql(START, { productIds: ['1', '2', '5', '999'] });

    expect(started.errors).toBeUndefined();
    expect(started.data!.forecastCatalogue.total).toBe(4);
    const job = await waitForJob(server, started.data!.forecastCatalogue.id);
    expect(job.status).toBe('PARTIAL');
    expect(job.succeeded).toBe(2);
    expect(job.failed).toBe(2);
    expect(job.progress).toBe(100);
    const byKey = Object.fromEntries(job.results.map((result: any) => [result.key, result]));
    expect(byKey['1'].ok).toBe(true);
    expect(byKey['2'].ok).toBe(true);
    expect(byKey['5']).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(byKey['999']).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: 'Product 999 was not found.',
    });

    const stored = await server.gql(
      `{ forecast(id: "${byKey['1'].resultId}") { product { sku } points { step } } }`,
    );
    expect(stored.data!.forecast.product.sku).toBe('SKU-001');
    expect(stored.data!.forecast.points).toHaveLength(4);
  });

  it('selects every product with sales in a category', async () => {
    const started = await server.gql(START, { category: 'Cat B' });

    const job = await waitForJob(server, started.data!.forecastCatalogue.id);

    expect(job.total).toBe(2);
    expect(job.status).toBe('SUCCEEDED');
  });

  it('rejects an empty product list before queuing', async () => {
    const result = await server.gql(START, { productIds: [] });

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe('productIds must list 1 to 5000 products; received 0.');
  });
});
