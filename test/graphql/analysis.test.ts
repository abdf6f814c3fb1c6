import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';
import {
  SPIKE,
  WEEKLY_PRICES,
  seedFlatPriceProduct,
  seedPricedProduct,
  seedTrendProduct,
  trendUnits,
} from './analysisFixtures';

const TREND = /* GraphQL */ `
  query Trend($sku: String!) {
    product(sku: $sku) {
      trend(granularity: DAY) {
        granularity
        seasonLength
        from
        to
        direction
        slope {
          perPeriod
          interval {
            level
            lower
            upper
          }
          pValue
        }
        mannKendall {
          tau
          pValue
        }
        strength {
          trend
          seasonal
        }
        season {
          positions {
            position
            label
            value
          }
          peak {
            label
            value
          }
          trough {
            label
          }
          amplitude
        }
        anomalies {
          period
          observed
          expected
          size
        }
        decomposition {
          period
          observed
          trend
          seasonal
          remainder
        }
        statement
        warnings
        chartUrl(language: ZH)
      }
    }
  }
`;

describe('Product.trend', () => {
  let server: TestServer;
  let trend: Record<string, any>;

  beforeAll(async () => {
    server = await startTestServer({ seed: seedTrendProduct });
    const { data, errors } = await server.gql(TREND, { sku: 'TREND-1' });
    expect(errors).toBeUndefined();
    trend = data!.product.trend;
  });

  afterAll(async () => {
    await server.stop();
  });

  it('recovers the slope of a known series', () => {
    expect(trend.seasonLength).toBe(7);
    expect(trend.from).toBe('2022-01-03');
    expect(trend.to).toBe('2022-03-13');
    expect(trend.direction).toBe('RISING');
    // The series rises by 1 unit a day; the spike moves the fitted slope a little.
    expect(trend.slope.perPeriod).toBeGreaterThan(0.9);
    expect(trend.slope.perPeriod).toBeLessThan(1.1);
    expect(trend.slope.interval.lower).toBeLessThan(trend.slope.perPeriod);
    expect(trend.mannKendall.tau).toBeGreaterThan(0.9);
  });

  it('names the weekday peak and trough', () => {
    const season = trend.season;
    expect(season.positions).toHaveLength(7);
    expect(season.peak.label).toBe('Monday');
    // Monday carries +12 and the other days -2 each, so the amplitude is close to 14.
    expect(season.peak.value).toBeGreaterThan(11);
    expect(season.peak.value).toBeLessThan(13);
    expect(season.amplitude).toBeGreaterThan(13);
    expect(season.amplitude).toBeLessThan(15);
  });

  it('computes strengths from the components', () => {
    const rows: Array<Record<string, number>> = trend.decomposition;
    const variance = (values: number[]) => {
      const mean = values.reduce((total, value) => total + value, 0) / values.length;
      return values.reduce((total, value) => total + (value - mean) ** 2, 0) / (values.length - 1);
    };
    const remainder = variance(rows.map((row) => row.remainder));

    // F_S = 1 - Var(R) / Var(S + R) and F_T = 1 - Var(R) / Var(T + R). The spike stays in R, so
    // it lowers both.
    expect(trend.strength.seasonal).toBeCloseTo(
      1 - remainder / variance(rows.map((row) => row.seasonal + row.remainder)),
      9,
    );
    expect(trend.strength.trend).toBeCloseTo(
      1 - remainder / variance(rows.map((row) => row.trend + row.remainder)),
      9,
    );
    expect(trend.strength.trend).toBeGreaterThan(trend.strength.seasonal);
  });

  it('reports the spike as an anomaly with its date', () => {
    const anomalies = trend.anomalies;
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0].period).toBe('2022-02-02');
    expect(anomalies[0].observed).toBe(trendUnits(SPIKE.day));
    // The spike adds 80 units. The cleaning pass replaces it with the first fit's value, which
    // the spike had already pulled up, so the reported size comes out somewhat smaller.
    expect(anomalies[0].size).toBeGreaterThan(60);
    expect(anomalies[0].size).toBeLessThan(85);
  });

  it('decomposes every day additively', () => {
    const rows = trend.decomposition;
    expect(rows).toHaveLength(70);
    for (const row of rows) {
      expect(row.trend + row.seasonal + row.remainder).toBeCloseTo(row.observed, 9);
    }
    expect(rows[5].observed).toBe(trendUnits(5));
  });

  it('links a chart with the same settings', () => {
    expect(trend.chartUrl).toBe(
      `/charts/products/1/decomposition.svg?granularity=day&level=95&anomalyMethod=iqr&anomalyThreshold=3&language=zh`,
    );
  });

  it('rejects series shorter than two seasons', async () => {
    const { errors } = await server.gql(
      '{ product(sku: "TREND-1") { trend(granularity: WEEK) { direction } } }',
    );

    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toBe(
      'A decomposition needs at least two full seasons (104 week periods for seasonLength 52); product 1 has 10 from 2022-01-03. Choose a finer granularity or a shorter seasonLength.',
    );
  });
});

