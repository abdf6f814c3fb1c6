/**
 * The admissible (forecastable) parameter region of the linear ETS models: the discount matrix
 * D = F - g·w' must have every eigenvalue inside the unit circle, so that old observations
 * lose weight (Hyndman, Akram & Archibald 2008, "The admissible parameter space for
 * exponential smoothing models"; Hyndman et al. 2008, chapter 10). R's `forecast::ets` checks
 * the same conditions on every model, whatever its error form.
 */

/** Roots may lie this far outside the unit circle, as R's `forecast::ets` allows for rounding. */
const ROOT_RADIUS = 1 + 1e-8;

/**
 * Returns whether (alpha, beta, gamma, phi) lies in the admissible region. Pass beta = 0
 * without trend, phi = 1 without damping and `seasonLength` = 1 without season.
 *
 * Non-seasonal models have closed-form conditions. Seasonal models need every root of
 *   z^{m+1} + (α+β-φ) z^m + (α+β-αφ) (z^{m-1} + … + z²) + (α+β-αφ+γ-1) z + φ(1-α-γ)
 * within the unit circle, which the Schur-Cohn step-down recursion decides without finding
 * the roots. `scratch` (length >= seasonLength + 2) spares an allocation per call.
 */
export function isAdmissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  seasonLength: number,
  scratch: Float64Array = new Float64Array(seasonLength + 2),
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (seasonLength <= 1) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    return beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha);
  }

  const m = seasonLength;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;

  const coefficients = scratch.length === m + 2 ? scratch : scratch.subarray(0, m + 2);
  coefficients[0] = 1;
  coefficients[1] = alpha + beta - phi;
  for (let i = 2; i < m; i++) coefficients[i] = alpha + beta - alpha * phi;
  coefficients[m] = alpha + beta - alpha * phi + gamma - 1;
  coefficients[m + 1] = phi * (1 - alpha - gamma);
  return rootsWithinRadius(coefficients, ROOT_RADIUS);
}

/**
 * Returns whether every root of the monic polynomial z^d + c_1 z^{d-1} + … + c_d (given as
 * [1, c_1, …, c_d], overwritten) lies strictly within `radius`. Substituting z = radius·w
 * scales c_i by radius^-i; the step-down (Schur-Cohn) recursion then accepts the polynomial
 * exactly when every reflection coefficient k = c_d has |k| < 1.
 */
export function rootsWithinRadius(coefficients: Float64Array, radius: number): boolean {
  let d = coefficients.length - 1;
  let power = 1;
  for (let i = 1; i <= d; i++) {
    power /= radius;
    coefficients[i] *= power;
  }

  while (d > 0) {
    const k = coefficients[d];
    if (!(Math.abs(k) < 1)) return false;
    const scale = 1 - k * k;
    // c_i <- (c_i - k·c_{d-i}) / (1 - k²) for i = 1..d-1, updating both ends of a pair at once.
    for (let i = 1, j = d - 1; i <= j; i++, j--) {
      const low = coefficients[i];
      const high = coefficients[j];
      coefficients[i] = (low - k * high) / scale;
      if (i !== j) coefficients[j] = (high - k * low) / scale;
    }
    d--;
  }
  return true;
}
