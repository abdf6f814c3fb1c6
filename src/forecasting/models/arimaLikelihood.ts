/**
 * Exact Gaussian log-likelihood of an ARMA model at given coefficients, by the Kalman filter on
 * the state space form R's `arima` uses (Harvey 1989, section 3.4; Durbin & Koopman 2012,
 * section 3.4). AutoARIMA uses it to compare its best orders at their CSS estimates before
 * the one it keeps is refitted by exact maximum likelihood.
 *
 * With x_t = w_t - μ, x_t = Σ a_i x_{t-i} + e_t + Σ b_j e_{t-j} (a and b the expanded seasonal
 * products) and r = max(p', q' + 1) for p' AR and q' MA lags, the state α_t has r elements,
 *   α_{t+1} = T α_t + R e_{t+1},   x_t = α_t[0],
 * where T has a_1..a_r in its first column and ones above the diagonal, and R = (1, b_1..b_{r-1}).
 * The filter starts from the stationary distribution: mean 0, covariance P0 solving
 * P0 = T P0 Tᵀ + R Rᵀ, summed here by doubling. σ² is concentrated out:
 *   σ̂² = Σ v_t² / F_t / n,   log L = -(n/2)·(log(2π σ̂²) + 1) - (1/2)·Σ log F_t,
 * with v_t the one-step prediction error and F_t its variance in units of σ², as R reports it.
 */

import { armaPolynomials, hasRootsOutsideUnitCircle } from './arimaPolynomials';

/** Coefficients in R's sign convention, as in `CssFit.coefficients`. */
export type ArmaCoefficients = Record<string, number>;

/** ARMA orders of the coefficients; s is ignored when P = Q = 0. */
export interface ArmaLags {
  p: number;
  q: number;
  P: number;
  Q: number;
  s: number;
}

/**
 * Reports whether every root of the expanded AR and MA polynomials lies outside the circle of
 * radius `radius`. The roots of 1 - Σ c_i z^i lie outside radius ρ exactly when those of
 * 1 - Σ c_i ρ^i z^i lie outside the unit circle.
 */
export function rootsOutsideRadius(
  lags: ArmaLags,
  coefficients: ArmaCoefficients,
  radius: number,
): boolean {
  const { a, b } = expandArma(lags, coefficients);
  const scaled = (values: number[], sign: number): number[] =>
    values.map((value, i) => sign * value * radius ** (i + 1));
  return hasRootsOutsideUnitCircle(scaled(a, 1)) && hasRootsOutsideUnitCircle(scaled(b, -1));
}

/** Doubling steps for P0: covers 2^60 terms, enough unless a root sits on the unit circle. */
const MAX_DOUBLINGS = 60;
/** Relative change in P0 below which the doubling stops. */
const DOUBLING_TOLERANCE = 1e-12;

/**
 * Returns the exact log-likelihood and σ̂² of `w` (already differenced) under the ARMA model
 * with `coefficients` and mean `mean`. Returns undefined when the stationary covariance does
 * not converge (an AR root at or near the unit circle) or a prediction variance is not positive.
 */
export function exactLogLikelihood(
  w: readonly number[],
  lags: ArmaLags,
  coefficients: ArmaCoefficients,
  mean: number,
): { logLik: number; sigma2: number } | undefined {
  const { a, b } = expandArma(lags, coefficients);
  const r = Math.max(a.length, b.length + 1, 1);
  const phi = new Float64Array(r);
  a.forEach((value, i) => (phi[i] = value));
  const gain = new Float64Array(r);
  gain[0] = 1;
  b.forEach((value, i) => (gain[i + 1] = value));

  const noise = outer(gain);
  const initial = stationaryCovariance(phi, noise);
  if (initial === undefined) return undefined;

  let covariance = initial;
  const state = new Float64Array(r);
  const column = new Float64Array(r);
  const scratch = new Float64Array(r * r);
  let sumSquares = 0;
  let sumLogVariance = 0;
  for (const value of w) {
    const variance = covariance[0];
    if (!(variance > 0) || !Number.isFinite(variance)) return undefined;
    const error = value - mean - state[0];
    sumSquares += (error * error) / variance;
    sumLogVariance += Math.log(variance);

    // Update with the observation, then predict: a = T(a + P[:,0]·v/F), P = T(P - P[:,0]P[0,:]/F)Tᵀ + RRᵀ.
    for (let i = 0; i < r; i++) column[i] = covariance[i * r];
    for (let i = 0; i < r; i++) state[i] += (column[i] * error) / variance;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) covariance[i * r + j] -= (column[i] * column[j]) / variance;
    }
    const first = state[0];
    for (let i = 0; i < r - 1; i++) state[i] = phi[i] * first + state[i + 1];
    state[r - 1] = phi[r - 1] * first;
    transform(phi, covariance, scratch);
    for (let k = 0; k < r * r; k++) covariance[k] = scratch[k] + noise[k];
  }

  const n = w.length;
  const sigma2 = sumSquares / n;
  if (!(sigma2 > 0)) return undefined;
  const logLik = -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1) - 0.5 * sumLogVariance;
  return Number.isFinite(logLik) ? { logLik, sigma2 } : undefined;
}

