/**
 * Conditional-sum-of-squares (CSS) fit of an ARMA model to an already differenced series, used
 * to rank orders quickly during the AutoARIMA search (the role of R's `approximation = TRUE`).
 * The chosen order is then refitted by exact maximum likelihood in `arimaEngine.ts`.
 *
 * With x_t = w_t - μ (μ = 0 unless a mean is estimated), the expanded AR polynomial
 * φ(B)Φ(B^s) = 1 - Σ a_i B^i and MA polynomial θ(B)Θ(B^s) = 1 + Σ b_j B^j, the residuals are
 *   e_t = x_t - Σ a_i x_{t-i} - Σ b_j e_{t-j}   for t >= c = p + sP, with e_t = 0 before c,
 * and the fit minimises log(Σ e_t² / (n - c)). Parameters that make the AR part non-stationary
 * or the MA part non-invertible are rejected inside the search.
 */
import { nelderMead } from '../optimize';

/** ARMA orders of a CSS fit. */
export interface ArmaOrder {
  p: number;
  q: number;
  P: number;
  Q: number;
  /** Seasonal period; ignored when P = Q = 0. */
  s: number;
}

/** Outcome of a CSS fit. */
export interface CssFit {
  sigma2: number;
  logLik: number;
  /** AICc with k = p + q + P + Q (+1 for the mean) + 1 for sigma². */
  aicc: number;
  /** Coefficients in R's sign convention (`ar1`, `ma1`, `sar1`, `sma1`, `intercept`). */
  coefficients: Record<string, number>;
  /** Returns the point forecasts of w for steps 1..horizon. */
  forecast(horizon: number): number[];
}

/**
 * Fits ARMA `order` to `w` by CSS, with a mean when `includeMean`. The sum of squares covers
 * t >= `scoredFrom` (at least p + sP): models compared by AICc must be scored on the same
 * observations, or a model that conditions on more of them gains a spurious advantage. Returns
 * `null` when too few residuals remain to estimate the parameters or the search finds no
 * admissible point.
 */
export function fitCss(
  w: number[],
  order: ArmaOrder,
  includeMean: boolean,
  scoredFrom = 0,
): CssFit | null {
  const { p, q, P, Q, s } = order;
  const firstScored = Math.max(scoredFrom, p + s * P);
  const used = w.length - firstScored;
  const parameterCount = p + q + P + Q + (includeMean ? 1 : 0);
  const k = parameterCount + 1;
  if (used - k - 1 <= 0) {
    return null;
  }

  const mean = w.reduce((sum, value) => sum + value, 0) / w.length;
  const scale = Math.sqrt(w.reduce((sum, value) => sum + (value - mean) ** 2, 0) / w.length) || 1;
  const model = cssModel(w, order, includeMean, scale, firstScored);
  const sumOfSquares = model.evaluate;
  let best: number;
  let parameters = new Float64Array(parameterCount);
  if (parameterCount === 0) {
    best = sumOfSquares(parameters);
  } else {
    const start = new Array<number>(parameterCount).fill(0);
    if (includeMean) {
      start[parameterCount - 1] = mean / scale;
    }
    const search = nelderMead((x) => Math.log(sumOfSquares(x)), start, {
      step: start.map(() => 0.1),
      maxEvaluations: 100 * (parameterCount + 1),
      tolerance: 1e-5,
      restarts: 0,
    });
    best = Math.exp(search.value);
    parameters = Float64Array.from(search.x);
  }
  if (!Number.isFinite(best)) {
    return null;
  }

  const sigma2 = (best * scale * scale) / used;
  if (!(sigma2 > 0)) {
    return null;
  }
  const logLik = -0.5 * used * (Math.log(2 * Math.PI * sigma2) + 1);
  const aic = -2 * logLik + 2 * k;
  const names = [
    ...Array.from({ length: p }, (_, i) => `ar${i + 1}`),
    ...Array.from({ length: q }, (_, i) => `ma${i + 1}`),
    ...Array.from({ length: P }, (_, i) => `sar${i + 1}`),
    ...Array.from({ length: Q }, (_, i) => `sma${i + 1}`),
  ];
  const coefficients: Record<string, number> = {};
  names.forEach((name, i) => (coefficients[name] = parameters[i]));
  if (includeMean) {
    coefficients.intercept = parameters[parameterCount - 1] * scale;
  }
  return {
    sigma2,
    logLik,
    aicc: aic + (2 * k * (k + 1)) / (used - k - 1),
    coefficients,
    forecast: (horizon) => model.forecast(parameters, horizon),
  };
}

