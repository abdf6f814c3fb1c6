import { estimateElasticity, recommendPrice } from '../../src/analytics';
import type { DomainError } from '../../src/shared/errors';

const BASELINE = [100, 100, 100];

describe('recommendPrice', () => {
  it('finds the margin optimum c * beta / (1 + beta)', () => {
    // beta = -2, unit cost 5: p* = 5 * -2 / -1 = 10.
    const result = recommendPrice({
      elasticity: -2,
      currentPrice: '8',
      baselineUnits: BASELINE,
      minPrice: '5',
      maxPrice: '20',
      unitCost: '5',
    });

    expect(result.objective).toBe('margin');
    expect(result.targetPrice).toBe('10.0000');
    expect(result.recommendedPrice).toBe('10.0000');
  });

  it('computes expected units and revenue', () => {
    const result = recommendPrice({
      elasticity: -2,
      currentPrice: '8',
      baselineUnits: BASELINE,
      minPrice: '5',
      maxPrice: '20',
      unitCost: '5',
    });

    // At 10: units = 100 * (10 / 8)^-2 = 64 per period; revenue 640, margin 64 * 5 = 320.
    expect(result.steps[0]).toEqual({
      price: '10.0000',
      units: 64,
      revenue: '640.0000',
      margin: '320.0000',
    });
    expect(result.current).toEqual({ units: 300, revenue: '2400.0000', margin: '900.0000' });
    expect(result.recommended).toEqual({ units: 192, revenue: '1920.0000', margin: '960.0000' });
  });

  it('raises an inelastic price to the upper bound', () => {
    const result = recommendPrice({
      elasticity: -0.5,
      currentPrice: '10',
      baselineUnits: BASELINE,
      minPrice: '8',
      maxPrice: '12.5',
    });

    expect(result.objective).toBe('revenue');
    expect(result.recommendedPrice).toBe('12.5000');
  });

  it('lowers an elastic price to the lower bound', () => {
    const result = recommendPrice({
      elasticity: -3,
      currentPrice: '10',
      baselineUnits: BASELINE,
      minPrice: '8.99',
      maxPrice: '12',
    });

    expect(result.recommendedPrice).toBe('8.9900');
  });

  it('limits the change per step', () => {
    const result = recommendPrice({
      elasticity: -0.5,
      currentPrice: '10',
      baselineUnits: [100, 100, 100, 100],
      minPrice: '5',
      maxPrice: '12',
      maxChangePerStep: 0.05,
    });

    // 10 -> 10.50 -> 11.02 (11.025 floored to the cent) -> 11.57 -> 12 (bound).
    expect(result.steps.map((step) => step.price)).toEqual([
      '10.5000',
      '11.0200',
      '11.5700',
      '12.0000',
    ]);
    expect(result.targetPrice).toBe('12.0000');
  });

  it('never leaves the bounds', () => {
    for (const elasticity of [-0.2, -0.9, -1, -1.1, -2.5, -6]) {
      for (const unitCost of [undefined, '1', '7', '30']) {
        const result = recommendPrice({
          elasticity,
          currentPrice: '14',
          baselineUnits: BASELINE,
          minPrice: '6.37',
          maxPrice: '11.11',
          maxChangePerStep: 0.1,
          unitCost,
        });

        for (const step of result.steps) {
          expect(Number(step.price)).toBeGreaterThanOrEqual(6.37);
          expect(Number(step.price)).toBeLessThanOrEqual(11.11);
        }
      }
    }
  });

  it('jumps into the bounds with a warning', () => {
    const result = recommendPrice({
      elasticity: -0.5,
      currentPrice: '20',
      baselineUnits: BASELINE,
      minPrice: '5',
      maxPrice: '12',
      maxChangePerStep: 0.1,
    });

    expect(result.recommendedPrice).toBe('12.0000');
    expect(result.warnings[0]).toBe(
      'The current price 20.0000 lies outside [5.0000, 12.0000] by more than maxChangePerStep 0.1 allows, so the first step moves to the nearest bound.',
    );
  });

  it('uses an estimate and reports the units range', () => {
    const periods = Array.from({ length: 24 }, (_, t) => {
      const price = [8, 10, 12, 9, 11][t % 5];
      const units = Math.round(1000 * Math.pow(price / 10, -1.5) * (1 + 0.02 * Math.sin(t)));
      return { units, revenue: BigInt(units * price) * 10_000n };
    });
    const estimate = estimateElasticity(periods, { trend: false });

    const result = recommendPrice({
      elasticity: estimate,
      currentPrice: '10',
      baselineUnits: BASELINE,
      minPrice: '8',
      maxPrice: '12',
      unitCost: '6',
    });

    expect(result.unitsRange).toBeDefined();
    expect(result.unitsRange!.atLower).toBeLessThan(result.recommended.units);
    expect(result.unitsRange!.atUpper).toBeGreaterThan(result.recommended.units);
  });

  it('rejects an unavailable estimate', () => {
    const flat = Array.from({ length: 12 }, () => ({ units: 10, revenue: 1_000_000n }));
    const estimate = estimateElasticity(flat);

    expect(() =>
      recommendPrice({
        elasticity: estimate,
        currentPrice: '10',
        baselineUnits: BASELINE,
        minPrice: '8',
        maxPrice: '12',
      }),
    ).toThrow(
      'No price can be recommended: Price elasticity cannot be estimated because the price varied too little',
    );
  });

  it('rejects a non-negative elasticity', () => {
    let error: DomainError | undefined;
    try {
      recommendPrice({
        elasticity: 0.3,
        currentPrice: '10',
        baselineUnits: BASELINE,
        minPrice: '8',
        maxPrice: '12',
      });
    } catch (caught) {
      error = caught as DomainError;
    }

    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.field).toBe('elasticity');
  });
});
