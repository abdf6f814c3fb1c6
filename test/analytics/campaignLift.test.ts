import { measureCampaignLift } from '../../src/analytics';

// Each forecast period: mean 100, 95% bounds 100 +- 19.6, so sigma = 19.6 / 1.959964 = 10.0002.
const FORECAST = { mean: [100, 100], lower: [80.4, 80.4], upper: [119.6, 119.6], level: 95 };

describe('measureCampaignLift', () => {
  it('measures lift against the counterfactual', () => {
    const result = measureCampaignLift([120, 130], FORECAST);

    expect(result.perPeriod).toEqual([20, 30]);
    expect(result.lift).toBe(50);
    expect(result.relativeLift).toBe(25);
  });

  it('combines independent errors by root sum of squares', () => {
    const result = measureCampaignLift([120, 130], FORECAST);

    // sigma_total = sqrt(2) * 10.0002 = 14.1424; margin = 1.959964 * 14.1424 = 27.7186.
    expect(result.liftInterval.lower).toBeCloseTo(22.281414, 5);
    expect(result.liftInterval.upper).toBeCloseTo(77.718586, 5);
    expect(result.relativeLiftInterval.lower).toBeCloseTo(9.784627, 5);
    expect(result.relativeLiftInterval.upper).toBeCloseTo(45.111416, 5);
    expect(result.pValue).toBeCloseTo(0.000407, 6);
  });

  it('widens the interval for comonotonic errors', () => {
    const result = measureCampaignLift([120, 130], FORECAST, { errorCorrelation: 'comonotonic' });

    // sigma_total = 2 * 10.0002, margin = 39.2.
    expect(result.liftInterval.lower).toBeCloseTo(10.8, 9);
    expect(result.liftInterval.upper).toBeCloseTo(89.2, 9);
  });

  it('warns about asymmetric forecast bounds', () => {
    const result = measureCampaignLift([120], {
      mean: [100],
      lower: [90],
      upper: [140],
      level: 80,
    });

    expect(result.warnings).toEqual([
      'The forecast intervals are not symmetric around the mean, so the normal approximation behind the lift interval is rough.',
    ]);
  });
});
