/**
 * STL: Seasonal-Trend decomposition using Loess, after R. B. Cleveland, W. S. Cleveland,
 * J. E. McRae and I. Terpenning (1990), "STL: A Seasonal-Trend Decomposition Procedure Based on
 * Loess", Journal of Official Statistics 6(1), 3-73. The series is split additively as
 * y_t = T_t + S_t + R_t (trend, seasonal, remainder).
 *
 * Inner loop, repeated `innerIterations` times:
 *   1. detrend: y - T;
 *   2. smooth each cycle-subseries (all values at the same season position) by loess with span
 *      `seasonalWindow`, extended one cycle before and after: C, length n + 2 * seasonLength;
 *   3. low-pass filter C: moving averages of length seasonLength, seasonLength and 3, then loess
 *      with span `lowPassWindow`: L, length n;
 *   4. S = C - L (removes any trend the subseries smoothing picked up);
 *   5. T = loess of y - S with span `trendWindow`.
 * Outer loop (robust fit only): robustness weights rho_t = B(|R_t| / (6 median |R|)), with the
 * bisquare B(u) = (1 - u^2)^2 for u < 1 and 0 otherwise, feed the next inner loop.
 *
 * Defaults follow statsmodels.tsa.seasonal.STL (0.14): seasonal window 7, trend window the
 * smallest odd integer > 1.5 * seasonLength / (1 - 1.5 / seasonalWindow), low-pass window the
 * smallest odd integer > seasonLength, degree 1 throughout, and 2 inner with 15 outer iterations
 * when robust, 5 inner with 0 outer otherwise.
 */
import { badInput } from '../shared/errors';
import { loessAt, loessSmooth } from './loess';
import { median } from './stats';

/** Settings of an STL decomposition; windows are spans in observations and must be odd. */
export interface StlOptions {
  /**
   * Observations per seasonal cycle, at least 2 (7 for days in a week, 12 for months in a year).
   */
  seasonLength: number;
  /**
   * Span of the cycle-subseries smoother in cycles, odd and >= 3 (default 7), or 'periodic' for a
   * fixed season.
   */
  seasonalWindow?: number | 'periodic';
  trendWindow?: number;
  lowPassWindow?: number;
  /** Down-weights outliers through the outer loop (default false). */
  robust?: boolean;
  innerIterations?: number;
  outerIterations?: number;
}

/** An additive decomposition y = trend + seasonal + remainder, one value per observation. */
export interface StlDecomposition {
  trend: number[];
  seasonal: number[];
  remainder: number[];
  /** Robustness weights of the last outer iteration (all 1 for a non-robust fit). */
  weights: number[];
  /** The settings used, with every default resolved. */
  parameters: Required<Omit<StlOptions, 'seasonalWindow'>> & {
    seasonalWindow: number | 'periodic';
  };
  warnings: string[];
}

const DEFAULT_SEASONAL_WINDOW = 7;

/**
 * Decomposes `y` (equally spaced, oldest first, finite) by STL. Throws `BAD_USER_INPUT` when
 * seasonLength is not an integer >= 2, the series contains fewer than two full cycles or a
 * non-finite value, or a window is not an integer >= 3. An even window is raised to the next odd
 * number, with a warning.
 */
export function decomposeStl(y: readonly number[], options: StlOptions): StlDecomposition {
  const warnings: string[] = [];
  const parameters = resolveParameters(y, options, warnings);
  const { seasonLength, innerIterations, outerIterations } = parameters;
  const n = y.length;
  // 'periodic' replaces subseries smoothing by a mean: a degree-0 loess with a huge span.
  const periodic = parameters.seasonalWindow === 'periodic';
  const seasonalSpan = periodic ? 10 * n + 1 : (parameters.seasonalWindow as number);
  const seasonalDegree = periodic ? 0 : 1;

  let trend = new Array<number>(n).fill(0);
  let seasonal = new Array<number>(n).fill(0);
  let weights = new Array<number>(n).fill(1);
  for (let outer = 0; outer <= outerIterations; outer++) {
    for (let inner = 0; inner < innerIterations; inner++) {
      const detrended = y.map((value, i) => value - trend[i]);
      const cycle = smoothCycleSubseries(
        detrended,
        seasonLength,
        seasonalSpan,
        seasonalDegree,
        weights,
      );
      const lowPass = lowPassFilter(cycle, seasonLength, parameters.lowPassWindow);
      seasonal = lowPass.map((value, i) => cycle[seasonLength + i] - value);
      const deseasonalised = y.map((value, i) => value - seasonal[i]);
      trend = loessSmooth(deseasonalised, parameters.trendWindow, 1, weights);
    }
    if (outer < outerIterations) {
      weights = robustnessWeights(y.map((value, i) => value - trend[i] - seasonal[i]));
    }
  }

  // A 'periodic' season is made exactly periodic by averaging each position, as R's stl() does.
  if (periodic) {
    seasonal = averageByPosition(seasonal, seasonLength);
  }
  const remainder = y.map((value, i) => value - trend[i] - seasonal[i]);
  return { trend, seasonal, remainder, weights, parameters, warnings };
}

