/**
 * Descriptive statistics, distribution quantiles and ordinary least squares shared by the
 * analytics module. Distribution functions come from jStat; matrix algebra from ml-matrix.
 */
import { jStat } from 'jstat';
import { inverse, Matrix, QrDecomposition } from 'ml-matrix';

/** A two-sided interval at a coverage level in percent (e.g. 95). */
export interface Interval {
  level: number;
  lower: number;
  upper: number;
}

/** Adds the values; 0 for an empty list. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return total;
}

/** Returns the arithmetic mean; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

/** Returns the sample variance (denominator n - 1); NaN for fewer than two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) {
    return NaN;
  }
  const center = mean(values);
  let squares = 0;
  for (const value of values) {
    squares += (value - center) ** 2;
  }
  return squares / (values.length - 1);
}

/** Returns the p-quantile by linear interpolation between order statistics (Hyndman-Fan type 7). */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Returns the median (the type 7 quantile at 0.5). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Returns the median absolute deviation from the median, unscaled. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((value) => Math.abs(value - center)));
}

/** Returns the standard normal quantile z with P(Z <= z) = p. */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** Returns the standard normal distribution function P(Z <= z). */
export function normalCdf(z: number): number {
  return jStat.normal.cdf(z, 0, 1);
}

/** Returns the two-sided critical value z_{1 - (1 - level/100)/2}, e.g. 1.96 for level 95. */
export function normalCritical(level: number): number {
  return normalQuantile(1 - (1 - level / 100) / 2);
}

/** Returns the two-sided Student t critical value for a level in percent. */
export function tCritical(level: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - level / 100) / 2, df);
}

/** Returns the two-sided p-value of a t statistic with `df` degrees of freedom. */
export function tTwoSidedPValue(t: number, df: number): number {
  return 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
}

/** Returns the two-sided p-value 2 (1 - Phi(|z|)) of a standard normal statistic. */
export function normalTwoSidedPValue(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z)));
}

/** Result of an ordinary least squares fit y = X b + e. */
export interface OlsFit {
  coefficients: number[];
  standardErrors: number[];
  fitted: number[];
  residuals: number[];
  /** Residual variance: residual sum of squares / (n - k). */
  sigma2: number;
  dfResidual: number;
  rSquared: number;
}

// Relative size below which a diagonal entry of R in X = QR counts as zero: the columns of X are
// then linearly dependent (within rounding) and the coefficients are not identified.
const RANK_TOLERANCE = 1e-9;

/**
 * Fits y = X b + e by least squares through a QR decomposition of X.
 * `rows` are the rows of X (n rows of k regressors, an intercept column included by the caller).
 * Returns `undefined` when X is rank-deficient or n <= k, where no standard errors exist.
 */
export function fitOls(rows: readonly number[][], y: readonly number[]): OlsFit | undefined {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n <= k || k === 0) {
    return undefined;
  }
  const design = new Matrix(rows.map((row) => [...row]));
  const qr = new QrDecomposition(design);
  const r = qr.upperTriangularMatrix;
  const diagonal = Array.from({ length: k }, (_, j) => Math.abs(r.get(j, j)));
  if (Math.min(...diagonal) <= RANK_TOLERANCE * Math.max(...diagonal)) {
    return undefined;
  }

  const coefficients = qr.solve(Matrix.columnVector([...y])).getColumn(0);
  const fitted = rows.map((row) =>
    row.reduce((total, value, j) => total + value * coefficients[j], 0),
  );
  const residuals = y.map((value, i) => value - fitted[i]);
  const dfResidual = n - k;
  const sigma2 = sum(residuals.map((e) => e * e)) / dfResidual;

  // Cov(b) = sigma^2 (X'X)^-1 and X'X = R'R, so (X'X)^-1 = R^-1 R^-T.
  const rInverse = inverse(r);
  const unscaled = rInverse.mmul(rInverse.transpose());
  const standardErrors = coefficients.map((_, j) => Math.sqrt(sigma2 * unscaled.get(j, j)));

  const yMean = mean(y);
  const totalSquares = sum(y.map((value) => (value - yMean) ** 2));
  const rSquared = totalSquares > 0 ? 1 - (sigma2 * dfResidual) / totalSquares : 0;
  return { coefficients, standardErrors, fitted, residuals, sigma2, dfResidual, rSquared };
}
