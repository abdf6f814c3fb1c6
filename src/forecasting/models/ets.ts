/**
 * Exponential smoothing state space models, ETS(error, trend, season), after Hyndman, Koehler,
 * Ord & Snyder (2008), "Forecasting with Exponential Smoothing: The State Space Approach", and
 * FPP3 chapter 8, with the model choice of R's `forecast::ets` (Hyndman & Khandakar 2008).
 *
 * Vocabulary: see `ets/spec.ts` for the model names and `ets/filter.ts` for the recursions.
 * A component left out of {@link EtsOptions} is chosen by AICc, as R's "Z" does.
 */
import { DomainError, ErrorCode, badInput } from '../../shared/errors';
import type { ForecastOutput, IntervalBounds } from '../types';
import {
  type FixedComponents,
  candidateSpecs,
  fitShortSeries,
  usableSeasonLength,
} from './ets/candidates';
import { type EtsFit, fitEts, informationCriteria } from './ets/fit';
import { checkForecastInput, isConstant, isStrictlyPositive, tQuantile } from './ets/input';
import { type ScoredFit, selectionVariance } from './ets/modelAveraging';
import { parameterVariance } from './ets/parameterUncertainty';
import {
  analyticVariance,
  insampleErrorMeanSquares,
  pointForecasts,
  predictionIntervals,
} from './ets/predict';
import type { EtsError, EtsSeason, EtsTrend } from './ets/spec';

export type { EtsError, EtsSeason, EtsTrend } from './ets/spec';

/** Options of {@link forecastEts}. */
export interface EtsOptions {
  /** Periods to forecast after the last observation. */
  horizon: number;
  /** Interval coverages in percent, each in (0, 100), e.g. [80, 95]. */
  levels: number[];
  /** Observations per seasonal cycle; 1 for non-seasonal data. */
  seasonLength: number;
  /** Error form; chosen by AICc when left out. */
  error?: EtsError;
  /** Trend form; chosen by AICc when left out. */
  trend?: EtsTrend;
  /** Seasonal form; chosen by AICc when left out. */
  season?: EtsSeason;
}

/** Options of {@link forecastAutoEts}; the first three as in {@link EtsOptions}. */
export interface AutoEtsOptions {
  horizon: number;
  levels: number[];
  seasonLength: number;
  /**
   * Whether multiplicative error and season may be chosen, which happens only on strictly
   * positive data; default true.
   */
  allowMultiplicative?: boolean;
}

/** In-sample h-step errors needed before they can widen the h-step interval. */
const MIN_ERRORS_PER_STEP = 3;

/**
 * Fits an ETS model to `y` (oldest first) and forecasts `horizon` steps with intervals at
 * each level. Components given in `options` are fitted as given; those left out are chosen by
 * AICc among the stable combinations, as {@link forecastAutoEts} does.
 *
 * A setting the data cannot support is overridden with a warning. This drops a season when
 * seasonLength is 1 or above 24 or y contains fewer than two cycles, replaces a multiplicative
 * form on data that are not strictly positive, and drops components too many for the length
 * of y. A constant series gets its value as forecast with zero-width intervals.
 *
 * Intervals come from the closed-form forecast variance of the linear models and from 5000
 * seeded simulated paths under a multiplicative season (so equal inputs give equal outputs).
 * They are widened for estimation: Student t quantiles on n - k degrees of freedom, the
 * delta-method variance of the estimated parameters, the spread among AutoETS candidates, and a
 * floor at the in-sample h-step mean squared error.
 *
 * `model.params` lists error, trend, season, damped, alpha, beta, gamma, phi (null where
 * absent) and seasonLength. `fit.sigma2` is the innovation variance, relative under
 * multiplicative error. `fit.logLik` is the full Gaussian log-likelihood, so AIC values differ
 * from R's, which drop the constant, by the same amount for every model.
 *
 * Throws `BAD_USER_INPUT` for invalid arguments (fewer than 3 observations, a non-finite value,
 * a horizon or seasonLength that is not a positive integer, a level outside (0, 100), an
 * unknown component) and `FORECAST_FAILED` when no model could be fitted.
 */
