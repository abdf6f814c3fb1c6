/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) and the optimised Theta method
 * (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016, "Models for optimising the theta
 * method and their relationship to state space models", OTM).
 *
 * Vocabulary:
 * - x: the series after seasonal adjustment (y itself when not seasonal);
 * - SES: simple exponential smoothing, level l_t = α·x_t + (1 - α)·l_{t-1};
 * - A, B: intercept (at t = 0) and slope of the least-squares line through (t, x_t), t = 1..n;
 * - theta line: θ·x_t + (1 - θ)·(A + B·t); θ = 2 is the standard method.
 */
import { DomainError, ErrorCode } from '../../shared/errors';
import { decomposeClassical, testSeasonality } from '../decomposition';
import type { ForecastOutput } from '../types';
import { minimizeScalar } from '../optimize';
import { fitLine } from './ets/initialStates';
import { checkForecastInput, isConstant, isStrictlyPositive, normalQuantile } from './ets/input';

/** Options of {@link forecastTheta}. */
export interface ThetaOptions {
  /** Periods to forecast after the last observation. */
  horizon: number;
  /** Interval coverages in percent, each in (0, 100), e.g. [80, 95]. */
  levels: number[];
  /** Observations per seasonal cycle; 1 for non-seasonal data. */
  seasonLength: number;
  /** Fit θ by least squares (OTM) instead of the standard θ = 2; default false. */
  optimized?: boolean;
}

/** Search range of the smoothing parameter. */
const ALPHA_LOWER = 1e-3;
const ALPHA_UPPER = 0.999;

/** Grid points that bracket the best α before Brent's method refines it. */
const ALPHA_GRID = 24;

/** Largest θ the optimised method reports; the least-squares θ can run off to infinity. */
const MAX_THETA = 1e6;

/** Seasonal adjustment applied before the theta lines are fitted. */
interface SeasonalAdjustment {
  type: 'additive' | 'multiplicative';
  /** Seasonal index per phase, phase 0 first. */
  indices: number[];
}

/** A fitted theta model on the adjusted series. */
interface ThetaFit {
  alpha: number;
  theta: number;
  /** Initial level l_0. */
  initialLevel: number;
  /** Point forecasts of the adjusted series. */
  mean: Float64Array;
  /** One-step in-sample error variance of the adjusted series, Σe² / (n - parameters). */
  sigma2: number;
  /** Gaussian log-likelihood of the adjusted series at σ̂² = Σe² / n. */
  logLik: number;
}

/**
 * Forecasts `y` (oldest first) with the Theta method and returns `horizon` point forecasts with
 * intervals at each level.
 *
 * The standard method (Hyndman & Billah 2003, as R's `forecast::thetaf`) is SES with drift:
 * SES fitted by maximum likelihood, plus half the slope B of the least-squares line,
 *   ŷ_{n+h} = l_n + (B/2)·((h - 1) + (1 - (1 - α)^n)/α).
 * The optimised method (OTM) fits α, θ >= 1 and l_0 by least squares on the one-step errors of
 *   μ_t = l_{t-1} + (1 - 1/θ)·(A·(1 - α)^{t-1} + B·(1 - (1 - α)^t)/α)
 * and forecasts ŷ_{n+h} = l_n + (1 - 1/θ)·(A·(1 - α)^n + B·((h - 1) + (1 - (1 - α)^{n+1})/α)).
 *
 * When seasonLength > 1 and y passes the 90% seasonality test at that lag, the fit runs on
 * the series seasonally adjusted by a classical multiplicative decomposition (additive when y
 * is not strictly positive), and the forecasts and intervals are reseasonalised. Intervals are
 * those of the SES-with-drift state space model: the h-step variance is σ²·(1 + (h - 1)·α²).
 * A constant series gets its value as forecast with zero-width intervals.
 *
 * Throws `BAD_USER_INPUT` for invalid arguments (fewer than 3 observations, a non-finite value,
 * a horizon or seasonLength that is not a positive integer, a level outside (0, 100)) and
 * `FORECAST_FAILED` when the fit produces non-finite values.
 */
export function forecastTheta(y: number[], options: ThetaOptions): ForecastOutput {
  checkForecastInput(y, options.horizon, options.levels, options.seasonLength, 'Theta');
  const optimized = options.optimized ?? false;
  const warnings: string[] = [];
  if (isConstant(y)) return forecastConstant(y, options, optimized, warnings);

  const adjustment = chooseSeasonalAdjustment(y, options.seasonLength, warnings);
  const x = Float64Array.from(y, (value, t) => removeSeason(value, t, adjustment));
  const fit = optimized
    ? fitOptimizedTheta(x, options.horizon)
    : fitStandardTheta(x, options.horizon);
  if (!fit.mean.every(Number.isFinite) || !Number.isFinite(fit.sigma2)) {
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `The Theta fit produced non-finite forecasts for y (${y.length} observations).`,
    );
  }

  const n = y.length;
  const mean = Array.from(fit.mean, (value, h) => addSeason(value, n + h, adjustment));
  const intervals = options.levels.map((level) => {
    const z = normalQuantile(level);
    const lower: number[] = [];
    const upper: number[] = [];
    for (let h = 0; h < options.horizon; h++) {
      const margin = z * Math.sqrt(fit.sigma2 * (1 + h * fit.alpha * fit.alpha));
      lower.push(addSeason(fit.mean[h] - margin, n + h, adjustment));
      upper.push(addSeason(fit.mean[h] + margin, n + h, adjustment));
    }
    return { level, lower, upper };
  });

  return {
    mean,
    intervals,
    model: {
      kind: optimized ? 'OPTIMIZED_THETA' : 'THETA',
      params: {
        optimized,
        theta: fit.theta,
        alpha: fit.alpha,
        initialLevel: fit.initialLevel,
        seasonalAdjustment: adjustment?.type ?? null,
        seasonLength: options.seasonLength,
      },
    },
    fit: { sigma2: fit.sigma2, logLik: fit.logLik },
    warnings,
  };
}