/**
 * Expands (1 - Σφ B^i)(1 - ΣΦ B^{sj}) into 1 - Σ a_i B^i and (1 + Σθ B^i)(1 + ΣΘ B^{sj}) into
 * 1 + Σ b_j B^j.
 */
export function expandArma(
  lags: ArmaLags,
  coefficients: ArmaCoefficients,
): { a: number[]; b: number[] } {
  const { ar, ma } = armaPolynomials(coefficients, lags);
  return { a: ar.slice(1).map((value) => -value), b: ma.slice(1) };
}

/** Returns v·vᵀ as a row-major r × r matrix. */
function outer(v: Float64Array): Float64Array {
  const r = v.length;
  const result = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) result[i * r + j] = v[i] * v[j];
  return result;
}

/**
 * Writes T·M·Tᵀ into `out` for the companion-like T with first column `phi`, in O(r²):
 * (T·M)_ij = φ_i·M_0j + M_(i+1)j and (X·Tᵀ)_ij = X_i0·φ_j + X_i(j+1).
 */
function transform(phi: Float64Array, m: Float64Array, out: Float64Array): void {
  const r = phi.length;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      out[i * r + j] = phi[i] * m[j] + (i + 1 < r ? m[(i + 1) * r + j] : 0);
    }
  }
  for (let i = 0; i < r; i++) {
    const rowStart = i * r;
    const first = out[rowStart];
    for (let j = 0; j < r - 1; j++) out[rowStart + j] = first * phi[j] + out[rowStart + j + 1];
    out[rowStart + r - 1] = first * phi[r - 1];
  }
}

/**
 * Sums P0 = Σ_k T^k·Q·(T^k)ᵀ by doubling: P ← P + A·P·Aᵀ and A ← A², so that after k steps P
 * is the sum of the first 2^k terms. Returns undefined when it has not settled after MAX_DOUBLINGS.
 */
function stationaryCovariance(phi: Float64Array, noise: Float64Array): Float64Array | undefined {
  const r = phi.length;
  let power = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    power[i * r] = phi[i];
    if (i + 1 < r) power[i * r + i + 1] = 1;
  }
  const covariance = Float64Array.from(noise);
  const product = new Float64Array(r * r);
  const term = new Float64Array(r * r);
  for (let step = 0; step < MAX_DOUBLINGS; step++) {
    multiply(power, covariance, product, r, false);
    multiply(product, power, term, r, true);
    let change = 0;
    let size = 0;
    for (let k = 0; k < r * r; k++) {
      covariance[k] += term[k];
      change = Math.max(change, Math.abs(term[k]));
      size = Math.max(size, Math.abs(covariance[k]));
    }
    if (!Number.isFinite(size)) return undefined;
    if (change <= DOUBLING_TOLERANCE * size) return covariance;
    multiply(power, power, product, r, false);
    power = Float64Array.from(product);
  }
  return undefined;
}

/** Writes x·y (or x·yᵀ when `transposeRight`) into `out`; all r × r, row-major. */
function multiply(
  x: Float64Array,
  y: Float64Array,
  out: Float64Array,
  r: number,
  transposeRight: boolean,
): void {
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      let sum = 0;
      for (let k = 0; k < r; k++) {
        sum += x[i * r + k] * (transposeRight ? y[j * r + k] : y[k * r + j]);
      }
      out[i * r + j] = sum;
    }
  }
}
