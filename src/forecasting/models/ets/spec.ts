/**
 * Names of the ETS models (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential
 * Smoothing: The State Space Approach"; FPP3 chapter 8). ETS(error, trend, season):
 * - error: A (additive) or M (multiplicative, a relative error);
 * - trend: N (none), A (additive) or Ad (additive damped by phi);
 * - season: N (none), A (additive) or M (multiplicative).
 */

/** Error form of an ETS model. */
export type EtsError = 'A' | 'M';
/** Trend form of an ETS model; `Ad` is the additive damped trend. */
export type EtsTrend = 'N' | 'A' | 'Ad';
/** Seasonal form of an ETS model. */
export type EtsSeason = 'N' | 'A' | 'M';

/** One member of the ETS family. */
export interface EtsSpec {
  error: EtsError;
  trend: EtsTrend;
  season: EtsSeason;
}

/** Formats a spec the way the literature writes it, e.g. `ETS(M,Ad,N)`. */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * Counts the free parameters a fit estimates: the smoothing parameters (alpha, beta, gamma,
 * phi as present) and the initial states (level, slope, and seasonLength - 1 seasonal states,
 * the last one being fixed by the normalisation). The error variance is not counted.
 */
export function countFreeParameters(spec: EtsSpec, seasonLength: number): number {
  let count = 2;
  if (spec.trend !== 'N') count += 2;
  if (spec.trend === 'Ad') count += 1;
  if (spec.season !== 'N') count += seasonLength;
  return count;
}
