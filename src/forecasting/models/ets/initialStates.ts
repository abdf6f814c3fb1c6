/**
 * Heuristic initial states that start the ETS optimiser, after Hyndman et al. (2008, section
 * 2.6.1) as R's `forecast::ets` computes them.
 */
import { decomposeClassical } from '../../decomposition';
import type { EtsSpec } from './spec';

/** Initial level, slope and seasonal indices (one per phase, phase 0 first). */
export interface InitialStates {
  level: number;
  /** 0 without trend. */
  slope: number;
  /** Length seasonLength; a single unused 0 without season. */
  season: Float64Array;
}

/** Observations the level and slope regression uses: max(10, 2m), capped at n. */
function regressionLength(n: number, m: number): number {
  return Math.min(Math.max(10, 2 * m), n);
}

/**
 * Estimates starting states: seasonal indices from a classical decomposition of the whole
 * series, then the level (mean) or level and slope (least-squares line, intercept at t = 0)
 * of the first max(10, 2m) seasonally adjusted observations.
 *
 * Seasonal models need n >= 2·seasonLength, and a multiplicative season strictly positive data;
 * the caller checks both.
 */
export function estimateInitialStates(
  y: Float64Array,
  spec: EtsSpec,
  seasonLength: number,
): InitialStates {
  const n = y.length;
  const adjusted = Float64Array.from(y);
  let season = new Float64Array(1);

  if (spec.season !== 'N') {
    const type = spec.season === 'A' ? 'additive' : 'multiplicative';
    const decomposition = decomposeClassical(y, seasonLength, type);
    season = Float64Array.from(decomposition.seasonalIndices);
    if (spec.season === 'M') clampSeasonalFactors(season);
    for (let t = 0; t < n; t++) {
      const index = season[t % seasonLength];
      adjusted[t] = spec.season === 'A' ? y[t] - index : y[t] / index;
    }
  }

  const count = regressionLength(n, spec.season === 'N' ? 1 : seasonLength);
  if (spec.trend === 'N') {
    let sum = 0;
    for (let t = 0; t < count; t++) sum += adjusted[t];
    return { level: sum / count, slope: 0, season };
  }

  const { intercept, slope } = fitLine(adjusted, count);
  // A multiplicative error divides by the first forecast l0 + b0, which must not be 0.
  if (Math.abs(intercept + slope) < 1e-8) {
    return { level: intercept * (1 + 1e-3), slope: slope * (1 - 1e-3), season };
  }
  return { level: intercept, slope, season };
}

/** Keeps multiplicative seasonal factors at 0.01 or more, then rescales them to mean 1. */
function clampSeasonalFactors(season: Float64Array): void {
  let sum = 0;
  for (let k = 0; k < season.length; k++) {
    season[k] = Math.max(season[k], 0.01);
    sum += season[k];
  }
  for (let k = 0; k < season.length; k++) season[k] *= season.length / sum;
}

/**
 * Fits the least-squares line through (t, y[t-1]) for t = 1..count and returns its intercept
 * (the value at t = 0) and slope; the slope is 0 for a single point.
 */
export function fitLine(y: ArrayLike<number>, count: number): { intercept: number; slope: number } {
  const meanT = (count + 1) / 2;
  let meanY = 0;
  for (let t = 0; t < count; t++) meanY += y[t];
  meanY /= count;

  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < count; t++) {
    covariance += (t + 1 - meanT) * (y[t] - meanY);
    variance += (t + 1 - meanT) ** 2;
  }
  const slope = variance > 0 ? covariance / variance : 0;
  return { intercept: meanY - slope * meanT, slope };
}
