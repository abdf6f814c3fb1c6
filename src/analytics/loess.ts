/**
 * Loess (Cleveland 1979): a locally weighted polynomial fit of degree 0 or 1 with tricube
 * weights, as used inside STL. Observations sit at equally spaced positions 0..n-1, and the fit
 * may be evaluated at any position, including just outside the data (STL evaluates at -1 and n).
 *
 * Vocabulary: the span q is the number of nearest observations in each local fit. h is the
 * distance from the evaluation point to the farthest of them. Robustness weights (one per
 * observation, 0..1) come from STL's outer loop and multiply the tricube weights.
 */

/**
 * Estimates the loess curve at `position`. Returns `undefined` when every weight in the window
 * is zero (all nearby observations were down-weighted as outliers), so the caller picks a fallback.
 */
export function loessAt(
  y: readonly number[],
  position: number,
  span: number,
  degree: 0 | 1,
  robustnessWeights?: readonly number[],
): number | undefined {
  const n = y.length;
  const width = Math.min(span, n);
  const left = Math.max(0, Math.min(n - width, Math.floor(position - (width - 1) / 2)));
  const right = left + width - 1;
  let h = Math.max(position - left, right - position);
  // A span longer than the series widens h beyond the data, as statsmodels' STL does (the STL
  // tests match its output).
  if (span > n) {
    h += Math.floor((span - n) / 2);
  }

  const weights = new Array<number>(width).fill(0);
  let weightTotal = 0;
  for (let j = left; j <= right; j++) {
    const distance = Math.abs(j - position);
    let weight = 0;
    if (distance <= 0.001 * h) {
      weight = 1;
    } else if (distance <= 0.999 * h) {
      weight = (1 - (distance / h) ** 3) ** 3;
    }
    weight *= robustnessWeights ? robustnessWeights[j] : 1;
    weights[j - left] = weight;
    weightTotal += weight;
  }
  if (weightTotal <= 0) {
    return undefined;
  }
  for (let k = 0; k < width; k++) {
    weights[k] /= weightTotal;
  }

  // Degree 1: the weighted least-squares line evaluated at `position`, written as a reweighting
  // of the observations so the estimate stays a weighted sum of y.
  if (degree === 1 && h > 0) {
    let center = 0;
    for (let k = 0; k < width; k++) {
      center += weights[k] * (left + k);
    }
    let spread = 0;
    for (let k = 0; k < width; k++) {
      spread += weights[k] * (left + k - center) ** 2;
    }
    if (Math.sqrt(spread) > 0.001 * (n - 1)) {
      const slope = (position - center) / spread;
      for (let k = 0; k < width; k++) {
        weights[k] *= slope * (left + k - center) + 1;
      }
    }
  }

  let estimate = 0;
  for (let k = 0; k < width; k++) {
    estimate += weights[k] * y[left + k];
  }
  return estimate;
}

/** Smooths a series by loess at every observed position; a position without weight keeps y. */
export function loessSmooth(
  y: readonly number[],
  span: number,
  degree: 0 | 1,
  robustnessWeights?: readonly number[],
): number[] {
  return y.map((value, i) => loessAt(y, i, span, degree, robustnessWeights) ?? value);
}
