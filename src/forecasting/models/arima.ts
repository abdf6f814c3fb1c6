/**
 * ARIMA and seasonal ARIMA of a given order (Box & Jenkins; FPP3 chapter 9), with normal
 * prediction intervals `mean ± z · sqrt(v_h)` where v_h is the h-step forecast error variance.
 */
import { badInput, DomainError, ErrorCode } from '../../shared/errors';
import { normalIntervals } from '../intervals';
import type { FitStatistics, ForecastOutput } from '../types';
import { fitSarima, formatOrder, minimumLength } from './arimaEngine';
import {
  difference,
  integrate,
  differencingCoefficients,
  hasRootsOutsideUnitCircle,
  isConstant,
  psiWeights,
  seasonalDifferences,
} from './arimaPolynomials';
import type { SarimaFit, SarimaOrder } from './arimaEngine';
import { fitCss } from './arimaCss';

/** Factor by which MA roots are moved out before the invertibility check. */
const MA_ROOT_TOLERANCE = 1.001;

/**
 * Estimation method, as R's `arima` names them. `CSS-ML` is exact maximum likelihood started
 * from the conditional-sum-of-squares estimates (the `arima` package). `CSS` stops at the
 * conditional-sum-of-squares estimates (`arimaCss.ts`), at a fraction of the cost.
 */
export type ArimaMethod = 'CSS-ML' | 'CSS';

/** Settings of one ARIMA forecast. */
export interface ArimaOptions {
  order: SarimaOrder;
  horizon: number;
  levels: number[];
  /**
   * Adds a constant to the differenced series, a linear trend in the forecasts (R's
   * `include.drift`). Allowed only when d + D = 1.
   */
  drift?: boolean;
  /** Defaults to `CSS-ML`. */
  method?: ArimaMethod;
}

/**
 * Fits ARIMA `order` to `y` and forecasts `horizon` steps. Orders without AR or MA terms
 * (random walk, seasonal random walk, white noise) are computed in closed form because the
 * `arima` package 0.2.8 returns unusable values for them. Throws BAD_USER_INPUT when `y` is too
 * short for the order and FORECAST_FAILED when the fit fails or is not finite.
 */
export function forecastArima(y: number[], options: ArimaOptions): ForecastOutput {
  const { order, horizon, levels } = options;
  const hasArmaTerms = order.p + order.q + order.P + order.Q > 0;
  if (options.drift && differencingLag(order) === 0) {
    throw badInput(
      'model.drift',
      `drift needs d = 1 or D = 1; ${formatOrder(order)} has no differencing.`,
    );
  }
  if (options.drift && order.d + seasonalDifferences(order) !== 1) {
    throw badInput(
      'model.drift',
      `drift needs d + D = 1; ${formatOrder(order)} has d + D = ${order.d + seasonalDifferences(order)}.`,
    );
  }
  const required = hasArmaTerms ? minimumLength(order) : differencingLag(order) + 2;
  if (y.length < required) {
    throw badInput(
      'y',
      `${formatOrder(order)} needs at least ${required} observations; the series has ${y.length}.`,
    );
  }

  // When differencing leaves a constant, ctsa reports a NaN likelihood because there is no
  // variance to estimate ARMA terms from. The differencing alone then fits exactly.
  const warnings: string[] = [];
  let armaTerms = hasArmaTerms;
  if (hasArmaTerms && isConstant(difference(y, differencingCoefficients(order)))) {
    armaTerms = false;
    warnings.push(
      `${formatOrder(order)} fitted no AR or MA terms because the differenced series is constant; the forecast extends it exactly.`,
    );
  }

  const byCss = options.method === 'CSS' && armaTerms;
  let fit: SarimaFit;
  if (byCss) {
    fit = fitByCss(y, order, options.drift === true, horizon);
  } else if (options.drift) {
    fit = fitWithDrift(y, order, horizon);
  } else {
    fit = armaTerms ? fitSarima(y, order, horizon) : fitPureDifference(y, order, horizon);
  }
  checkFinite(fit, order);
  checkStationaryAndInvertible(fit, order);
  const se = fit.variance.map((v) => Math.sqrt(Math.max(v, 0)));
  const model = describeArima(order, fit);
  if (byCss) {
    model.params.method = 'CSS';
  }
  return {
    mean: fit.mean,
    intervals: normalIntervals(fit.mean, se, levels),
    model,
    fit: fitStatistics(fit, order, y.length),
    warnings,
  };
}