const PRICING = /* GraphQL */ `
  query Pricing($sku: String!) {
    product(sku: $sku) {
      priceHistory(granularity: WEEK) {
        points {
          period
          units
          revenue {
            amount
          }
          unitPrice {
            amount
            currency
          }
        }
        warnings
      }
      elasticity(granularity: WEEK) {
        status
        elasticity
        interval {
          lower
          upper
        }
        observations
        distinctPrices
        controls {
          trend
          seasonalDummies
        }
        statement
        warnings
      }
    }
  }
`;

describe('Product pricing', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: async (dataSource) => {
        await seedPricedProduct(dataSource);
        await seedFlatPriceProduct(dataSource);
      },
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('gives the realised unit price per week', async () => {
    const { data, errors } = await server.gql(PRICING, { sku: 'PRICE-1' });

    expect(errors).toBeUndefined();
    const points = data!.product.priceHistory.points;
    expect(points).toHaveLength(24);
    expect(
      points.map((point: { unitPrice: { amount: string } }) => point.unitPrice.amount),
    ).toEqual(Array.from({ length: 24 }, (_, week) => `${WEEKLY_PRICES[week % 6]}.00`));
    expect(points[0].unitPrice.currency).toBe('GBP');
  });

  it('recovers an elasticity of -2 within its interval', async () => {
    const { data } = await server.gql(PRICING, { sku: 'PRICE-1' });

    const elasticity = data!.product.elasticity;
    expect(elasticity.status).toBe('ESTIMATED');
    expect(elasticity.observations).toBe(24);
    expect(elasticity.distinctPrices).toBe(6);
    expect(elasticity.elasticity).toBeCloseTo(-2, 1);
    expect(elasticity.interval.lower).toBeLessThan(-2);
    expect(elasticity.interval.upper).toBeGreaterThan(-2);
    expect(elasticity.controls).toEqual({ trend: true, seasonalDummies: false });
    expect(elasticity.warnings).toContain(
      'Seasonal dummies were left out because the history holds fewer than two full seasons (104 periods for seasonLength 52).',
    );
  });

  it('says plainly when the price never moved', async () => {
    const { data } = await server.gql(PRICING, { sku: 'FLAT-1' });

    const elasticity = data!.product.elasticity;
    expect(elasticity.status).toBe('INSUFFICIENT_VARIATION');
    expect(elasticity.elasticity).toBeNull();
    expect(elasticity.statement).toBe(
      'Price elasticity cannot be estimated because the price varied too little: 1 distinct realised prices (at least 4 needed) with a standard deviation of ln(price) of 0.0000 (at least 0.02 needed, about 2% price variation).',
    );
  });
});

