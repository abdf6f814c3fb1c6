import { SalesObservation } from '../../src/db/entities';
import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const RECORD = /* GraphQL */ `
  mutation Record($points: [SalesPointInput!]!) {
    recordSales(points: $points) {
      inserted
      updated
      errors {
        index
        field
        code
        message
      }
    }
  }
`;

describe('sales recording and aggregation', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 2 }),
    });
  });

  afterAll(() => server.stop());

  it('inserts, then updates the same key', async () => {
    const first = await server.gql(RECORD, {
      points: [
        { sku: 'SKU-001', period: '2023-03-01', units: 3, revenue: '7.50' },
        { sku: 'SKU-001', period: '2023-03-02', units: 1, revenue: '2.50' },
      ],
    });
    const again = await server.gql(RECORD, {
      points: [{ productId: '1', period: '2023-03-01', units: 4, revenue: '10.00' }],
    });
    const rows = await server.dataSource
      .getRepository(SalesObservation)
      .findBy({ productId: 1, period: '2023-03-01' });

    expect(first.data!.recordSales).toEqual({ inserted: 2, updated: 0, errors: [] });
    expect(again.data!.recordSales).toEqual({ inserted: 0, updated: 1, errors: [] });
    expect(rows).toHaveLength(1);
    expect(rows[0].units).toBe(4);
    expect(rows[0].revenueMinor).toBe(100_000);
  });

  it('reports bad items and writes the good ones', async () => {
    const result = await server.gql(RECORD, {
      points: [
        { sku: 'SKU-002', period: '2023-04-01', units: 2, revenue: '5.00' },
        { sku: 'NOPE', period: '2023-04-01', units: 2, revenue: '5.00' },
        { sku: 'SKU-002', period: '2023-04-02', units: 2, revenue: '5.001.0' },
        { sku: 'SKU-002', period: '2023-04-01', units: 9, revenue: '1.00' },
        { sku: 'SKU-002', period: '2023-04-03', channel: 'Web Shop', units: 1, revenue: '1.00' },
      ],
    });
    const stored = await server.dataSource
      .getRepository(SalesObservation)
      .findBy({ productId: 2, period: '2023-04-01' });

    const payload = result.data!.recordSales;
    expect(payload.inserted).toBe(1);
    expect(
      payload.errors.map((error: { index: number; code: string }) => [error.index, error.code]),
    ).toEqual([
      [1, 'NOT_FOUND'],
      [2, 'BAD_USER_INPUT'],
      [3, 'BAD_USER_INPUT'],
      [4, 'BAD_USER_INPUT'],
    ]);
    expect(payload.errors[1].message).toBe(
      'revenue must be a decimal string with at most 4 decimals between -1000000000 and 1000000000, e.g. "15.30"; received "5.001.0".',
    );
    expect(stored.map((row) => row.units)).toEqual([2]);
  });

  it('rejects implausible dates and sizes', async () => {
    const result = await server.gql(RECORD, {
      points: [
        { sku: 'SKU-001', period: '9999-12-31', units: 1, revenue: '1.00' },
        { sku: 'SKU-001', period: '1969-12-31', units: 1, revenue: '1.00' },
        { sku: 'SKU-001', period: '2023-03-10', units: 20_000_000, revenue: '1.00' },
        { sku: 'SKU-001', period: '2023-03-11', units: 1, revenue: '900719925474.0991' },
      ],
    });

    const payload = result.data!.recordSales;
    expect(payload.inserted).toBe(0);
    expect(payload.errors.map((error: { field: string }) => error.field)).toEqual([
      'period',
      'period',
      'units',
      'revenue',
    ]);
    expect(payload.errors[0].message).toMatch(
      /^period must be between 1970-01-01 and \d{4}-\d{2}-\d{2} \(tomorrow, UTC\); received "9999-12-31"\.$/,
    );
    expect(payload.errors[2].message).toBe(
      'units must be between -10000000 and 10000000; received 20000000.',
    );
  });

  it('rejects an invalid calendar date', async () => {
    const result = await server.gql(RECORD, {
      points: [{ sku: 'SKU-001', period: '2023-02-30', units: 1, revenue: '1.00' }],
    });

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain('"2023-02-30"');
  });

  it('aggregates days into weeks and months', async () => {
    await server.gql(RECORD, {
      points: [
        { sku: 'SKU-001', period: '2023-05-28', units: 1, revenue: '0.10' },
        { sku: 'SKU-001', period: '2023-05-29', units: 2, revenue: '0.20' },
        { sku: 'SKU-001', period: '2023-06-01', units: 3, revenue: '0.30', channel: 'web' },
      ],
    });
    const query =
      'query($g: Granularity!) { product(sku: "SKU-001") { sales(granularity: $g, from: "2023-05-01", to: "2023-06-30") { period units revenue { amount } } } }';

    const weeks = await server.gql(query, { g: 'WEEK' });
    const months = await server.gql(query, { g: 'MONTH' });
    const web = await server.gql(
      '{ product(sku: "SKU-001") { sales(granularity: DAY, channel: "web") { period units } } }',
    );

    // 2023-05-28 is a Sunday (week of Monday 05-22); 05-29 and 06-01 share the week of 05-29.
    expect(weeks.data!.product.sales).toEqual([
      { period: '2023-05-22', units: 1, revenue: { amount: '0.10' } },
      { period: '2023-05-29', units: 5, revenue: { amount: '0.50' } },
    ]);
    expect(months.data!.product.sales).toEqual([
      { period: '2023-05-01', units: 3, revenue: { amount: '0.30' } },
      { period: '2023-06-01', units: 3, revenue: { amount: '0.30' } },
    ]);
    expect(web.data!.product.sales).toEqual([{ period: '2023-06-01', units: 3 }]);
  });
});