export function forecastEts(y: number[], options: EtsOptions): ForecastOutput {
  checkForecastInput(y, options.horizon, options.levels, options.seasonLength, 'ETS');
  checkComponent('error', options.error, ['A', 'M']);
  checkComponent('trend', options.trend, ['N', 'A', 'Ad']);
  checkComponent('season', options.season, ['N', 'A', 'M']);
  return runEts(
    y,
    options,
    { error: options.error, trend: options.trend, season: options.season },
    true,
  );
}

/**
 * Chooses an ETS model for `y` by AICc and forecasts with it, after R's `forecast::ets`. The
 * candidates are every error A/M, trend N/A/Ad and season N/A/M except additive error with
 * multiplicative season, which is numerically unstable. Multiplicative forms need strictly
 * positive data, and seasonal forms a seasonLength of 2 to 24 and two full cycles in y.
 * Series too short for any fitted initial state (fewer than 7 observations) get simple or
 * Holt's exponential smoothing from fixed initial states, with a warning.
 *
 * Throws as {@link forecastEts}.
 */
export function forecastAutoEts(y: number[], options: AutoEtsOptions): ForecastOutput {
  checkForecastInput(y, options.horizon, options.levels, options.seasonLength, 'ETS');
  return runEts(y, options, {}, options.allowMultiplicative ?? true);
}

interface EtsRequest {
  horizon: number;
  levels: readonly number[];
  seasonLength: number;
}

function runEts(
  y: number[],
  request: EtsRequest,
  fixed: FixedComponents,
  allowMultiplicative: boolean,
): ForecastOutput {
  const warnings: string[] = [];
  if (isConstant(y)) return forecastConstant(y, request, fixed, warnings);

  // Fitting on y / mean|y| keeps states and simplex steps near 1 whatever the units.
  const n = y.length;
  const scale = y.reduce((sum, value) => sum + Math.abs(value), 0) / n;
  const scaled = Float64Array.from(y, (value) => value / scale);
  const m = usableSeasonLength(n, request.seasonLength, fixed, warnings);
  const positive = isStrictlyPositive(y);
  const candidates = candidateSpecs(fixed, m, n, positive, allowMultiplicative, warnings);

  const scored: ScoredFit[] = [];
  for (const spec of candidates) {
    const fit = fitEts(scaled, spec, m);
    if (fit === undefined) continue;
    scored.push({ fit, aicc: informationCriteria(fit.logLik, fit.freeParameters + 1, n).aicc });
  }
  const best = scored.reduce<ScoredFit | undefined>(
    (chosen, candidate) =>
      chosen === undefined || candidate.aicc < chosen.aicc ? candidate : chosen,
    undefined,
  );
  const reason =
    candidates.length === 0
      ? `The series has ${n} observations, too few to estimate the initial states of the requested ETS model`
      : `no candidate ETS model could be fitted to the series`;
  const chosen = best?.fit ?? fitShortSeries(scaled, fixed, reason, warnings);
  if (chosen === undefined) {
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `ETS could not fit any model to the series (${n} observations).`,
    );
  }
  return describeForecast(chosen, scored, scaled, scale, request, warnings);
}

/** Forecasts a constant series: its value, zero-width intervals, and a warning. */
function forecastConstant(
  y: number[],
  request: EtsRequest,
  fixed: FixedComponents,
  warnings: string[],
): ForecastOutput {
  const value = y[0];
  const mean = new Array<number>(request.horizon).fill(value);
  const requested =
    fixed.error !== undefined || fixed.trend !== undefined || fixed.season !== undefined;
  warnings.push(
    requested
      ? `The series is constant (every value is ${value}); ETS(A,N,N) was fitted instead of the requested components, and the forecast repeats the value.`
      : `The series is constant (every value is ${value}); the forecast repeats the value with zero-width intervals.`,
  );
  return {
    mean,
    intervals: request.levels.map((level) => ({ level, lower: [...mean], upper: [...mean] })),
    model: {
      kind: 'ETS',
      params: {
        error: 'A',
        trend: 'N',
        season: 'N',
        damped: false,
        alpha: 0.9999,
        beta: null,
        gamma: null,
        phi: null,
        seasonLength: request.seasonLength,
      },
    },
    fit: { sigma2: 0 },
    warnings,
  };
}

