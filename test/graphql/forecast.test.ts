import type { DataSource } from 'typeorm';

import { Forecast, Product, SalesObservation } from '../../src/db/entities';
import { addPeriods, formatIsoDate, parseIsoDate } from '../../src/shared/period';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const RUN = /* GraphQL */ `
  mutation Run(
    $productId: ID!
    $granularity: Granularity!
    $horizon: Int!
    $model: ForecastModelInput!
  ) {
    runForecast(
      productId: $productId
      granularity: $granularity
      horizon: $horizon
      model: $model
    ) {
      id
      modelKind
      requestedModel
      arimaOrder {
        p
        d
        q
      }
      seasonalOrder {
        P
        D
        Q
        s
      }
      horizon
      seasonLength
      warnings
      trainingRange {
        from
        to
        points
      }
      fitStatistics {
        sigma2
        aic
      }
      candidates {
        modelKind
        scores {
          mase
        }
        error
      }
      points {
        step
        period
        value
        lower80
        upper80
        lower95
        upper95
      }
    }
  }
`;

/**
 * Product 1 sells four years of days (2021-01-01 .. 2024-12-31) with a yearly cycle and a
 * deterministic wobble; product 2 sells on three days of its only month.
 */
async function seedSeasonalSales(dataSource: DataSource): Promise<void> {
  const products = dataSource.getRepository(Product);
  for (const sku of ['SEASONAL', 'SPARSE']) {
    await products.save(
      { sku, name: sku, listPriceMinor: 10_000, currency: 'GBP', tags: [] },
      { transaction: false },
    );
  }
  const start = parseIsoDate('2021-01-01')!;
  const rows: Partial<SalesObservation>[] = [];
  for (let day = 0; day < 1461; day++) {
    const units = Math.round(20 + 10 * Math.sin((2 * Math.PI * day) / 365) + ((day * 7919) % 13));
    const period = formatIsoDate(addPeriods(start, 'day', day));
    rows.push({ productId: 1, period, channel: 'all', units, revenueMinor: units * 10_000 });
  }
  for (const period of ['2024-12-01', '2024-12-02', '2024-12-03']) {
    rows.push({ productId: 2, period, channel: 'all', units: 1, revenueMinor: 10_000 });
  }
  for (let offset = 0; offset < rows.length; offset += 150) {
    await dataSource.getRepository(SalesObservation).insert(rows.slice(offset, offset + 150));
  }
}

type Point = { value: number; lower80: number; upper80: number; lower95: number; upper95: number };

function expectOrderedIntervals(points: Point[]): void {
  for (const point of points) {
    expect(Number.isFinite(point.value)).toBe(true);
    expect(point.lower95).toBeLessThanOrEqual(point.lower80);
    expect(point.lower80).toBeLessThanOrEqual(point.value);
    expect(point.value).toBeLessThanOrEqual(point.upper80);
    expect(point.upper80).toBeLessThanOrEqual(point.upper95);
  }
}

