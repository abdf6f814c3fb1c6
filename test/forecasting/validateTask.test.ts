import { runForecast } from '../../src/forecasting';
import type { ForecastTask } from '../../src/forecasting';
import { DomainError, ErrorCode } from '../../src/shared/errors';

const y = Array.from({ length: 24 }, (_, t) => 10 + t);

/** Runs a task built from a valid one with `changes`, and returns the error it throws. */
function errorOf(changes: Partial<Record<keyof ForecastTask, unknown>>): DomainError {
  const task = { y, horizon: 3, model: { kind: 'NAIVE' }, ...changes } as ForecastTask;
  try {
    runForecast(task);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('runForecast accepted the task');
}

describe('runForecast input checks', () => {
  it.each([
    [{ y: [] }, 'y', 'y must contain at least 1 observation; received none.'],
    [
      { y: [1, 2, Number.NaN, 4] },
      'y',
      'y[2] must be a finite number (fill missing periods before forecasting); received NaN.',
    ],
    [
      { y: [1, Infinity] },
      'y',
      'y[1] must be a finite number (fill missing periods before forecasting); received Infinity.',
    ],
    [{ horizon: 0 }, 'horizon', 'horizon must be an integer between 1 and 366; received 0.'],
    [{ horizon: 400 }, 'horizon', 'horizon must be an integer between 1 and 366; received 400.'],
    [{ horizon: 2.5 }, 'horizon', 'horizon must be an integer between 1 and 366; received 2.5.'],
    [{ levels: [] }, 'levels', 'levels must list between 1 and 10 levels; received 0.'],
    [
      { levels: [80, 100] },
      'levels',
      'levels[1] must be greater than 0 and less than 100; received 100.',
    ],
    [{ levels: [95, 95] }, 'levels', 'levels must not repeat a level; received 95 twice.'],
    [
      { seasonLength: 0 },
      'seasonLength',
      'seasonLength must be an integer between 1 and 366; received 0.',
    ],
    [
      { seasonLength: 30 },
      'seasonLength',
      'seasonLength 30 is longer than the series, which has 24 observations; use at most 24.',
    ],
    [
      { model: { kind: 'PROPHET' } },
      'model.kind',
      'model.kind must be one of ARIMA, SARIMA, AUTO_ARIMA, ETS, AUTO_ETS, THETA, OPTIMIZED_THETA, NAIVE, SEASONAL_NAIVE, DRIFT, MEAN, CROSTON, SBA, TSB, ENSEMBLE, AUTO; received "PROPHET".',
    ],
    [
      { model: { kind: 'ARIMA', p: -1, d: 1, q: 0 } },
      'model.p',
      'model.p must be an integer between 0 and 10; received -1.',
    ],
    [
      { model: { kind: 'ARIMA', p: 1, d: 1, q: 0, method: 'ML' } },
      'model.method',
      'model.method must be one of CSS-ML, CSS; received "ML".',
    ],
    [
      { model: { kind: 'ARIMA', p: 1, d: 1, q: 0, drift: 'yes' } },
      'model.drift',
      'model.drift must be true or false; received "yes".',
    ],
    [
      { model: { kind: 'THETA', calibrate: 1 } },
      'model.calibrate',
      'model.calibrate must be true or false; received 1.',
    ],
    [
      { model: { kind: 'ARIMA', p: 1, d: 3, q: 0 } },
      'model.d',
      'model.d must be an integer between 0 and 2; received 3.',
    ],
    [
      { model: { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 1 } },
      'model.s',
      'model.s must be an integer between 2 and 366; received 1.',
    ],
    [
      { model: { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 52 } },
      'model.s',
      'model.s 52 is longer than the series, which has 24 observations; use at most 24.',
    ],
    [
      { model: { kind: 'NAIVE', lambda: 5 } },
      'model.lambda',
      'model.lambda must be "auto" or a number between -1 and 2; received 5.',
    ],
    [
      { model: { kind: 'ETS', error: 'X', trend: 'N', season: 'N' } },
      'model.error',
      'model.error must be one of A, M; received "X".',
    ],
    [
      { model: { kind: 'TSB', beta: 0 } },
      'model.beta',
      'model.beta must be greater than 0 and at most 1; received 0.',
    ],
    [
      { model: { kind: 'ENSEMBLE', members: [{ kind: 'NAIVE' }] } },
      'model.members',
      'model.members must list between 2 and 20 models; received 1.',
    ],
    [
      { model: { kind: 'ENSEMBLE', members: [{ kind: 'NAIVE' }, { kind: 'AUTO' }] } },
      'model.members[1].kind',
      'model.members[1].kind must name a single model; received "AUTO".',
    ],
    [
      { model: { kind: 'ENSEMBLE', combination: 'max' } },
      'model.combination',
      'model.combination must be "mean" or "median"; received "max".',
    ],
    [
      { model: { kind: 'AUTO', candidates: [{ kind: 'AUTO' }] } },
      'model.candidates[0].kind',
      'model.candidates[0].kind must name a single model or an ENSEMBLE; received "AUTO".',
    ],
    [
      { backtest: { windows: 0, step: 1 } },
      'backtest.windows',
      'backtest.windows must be an integer between 1 and 50; received 0.',
    ],
    [
      { backtest: { windows: 2, step: 1, metric: 'r2' } },
      'backtest.metric',
      'backtest.metric must be one of mae, rmse, mape, smape, mase, wape, pinball; received "r2".',
    ],
    [
      { backtest: { windows: 10, step: 3 } },
      'backtest',
      'A backtest with 10 windows, step 3 and horizon 3 needs at least 33 observations; the series has 24.',
    ],
    [
      {
        model: { kind: 'SEASONAL_NAIVE', seasonLength: 12 },
        y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      },
      'model.seasonLength',
      'model.seasonLength 12 is longer than the series, which has 11 observations; use at most 11.',
    ],
    [
      { model: { kind: 'DRIFT' }, y: [4] },
      'y',
      'DRIFT needs at least 2 observations; the series has 1.',
    ],
    [
      { model: { kind: 'CROSTON' }, y: [0, 3, -1, 0] },
      'y',
      'CROSTON needs demand that is zero or positive; observation 3 of the series is -1.',
    ],
  ])('rejects %j', (changes, field, message) => {
    const error = errorOf(changes);

    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe(message);
    expect(error.code).toBe(ErrorCode.BadUserInput);
    expect(error.field).toBe(field);
  });
});