/** Turns a fit on the scaled series into the forecast output in the series' own units. */
function describeForecast(
  fit: EtsFit,
  candidates: readonly ScoredFit[],
  scaled: Float64Array,
  scale: number,
  request: EtsRequest,
  warnings: string[],
): ForecastOutput {
  const n = fit.innovations.length;
  const sigma2 = fit.sse / (n - fit.freeParameters);
  const mean = pointForecasts(fit, request.horizon);

  // Four allowances widen the intervals for estimation. Student t quantiles on n - k degrees
  // of freedom cover the estimated σ². The delta-method variance covers the other parameters,
  // and the model-averaged spread covers the choice of model. The fit's own in-sample h-step
  // mean squared errors set a floor.
  // NOTE: with these allowances alone, 95% intervals cover 89.6% of the M3 yearly and 91.5% of
  // the quarterly test points (other: 96.2%). The misses sit in short series with trend models
  // and at long horizons, so runForecast's backtest calibration (`calibrateModel.ts`) widens
  // the intervals further by default.
  const dof = n - fit.freeParameters;
  const quantile = (level: number) => tQuantile(level, dof);
  const ownVariance = fit.spec.season === 'M' ? undefined : analyticVariance(fit, mean, sigma2);
  const widening = {
    extraVariance: addVariances(
      parameterVariance(fit, request.horizon),
      selectionVariance(candidates, mean, ownVariance),
    ),
    empiricalMeanSquares: insampleErrorMeanSquares(
      fit,
      scaled,
      request.horizon,
      MIN_ERRORS_PER_STEP,
    ),
  };
  const scaledIntervals = predictionIntervals(
    fit,
    mean,
    sigma2,
    request.levels,
    quantile,
    widening,
  );
  const intervals: IntervalBounds[] = scaledIntervals.map(({ level, lower, upper }) => ({
    level,
    lower: Array.from(lower, (value) => value * scale),
    upper: Array.from(upper, (value) => value * scale),
  }));

  // Rescaling y by 1/scale shifts the log-likelihood by n·log(scale) for either error form.
  const logLik = fit.logLik - n * Math.log(scale);
  const criteria = informationCriteria(logLik, fit.freeParameters + 1, n);
  const { spec } = fit;
  return {
    mean: Array.from(mean, (value) => value * scale),
    intervals,
    model: {
      kind: 'ETS',
      params: {
        error: spec.error,
        trend: spec.trend,
        season: spec.season,
        damped: spec.trend === 'Ad',
        alpha: fit.alpha,
        beta: spec.trend === 'N' ? null : fit.beta,
        gamma: spec.season === 'N' ? null : fit.gamma,
        phi: spec.trend === 'Ad' ? fit.phi : null,
        seasonLength: request.seasonLength,
      },
    },
    fit: {
      sigma2: spec.error === 'A' ? sigma2 * scale * scale : sigma2,
      logLik,
      aic: criteria.aic,
      aicc: Number.isFinite(criteria.aicc) ? criteria.aicc : undefined,
      bic: criteria.bic,
    },
    warnings,
  };
}

function checkComponent(field: string, value: string | undefined, allowed: string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw badInput(
      field,
      `${field} is "${value}"; expected one of ${allowed.map((form) => `"${form}"`).join(', ')}.`,
    );
  }
}

function addVariances(
  first: Float64Array | undefined,
  second: Float64Array | undefined,
): Float64Array | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return first.map((value, h) => value + second[h]);
}
