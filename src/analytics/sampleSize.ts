/**
 * Sample size per variant for a two-sided two-proportion z-test (normal approximation without
 * continuity correction; J. L. Fleiss, "Statistical Methods for Rates and Proportions"):
 *   n = [z_{1-a/2} sqrt(2 pbar qbar) + z_{1-b} sqrt(p1 q1 + p2 q2)]^2 / (p2 - p1)^2
 * with p1 the baseline rate, p2 the rate to detect, pbar = (p1 + p2) / 2, q = 1 - p, a = alpha
 * and 1 - b = power.
 */
import { badInput } from '../shared/errors';
import { normalQuantile } from './stats';

export interface SampleSizeInput {
  /** Conversion rate of the control, in (0, 1). */
  baselineRate: number;
  /**
   * Smallest change worth detecting: a rate difference ('absolute') or a fraction of the baseline
   * ('relative').
   */
  minimumDetectableEffect: number;
  /** Default 'absolute'. */
  effectType?: 'absolute' | 'relative';
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
  /** Probability of detecting the effect when it is real (default 0.8). */
  power?: number;
  /**
   * Number of variants including the control (default 2); above 2, alpha is split by Bonferroni
   * over the comparisons with the control.
   */
  variants?: number;
}

export interface SampleSize {
  /** Impressions (trials) needed per variant, rounded up. */
  perVariant: number;
  total: number;
  baselineRate: number;
  targetRate: number;
  /** The alpha each comparison is tested at after the Bonferroni split. */
  alphaPerComparison: number;
  power: number;
}

/**
 * Computes the impressions per variant needed to detect `minimumDetectableEffect` (an increase
 * over the baseline). Throws `BAD_USER_INPUT` when a rate, alpha or power lies outside (0, 1),
 * the effect is not positive or moves the rate to 1 or beyond, or variants is not an integer >= 2.
 */
export function computeSampleSize(input: SampleSizeInput): SampleSize {
  const { baselineRate, minimumDetectableEffect } = input;
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  const variants = input.variants ?? 2;
  const checks: Array<[string, number]> = [
    ['baselineRate', baselineRate],
    ['alpha', alpha],
    ['power', power],
  ];
  for (const [field, value] of checks) {
    if (!(value > 0 && value < 1)) {
      throw badInput(field, `${field} must lie strictly between 0 and 1; received "${value}".`);
    }
  }
  if (!(minimumDetectableEffect > 0)) {
    throw badInput(
      'minimumDetectableEffect',
      `minimumDetectableEffect must be a positive number; received "${minimumDetectableEffect}".`,
    );
  }
  if (!Number.isInteger(variants) || variants < 2) {
    throw badInput(
      'variants',
      `variants must be an integer of at least 2; received "${variants}".`,
    );
  }
  const targetRate =
    (input.effectType ?? 'absolute') === 'absolute'
      ? baselineRate + minimumDetectableEffect
      : baselineRate * (1 + minimumDetectableEffect);
  if (!(targetRate < 1)) {
    throw badInput(
      'minimumDetectableEffect',
      `minimumDetectableEffect must keep the target rate below 1; received "${minimumDetectableEffect}", which gives ${targetRate}.`,
    );
  }

  const alphaPerComparison = alpha / (variants - 1);
  const zAlpha = normalQuantile(1 - alphaPerComparison / 2);
  const zPower = normalQuantile(power);
  const meanRate = (baselineRate + targetRate) / 2;
  const numerator =
    zAlpha * Math.sqrt(2 * meanRate * (1 - meanRate)) +
    zPower * Math.sqrt(baselineRate * (1 - baselineRate) + targetRate * (1 - targetRate));
  const perVariant = Math.ceil((numerator / (targetRate - baselineRate)) ** 2);
  return {
    perVariant,
    total: perVariant * variants,
    baselineRate,
    targetRate,
    alphaPerComparison,
    power,
  };
}