describe('runForecast', () => {
  let server: TestServer;

  beforeAll(async () => {
    // The many forecasts below would empty the default rate-limit bucket, which is tested elsewhere.
    server = await startTestServer({
      seed: seedSeasonalSales,
      limits: { rateLimitCapacity: 100_000, rateLimitRestoreRate: 10_000 },
    });
  });

  afterAll(() => server.stop());

  it('fits ARIMA(5,1,0) on monthly sales and stores it', async () => {
    const result = await server.gql(RUN, {
      productId: '1',
      granularity: 'MONTH',
      horizon: 6,
      model: { kind: 'ARIMA', order: { p: 5, d: 1, q: 0 } },
    });

    expect(result.errors).toBeUndefined();
    const forecast = result.data!.runForecast;
    expect(forecast.modelKind).toBe('ARIMA');
    expect(forecast.arimaOrder).toEqual({ p: 5, d: 1, q: 0 });
    expect(forecast.trainingRange).toEqual({ from: '2021-01-01', to: '2024-12-01', points: 48 });
    expect(forecast.points.map((point: { period: string }) => point.period)).toEqual([
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
      '2025-06-01',
    ]);
    expectOrderedIntervals(forecast.points);
    expect(forecast.fitStatistics.sigma2).toBeGreaterThan(0);

    const stored = await server.gql(
      '{ product(id: "1") { latestForecast { id points { step } } forecasts(first: 5) { totalCount } } }',
    );
    expect(stored.data!.product.latestForecast.id).toBe(forecast.id);
    expect(stored.data!.product.latestForecast.points).toHaveLength(6);
  });

  it('fits a seasonal ARIMA with its seasonal order', async () => {
    const result = await server.gql(RUN, {
      productId: '1',
      granularity: 'MONTH',
      horizon: 12,
      model: {
        kind: 'SARIMA',
        order: { p: 0, d: 1, q: 1 },
        seasonalOrder: { P: 0, D: 1, Q: 1, s: 12 },
      },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data!.runForecast.seasonalOrder).toEqual({ P: 0, D: 1, Q: 1, s: 12 });
    expect(result.data!.runForecast.points).toHaveLength(12);
    expectOrderedIntervals(result.data!.runForecast.points);
  });

  it('chooses a model with AUTO and lists the candidates', async () => {
    const result = await server.gql(RUN, {
      productId: '1',
      granularity: 'WEEK',
      horizon: 8,
      model: { kind: 'AUTO' },
    });

    expect(result.errors).toBeUndefined();
    const forecast = result.data!.runForecast;
    expect(forecast.requestedModel).toBe('AUTO');
    expect(forecast.candidates.length).toBeGreaterThan(1);
    expect(forecast.points).toHaveLength(8);
    expectOrderedIntervals(forecast.points);
  });

  it('calibrates a single model unless asked not to', async () => {
    const query = /* GraphQL */ `
      mutation Run($model: ForecastModelInput!) {
        runForecast(productId: "1", granularity: WEEK, horizon: 8, model: $model) {
          parameters {
            name
            value
          }
          points {
            value
            upper95
          }
        }
      }
    `;
    const parameter = (forecast: { parameters: { name: string; value: number }[] }, name: string) =>
      forecast.parameters.find((entry) => entry.name === name)?.value;

    const calibrated = await server.gql(query, { model: { kind: 'NAIVE' } });
    const own = await server.gql(query, { model: { kind: 'NAIVE', calibrateIntervals: false } });

    expect(calibrated.errors).toBeUndefined();
    expect(own.errors).toBeUndefined();
    const scale = parameter(calibrated.data!.runForecast, 'intervalScale95')!;
    expect(scale).toBeGreaterThanOrEqual(1);
    expect(parameter(own.data!.runForecast, 'intervalScale95')).toBeUndefined();
    const width = (forecast: { points: { value: number; upper95: number }[] }) =>
      forecast.points[7].upper95 - forecast.points[7].value;
    expect(width(calibrated.data!.runForecast)).toBeCloseTo(
      scale * width(own.data!.runForecast),
      6,
    );
  });

  it('fits ARIMA with drift by conditional sum of squares', async () => {
    const result = await server.gql(/* GraphQL */ `
      mutation {
        runForecast(
          productId: "1"
          granularity: MONTH
          horizon: 3
          model: { kind: ARIMA, order: { p: 1, d: 1, q: 0, drift: true, method: CSS } }
        ) {
          parameters {
            name
            value
            text
          }
        }
      }
    `);

    expect(result.errors).toBeUndefined();
    const names = result.data!.runForecast.parameters.map((entry: { name: string }) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['ar1', 'drift', 'method']));
    const method = result.data!.runForecast.parameters.find(
      (entry: { name: string }) => entry.name === 'method',
    );
    expect(method.text).toBe('CSS');
  });

  it('raises negative bounds of unit sales to zero', async () => {
    const result = await server.gql(RUN, {
      productId: '2',
      granularity: 'DAY',
      horizon: 5,
      model: { kind: 'MEAN' },
    });

    const forecast = result.data!.runForecast;
    // 3 sales of 1 unit in 31 days: a mean of 0.097 with a standard deviation near 0.3
    expect(forecast.points.every((point: Point) => point.lower95 === 0)).toBe(true);
    expect(forecast.points.every((point: Point) => point.value > 0)).toBe(true);
    expect(forecast.warnings.join(' ')).toMatch(
      /10 forecast values or interval bounds below zero were raised to zero/,
    );
  });

  it('keeps negative bounds when returns outnumber sales', async () => {
    const returns = { productId: 2, period: '2024-12-04', channel: 'all' };
    await server.dataSource
      .getRepository(SalesObservation)
      .insert({ ...returns, units: -3, revenueMinor: -30_000 });

    const result = await server.gql(RUN, {
      productId: '2',
      granularity: 'DAY',
      horizon: 3,
      model: { kind: 'MEAN', calibrateIntervals: false },
    });
    await server.dataSource.getRepository(SalesObservation).delete(returns);

    const forecast = result.data!.runForecast;
    expect(forecast.points.some((point: Point) => point.lower95 < 0)).toBe(true);
    expect(forecast.warnings).toContain(
      '6 forecast values or interval bounds below zero were kept, because 1 training period had negative net units (more returned than sold).',
    );
  });

  it('leaves an incomplete last period out of training', async () => {
    await server.dataSource.getRepository(SalesObservation).insert({
      productId: 2,
      period: '2025-01-09',
      channel: 'all',
      units: 1,
      revenueMinor: 10_000,
    });

    const result = await server.gql(RUN, {
      productId: '1',
      granularity: 'MONTH',
      horizon: 1,
      model: { kind: 'NAIVE' },
    });
    await server.dataSource.getRepository(SalesObservation).delete({ period: '2025-01-09' });

    expect(result.data!.runForecast.trainingRange.to).toBe('2024-12-01');
    expect(result.data!.runForecast.warnings).toContain(
      'The month starting 2025-01-01 is incomplete because the data end on 2025-01-09; it was left out of training.',
    );
  });

  it.each([
    [
      { productId: '99', horizon: 3, model: { kind: 'NAIVE' } },
      'No product has id "99"; query products to find one.',
    ],
    [
      { productId: '1', horizon: 0, model: { kind: 'NAIVE' } },
      'horizon must be between 1 and 366; received 0.',
    ],
    [
      { productId: '1', horizon: 400, model: { kind: 'NAIVE' } },
      'horizon must be between 1 and 366; received 400.',
    ],
    [
      { productId: '1', horizon: 3, model: { kind: 'ARIMA' } },
      'model.order is required when model.kind is ARIMA.',
    ],
    [
      { productId: '1', horizon: 3, model: { kind: 'NAIVE', order: { p: 1, d: 0, q: 0 } } },
      'model.order applies only to ARIMA, SARIMA; remove it for model.kind NAIVE.',
    ],
    [
      { productId: '1', horizon: 3, model: { kind: 'CROSTON', beta: 0.2 } },
      'model.beta applies only to TSB; remove it for model.kind CROSTON.',
    ],
    [
      { productId: '1', horizon: 3, model: { kind: 'ENSEMBLE', boxCoxLambda: 0 } },
      'model.boxCoxLambda applies to single models; ENSEMBLE fits its models on the series as it is, so remove it.',
    ],
    [
      { productId: '1', horizon: 3, model: { kind: 'THETA', boxCoxLambda: 5 } },
      'model.boxCoxLambda must be between -1 and 2; received 5. Set autoBoxCox: true instead to choose it from the data.',
    ],
    [
      { productId: '1', horizon: 3, model: { kind: 'THETA', boxCoxLambda: 0.3, autoBoxCox: true } },
      'model.boxCoxLambda and autoBoxCox: true both choose the Box-Cox lambda; give only one of them.',
    ],
  ])('rejects %j', async (variables, message) => {
    const result = await server.gql(RUN, { granularity: 'MONTH', ...variables });

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe(message);
  });

  it('rejects from after to', async () => {
    const result = await server.gql(
      `mutation { runForecast(productId: "1", granularity: DAY, horizon: 3, model: { kind: NAIVE }, from: "2024-11-30", to: "2024-11-01") { id } }`,
    );

    const [error] = result.errors!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.field).toBe('from');
    expect(error.message).toBe(
      'from (2024-11-30) is after to (2024-11-01); give the first training day as from and the last as to.',
    );
  });

  it.each([
    [
      { productId: '2', model: { kind: 'ARIMA', order: { p: 5, d: 1, q: 0 } } },
      /needs at least \d+ observations; the series has 1/,
    ],
    [{ productId: '1', model: { kind: 'ARIMA', order: { p: -1, d: 1, q: 0 } } }, /-1/],
    [
      {
        productId: '1',
        model: {
          kind: 'SARIMA',
          order: { p: 0, d: 1, q: 1 },
          seasonalOrder: { P: 0, D: 1, Q: 1, s: 52 },
        },
      },
      /52/,
    ],
  ])('rejects a model the data cannot support %#', async (variables, message) => {
    const before = await server.dataSource.getRepository(Forecast).count();

    const result = await server.gql(RUN, { granularity: 'MONTH', horizon: 3, ...variables });
    const after = await server.dataSource.getRepository(Forecast).count();

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(message);
    expect(after).toBe(before);
  });

  it('names the GraphQL argument at fault', async () => {
    const result = await server.gql(RUN, {
      productId: '2',
      granularity: 'DAY',
      horizon: 3,
      model: { kind: 'NAIVE', boxCoxLambda: 0 },
    });

    const [error] = result.errors!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.field).toBe('model.boxCoxLambda');
    expect(error.message).toMatch(
      /^Box-Cox lambda 0 needs every value of the series to be positive, but observation 4 is 0;/,
    );
  });

  it('names no field for a short series', async () => {
    const result = await server.gql(RUN, {
      productId: '2',
      granularity: 'MONTH',
      horizon: 3,
      model: { kind: 'DRIFT' },
    });

    const [error] = result.errors!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.field).toBeUndefined();
    expect(error.message).toBe(
      'DRIFT needs at least 2 observations; the series has 1. Widen the training range (from, to), use a finer granularity, or pick a model that needs fewer observations.',
    );
  });

  it('answers other queries while a forecast runs', async () => {
    const finished: string[] = [];

    const forecast = server
      .gql(RUN, { productId: '1', granularity: 'DAY', horizon: 30, model: { kind: 'AUTO' } })
      .then(() => finished.push('forecast'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.gql('{ product(id: "1") { sku } }').then(() => finished.push('query'));
    await forecast;

    expect(finished).toEqual(['query', 'forecast']);
  });
});