/**
 * Fits the ARMA part of `order` to the differenced series by CSS (with a mean when d = D = 0,
 * or a drift when asked), forecasts it and integrates the forecasts back. Variances are
 * σ² Σ ψ_j² from the ψ-weights of the full model.
 */
function fitByCss(y: number[], order: SarimaOrder, drift: boolean, horizon: number): SarimaFit {
  const delta = differencingCoefficients(order);
  const differenced = difference(y, delta);
  const fit = fitCss(differenced, order, delta.length === 0 || drift);
  if (fit === null) {
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `${formatOrder(order)} could not be fitted by CSS: ${differenced.length} differenced observations leave too few residuals, or no coefficients are stationary and invertible; try a lower order.`,
    );
  }
  const { intercept, ...arma } = fit.coefficients;
  const psi = psiWeights(arma, order, delta, horizon);
  let cumulative = 0;
  const coefficients = { ...arma };
  if (intercept !== undefined) {
    coefficients[drift ? 'drift' : 'intercept'] = intercept;
  }
  return {
    mean: integrate(y, delta, fit.forecast(horizon)),
    variance: psi.map((weight) => (cumulative += fit.sigma2 * weight * weight)),
    sigma2: fit.sigma2,
    logLik: fit.logLik,
    aic: -2 * fit.logLik + 2 * (Object.keys(coefficients).length + 1),
    coefficients,
  };
}

/** Describes a fitted model for `ForecastOutput.model`: kind, orders and coefficients. */
export function describeArima(order: SarimaOrder, fit: SarimaFit): ForecastOutput['model'] {
  const seasonal = order.s > 0 && order.P + order.D + order.Q > 0;
  const params: Record<string, number> = { p: order.p, d: order.d, q: order.q };
  if (seasonal) {
    Object.assign(params, { P: order.P, D: order.D, Q: order.Q, s: order.s });
  }
  return { kind: seasonal ? 'SARIMA' : 'ARIMA', params: { ...params, ...fit.coefficients } };
}

/**
 * Computes AICc and BIC from the AIC: with k estimated parameters
 * (coefficients plus sigma²) and n* = n - d - s·D observations after differencing,
 * AICc = AIC + 2k(k + 1) / (n* - k - 1) and BIC = AIC + k(log n* - 2).
 */
export function fitStatistics(fit: SarimaFit, order: SarimaOrder, n: number): FitStatistics {
  if (!(fit.sigma2 > 0)) {
    return { sigma2: fit.sigma2 };
  }
  const k = Object.keys(fit.coefficients).length + 1;
  const effective = n - differencingLag(order);
  const denominator = effective - k - 1;
  return {
    sigma2: fit.sigma2,
    logLik: fit.logLik,
    aic: fit.aic,
    aicc: denominator > 0 ? fit.aic + (2 * k * (k + 1)) / denominator : Infinity,
    bic: fit.aic + k * (Math.log(effective) - 2),
  };
}

/** Returns d + s·D, the observations differencing consumes. */
function differencingLag(order: SarimaOrder): number {
  return order.d + order.s * seasonalDifferences(order);
}

/**
 * Fits ARIMA with drift: an ARMA model with a mean μ on the differenced series w, forecast on
 * that scale and integrated back. The mean is the drift per period (per season when D = 1).
 * Variances come from the ψ-weights of the full model, with differencing in the AR polynomial.
 */
function fitWithDrift(y: number[], order: SarimaOrder, horizon: number): SarimaFit {
  const delta = differencingCoefficients(order);
  const differenced = difference(y, delta);
  const armaOrder = { ...order, d: 0, D: 0 };
  const hasArmaTerms = order.p + order.q + order.P + order.Q > 0;
  const differencedFit =
    hasArmaTerms && !isConstant(differenced)
      ? fitSarima(differenced, armaOrder, horizon)
      : fitPureDifference(differenced, { ...armaOrder, p: 0, q: 0, P: 0, Q: 0 }, horizon);

  const { intercept, ...coefficients } = differencedFit.coefficients;
  const psi = psiWeights(coefficients, order, delta, horizon);
  let cumulative = 0;
  return {
    ...differencedFit,
    mean: integrate(y, delta, differencedFit.mean),
    variance: psi.map((weight) => (cumulative += differencedFit.sigma2 * weight * weight)),
    coefficients: { ...coefficients, drift: intercept ?? 0 },
  };
}

