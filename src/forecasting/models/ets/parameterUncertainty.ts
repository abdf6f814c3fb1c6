/**
 * Forecast variance from the uncertainty of the estimated parameters, by the delta method:
 * with x̂ the optimiser's vector, Cov(x̂) ≈ 2·H⁻¹ where H is the Hessian of the objective
 * -2·log L (σ² concentrated out), and Var(μ_h) ≈ g_hᵀ·Cov(x̂)·g_h with g_h = ∂μ_h/∂x.
 * Adding it to the innovation variance accounts for the smoothing parameters and initial
 * states being estimates, which matters most for a slope estimated from a short series.
 *
 * Coordinates within two difference steps of a bound (alpha at 0.9999, say) are held fixed,
 * because the quadratic approximation does not hold at a bound. So are flat directions, where
 * the Hessian is not positive definite.
 */
import type { EtsFit } from './fit';
import { pointForecasts } from './predict';

/** Central-difference step as a fraction of each coordinate's scale. */
const RELATIVE_STEP = 1e-3;

/**
 * Computes Var(μ_h) for h = 1..horizon, in the units of the fit. Returns undefined when the
 * fit carries no estimate or when no coordinate is free with positive curvature.
 */
export function parameterVariance(fit: EtsFit, horizon: number): Float64Array | undefined {
  if (fit.estimate === undefined) return undefined;
  const { vector, objective } = fit.estimate;
  const lower = objective.lowerBounds();
  const upper = objective.upperBounds();
  const scales = objective.initialSteps(vector);

  const free: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < vector.length; i++) {
    const step = RELATIVE_STEP * Math.max(Math.abs(vector[i]), Math.abs(scales[i]));
    if (vector[i] - 2 * step > lower[i] && vector[i] + 2 * step < upper[i]) {
      free.push(i);
      steps.push(step);
    }
  }
  if (free.length === 0) return undefined;

  const hessian = centralHessian(objective.evaluate, vector, free, steps);
  if (hessian === undefined) return undefined;
  const kept = identifiedCoordinates(
    hessian,
    free.map((i) => Math.abs(scales[i])),
  );
  if (kept === undefined) return undefined;
  const cholesky = choleskyFactor(kept.map((i) => kept.map((j) => hessian[i][j])))!;
  const gradients = forecastGradients(
    fit,
    vector,
    kept.map((i) => free[i]),
    kept.map((i) => steps[i]),
    horizon,
  );
  if (gradients === undefined) return undefined;

  const variance = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    // gᵀ·(2·H⁻¹)·g = 2·|L⁻¹·g|² with H = L·Lᵀ.
    const z = forwardSubstitute(cholesky, gradients[h]);
    variance[h] = 2 * z.reduce((sum, value) => sum + value * value, 0);
  }
  return variance;
}

/**
 * Computes the Hessian of `f` over the free coordinates by central differences. Returns
 * undefined if a value is not finite.
 */
function centralHessian(
  f: (x: Float64Array) => number,
  x: Float64Array,
  free: number[],
  steps: number[],
): number[][] | undefined {
  const k = free.length;
  const point = Float64Array.from(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    point.set(x);
    point[free[i]] += di;
    point[free[j]] += dj;
    return f(point);
  };
  const centre = f(point);
  const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const hi = steps[i];
    const second = (at(i, hi, i, 0) - 2 * centre + at(i, -hi, i, 0)) / (hi * hi);
    hessian[i][i] = second;
    for (let j = 0; j < i; j++) {
      const hj = steps[j];
      const cross =
        (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) /
        (4 * hi * hj);
      hessian[i][j] = cross;
      hessian[j][i] = cross;
    }
  }
  return hessian.every((row) => row.every(Number.isFinite)) ? hessian : undefined;
}

/**
 * Picks the coordinates to keep free, as indices into `hessian`. It starts from those with
 * positive curvature and, while the Hessian over them is not positive definite, drops the one
 * with the smallest curvature × scale² (the least determined). Returns undefined when none is
 * left. A parameter at a flat optimum, such as beta near 0, is so held fixed instead of voiding
 * the whole computation.
 */
function identifiedCoordinates(hessian: number[][], scales: number[]): number[] | undefined {
  let kept = hessian.map((_, i) => i).filter((i) => hessian[i][i] > 0);
  while (kept.length > 0) {
    if (choleskyFactor(kept.map((i) => kept.map((j) => hessian[i][j]))) !== undefined) return kept;
    const curvature = (i: number) => hessian[i][i] * scales[i] * scales[i];
    const weakest = kept.reduce((worst, i) => (curvature(i) < curvature(worst) ? i : worst));
    kept = kept.filter((i) => i !== weakest);
  }
  return undefined;
}

/** Returns lower-triangular L with L·Lᵀ = matrix; undefined unless it is positive definite. */
function choleskyFactor(matrix: number[][]): number[][] | undefined {
  const k = matrix.length;
  const factor = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let p = 0; p < j; p++) sum -= factor[i][p] * factor[j][p];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        factor[i][i] = Math.sqrt(sum);
      } else {
        factor[i][j] = sum / factor[j][j];
      }
    }
  }
  return factor;
}

function forwardSubstitute(factor: number[][], b: number[]): number[] {
  const z = new Array<number>(b.length).fill(0);
  for (let i = 0; i < b.length; i++) {
    let sum = b[i];
    for (let p = 0; p < i; p++) sum -= factor[i][p] * z[p];
    z[i] = sum / factor[i][i];
  }
  return z;
}

/** Computes ∂μ_h/∂x over the free coordinates, a row per step h; undefined if a fit fails. */
function forecastGradients(
  fit: EtsFit,
  x: Float64Array,
  free: number[],
  steps: number[],
  horizon: number,
): number[][] | undefined {
  const objective = fit.estimate!.objective;
  const gradients = Array.from({ length: horizon }, () => new Array<number>(free.length).fill(0));
  const point = Float64Array.from(x);
  for (let i = 0; i < free.length; i++) {
    point.set(x);
    point[free[i]] += steps[i];
    const up = objective.describe(point);
    point[free[i]] -= 2 * steps[i];
    const down = objective.describe(point);
    if (up === undefined || down === undefined) return undefined;
    const meanUp = pointForecasts(up, horizon);
    const meanDown = pointForecasts(down, horizon);
    for (let h = 0; h < horizon; h++) {
      gradients[h][i] = (meanUp[h] - meanDown[h]) / (2 * steps[i]);
    }
  }
  return gradients;
}
