import { runForecast } from '../../src/forecasting';
import { expectValidForecast } from './harness';

const Z95 = 1.959963984540054;
const y = [1, 3, 2, 4, 3, 5];

describe('benchmark methods', () => {
  it('NAIVE repeats the last value', () => {
    const result = runForecast({
      y,
      horizon: 3,
      levels: [95],
      model: { kind: 'NAIVE', calibrate: false },
    });

    // Residuals 2, -1, 2, -1, 2: σ² = 14 / 5; se_h = σ sqrt(h).
    const sigma = Math.sqrt(14 / 5);
    expect(result.mean).toEqual([5, 5, 5]);
    expect(result.intervals[0].upper[2]).toBeCloseTo(5 + Z95 * sigma * Math.sqrt(3), 10);
    expect(result.intervals[0].lower[0]).toBeCloseTo(5 - Z95 * sigma, 10);
  });

  it('MEAN forecasts the historic mean', () => {
    const result = runForecast({
      y,
      horizon: 2,
      levels: [95],
      model: { kind: 'MEAN', calibrate: false },
    });

    // Residuals -2, 0, -1, 1, 0, 2: σ² = 10 / 5; se = σ sqrt(1 + 1/6).
    expect(result.mean).toEqual([3, 3]);
    expect(result.intervals[0].upper[1]).toBeCloseTo(3 + Z95 * Math.sqrt(2 * (1 + 1 / 6)), 10);
  });

  it('DRIFT extends the first-to-last line', () => {
    const result = runForecast({
      y,
      horizon: 2,
      levels: [95],
      model: { kind: 'DRIFT', calibrate: false },
    });

    // Slope 0.8; residuals 1.2, -1.8, 1.2, -1.8, 1.2: σ² = 10.8 / 4; se_h = σ sqrt(h (1 + h/6)).
    expect(result.mean[0]).toBeCloseTo(5.8, 12);
    expect(result.mean[1]).toBeCloseTo(6.6, 12);
    expect(result.model.params.drift).toBeCloseTo(0.8, 12);
    const se2 = Math.sqrt((10.8 / 4) * 2 * (1 + 2 / 6));
    expect(result.intervals[0].upper[1]).toBeCloseTo(6.6 + Z95 * se2, 10);
  });

  it('SEASONAL_NAIVE repeats the last season', () => {
    const result = runForecast({
      y,
      horizon: 4,
      levels: [95],
      model: { kind: 'SEASONAL_NAIVE', seasonLength: 2, calibrate: false },
    });

    // Residuals y_t - y_{t-2} are all 1: σ = 1; se_h = sqrt(floor((h - 1) / 2) + 1).
    expect(result.mean).toEqual([3, 5, 3, 5]);
    expect(result.intervals[0].upper[1]).toBeCloseTo(5 + Z95, 10);
    expect(result.intervals[0].upper[2]).toBeCloseTo(3 + Z95 * Math.sqrt(2), 10);
  });

  it('SEASONAL_NAIVE without a season warns', () => {
    const result = runForecast({
      y,
      horizon: 2,
      seasonLength: 1,
      model: { kind: 'SEASONAL_NAIVE' },
    });

    expect(result.mean).toEqual([5, 5]);
    expect(result.warnings[0]).toBe(
      'SEASONAL_NAIVE ran with seasonLength 1 (no season given or detected), so it repeats the last value as NAIVE does; give seasonLength to repeat a season.',
    );
  });

  it('MEAN of one observation warns', () => {
    const result = runForecast({ y: [7], horizon: 2, model: { kind: 'MEAN' } });

    expect(result.mean).toEqual([7, 7]);
    expect(result.intervals[1].upper).toEqual([7, 7]);
    expect(result.warnings[0]).toMatch(/zero width/);
  });

  it('keeps the invariants on every method', () => {
    for (const kind of ['NAIVE', 'SEASONAL_NAIVE', 'DRIFT', 'MEAN'] as const) {
      const result = runForecast({ y, horizon: 5, seasonLength: 2, model: { kind } });

      expectValidForecast(result, 5);
    }
  });
});
