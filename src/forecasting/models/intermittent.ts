/**
 * Intermittent-demand methods for series that are mostly zeros.
 *
 * Vocabulary: a demand is a non-zero observation, and z is its size. The interval p is the
 * number of periods between demands, and a is the probability that a period has a demand.
 *
 * - CROSTON (Croston 1972): simple exponential smoothing (SES) with `alpha` of z and of p, each
 *   updated only in periods with a demand; forecast z/p.
 * - SBA (Syntetos & Boylan 2005): Croston times (1 - alpha/2), which removes its bias.
 * - TSB (Teunter, Syntetos & Babai 2011): SES of z with `alpha` when a demand occurs, and of a
 *   with `beta` every period; forecast a·z. Unlike Croston it decays towards zero while no demand
 *   occurs.
 * Smoothing starts from the first demand and its position, as statsforecast does.
 */
import { badInput } from '../../shared/errors';
import { quantile } from '../intervals';
import type { ForecastOutput } from '../types';

/** The intermittent-demand methods this file implements. */
export type IntermittentKind = 'CROSTON' | 'SBA' | 'TSB';

/** Settings of an intermittent-demand forecast; `alpha` and `beta` default to 0.1. */
export interface IntermittentOptions {
  horizon: number;
  levels: number[];
  alpha?: number;
  beta?: number;
}

const DEFAULT_SMOOTHING = 0.1;

/**
 * Forecasts demand `y` (counts or quantities, never negative) with CROSTON, SBA or TSB.
 *
 * Intervals: these methods define no error model, so the bounds are the point forecast plus
 * the empirical quantiles of the in-sample one-step errors, cut at 0.
 * NOTE: the width does not grow with the horizon; it reflects one-step uncertainty only.
 *
 * Throws BAD_USER_INPUT for a negative value. An all-zero series forecasts 0 with zero-width
 * intervals.
 */
export function forecastIntermittent(
  y: number[],
  kind: IntermittentKind,
  options: IntermittentOptions,
): ForecastOutput {
  const negative = y.findIndex((value) => value < 0);
  if (negative !== -1) {
    throw badInput(
      'y',
      `${kind} needs demand that is zero or positive; observation ${negative + 1} of the series is ${y[negative]}.`,
    );
  }
  const alpha = options.alpha ?? DEFAULT_SMOOTHING;
  const beta = options.beta ?? DEFAULT_SMOOTHING;

  const oneStep = kind === 'TSB' ? tsbPath(y, alpha, beta) : crostonPath(y, alpha, kind);
  const forecast = oneStep[y.length];
  const errors = y
    .map((value, t) => value - oneStep[t])
    .filter((error, t) => Number.isFinite(oneStep[t]) && Number.isFinite(error))
    .sort((a, b) => a - b);

  const mean = new Array<number>(options.horizon).fill(forecast);
  const intervals = options.levels.map((level) => {
    const tail = (100 - level) / 200;
    const lower = errors.length > 0 ? Math.max(0, forecast + quantile(errors, tail)) : forecast;
    const upper = errors.length > 0 ? Math.max(0, forecast + quantile(errors, 1 - tail)) : forecast;
    return {
      level,
      lower: mean.map(() => Math.min(lower, forecast)),
      upper: mean.map(() => Math.max(upper, forecast)),
    };
  });

  const params: Record<string, number> = { alpha };
  if (kind === 'TSB') {
    params.beta = beta;
  }
  const sigma2 = errors.length > 0 ? errors.reduce((sum, e) => sum + e * e, 0) / errors.length : 0;
  return { mean, intervals, model: { kind, params }, fit: { sigma2 }, warnings: [] };
}

/**
 * Returns the one-step forecasts f_0..f_T of Croston or SBA: f_t uses y_0..y_{t-1}, and is NaN
 * before the first demand (0 throughout for an all-zero series).
 */
function crostonPath(y: number[], alpha: number, kind: 'CROSTON' | 'SBA'): number[] {
  const correction = kind === 'SBA' ? 1 - alpha / 2 : 1;
  const first = y.findIndex((value) => value > 0);
  if (first === -1) {
    return new Array<number>(y.length + 1).fill(0);
  }

  const path = new Array<number>(y.length + 1).fill(NaN);
  let size = y[first];
  let interval = first + 1;
  let sinceDemand = 0;
  for (let t = first + 1; t <= y.length; t++) {
    path[t] = (correction * size) / interval;
    if (t === y.length) {
      break;
    }
    sinceDemand++;
    if (y[t] > 0) {
      size += alpha * (y[t] - size);
      interval += alpha * (sinceDemand - interval);
      sinceDemand = 0;
    }
  }
  return path;
}

/** Returns the one-step forecasts f_0..f_T of TSB, NaN before the first demand. */
function tsbPath(y: number[], alpha: number, beta: number): number[] {
  const first = y.findIndex((value) => value > 0);
  if (first === -1) {
    return new Array<number>(y.length + 1).fill(0);
  }

  const path = new Array<number>(y.length + 1).fill(NaN);
  let size = y[first];
  let probability = 1 / (first + 1);
  for (let t = first + 1; t <= y.length; t++) {
    path[t] = probability * size;
    if (t === y.length) {
      break;
    }
    const occurred = y[t] > 0 ? 1 : 0;
    probability += beta * (occurred - probability);
    if (occurred) {
      size += alpha * (y[t] - size);
    }
  }
  return path;
}