function resolveParameters(
  y: readonly number[],
  options: StlOptions,
  warnings: string[],
): StlDecomposition['parameters'] {
  const { seasonLength } = options;
  if (!Number.isInteger(seasonLength) || seasonLength < 2) {
    throw badInput(
      'seasonLength',
      `seasonLength must be an integer of at least 2; received "${seasonLength}".`,
    );
  }
  if (y.length < 2 * seasonLength) {
    throw badInput(
      'y',
      `STL needs at least two full seasons (${2 * seasonLength} observations for seasonLength ${seasonLength}); received ${y.length}.`,
    );
  }
  const badIndex = y.findIndex((value) => !Number.isFinite(value));
  if (badIndex >= 0) {
    throw badInput(
      'y',
      `Every observation must be a finite number; received "${y[badIndex]}" at index ${badIndex}.`,
    );
  }

  const robust = options.robust ?? false;
  const seasonalWindow =
    options.seasonalWindow === 'periodic'
      ? 'periodic'
      : oddWindow('seasonalWindow', options.seasonalWindow ?? DEFAULT_SEASONAL_WINDOW, warnings);
  const seasonalSpanForTrend = seasonalWindow === 'periodic' ? 10 * y.length + 1 : seasonalWindow;
  const trendWindow = oddWindow(
    'trendWindow',
    options.trendWindow ??
      smallestOddAbove((1.5 * seasonLength) / (1 - 1.5 / seasonalSpanForTrend)),
    warnings,
  );
  const lowPassWindow = oddWindow(
    'lowPassWindow',
    options.lowPassWindow ?? smallestOddAbove(seasonLength),
    warnings,
  );
  const innerIterations = positiveInteger(
    'innerIterations',
    options.innerIterations ?? (robust ? 2 : 5),
  );
  const outerIterations = options.outerIterations ?? (robust ? 15 : 0);
  if (!Number.isInteger(outerIterations) || outerIterations < 0) {
    throw badInput(
      'outerIterations',
      `outerIterations must be an integer of at least 0; received "${outerIterations}".`,
    );
  }
  return {
    seasonLength,
    seasonalWindow,
    trendWindow,
    lowPassWindow,
    robust,
    innerIterations,
    outerIterations,
  };
}

function oddWindow(field: string, value: number, warnings: string[]): number {
  if (!Number.isInteger(value) || value < 3) {
    throw badInput(field, `${field} must be an odd integer of at least 3; received "${value}".`);
  }
  if (value % 2 === 0) {
    warnings.push(
      `${field} ${value} is even; STL uses ${value + 1} because loess windows must be odd.`,
    );
    return value + 1;
  }
  return value;
}

function positiveInteger(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw badInput(field, `${field} must be an integer of at least 1; received "${value}".`);
  }
  return value;
}

function smallestOddAbove(x: number): number {
  const next = Math.floor(x) + 1;
  return next % 2 === 1 ? next : next + 1;
}

/**
 * Smooths each cycle-subseries and extends it by one value at each end. Returns C of length
 * n + 2 * seasonLength, where C[t + seasonLength] is the smoothed value for time t.
 */
function smoothCycleSubseries(
  detrended: readonly number[],
  seasonLength: number,
  span: number,
  degree: 0 | 1,
  weights: readonly number[],
): number[] {
  const n = detrended.length;
  const cycle = new Array<number>(n + 2 * seasonLength).fill(0);
  for (let position = 0; position < seasonLength; position++) {
    const subseries: number[] = [];
    const subWeights: number[] = [];
    for (let t = position; t < n; t += seasonLength) {
      subseries.push(detrended[t]);
      subWeights.push(weights[t]);
    }
    const m = subseries.length;
    for (let j = -1; j <= m; j++) {
      // Without weight in the window, the nearest observed value of the subseries is used.
      const fallback = subseries[Math.min(Math.max(j, 0), m - 1)];
      const value = loessAt(subseries, j, span, degree, subWeights) ?? fallback;
      cycle[position + (j + 1) * seasonLength] = value;
    }
  }
  return cycle;
}

/** Applies STL's low-pass filter to C (length n + 2 * seasonLength) and returns L (length n). */
function lowPassFilter(
  cycle: readonly number[],
  seasonLength: number,
  lowPassWindow: number,
): number[] {
  const averaged = movingAverage(
    movingAverage(movingAverage(cycle, seasonLength), seasonLength),
    3,
  );
  return loessSmooth(averaged, lowPassWindow, 1);
}

/** Returns the means of every `length` consecutive values (n - length + 1 of them). */
function movingAverage(values: readonly number[], length: number): number[] {
  const averages: number[] = [];
  let windowSum = 0;
  for (let i = 0; i < values.length; i++) {
    windowSum += values[i];
    if (i >= length) {
      windowSum -= values[i - length];
    }
    if (i >= length - 1) {
      averages.push(windowSum / length);
    }
  }
  return averages;
}

function averageByPosition(values: readonly number[], seasonLength: number): number[] {
  const sums = new Array<number>(seasonLength).fill(0);
  const counts = new Array<number>(seasonLength).fill(0);
  values.forEach((value, t) => {
    sums[t % seasonLength] += value;
    counts[t % seasonLength] += 1;
  });
  return values.map((_, t) => sums[t % seasonLength] / counts[t % seasonLength]);
}

function robustnessWeights(remainder: readonly number[]): number[] {
  const h = 6 * median(remainder.map(Math.abs));
  if (h === 0) {
    return remainder.map(() => 1);
  }
  return remainder.map((value) => {
    const u = Math.abs(value) / h;
    return u < 1 ? (1 - u * u) ** 2 : 0;
  });
}
