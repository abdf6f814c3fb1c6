/**
 * Accuracy metrics (FPP3 section 5.8; Hyndman & Koehler 2006). With actual y, forecast f and
 * error e = y - f, pooled over every step of every window:
 *   MAE   = mean |e|                       RMSE = sqrt(mean e²)
 *   MAPE  = 100 · mean |e| / |y|           null when some y = 0
 *   sMAPE = 200 · mean |e| / (|y| + |f|)   as in M3; a step with y = f = 0 scores 0
 *   MASE  = mean |e| / Q, with Q the in-sample MAE of the seasonal naive method on the window's
 *           training data (lag m, or 1 when non-seasonal); null when some Q = 0
 *   WAPE  = 100 · Σ |e| / Σ |y|            null when every y = 0
 * Interval coverage is the share of actuals inside [lower, upper] per level. Pinball is the mean
 * quantile loss ρ_τ(y, q) = max(τ (y - q), (τ - 1)(y - q)) over the 2·levels interval bounds,
 * with τ = 0.5 ± level/200.
 */
import type { Metrics } from './task';
import type { ForecastOutput } from './types';

/** Accumulates forecasts and actuals window by window, then reports `Metrics`. */
export class MetricsAccumulator {
  private count = 0;
  private absoluteError = 0;
  private squaredError = 0;
  private absolutePercentError = 0;
  private hasZeroActual = false;
  private symmetricError = 0;
  private scaledError = 0;
  private hasZeroScale = false;
  private absoluteActual = 0;
  private pinballLoss = 0;
  private pinballCount = 0;
  private readonly inside = new Map<number, number>();

  constructor(private readonly levels: number[]) {
    levels.forEach((level) => this.inside.set(level, 0));
  }

  /**
   * Adds one window: `actual` contains the observations after the origin (at most the horizon),
   * `train` the observations the model was fitted on, `seasonLength` the MASE lag.
   */
  add(actual: number[], forecast: ForecastOutput, train: number[], seasonLength: number): void {
    const scale = naiveScale(train, seasonLength);
    this.hasZeroScale ||= !(scale > 0);

    actual.forEach((y, i) => {
      const f = forecast.mean[i];
      const error = Math.abs(y - f);
      this.count++;
      this.absoluteError += error;
      this.squaredError += error * error;
      this.absoluteActual += Math.abs(y);
      if (y === 0) {
        this.hasZeroActual = true;
      } else {
        this.absolutePercentError += (100 * error) / Math.abs(y);
      }
      const denominator = Math.abs(y) + Math.abs(f);
      this.symmetricError += denominator > 0 ? (200 * error) / denominator : 0;
      if (scale > 0) {
        this.scaledError += error / scale;
      }
      for (const bounds of forecast.intervals) {
        if (y >= bounds.lower[i] && y <= bounds.upper[i]) {
          this.inside.set(bounds.level, (this.inside.get(bounds.level) ?? 0) + 1);
        }
        const tail = (100 - bounds.level) / 200;
        this.pinballLoss +=
          pinball(y, bounds.lower[i], tail) + pinball(y, bounds.upper[i], 1 - tail);
        this.pinballCount += 2;
      }
    });
  }

  /** Returns the metrics over everything added so far; every figure is NaN when nothing was. */
  result(): Metrics {
    const n = this.count;
    return {
      mae: this.absoluteError / n,
      rmse: Math.sqrt(this.squaredError / n),
      mape: this.hasZeroActual ? null : this.absolutePercentError / n,
      smape: this.symmetricError / n,
      mase: this.hasZeroScale ? null : this.scaledError / n,
      wape: this.absoluteActual > 0 ? (100 * this.absoluteError) / this.absoluteActual : null,
      coverage: this.levels.map((level) => ({
        level,
        coverage: (this.inside.get(level) ?? 0) / n,
      })),
      pinball: this.pinballCount > 0 ? this.pinballLoss / this.pinballCount : NaN,
    };
  }
}

/** Returns the pinball (quantile) loss of quantile forecast `q` at probability `tau`. */
export function pinball(y: number, q: number, tau: number): number {
  const difference = y - q;
  return difference >= 0 ? tau * difference : (tau - 1) * difference;
}

/**
 * Returns the MASE scale: the in-sample mean absolute error of the seasonal naive forecast with
 * lag `seasonLength` (the naive forecast when 1), or NaN when `train` is not longer than the lag.
 */
export function naiveScale(train: number[], seasonLength: number): number {
  const lag = train.length > seasonLength ? seasonLength : 1;
  if (train.length <= lag) {
    return NaN;
  }
  let sum = 0;
  for (let t = lag; t < train.length; t++) {
    sum += Math.abs(train[t] - train[t - lag]);
  }
  return sum / (train.length - lag);
}
