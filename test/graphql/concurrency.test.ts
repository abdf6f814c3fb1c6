import { ApiKey, Job, Product, SalesObservation } from '../../src/db/entities';
import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

describe('concurrent writes', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 2, days: 90 }),
      limits: { maxQueryCost: 10_000, rateLimitCapacity: 1_000_000, rateLimitRestoreRate: 100_000 },
    });
  });

  afterAll(() => server.stop());

  it('keeps every write of parallel mutations', async () => {
    const creates = Array.from({ length: 10 }, (_, i) =>
      server.gql(
        `mutation { createProduct(input: { sku: "PAR-${i}", name: "Parallel ${i}", listPrice: "1.00", currency: "GBP" }) { id } }`,
      ),
    );
    const duplicates = Array.from({ length: 5 }, () =>
      server.gql(
        'mutation { createProduct(input: { sku: "SKU-001", name: "Taken", listPrice: "1.00", currency: "GBP" }) { id } }',
      ),
    );
    const sales = Array.from({ length: 10 }, (_, i) =>
      server.gql(
        `mutation { recordSales(points: [{ sku: "SKU-002", period: "2023-01-${String(i + 1).padStart(2, '0')}", units: ${i + 1}, revenue: "1.00" }]) { inserted } }`,
      ),
    );
    const keys = Array.from({ length: 5 }, (_, i) =>
      server.gql(
        `mutation { createApiKey(name: "Parallel ${i}", role: READER) { apiKey { id } } }`,
      ),
    );
    const jobs = Array.from({ length: 3 }, () =>
      server.gql(
        'mutation { forecastCatalogue(productIds: ["1", "2"], granularity: WEEK, horizon: 2, model: { kind: NAIVE }) { id } }',
      ),
    );

    const results = await Promise.all([...creates, ...duplicates, ...sales, ...keys, ...jobs]);

    const codes = results.flatMap(
      (result) => result.errors?.map((error) => error.extensions?.code) ?? [],
    );
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await server.dataSource.getRepository(Product).countBy({ name: 'Taken' })).toBe(0);
    expect(await server.dataSource.getRepository(Product).count()).toBe(12);
    expect(await server.dataSource.getRepository(SalesObservation).countBy({ productId: 2 })).toBe(
      100,
    );
    expect(await server.dataSource.getRepository(ApiKey).count()).toBe(5);
    expect(await server.dataSource.getRepository(Job).count()).toBe(3);
  });

  it('keeps a revocation made beside failing writes', async () => {
    const created = await server.gql(
      'mutation { createApiKey(name: "Short-lived", role: READER) { apiKey { id } } }',
    );
    const id = created.data!.createApiKey.apiKey.id;

    await Promise.all([
      server.gql(`mutation { revokeApiKey(id: "${id}") { revokedAt } }`),
      ...Array.from({ length: 4 }, () =>
        server.gql(
          'mutation { createProduct(input: { sku: "SKU-001", name: "Taken", listPrice: "1.00", currency: "GBP" }) { id } }',
        ),
      ),
    ]);
    const stored = await server.dataSource
      .getRepository(ApiKey)
      .findOneByOrFail({ id: Number(id) });

    expect(stored.revokedAt).not.toBeNull();
  });
});
