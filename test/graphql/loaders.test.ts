import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const DASHBOARD = /* GraphQL */ `
  query Dashboard($first: Int!) {
    products(first: $first) {
      totalCount
      edges {
        node {
          sku
          sales(granularity: MONTH) {
            period
            units
            revenue {
              amount
            }
          }
          latestForecast {
            id
            modelKind
            points {
              step
              value
              lower95
              upper95
            }
          }
          copies(first: 5) {
            totalCount
            edges {
              node {
                text
              }
            }
          }
        }
      }
    }
  }
`;

describe('per-request DataLoaders', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) =>
        seedCatalogue(dataSource, { products: 50, days: 60, withForecastsAndCopies: true }),
      // The 50-product dashboard costs 5,403 points, over the default maximum of 1,000 per
      // operation; this suite counts SQL statements, so the cost limits are raised.
      limits: { maxQueryCost: 20_000, rateLimitCapacity: 100_000 },
    });
  });

  afterAll(() => server.stop());

  it('keeps SQL statements constant as products grow', async () => {
    const few = await server.gql(DASHBOARD, { first: 5 });
    const statementsForFive = server.queries.take();
    const many = await server.gql(DASHBOARD, { first: 50 });
    const statementsForFifty = server.queries.take();

    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data!.products.edges).toHaveLength(50);
    expect(statementsForFifty).toBe(statementsForFive);
    expect(statementsForFifty).toBeLessThanOrEqual(10);
  });

  it('returns each product its own rows', async () => {
    const result = await server.gql(DASHBOARD, { first: 50 });

    const third = result.data!.products.edges[2].node;
    expect(third.sku).toBe('SKU-003');
    // 2022-01-03 .. 2022-01-31 is 29 days; units are 3 + (day % 7): four full weeks of
    // 3+4+...+9 = 42, plus one day of 3.
    expect(third.sales[0]).toEqual({
      period: '2022-01-01',
      units: 4 * 42 + 3,
      revenue: { amount: '427.50' },
    });
    expect(third.latestForecast.points).toHaveLength(3);
    expect(third.copies.totalCount).toBe(2);
    expect(third.copies.edges[0].node.text).toBe('Copy 1 for Product 3');
  });
});