/**
 * Chooses the seasonal adjustment, or none when seasonLength is 1 or the test finds no
 * seasonality. Adds a warning when y is too short to test or the data force the additive form.
 */
function chooseSeasonalAdjustment(
  y: number[],
  seasonLength: number,
  warnings: string[],
): SeasonalAdjustment | undefined {
  const m = seasonLength;
  if (m === 1) return undefined;
  if (y.length < 2 * m) {
    warnings.push(
      `The series has ${y.length} observations, fewer than two seasonal cycles (${2 * m}) for seasonLength ${m}; the Theta method ran without seasonal adjustment.`,
    );
    return undefined;
  }
  if (!testSeasonality(y, m).seasonal) return undefined;

  if (!isStrictlyPositive(y)) {
    warnings.push(
      `The series contains values <= 0, so the seasonal adjustment is additive instead of multiplicative.`,
    );
    return { type: 'additive', indices: decomposeClassical(y, m, 'additive').seasonalIndices };
  }
  return {
    type: 'multiplicative',
    indices: decomposeClassical(y, m, 'multiplicative').seasonalIndices,
  };
}

function removeSeason(
  value: number,
  t: number,
  adjustment: SeasonalAdjustment | undefined,
): number {
  if (adjustment === undefined) return value;
  const index = adjustment.indices[t % adjustment.indices.length];
  return adjustment.type === 'additive' ? value - index : value / index;
}

function addSeason(value: number, t: number, adjustment: SeasonalAdjustment | undefined): number {
  if (adjustment === undefined) return value;
  const index = adjustment.indices[t % adjustment.indices.length];
  return adjustment.type === 'additive' ? value + index : value * index;
}

/**
 * Fits the standard method: SES by maximum likelihood (α and l_0 minimise Σe²), then adds half
 * the least-squares slope as drift.
 */
function fitStandardTheta(x: Float64Array, horizon: number): ThetaFit {
  const n = x.length;
  const { slope } = fitLine(x, x.length);
  const drift = slope / 2;
  const profile = new ThetaProfile(x, false);
  const alpha = minimizeOverAlpha((a) => profile.solve(a).sse);
  const { initialLevel, finalLevel } = profile.solve(alpha);
  const sse = profile.residualSumOfSquares(alpha, initialLevel, 0);

  const decay = (1 - (1 - alpha) ** n) / alpha;
  const mean = Float64Array.from({ length: horizon }, (_, h) => finalLevel + drift * (h + decay));
  return {
    alpha,
    theta: 2,
    initialLevel,
    mean,
    sigma2: sse / (n - 2),
    logLik: gaussianLogLik(sse, n),
  };
}

/** Fits OTM: α by a bracketed search, θ and l_0 by least squares for each α. */
function fitOptimizedTheta(x: Float64Array, horizon: number): ThetaFit {
  const n = x.length;
  const { intercept, slope } = fitLine(x, x.length);
  const profile = new ThetaProfile(x, true);
  const alpha = minimizeOverAlpha((a) => profile.solve(a).sse);
  const { initialLevel, finalLevel, trendWeight } = profile.solve(alpha);
  const sse = profile.residualSumOfSquares(alpha, initialLevel, trendWeight);

  const q = 1 - alpha;
  const mean = Float64Array.from({ length: horizon }, (_, h) => {
    const trendPart = intercept * q ** n + slope * (h + (1 - q ** (n + 1)) / alpha);
    return finalLevel + trendWeight * trendPart;
  });
  return {
    alpha,
    theta: 1 / (1 - trendWeight),
    initialLevel,
    mean,
    sigma2: sse / (n - 3),
    logLik: gaussianLogLik(sse, n),
  };
}

/**
 * One-step errors of the theta model for a given α, minimised over l_0 (and, for OTM, the
 * trend weight c = 1 - 1/θ in [0, 1 - 1/MAX_THETA]) in closed form. With l⁰_t the SES level
 * started from 0, the error e_t = (x_t - l⁰_{t-1}) - (1 - α)^{t-1}·l_0 - c·D_t is linear in
 * (l_0, c), where D_t = A·(1 - α)^{t-1} + B·(1 - (1 - α)^t)/α.
 */
