import { runForecast } from '../../src/forecasting';
import { expectValidForecast } from './harness';

// Demands of 3, 2 and 4 in periods 2, 6 and 8.
const y = [0, 0, 3, 0, 0, 0, 2, 0, 4, 0];

describe('intermittent demand methods', () => {
  it('CROSTON divides smoothed size by interval', () => {
    const result = runForecast({ y, horizon: 2, model: { kind: 'CROSTON' } });

    // Start: size 3, interval 3. Demand 2 after 4 periods: size 2.9, interval 3.1.
    // Demand 4 after 2 periods: size 3.01, interval 2.99.
    expect(result.mean[0]).toBeCloseTo(3.01 / 2.99, 12);
    expect(result.mean[1]).toBeCloseTo(3.01 / 2.99, 12);
    expect(result.model.params.alpha).toBe(0.1);
  });

  it('SBA removes the Croston bias', () => {
    const result = runForecast({ y, horizon: 1, model: { kind: 'SBA' } });

    expect(result.mean[0]).toBeCloseTo((1 - 0.1 / 2) * (3.01 / 2.99), 12);
  });

  it('TSB multiplies probability by size', () => {
    const result = runForecast({ y, horizon: 1, model: { kind: 'TSB' } });

    // Probability from 1/3, smoothed every period after the first demand; size as Croston.
    let probability = 1 / 3;
    for (const demand of y.slice(3)) {
      probability += 0.1 * ((demand > 0 ? 1 : 0) - probability);
    }
    expect(result.mean[0]).toBeCloseTo(probability * 3.01, 12);
  });

  it('uses the smoothing parameters given', () => {
    const result = runForecast({ y, horizon: 1, model: { kind: 'CROSTON', alpha: 0.5 } });

    // Size 3 → 2.5 → 3.25; interval 3 → 3.5 → 2.75.
    expect(result.mean[0]).toBeCloseTo(3.25 / 2.75, 12);
  });

  it('forecasts zero for all-zero demand', () => {
    for (const kind of ['CROSTON', 'SBA', 'TSB'] as const) {
      const result = runForecast({ y: new Array(12).fill(0), horizon: 3, model: { kind } });

      expect(result.mean).toEqual([0, 0, 0]);
      expectValidForecast(result, 3);
    }
  });

  it('keeps bounds at or above zero', () => {
    for (const kind of ['CROSTON', 'SBA', 'TSB'] as const) {
      const result = runForecast({ y, horizon: 4, model: { kind } });

      expectValidForecast(result, 4);
      for (const bounds of result.intervals) {
        expect(Math.min(...bounds.lower)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
