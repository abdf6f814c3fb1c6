/**
 * Rolling-origin backtest, also called time-series cross-validation (FPP3 section 5.10):
 * the model is refitted at each origin on the observations before it and scored on the
 * `horizon` observations after it. With n observations, the last origin is n - horizon and the
 * earlier ones step back by `step`: origin_k = n - horizon - k·step for k = windows-1, ..., 0.
 */
import { badInput } from '../shared/errors';
import { MetricsAccumulator } from './metrics';
import type { BacktestReport, BacktestWindow } from './task';
import type { ForecastOutput } from './types';

/** Minimum number of observations a backtest window trains on. */
export const MIN_TRAIN_LENGTH = 3;

/** Settings of a backtest besides the series and the forecaster. */
export interface BacktestSettings {
  horizon: number;
  levels: number[];
  /** MASE lag. */
  seasonLength: number;
  windows: number;
  step: number;
}

/** Returns the origins (training lengths) of a backtest, oldest first. */
export function backtestOrigins(length: number, settings: BacktestSettings): number[] {
  const { horizon, windows, step } = settings;
  const first = length - horizon - (windows - 1) * step;
  if (first < MIN_TRAIN_LENGTH) {
    const needed = MIN_TRAIN_LENGTH + horizon + (windows - 1) * step;
    throw badInput(
      'backtest',
      `A backtest with ${windows} windows, step ${step} and horizon ${horizon} needs at least ${needed} observations; the series has ${length}.`,
    );
  }
  return Array.from({ length: windows }, (_, k) => first + k * step);
}

/**
 * Backtests `forecast` on `y`: calls it once per origin with the training prefix and scores the
 * result against the next `horizon` observations. `didForecastWindow`, when given, receives each
 * window's actuals and forecast. Errors thrown by `forecast` propagate.
 */
export function runBacktest(
  y: number[],
  forecast: (train: number[]) => ForecastOutput,
  settings: BacktestSettings,
  didForecastWindow?: (actual: number[], output: ForecastOutput) => void,
): BacktestReport {
  const total = new MetricsAccumulator(settings.levels);
  const windows: BacktestWindow[] = backtestOrigins(y.length, settings).map((origin) => {
    const train = y.slice(0, origin);
    const actual = y.slice(origin, origin + settings.horizon);
    const output = forecast(train);
    didForecastWindow?.(actual, output);
    const window = new MetricsAccumulator(settings.levels);
    window.add(actual, output, train, settings.seasonLength);
    total.add(actual, output, train, settings.seasonLength);
    return { trainLength: origin, scores: window.result() };
  });
  return { windows, scores: total.result() };
}

/**
 * Chooses the backtest AUTO and ENSEMBLE use when the task sets none: 2 windows with step =
 * horizon, shortened to 1 window so that every window keeps at least max(2 · seasonLength, 10)
 * training observations; with too few observations for that, one window whose horizon shrinks
 * to a third of the series. Returns null when the series has fewer than MIN_TRAIN_LENGTH + 1
 * observations, too few for any backtest.
 */
export function defaultBacktest(
  length: number,
  context: { horizon: number; levels: number[]; seasonLength: number },
): BacktestSettings | null {
  if (length < MIN_TRAIN_LENGTH + 1) {
    return null;
  }
  const minTrain = Math.max(2 * context.seasonLength, 10);
  const horizon = context.horizon;
  for (let windows = 2; windows >= 1; windows--) {
    if (length - horizon - (windows - 1) * horizon >= minTrain) {
      return { ...context, windows, step: horizon };
    }
  }
  const shortHorizon = Math.max(1, Math.min(horizon, Math.floor(length / 3)));
  return { ...context, horizon: shortHorizon, windows: 1, step: shortHorizon };
}
