import { runForecast } from '../../src/forecasting';
import { ErrorCode } from '../../src/shared/errors';
import { expectValidForecast, loadAirPassengers, seasonalSeries } from './harness';

describe('ARIMA through runForecast', () => {
  const airPassengers = loadAirPassengers();

  it('forecasts 1961-01 with the airline model', () => {
    // R: predict(arima(log(AirPassengers), c(0,1,1), seasonal = c(0,1,1))) gives 450.4 for 1961-01.
    const result = runForecast({
      y: airPassengers,
      horizon: 12,
      model: { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12, lambda: 0 },
    });

    expect(result.mean[0]).toBeCloseTo(450.4, 0);
    expect(result.model.params.ma1).toBeCloseTo(-0.4018, 3);
    expect(result.model.params.sma1).toBeCloseTo(-0.5569, 3);
    expect(result.fit.sigma2).toBeCloseTo(0.001348, 5);
    expectValidForecast(result, 12);
  });

  it('fits by CSS close to ML', () => {
    const model = { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12, lambda: 0 } as const;
    const exact = runForecast({ y: airPassengers, horizon: 12, model });

    const css = runForecast({ y: airPassengers, horizon: 12, model: { ...model, method: 'CSS' } });

    expect(css.model.params.method).toBe('CSS');
    expect(exact.model.params.method).toBeUndefined();
    expect(css.model.params.ma1).toBeCloseTo(exact.model.params.ma1 as number, 1);
    for (let i = 0; i < 12; i++) {
      expect(Math.abs(css.mean[i] / exact.mean[i] - 1)).toBeLessThan(0.01);
    }
    expectValidForecast(css, 12);
  });

  it('adds a drift when asked', () => {
    const y = Array.from({ length: 40 }, (_, t) => 50 + 3 * t + 4 * Math.sin(t));

    const result = runForecast({
      y,
      horizon: 10,
      model: { kind: 'ARIMA', p: 0, d: 1, q: 1, drift: true, calibrate: false },
    });

    expect(result.model.params.drift).toBeCloseTo(3, 0);
    // The package prints the drift to 6 significant digits.
    expect(result.mean[9] - result.mean[0]).toBeCloseTo(
      9 * (result.model.params.drift as number),
      3,
    );
  });

  it('back-transforms log-scale intervals exactly', () => {
    const result = runForecast({
      y: airPassengers,
      horizon: 1,
      levels: [95],
      model: {
        kind: 'SARIMA',
        p: 0,
        d: 1,
        q: 1,
        P: 0,
        D: 1,
        Q: 1,
        s: 12,
        lambda: 0,
        calibrate: false,
      },
    });

    // On the log scale the bounds are symmetric: log(upper) - log(mean) = log(mean) - log(lower).
    const [bounds] = result.intervals;
    const above = Math.log(bounds.upper[0]) - Math.log(result.mean[0]);
    const below = Math.log(result.mean[0]) - Math.log(bounds.lower[0]);
    expect(above).toBeCloseTo(below, 9);
    expect(above).toBeCloseTo(1.959964 * Math.sqrt(result.fit.sigma2!), 6);
  });

  it('chooses the airline order on log AirPassengers', () => {
    const result = runForecast({
      y: airPassengers,
      horizon: 12,
      seasonLength: 12,
      model: { kind: 'AUTO_ARIMA', lambda: 0 },
    });

    expect(result.model.params).toMatchObject({ p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 });
    expect(result.mean[0]).toBeCloseTo(450.4, 0);
    expect(result.fit.aicc).toBeDefined();
    expectValidForecast(result, 12);
  });

  it('keeps the invariants for several orders', () => {
    const y = seasonalSeries(40);
    const specs = [
      { kind: 'ARIMA', p: 1, d: 1, q: 1 },
      { kind: 'ARIMA', p: 2, d: 0, q: 0 },
      { kind: 'ARIMA', p: 0, d: 2, q: 1 },
      { kind: 'SARIMA', p: 1, d: 0, q: 0, P: 1, D: 1, Q: 0, s: 4 },
      { kind: 'AUTO_ARIMA' },
    ] as const;

    for (const model of specs) {
      const result = runForecast({ y, horizon: 8, seasonLength: 4, model });
      expectValidForecast(result, 8);
    }
  });

  it('computes a random walk in closed form', () => {
    const y = [10, 12, 11, 14, 13, 15, 16, 15, 17, 18, 17, 19];

    const result = runForecast({
      y,
      horizon: 3,
      levels: [95],
      model: { kind: 'ARIMA', p: 0, d: 1, q: 0 },
    });

    // ARIMA(0,1,0): forecast = last value, variance h·σ² with σ² = mean of squared differences.
    const differences = y.slice(1).map((value, t) => value - y[t]);
    const sigma2 = differences.reduce((sum, d) => sum + d * d, 0) / differences.length;
    expect(result.mean).toEqual([19, 19, 19]);
    expect(result.fit.sigma2).toBeCloseTo(sigma2, 12);
    expect(result.intervals[0].upper[2] - 19).toBeCloseTo(1.959964 * Math.sqrt(3 * sigma2), 5);
  });

  it('forecasts a seasonal random walk as seasonal naive', () => {
    const y = seasonalSeries(20);

    const result = runForecast({
      y,
      horizon: 8,
      model: { kind: 'SARIMA', p: 0, d: 0, q: 0, P: 0, D: 1, Q: 0, s: 4 },
    });

    expect(result.mean).toEqual([...y.slice(16), ...y.slice(16)]);
  });

  it('gives zero-width intervals on a constant series', () => {
    const result = runForecast({
      y: new Array(30).fill(5),
      horizon: 4,
      model: { kind: 'ARIMA', p: 1, d: 1, q: 1 },
    });

    expect(result.mean).toEqual([5, 5, 5, 5]);
    expectValidForecast(result, 4);
  });

  it('forecasts huge values without overflow', () => {
    const y = seasonalSeries(40).map((value) => value * 1e10);

    const result = runForecast({ y, horizon: 6, seasonLength: 4, model: { kind: 'AUTO_ARIMA' } });

    expectValidForecast(result, 6);
    expect(result.mean[0]).toBeGreaterThan(1e11);
  });

  it('rejects a series too short for the order', () => {
    const run = () =>
      runForecast({ y: [1, 2, 3, 4, 5], horizon: 2, model: { kind: 'ARIMA', p: 5, d: 1, q: 0 } });

    expect(run).toThrow('ARIMA(5,1,0) needs at least 11 observations; the series has 5.');
    expect(run).toThrow(expect.objectContaining({ code: ErrorCode.BadUserInput, field: 'y' }));
  });

  it('rejects a seasonal series shorter than the order needs', () => {
    const run = () =>
      runForecast({
        y: seasonalSeries(30),
        horizon: 2,
        model: { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 },
      });

    expect(run).toThrow(
      'SARIMA(0,1,1)(0,1,1)12 needs at least 37 observations; the series has 30.',
    );
  });

  it('rejects a log transform of zero', () => {
    const run = () =>
      runForecast({ y: [3, 0, 4, 5], horizon: 1, model: { kind: 'NAIVE', lambda: 0 } });

    expect(run).toThrow(
      'Box-Cox lambda 0 needs every value of the series to be positive, but observation 2 is 0; choose lambda automatically (which skips the transform for such a series) or fit without a transform.',
    );
  });

  it('skips an automatic transform of zeros with a warning', () => {
    const y = [0, ...seasonalSeries(39)];

    const result = runForecast({
      y,
      horizon: 4,
      seasonLength: 4,
      model: { kind: 'AUTO_ARIMA', lambda: 'auto' },
    });

    expect(result.model.params.lambda).toBeNull();
    expect(result.warnings[0]).toMatch(/applied no Box-Cox transform/);
    expectValidForecast(result, 4);
  });
});