function checkFinite(fit: SarimaFit, order: SarimaOrder): void {
  const finite = fit.mean.every(Number.isFinite) && fit.variance.every(Number.isFinite);
  if (!finite || fit.variance.some((v) => v < 0)) {
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `${formatOrder(order)} produced a forecast that is not finite; try a lower order or a Box-Cox transform.`,
    );
  }
}

/**
 * Throws FORECAST_FAILED when the fitted AR part is not stationary or the MA part has a root
 * inside the unit circle. ctsa returns such fits without complaint (on short M3 yearly series,
 * MA coefficients of -7 and AR coefficients above 1 occurred), and their forecasts explode.
 * An MA root within 0.1% of the unit circle passes: over-differencing produces one (θ = -1 for
 * ARIMA(0,2,1) on a straight line), and its forecasts stay bounded.
 */
function checkStationaryAndInvertible(fit: SarimaFit, order: SarimaOrder): void {
  const series = (prefix: string, count: number, sign: number, radius = 1): number[] =>
    Array.from(
      { length: count },
      (_, i) => (sign * (fit.coefficients[`${prefix}${i + 1}`] ?? 0)) / radius ** (i + 1),
    );

  // An MA polynomial 1 + Σ θ_i B^i is invertible when 1 - Σ (-θ_i) B^i is stationary; dividing
  // θ_i by r^i moves every root out by the factor r.
  const polynomials = [
    { label: 'AR', coefficients: series('ar', order.p, 1) },
    { label: 'seasonal AR', coefficients: series('sar', order.P, 1) },
    { label: 'MA', coefficients: series('ma', order.q, -1, MA_ROOT_TOLERANCE) },
    { label: 'seasonal MA', coefficients: series('sma', order.Q, -1, MA_ROOT_TOLERANCE) },
  ];
  for (const { label, coefficients } of polynomials) {
    if (!hasRootsOutsideUnitCircle(coefficients)) {
      throw new DomainError(
        ErrorCode.ForecastFailed,
        `${formatOrder(order)} fit has a ${label} part with a root inside the unit circle; try a lower order or another d.`,
      );
    }
  }
}

/**
 * Fits ARIMA(0,d,0)(0,D,0)s: the differenced series w is white noise (with a mean only when
 * d = D = 0). Writing the differencing as y_t = δ_1 y_{t-1} + ... + δ_m y_{t-m} + w_t, the
 * forecasts follow that recursion with w = 0 (or its mean), and the h-step variance is
 * σ² Σ_{j<h} ψ_j², with ψ_0 = 1 and ψ_j = Σ_i δ_i ψ_{j-i}.
 */
function fitPureDifference(y: number[], order: SarimaOrder, horizon: number): SarimaFit {
  const delta = differencingCoefficients(order);
  const differenced = difference(y, delta);
  const withMean = delta.length === 0;
  const mean = withMean ? differenced.reduce((sum, w) => sum + w, 0) / differenced.length : 0;
  const sigma2 = differenced.reduce((sum, w) => sum + (w - mean) ** 2, 0) / differenced.length;

  const path = [...y];
  const psi = [1];
  for (let h = 0; h < horizon; h++) {
    const t = path.length;
    path.push(delta.reduce((sum, coefficient, j) => sum + coefficient * path[t - j - 1], mean));
    if (h > 0) {
      psi.push(delta.reduce((sum, coefficient, j) => sum + coefficient * (psi[h - j - 1] ?? 0), 0));
    }
  }
  let cumulative = 0;
  const variance = psi.map((weight) => (cumulative += sigma2 * weight * weight));

  const n = differenced.length;
  const logLik = -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1);
  const parameterCount = (withMean ? 1 : 0) + 1;
  return {
    mean: path.slice(y.length),
    variance,
    sigma2,
    logLik,
    aic: -2 * logLik + 2 * parameterCount,
    coefficients: withMean ? { intercept: mean } : {},
  };
}
