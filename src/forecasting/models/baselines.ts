/**
 * Benchmark methods with the analytic intervals of FPP3 section 5.5 (Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed.). With T observations, residual standard
 * deviation σ̂ = sqrt(Σ e_t² / (T - K - M)) for K parameters and M residuals lost, and
 * k = floor((h - 1) / m), the h-step standard errors are:
 *   MEAN            σ̂ sqrt(1 + 1/T)      (K = 1, M = 0)
 *   NAIVE           σ̂ sqrt(h)            (K = 0, M = 1)
 *   SEASONAL_NAIVE  σ̂ sqrt(k + 1)        (K = 0, M = m)
 *   DRIFT           σ̂ sqrt(h (1 + h/T))  (K = 1, M = 1)
 */
import { badInput } from '../../shared/errors';
import { normalIntervals } from '../intervals';
import type { ForecastOutput } from '../types';

/** The benchmark methods this file implements. */
export type BaselineKind = 'NAIVE' | 'SEASONAL_NAIVE' | 'DRIFT' | 'MEAN';

/** Settings of a benchmark forecast; `seasonLength` is used by SEASONAL_NAIVE only. */
export interface BaselineOptions {
  horizon: number;
  levels: number[];
  seasonLength: number;
}

/**
 * Forecasts `y` with one benchmark method. A series too short to estimate σ̂ (one observation
 * for MEAN, one season for SEASONAL_NAIVE) gets zero-width intervals and a warning. Throws
 * BAD_USER_INPUT when `y` has fewer observations than the method needs.
 */
export function forecastBaseline(
  y: number[],
  kind: BaselineKind,
  options: BaselineOptions,
): ForecastOutput {
  const T = y.length;
  const m = kind === 'SEASONAL_NAIVE' ? options.seasonLength : 1;
  let minimum = 1;
  if (kind === 'SEASONAL_NAIVE') {
    minimum = m;
  } else if (kind === 'DRIFT') {
    minimum = 2;
  }
  if (T < minimum) {
    const label = kind === 'SEASONAL_NAIVE' ? `SEASONAL_NAIVE with seasonLength ${m}` : kind;
    throw badInput('y', `${label} needs at least ${minimum} observations; the series has ${T}.`);
  }

  const { mean, residuals, parameterCount, scale } = pointForecasts(y, kind, options.horizon, m);
  const degreesOfFreedom = residuals.length - parameterCount;
  const warnings: string[] = [];
  if (kind === 'SEASONAL_NAIVE' && m === 1) {
    warnings.push(
      'SEASONAL_NAIVE ran with seasonLength 1 (no season given or detected), so it repeats the last value as NAIVE does; give seasonLength to repeat a season.',
    );
  }
  let sigma = 0;
  if (degreesOfFreedom > 0) {
    sigma = Math.sqrt(residuals.reduce((sum, e) => sum + e * e, 0) / degreesOfFreedom);
  } else {
    const observations = T === 1 ? '1 observation leaves' : `${T} observations leave`;
    warnings.push(
      `${kind} intervals have zero width because ${observations} no residual to estimate their spread.`,
    );
  }
  const se = scale.map((factor) => sigma * factor);

  const params: Record<string, number> = kind === 'SEASONAL_NAIVE' ? { seasonLength: m } : {};
  if (kind === 'DRIFT') {
    params.drift = (y[T - 1] - y[0]) / (T - 1);
  }
  return {
    mean,
    intervals: normalIntervals(mean, se, options.levels),
    model: { kind, params },
    fit: { sigma2: sigma * sigma },
    warnings,
  };
}

interface PointForecasts {
  mean: number[];
  residuals: number[];
  parameterCount: number;
  /** se_h / σ̂ for each step h. */
  scale: number[];
}

function pointForecasts(
  y: number[],
  kind: BaselineKind,
  horizon: number,
  m: number,
): PointForecasts {
  const T = y.length;
  const last = y[T - 1];
  const steps = Array.from({ length: horizon }, (_, i) => i + 1);
  switch (kind) {
    case 'MEAN': {
      const average = y.reduce((sum, value) => sum + value, 0) / T;
      return {
        mean: steps.map(() => average),
        residuals: y.map((value) => value - average),
        parameterCount: 1,
        scale: steps.map(() => Math.sqrt(1 + 1 / T)),
      };
    }
    case 'NAIVE':
      return {
        mean: steps.map(() => last),
        residuals: y.slice(1).map((value, t) => value - y[t]),
        parameterCount: 0,
        scale: steps.map((h) => Math.sqrt(h)),
      };
    case 'SEASONAL_NAIVE':
      return {
        mean: steps.map((h) => y[T - m + ((h - 1) % m)]),
        residuals: y.slice(m).map((value, t) => value - y[t]),
        parameterCount: 0,
        scale: steps.map((h) => Math.sqrt(Math.floor((h - 1) / m) + 1)),
      };
    case 'DRIFT': {
      const slope = (last - y[0]) / (T - 1);
      return {
        mean: steps.map((h) => last + h * slope),
        residuals: y.slice(1).map((value, t) => value - y[t] - slope),
        parameterCount: 1,
        scale: steps.map((h) => Math.sqrt(h * (1 + h / T))),
      };
    }
  }
}
