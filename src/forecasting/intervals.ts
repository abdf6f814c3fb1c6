import { normal } from 'jstat';

import type { IntervalBounds } from './types';

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
