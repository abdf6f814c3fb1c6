import { runForecast } from '../../src/forecasting';
import { fittedSpec } from '../../src/forecasting/calibrateModel';
import type { SingleModelSpec } from '../../src/forecasting';
import { expectValidForecast, loadAirPassengers, noise } from './harness';

/** Half-width of the interval at `level` and step `i`, above the mean. */
function upperWidth(
  result: { mean: number[]; intervals: { level: number; upper: number[] }[] },
  level: number,
  i: number,
) {
  const bounds = result.intervals.find((interval) => interval.level === level)!;
  return bounds.upper[i] - result.mean[i];
}

describe('interval calibration of a single model', () => {
  it('widens intervals that the backtest errors exceed', () => {
    // A steep trend: NAIVE's one-step residuals are small beside its multi-step errors.
    const y = noise(40, 5).map((value, t) => 100 + 10 * t + value);
    const own = runForecast({ y, horizon: 4, model: { kind: 'NAIVE', calibrate: false } });

    const result = runForecast({ y, horizon: 4, model: { kind: 'NAIVE' } });

    const scale = result.model.params.intervalScale95 as number;
    expect(scale).toBeGreaterThan(1);
    expect(scale).toBeLessThanOrEqual(3);
    expect(upperWidth(result, 95, 3)).toBeCloseTo(scale * upperWidth(own, 95, 3), 9);
    expect(result.mean).toEqual(own.mean);
    expectValidForecast(result, 4);
  });

  it('never narrows intervals', () => {
    // MEAN on white noise: its intervals already contain the backtest errors.
    const y = noise(60, 9).map((value) => 50 + value);
    const own = runForecast({ y, horizon: 6, model: { kind: 'MEAN', calibrate: false } });

    const result = runForecast({ y, horizon: 6, model: { kind: 'MEAN' } });

    expect(result.model.params.intervalScale80).toBe(1);
    expect(result.model.params.intervalScale95).toBe(1);
    expect(result.intervals).toEqual(own.intervals);
  });

  it('skips calibration when asked', () => {
    const y = noise(40, 5).map((value, t) => 100 + 10 * t + value);

    const result = runForecast({ y, horizon: 4, model: { kind: 'DRIFT', calibrate: false } });

    expect(result.model.params.intervalScale95).toBeUndefined();
  });

  it('calibrates a Box-Cox model on its own scale', () => {
    const y = loadAirPassengers();

    const result = runForecast({
      y,
      horizon: 12,
      seasonLength: 12,
      model: { kind: 'SEASONAL_NAIVE', lambda: 0 },
    });

    // On the log scale the calibrated bounds stay symmetric about the forecast.
    const [, bounds] = result.intervals;
    for (let i = 0; i < 12; i++) {
      const above = Math.log(bounds.upper[i]) - Math.log(result.mean[i]);
      const below = Math.log(result.mean[i]) - Math.log(bounds.lower[i]);
      expect(above).toBeCloseTo(below, 9);
    }
    expect(result.model.params.intervalScale95).toBeGreaterThanOrEqual(1);
  });

  it('leaves intermittent-demand intervals alone', () => {
    const y = [0, 0, 5, 0, 0, 0, 9, 0, 2, 0, 0, 0, 7, 0, 0, 4, 0, 0, 0, 6, 0, 0, 3, 0];
    const own = runForecast({ y, horizon: 4, model: { kind: 'CROSTON', calibrate: false } });

    const result = runForecast({ y, horizon: 4, model: { kind: 'CROSTON' } });

    expect(result.intervals).toEqual(own.intervals);
    expect(result.model.params.intervalScale95).toBeUndefined();
  });

  it('warns when the series is too short to backtest', () => {
    const result = runForecast({ y: [4, 6, 5], horizon: 2, model: { kind: 'NAIVE' } });

    expect(result.warnings.join(' ')).toMatch(/not calibrated: 3 observations are too few/);
    expect(result.model.params.intervalScale95).toBeUndefined();
  });
});

describe('fittedSpec', () => {
  it('keeps the components AUTO_ETS chose', () => {
    const y = loadAirPassengers();
    const result = runForecast({
      y,
      horizon: 12,
      seasonLength: 12,
      model: { kind: 'AUTO_ETS', calibrate: false },
    });

    const spec = fittedSpec({ kind: 'AUTO_ETS' }, result);

    const { params } = result.model;
    expect(spec).toMatchObject({
      kind: 'ETS',
      error: params.error,
      trend: params.trend === 'N' ? 'N' : 'A',
      damped: params.damped,
      season: params.season,
    });
  });

  it('keeps the AUTO_ARIMA orders and drift', () => {
    const output = {
      mean: [1],
      intervals: [],
      model: { kind: 'ARIMA', params: { p: 1, d: 1, q: 0, ar1: 0.3, drift: 2.5, lambda: null } },
      fit: {},
      warnings: [],
    };

    expect(fittedSpec({ kind: 'AUTO_ARIMA' }, output)).toEqual({
      kind: 'ARIMA',
      p: 1,
      d: 1,
      q: 0,
      drift: true,
      method: 'CSS',
      lambda: undefined,
      seasonLength: undefined,
    });
  });

  it('fixes the Box-Cox lambda that auto chose', () => {
    const spec: SingleModelSpec = { kind: 'THETA', lambda: 'auto' };
    const output = {
      mean: [1],
      intervals: [],
      model: { kind: 'THETA', params: { lambda: 0.25 } },
      fit: {},
      warnings: [],
    };

    expect(fittedSpec(spec, output)).toEqual({ kind: 'THETA', lambda: 0.25 });
  });
});