const RECOMMEND = /* GraphQL */ `
  query Recommend($productId: ID!, $constraints: PriceConstraintsInput!) {
    recommendPrice(productId: $productId, constraints: $constraints) {
      objective
      elasticity
      currentPrice {
        amount
      }
      recommendedPrice {
        amount
      }
      targetPrice {
        amount
      }
      steps {
        period
        price {
          amount
        }
        units
        margin {
          amount
        }
      }
      current {
        units
      }
      recommended {
        units
        margin {
          amount
        }
      }
      baseline {
        source
        modelKind
        units
      }
      estimate {
        status
      }
      warnings
    }
  }
`;

describe('recommendPrice', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: async (dataSource) => {
        await seedPricedProduct(dataSource);
        await seedFlatPriceProduct(dataSource);
      },
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('walks to the margin optimum within the step limit', async () => {
    const { data, errors } = await server.gql(RECOMMEND, {
      productId: '1',
      constraints: {
        minPrice: '1.50',
        maxPrice: '3.00',
        maxChangePerStep: 0.1,
        unitCost: '1.00',
        currentPrice: '2.50',
        elasticity: -2,
        horizon: 4,
      },
    });

    expect(errors).toBeUndefined();
    const result = data!.recommendPrice;
    expect(result.objective).toBe('MARGIN');
    expect(result.estimate).toBeNull();
    // Margin peaks at c * beta / (1 + beta) = 1.00 * -2 / -1 = 2.00. From 2.50, steps of at most
    // 10% give 2.25, then 2.03 (2.025 rounded up to the grid), then 2.00.
    expect(result.targetPrice.amount).toBe('2.00');
    expect(result.steps.map((step: { price: { amount: string } }) => step.price.amount)).toEqual([
      '2.25',
      '2.03',
      '2.00',
      '2.00',
    ]);
    expect(result.recommendedPrice.amount).toBe('2.25');
    expect(result.baseline.source).toBe('fitted forecast');
    expect(result.baseline.units).toHaveLength(4);
    // Units at a price follow baseline * (price / 2.50)^-2.
    expect(result.steps[0].units).toBeCloseTo(result.baseline.units[0] * (2.25 / 2.5) ** -2, 6);
  });

  it('uses the estimated elasticity for revenue', async () => {
    const { data, errors } = await server.gql(RECOMMEND, {
      productId: '1',
      constraints: { minPrice: '2.00', maxPrice: '5.00', currentPrice: '3.00', horizon: 2 },
    });

    expect(errors).toBeUndefined();
    const result = data!.recommendPrice;
    expect(result.objective).toBe('REVENUE');
    expect(result.estimate.status).toBe('ESTIMATED');
    // With elasticity below -1 revenue falls as the price rises, so the lowest price wins.
    expect(result.recommendedPrice.amount).toBe('2.00');
    expect(result.recommended.units).toBeGreaterThan(result.current.units);
  });

  it('rejects products whose price never moved', async () => {
    const { errors } = await server.gql(RECOMMEND, {
      productId: '2',
      constraints: { minPrice: '2.00', maxPrice: '5.00' },
    });

    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(
      /^No price can be recommended: Price elasticity cannot be estimated because the price varied too little/,
    );
  });
});

describe('salesTiming', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ seed: seedTrendProduct });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('finds the best weekday with its numbers', async () => {
    const { data, errors } = await server.gql(`{
      salesTiming(productId: "1", by: WEEKDAY) {
        metric best { name count mean } worst { name } groups { name } anova { df1 df2 pValue } statement
      }
    }`);

    expect(errors).toBeUndefined();
    const timing = data!.salesTiming;
    expect(timing.metric).toBe('units per day');
    expect(timing.best.name).toBe('Monday');
    expect(timing.best.count).toBe(10);
    // Mondays are days 7k for k = 0..9, with units 32 + 7k + wobble. Their wobbles
    // (4k mod 5) - 2 sum to 0, so the mean is 32 + 7 * 4.5 = 63.5.
    expect(timing.best.mean).toBe(63.5);
    expect(timing.groups).toHaveLength(7);
    expect(timing.anova.df1).toBe(6);
    expect(timing.anova.df2).toBe(63);
    expect(timing.statement).toMatch(/^Monday has the highest mean units per day: 63\.50/);
  });
});