/**
 * Builds the CSS model of w / scale. `evaluate` maps parameters [ar..., ma..., sar..., sma...,
 * mean?] (the mean in units of `scale`) to the residual sum of squares, or Infinity when the AR
 * part is not stationary or the MA part not invertible. `forecast` extends the series with
 * x̂_t = Σ a_i x_{t-i} + Σ b_j e_{t-j}, future errors being 0, and returns w's forecasts.
 */
function cssModel(
  w: number[],
  order: ArmaOrder,
  includeMean: boolean,
  scale: number,
  firstScored: number,
): {
  evaluate: (x: Float64Array) => number;
  forecast: (x: Float64Array, horizon: number) => number[];
} {
  const { p, q, P, Q, s } = order;
  const n = w.length;
  const scaled = Float64Array.from(w, (value) => value / scale);
  const centred = new Float64Array(n);
  const residuals = new Float64Array(n);
  const ar = new Float64Array(p + s * P + 1);
  const ma = new Float64Array(q + s * Q + 1);
  const scratch = new Float64Array(2 * Math.max(p, q, P, Q, 1));

  const evaluate = (x: Float64Array): number => {
    const admissible =
      isStationary(x, 0, p, 1, scratch) &&
      isStationary(x, p, q, -1, scratch) &&
      isStationary(x, p + q, P, 1, scratch) &&
      isStationary(x, p + q + P, Q, -1, scratch);
    if (!admissible) {
      return Infinity;
    }

    // a_i of (1 - Σ φ_i B^i)(1 - Σ Φ_j B^{sj}) = 1 - Σ a_i B^i, and b likewise for the MA side.
    ar.fill(0);
    ma.fill(0);
    for (let i = 1; i <= p; i++) ar[i] += x[i - 1];
    for (let j = 1; j <= P; j++) {
      const seasonalPhi = x[p + q + j - 1];
      ar[j * s] += seasonalPhi;
      for (let i = 1; i <= p; i++) ar[j * s + i] -= x[i - 1] * seasonalPhi;
    }
    for (let i = 1; i <= q; i++) ma[i] += x[p + i - 1];
    for (let j = 1; j <= Q; j++) {
      const seasonalTheta = x[p + q + P + j - 1];
      ma[j * s] += seasonalTheta;
      for (let i = 1; i <= q; i++) ma[j * s + i] += x[p + i - 1] * seasonalTheta;
    }

    const mu = includeMean ? x[p + q + P + Q] : 0;
    for (let t = 0; t < n; t++) centred[t] = scaled[t] - mu;
    const conditioning = p + s * P;
    let sum = 0;
    residuals.fill(0);
    for (let t = conditioning; t < n; t++) {
      let e = centred[t];
      for (let i = 1; i < ar.length; i++) e -= ar[i] * centred[t - i];
      for (let j = 1; j < ma.length && j <= t; j++) e -= ma[j] * residuals[t - j];
      residuals[t] = e;
      if (t >= firstScored) {
        sum += e * e;
      }
    }
    return sum;
  };

  const forecast = (x: Float64Array, horizon: number): number[] => {
    evaluate(x);
    const mu = includeMean ? x[p + q + P + Q] : 0;
    const path = [...centred];
    const errors = [...residuals];
    for (let h = 0; h < horizon; h++) {
      const t = path.length;
      let value = 0;
      for (let i = 1; i < ar.length; i++) value += ar[i] * path[t - i];
      for (let j = 1; j < ma.length; j++) value += ma[j] * (errors[t - j] ?? 0);
      path.push(value);
      errors.push(0);
    }
    return path.slice(n).map((value) => (value + mu) * scale);
  };
  return { evaluate, forecast };
}

/**
 * Reports whether 1 - Σ c_i z^i has every root outside the unit circle, where
 * c_i = sign · x[from + i - 1] for i = 1..count (sign -1 turns an MA polynomial 1 + Σ θ_i z^i into
 * that form). Uses the step-down recursion of `arimaPolynomials.ts` in `scratch`, without allocating.
 */
function isStationary(
  x: Float64Array,
  from: number,
  count: number,
  sign: number,
  scratch: Float64Array,
): boolean {
  const current = scratch.subarray(0, count);
  const next = scratch.subarray(count, 2 * count);
  for (let i = 0; i < count; i++) current[i] = sign * x[from + i];
  for (let k = count; k >= 1; k--) {
    const a = current[k - 1];
    if (!(Math.abs(a) < 1)) {
      return false;
    }
    const denominator = 1 - a * a;
    for (let j = 1; j < k; j++)
      next[j - 1] = (current[j - 1] + a * current[k - j - 1]) / denominator;
    for (let j = 1; j < k; j++) current[j - 1] = next[j - 1];
  }
  return true;
}
