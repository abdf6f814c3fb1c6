import { computeUnitPrices, estimateElasticity } from '../../src/analytics';
import type { SalesPeriod } from '../../src/analytics';
import { createUniform, sampleNormal } from '../../src/analytics/random';

// Five prices against a season of 12, so price is not a function of the season position.
const PRICE_CYCLE = [10, 9, 11, 12, 8];

/**
 * Monthly sales from ln(units) = ln(400) + beta ln(p / 10) + 0.004 t + 0.15 sin(2 pi t / 12) + N(0,
 * 0.05^2).
 */
function syntheticSales(beta: number, months: number, seed: number): SalesPeriod[] {
  const uniform = createUniform(seed);
  return Array.from({ length: months }, (_, t) => {
    const price = PRICE_CYCLE[t % PRICE_CYCLE.length];
    const logUnits =
      Math.log(400) +
      beta * Math.log(price / 10) +
      0.004 * t +
      0.15 * Math.sin((2 * Math.PI * t) / 12);
    const units = Math.round(Math.exp(logUnits + 0.05 * sampleNormal(uniform)));
    return { units, revenue: BigInt(units) * BigInt(price) * 10_000n };
  });
}

describe('computeUnitPrices', () => {
  it('divides revenue by units exactly', () => {
    const prices = computeUnitPrices([
      { units: 3, revenue: '10.00' },
      { units: 0, revenue: 0 },
      { units: 7, revenue: 1_000_000n },
    ]);

    // 10 / 3 = 3.33333... rounds to 3.3333; 100 / 7 = 14.285714... rounds to 14.2857.
    expect(prices.map((period) => period.unitPrice)).toEqual(['3.3333', null, '14.2857']);
    expect(prices[2].revenue).toBe('100.0000');
  });

  it('rounds half away from zero', () => {
    // 0.0001 / 2 = 0.00005: half a minor unit rounds up.
    expect(computeUnitPrices([{ units: 2, revenue: 1 }])[0].unitPrice).toBe('0.0001');
  });
});

describe('estimateElasticity', () => {
  it('recovers a known elasticity', () => {
    const estimate = estimateElasticity(syntheticSales(-1.8, 48, 11), { seasonLength: 12 });

    expect(estimate.status).toBe('estimated');
    if (estimate.status !== 'estimated') {
      return;
    }
    expect(Math.abs(estimate.elasticity + 1.8)).toBeLessThan(3 * estimate.standardError);
    expect(Math.abs(estimate.elasticity + 1.8)).toBeLessThan(0.2);
    expect(estimate.controls).toEqual({ trend: true, seasonalDummies: true });
    expect(estimate.dfResidual).toBe(48 - 14);
  });

  it('covers the true elasticity about 95% of the time', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const estimate = estimateElasticity(syntheticSales(-1.8, 48, seed), { seasonLength: 12 });
      if (
        estimate.status === 'estimated' &&
        estimate.interval.lower < -1.8 &&
        estimate.interval.upper > -1.8
      ) {
        covered += 1;
      }
    }

    // Binomial(200, 0.95) lies in 180..197 with probability above 0.99.
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(197);
  });

  it('recovers an inelastic product', () => {
    const estimate = estimateElasticity(syntheticSales(-0.4, 48, 12), { seasonLength: 12 });

    expect(estimate.status).toBe('estimated');
    if (estimate.status === 'estimated') {
      expect(estimate.interval.lower).toBeLessThan(-0.4);
      expect(estimate.interval.upper).toBeGreaterThan(-0.4);
    }
  });

  it('states when prices vary too little', () => {
    const periods = Array.from({ length: 24 }, (_, t) => ({
      units: 100 + t,
      revenue: BigInt(100 + t) * 99_900n,
    }));
    periods[5] = { units: 100, revenue: 100n * 100_000n };

    const estimate = estimateElasticity(periods);

    expect(estimate.status).toBe('insufficient-variation');
    expect(estimate.statement).toBe(
      'Price elasticity cannot be estimated because the price varied too little: 2 distinct realised prices (at least 4 needed) with a standard deviation of ln(price) of 0.0002 (at least 0.02 needed, about 2% price variation).',
    );
  });

  it('reports too few periods for the model', () => {
    const estimate = estimateElasticity(syntheticSales(-1.5, 7, 13), { trend: true });

    expect(estimate.status).toBe('insufficient-data');
  });

  it('drops seasonal dummies without two seasons', () => {
    const estimate = estimateElasticity(syntheticSales(-1.5, 18, 14), { seasonLength: 12 });

    expect(estimate.status).toBe('estimated');
    expect(estimate.warnings).toContain(
      'Seasonal dummies were left out because the history holds fewer than two full seasons (24 periods for seasonLength 12).',
    );
  });

  it('skips periods without sales with a warning', () => {
    const periods = syntheticSales(-1.5, 36, 15);
    periods[4] = { units: 0, revenue: 0 };

    const estimate = estimateElasticity(periods);

    expect(estimate.observations).toBe(35);
    expect(estimate.warnings[0]).toContain('1 periods without sales were left out');
  });
});
