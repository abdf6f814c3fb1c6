import { runForecast } from '../../src/forecasting';
import type { ForecastResult, ModelSpec } from '../../src/forecasting';
import { DomainError, ErrorCode } from '../../src/shared/errors';
import { expectValidForecast, noise, seasonalSeries } from './harness';

const MODELS: ModelSpec[] = [
  { kind: 'AUTO' },
  { kind: 'AUTO_ARIMA' },
  { kind: 'AUTO_ETS' },
  { kind: 'ENSEMBLE' },
  { kind: 'NAIVE' },
  { kind: 'DRIFT' },
  { kind: 'MEAN' },
];

/** Runs `model` and returns the result, or the DomainError it threw. */
function attempt(
  y: number[],
  horizon: number,
  model: ModelSpec,
  seasonLength = 4,
): ForecastResult | DomainError {
  try {
    return runForecast({ y, horizon, seasonLength, model });
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
}

describe.each(MODELS.map((model) => [model.kind, model] as const))('%s edge cases', (_, model) => {
  it('forecasts a constant series', () => {
    const result = attempt(new Array(24).fill(7), 4, model) as ForecastResult;

    expectValidForecast(result, 4);
    result.mean.forEach((value) => expect(value).toBeCloseTo(7, 6));
  });

  it('forecasts all zeros', () => {
    const result = attempt(new Array(24).fill(0), 4, model) as ForecastResult;

    expectValidForecast(result, 4);
    result.mean.forEach((value) => expect(Math.abs(value)).toBeLessThan(1e-9));
  });

  it('forecasts a single non-zero', () => {
    const y = new Array(24).fill(0);
    y[10] = 5;

    const result = attempt(y, 4, model) as ForecastResult;

    expectValidForecast(result, 4);
  });

  it('forecasts negative values', () => {
    const y = seasonalSeries(24).map((value) => value - 200);

    const result = attempt(y, 4, model) as ForecastResult;

    expectValidForecast(result, 4);
    expect(result.mean[0]).toBeLessThan(0);
  });

  it('forecasts huge values', () => {
    const jitter = noise(30, 3);
    const y = jitter.map((value, t) => 1e12 + 1e9 * t + 1e10 * value);

    const result = attempt(y, 4, model) as ForecastResult;

    expectValidForecast(result, 4);
    expect(result.mean[0]).toBeGreaterThan(1e11);
  });

  it('forecasts one step and three seasons', () => {
    const y = seasonalSeries(40);

    for (const horizon of [1, 12]) {
      const result = attempt(y, horizon, model) as ForecastResult;

      expectValidForecast(result, horizon);
    }
  });

  it('handles fewer than two seasons', () => {
    const y = seasonalSeries(7);

    const outcome = attempt(y, 4, model);

    // Either a valid forecast or a BAD_USER_INPUT error that states how many values are needed.
    if (outcome instanceof DomainError) {
      expect(outcome.code).toBe(ErrorCode.BadUserInput);
      expect(outcome.message).toMatch(/needs at least \d+ observations; the series has 7\./);
    } else {
      expectValidForecast(outcome, 4);
    }
  });
});
