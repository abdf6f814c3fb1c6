import { normal } from 'jstat';

import type { ForecastOutput, IntervalBounds } from './types';

/** Returns the standard normal quantile z such that P(Z <= z) = `p`. */
export function normalQuantile(p: number): number {
  return normal.inv(p, 0, 1);
}

/**
 * Builds symmetric normal intervals `mean ± z · se` for each level, where z is the
 * (50 + level/2)th percentile of the standard normal. `se` contains one standard error per step.
 */
export function normalIntervals(mean: number[], se: number[], levels: number[]): IntervalBounds[] {
  return levels.map((level) => {
    const z = normalQuantile(0.5 + level / 200);
    return {
      level,
      lower: mean.map((m, i) => m - z * se[i]),
      upper: mean.map((m, i) => m + z * se[i]),
    };
  });
}

/** Returns the `p` quantile of ascending `sorted` values by linear interpolation (R's type 7). */
export function quantile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Estimates how much wider a model's intervals should be from its backtest: with e the errors
 * and se = (upper - lower) / (2 z) the standard errors each interval implies, returns
 * sqrt(mean (e / se)²), the factor that makes the implied variance match the errors. Returns 1
 * when no point has a positive width.
 */
export function intervalScaleFactor(
  windows: { actual: number[]; output: ForecastOutput }[],
): number {
  let sum = 0;
  let count = 0;
  for (const { actual, output } of windows) {
    for (const bounds of output.intervals) {
      const z = normalQuantile(0.5 + bounds.level / 200);
      actual.forEach((y, i) => {
        const se = (bounds.upper[i] - bounds.lower[i]) / (2 * z);
        if (se > 0) {
          sum += ((y - output.mean[i]) / se) ** 2;
          count++;
        }
      });
    }
  }
  return count > 0 ? Math.sqrt(sum / count) : 1;
}

/** Returns `output` with every interval bound moved away from the mean by `factor`. */
export function scaleIntervals(output: ForecastOutput, factor: number): ForecastOutput {
  return {
    ...output,
    intervals: output.intervals.map((bounds) => ({
      level: bounds.level,
      lower: bounds.lower.map((value, i) => output.mean[i] - factor * (output.mean[i] - value)),
      upper: bounds.upper.map((value, i) => output.mean[i] + factor * (value - output.mean[i])),
    })),
  };
}
