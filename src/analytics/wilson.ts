/**
 * The Wilson score interval for a binomial proportion (E. B. Wilson 1927, "Probable inference,
 * the law of succession, and statistical inference", JASA 22): the set of p that a z-test of
 * successes / trials would not reject,
 *   (p^ + z^2 / 2n  +-  z sqrt(p^ (1 - p^) / n + z^2 / 4n^2)) / (1 + z^2 / n).
 * Unlike the Wald interval it stays within [0, 1] and keeps its coverage near 0 and 1.
 */
import type { Interval } from './stats';
import { normalCritical } from './stats';

/** Returns the Wilson interval at `level` percent; [0, 1] when there are no trials. */
export function wilsonInterval(successes: number, trials: number, level = 95): Interval {
  if (trials === 0) {
    return { level, lower: 0, upper: 1 };
  }
  const z = normalCritical(level);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const center = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials))) / (1 + z2n);
  // At p^ = 0 or 1 a bound is exactly 0 or 1; rounding would leave it a hair inside.
  const lower = successes === 0 ? 0 : Math.max(0, center - halfWidth);
  const upper = successes === trials ? 1 : Math.min(1, center + halfWidth);
  return { level, lower, upper };
}