class ThetaProfile {
  private readonly intercept: number;
  private readonly slope: number;

  constructor(
    private readonly x: Float64Array,
    private readonly fitTrendWeight: boolean,
  ) {
    const line = fitLine(x, x.length);
    this.intercept = line.intercept;
    this.slope = line.slope;
  }

  solve(alpha: number): {
    sse: number;
    initialLevel: number;
    finalLevel: number;
    trendWeight: number;
  } {
    const { x } = this;
    const q = 1 - alpha;
    // Sums of the normal equations for regressing a_t on w_t = q^{t-1} and D_t.
    let aa = 0;
    let aw = 0;
    let ww = 0;
    let ad = 0;
    let wd = 0;
    let dd = 0;
    let levelFromZero = 0;
    let decay = 1;
    for (let t = 1; t <= x.length; t++) {
      const a = x[t - 1] - levelFromZero;
      const d = this.intercept * decay + (this.slope * (1 - decay * q)) / alpha;
      aa += a * a;
      aw += a * decay;
      ww += decay * decay;
      ad += a * d;
      wd += decay * d;
      dd += d * d;
      levelFromZero += alpha * a;
      decay *= q;
    }

    let trendWeight = 0;
    let initialLevel = aw / ww;
    if (this.fitTrendWeight) {
      const determinant = ww * dd - wd * wd;
      if (determinant > 1e-12 * ww * dd) {
        trendWeight = (ww * ad - wd * aw) / determinant;
        trendWeight = Math.min(Math.max(trendWeight, 0), 1 - 1 / MAX_THETA);
        initialLevel = (aw - trendWeight * wd) / ww;
      }
    }
    const c = trendWeight;
    const l0 = initialLevel;
    const sse = aa + l0 * l0 * ww + c * c * dd - 2 * l0 * aw - 2 * c * ad + 2 * l0 * c * wd;
    // l_n = l⁰_n + q^n·l_0: the SES recursion is linear in its start.
    const finalLevel = levelFromZero + decay * l0;
    return { sse: Math.max(sse, 0), initialLevel: l0, finalLevel, trendWeight };
  }

  /**
   * Computes Σe² by running the model, which stays accurate where the expanded sum of `solve`
   * cancels (a near-perfect fit).
   */
  residualSumOfSquares(alpha: number, initialLevel: number, trendWeight: number): number {
    const q = 1 - alpha;
    let level = initialLevel;
    let decay = 1;
    let sse = 0;
    for (let t = 1; t <= this.x.length; t++) {
      const d = this.intercept * decay + (this.slope * (1 - decay * q)) / alpha;
      const error = this.x[t - 1] - level - trendWeight * d;
      sse += error * error;
      level += alpha * (this.x[t - 1] - level);
      decay *= q;
    }
    return sse;
  }
}

/** Minimises over α: the best of a grid on [ALPHA_LOWER, ALPHA_UPPER], refined by Brent's method. */
function minimizeOverAlpha(sse: (alpha: number) => number): number {
  const step = (ALPHA_UPPER - ALPHA_LOWER) / (ALPHA_GRID - 1);
  let bestIndex = 0;
  let bestValue = Infinity;
  for (let i = 0; i < ALPHA_GRID; i++) {
    const value = sse(ALPHA_LOWER + i * step);
    if (value < bestValue) {
      bestValue = value;
      bestIndex = i;
    }
  }
  const lower = ALPHA_LOWER + Math.max(bestIndex - 1, 0) * step;
  const upper = ALPHA_LOWER + Math.min(bestIndex + 1, ALPHA_GRID - 1) * step;
  const refined = minimizeScalar(sse, lower, upper, { tolerance: 1e-7 });
  return refined.value <= bestValue ? refined.x : ALPHA_LOWER + bestIndex * step;
}

function gaussianLogLik(sse: number, n: number): number {
  return -0.5 * n * (Math.log((2 * Math.PI * Math.max(sse, 1e-300)) / n) + 1);
}

function forecastConstant(
  y: number[],
  options: ThetaOptions,
  optimized: boolean,
  warnings: string[],
): ForecastOutput {
  const mean = new Array<number>(options.horizon).fill(y[0]);
  warnings.push(
    `The series is constant (every value is ${y[0]}); the forecast repeats the value with zero-width intervals.`,
  );
  return {
    mean,
    intervals: options.levels.map((level) => ({ level, lower: [...mean], upper: [...mean] })),
    model: {
      kind: optimized ? 'OPTIMIZED_THETA' : 'THETA',
      params: {
        optimized,
        theta: 2,
        alpha: null,
        initialLevel: y[0],
        seasonalAdjustment: null,
        seasonLength: options.seasonLength,
      },
    },
    fit: { sigma2: 0 },
    warnings,
  };
}
