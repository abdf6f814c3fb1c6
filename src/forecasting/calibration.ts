/**
 * Interval calibration from a rolling-origin backtest, shared by ENSEMBLE and AUTO.
 *
 * Vocabulary: for a backtest point with actual y, forecast mean f and a level-L interval of
 * half-width w, the standard error the interval implies is se = w / z_L, where z_L is the
 * (50 + L/2)th percentile of the standard normal, and the standardised error is r = (y - f) / se.
 *
 * At each level the interval's distance from the mean is multiplied by
 *
 *   c_L = sqrt(mean r²) · t_m(0.5 + L/200) / z_L,   kept within [0.85, 3],
 *
 * where m is the number of backtest points with a positive width. sqrt(mean r²) rescales the
 * model's variance to match its backtest errors. That variance is estimated from m errors, so
 * the Student t quantile with m degrees of freedom replaces the normal one, as in the usual
 * prediction interval for a new observation of a regression with estimated variance.
 * Scaling intervals by out-of-sample errors follows split conformal inference (Lei et al. 2018),
 * which R's conformalForecast package applies to forecasts in its `scp` method, calibrating on
 * rolling-origin errors. Here a normal-theory scale replaces the empirical quantile because a
 * backtest of two windows has too few errors for a quantile at 95%.
 *
 * NOTE: the lower bound 0.85 is a constant tuned on the M3 yearly, quarterly and other sets
 * together, from 0.7, 0.85 and 1 (`test/bench/FORECAST.md`). The upper bound 3 is a judgment
 * call. Without a lower bound, two windows of small errors could shrink an interval to a
 * fraction of its width.
 */
import { studentt } from 'jstat';

import { normalQuantile } from './intervals';
import type { ForecastOutput, IntervalBounds } from './types';

/** Smallest factor calibration applies to an interval's distance from the mean. */
export const MIN_INTERVAL_SCALE = 0.85;

/** Largest factor calibration applies to an interval's distance from the mean. */
export const MAX_INTERVAL_SCALE = 3;

/** One backtest window: the actuals after the origin and the forecast made at the origin. */
export interface BacktestForecast {
  actual: number[];
  output: ForecastOutput;
}

/**
 * Returns one calibration factor c_L per level of `levels`, in that order, from the backtest
 * `windows`, kept within [minScale, MAX_INTERVAL_SCALE]. A level with no backtest point of
 * positive width gets 1.
 */
export function calibrationFactors(
  windows: BacktestForecast[],
  levels: number[],
  minScale = MIN_INTERVAL_SCALE,
): number[] {
  return levels.map((level) => {
    let sum = 0;
    let count = 0;
    const z = normalQuantile(0.5 + level / 200);
    for (const { actual, output } of windows) {
      const bounds = output.intervals.find((interval) => interval.level === level);
      if (!bounds) {
        continue;
      }
      actual.forEach((y, i) => {
        const se = (bounds.upper[i] - bounds.lower[i]) / (2 * z);
        if (se > 0) {
          sum += ((y - output.mean[i]) / se) ** 2;
          count++;
        }
      });
    }
    if (count === 0) {
      return 1;
    }
    const factor = (Math.sqrt(sum / count) * studentt.inv(0.5 + level / 200, count)) / z;
    return Math.min(MAX_INTERVAL_SCALE, Math.max(minScale, factor));
  });
}

/** Options of {@link calibrateIntervals}. */
export interface CalibrationOptions {
  /** Smallest factor applied; default MIN_INTERVAL_SCALE. */
  minScale?: number;
  /**
   * Whether a lower bound at or above zero stays there (default true). Models that keep their
   * bounds non-negative (intermittent demand, log-scale and multiplicative models) do so
   * because their series cannot fall below zero. Off on a transformed scale, where negative
   * values are in the domain.
   */
  keepNonNegative?: boolean;
}

/**
 * Returns `output` with each level's bounds moved away from (or towards) the mean by that
 * level's factor in `factors`, keeping non-negative lower bounds non-negative unless
 * `keepNonNegative` is false. The factors differ by level, so each higher level's interval is
 * then widened where needed to contain every lower level's interval.
 */
export function scaleIntervals(
  output: ForecastOutput,
  factors: number[],
  keepNonNegative = true,
): ForecastOutput {
  const { mean } = output;
  const scaled: IntervalBounds[] = output.intervals.map((bounds, j) => ({
    level: bounds.level,
    lower: bounds.lower.map((value, i) => {
      const moved = mean[i] - factors[j] * (mean[i] - value);
      return keepNonNegative && value >= 0 ? Math.max(moved, 0) : moved;
    }),
    upper: bounds.upper.map((value, i) => mean[i] + factors[j] * (value - mean[i])),
  }));

  const byLevel = [...scaled].sort((a, b) => a.level - b.level);
  for (let k = 1; k < byLevel.length; k++) {
    const inner = byLevel[k - 1];
    const outer = byLevel[k];
    outer.lower = outer.lower.map((value, i) => Math.min(value, inner.lower[i]));
    outer.upper = outer.upper.map((value, i) => Math.max(value, inner.upper[i]));
  }
  return { ...output, intervals: scaled };
}

/**
 * Calibrates `output`'s intervals with the backtest `windows` and records each level's factor
 * in `model.params` as `intervalScale<level>` (for example `intervalScale95`).
 */
export function calibrateIntervals(
  output: ForecastOutput,
  windows: BacktestForecast[],
  options: CalibrationOptions = {},
): ForecastOutput {
  const levels = output.intervals.map((bounds) => bounds.level);
  const factors = calibrationFactors(windows, levels, options.minScale ?? MIN_INTERVAL_SCALE);
  const calibrated = scaleIntervals(output, factors, options.keepNonNegative ?? true);
  const params = { ...output.model.params };
  levels.forEach((level, j) => {
    params[`intervalScale${level}`] = factors[j];
  });
  return { ...calibrated, model: { ...output.model, params } };
}
