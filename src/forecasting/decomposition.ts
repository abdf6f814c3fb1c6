/**
 * Classical seasonal decomposition and the seasonality test of the Theta method.
 *
 * Vocabulary:
 * - phase: position of an observation in its seasonal cycle. Observation `t` (0-based, oldest
 *   first) has phase `t mod seasonLength`, so phases count from the start of the series;
 * - seasonal index: the seasonal effect of one phase (an offset for additive decomposition, a
 *   factor for multiplicative), normalised to mean 0 or mean 1 over a cycle;
 * - trend: the centred moving average of order `seasonLength` (a 2×m average when m is even).
 */
import { badInput } from '../shared/errors';

/** Combination of trend, season and remainder: y = T + S + R or y = T · S · R. */
export type DecompositionType = 'additive' | 'multiplicative';

/** Components of a classical decomposition, each as long as the series. */
export interface ClassicalDecomposition {
  type: DecompositionType;
  seasonLength: number;
  /** Centred moving average; `NaN` for the first and last floor(seasonLength / 2) points. */
  trend: number[];
  /** Seasonal index of each observation's phase. */
  seasonal: number[];
  /** Remainder after trend and season are removed; `NaN` where the trend is `NaN`. */
  remainder: number[];
  /** One seasonal index per phase, phase 0 first: mean 0 (additive) or mean 1 (multiplicative). */
  seasonalIndices: number[];
}

/** Outcome of {@link testSeasonality}. */
export interface SeasonalityTest {
  /** Whether |r_m| exceeds the threshold. */
  seasonal: boolean;
  /** Sample autocorrelation r_m at lag m = seasonLength. */
  autocorrelation: number;
  /** 1.645 · sqrt((1 + 2 Σ_{k<m} r_k²) / n). */
  threshold: number;
}

/** Standard normal 0.95 quantile: the one-sided cut-off of a two-sided 90% test. */
const NORMAL_QUANTILE_95 = 1.6448536269514722;

/**
 * Decomposes `y` into trend, seasonal and remainder by classical decomposition (moving-average
 * trend, seasonal indices averaged per phase over the detrended series; FPP3 section 3.4, as R's
 * `stats::decompose`).
 *
 * Throws `BAD_USER_INPUT` when `seasonLength` is not an integer of at least 2, when `y` has
 * fewer than two full cycles, or when a multiplicative decomposition meets a value that is not
 * strictly positive.
 */
export function decomposeClassical(
  y: ArrayLike<number>,
  seasonLength: number,
  type: DecompositionType,
): ClassicalDecomposition {
  const n = y.length;
  const m = seasonLength;
  checkSeasonLength(m);
  if (n < 2 * m) {
    throw badInput(
      'y',
      `The series has ${n} observations; decomposition needs at least two full seasonal cycles (${2 * m}).`,
    );
  }
  if (type === 'multiplicative') {
    for (let t = 0; t < n; t++) {
      if (!(y[t] > 0)) {
        throw badInput(
          'y',
          `Observation ${t + 1} of the series is ${y[t]}; multiplicative decomposition needs strictly positive values.`,
        );
      }
    }
  }

  const trend = centredMovingAverage(y, m);
  const seasonalIndices = averageByPhase(y, trend, m, type);
  const seasonal = new Array<number>(n);
  const remainder = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    seasonal[t] = seasonalIndices[t % m];
    remainder[t] =
      type === 'additive' ? y[t] - trend[t] - seasonal[t] : y[t] / (trend[t] * seasonal[t]);
  }
  return { type, seasonLength: m, trend, seasonal, remainder, seasonalIndices };
}

/**
 * Tests `y` for seasonality at lag m = seasonLength, as the Theta method does (Assimakopoulos &
 * Nikolopoulos 2000; R's `forecast::thetaf`): seasonal when
 * |r_m| > 1.645 · sqrt((1 + 2 Σ_{k=1}^{m-1} r_k²) / n), a two-sided 90% test under the
 * white-noise null with Bartlett's variance. A constant series is not seasonal.
 *
 * Throws `BAD_USER_INPUT` when `seasonLength` is not an integer of at least 2 or when `y` has
 * no more than `seasonLength` observations.
 */
export function testSeasonality(y: ArrayLike<number>, seasonLength: number): SeasonalityTest {
  const n = y.length;
  const m = seasonLength;
  checkSeasonLength(m);
  if (n <= m) {
    throw badInput(
      'y',
      `The series has ${n} observations; the seasonality test needs more than seasonLength (${m}).`,
    );
  }

  const r = autocorrelation(y, m);
  let sumSquares = 0;
  for (let k = 1; k < m; k++) sumSquares += r[k] * r[k];
  const threshold = NORMAL_QUANTILE_95 * Math.sqrt((1 + 2 * sumSquares) / n);
  const rm = r[m];
  return { seasonal: Math.abs(rm) > threshold, autocorrelation: rm, threshold };
}

/**
 * Computes the sample autocorrelations r_0 .. r_maxLag of `y` (index = lag, r_0 = 1), with the
 * usual biased estimator r_k = Σ_{t<n-k} (y_t - ȳ)(y_{t+k} - ȳ) / Σ_t (y_t - ȳ)². Every r_k with
 * k >= 1 is 0 for a constant series. `maxLag` must be below `y.length`.
 */
export function autocorrelation(y: ArrayLike<number>, maxLag: number): Float64Array {
  const n = y.length;
  if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag >= n) {
    throw new TypeError(
      `autocorrelation: maxLag is ${maxLag}; expected an integer in [0, ${n - 1}].`,
    );
  }
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t] - mean) ** 2;

  const r = new Float64Array(maxLag + 1);
  r[0] = 1;
  if (denominator === 0) return r;
  for (let k = 1; k <= maxLag; k++) {
    let sum = 0;
    for (let t = 0; t + k < n; t++) sum += (y[t] - mean) * (y[t + k] - mean);
    r[k] = sum / denominator;
  }
  return r;
}

function checkSeasonLength(m: number): void {
  if (!Number.isInteger(m) || m < 2) {
    throw badInput(
      'seasonLength',
      `seasonLength is ${m}; decomposition needs an integer of at least 2.`,
    );
  }
}

/** Centred moving average of order m; a 2×m average (half weights at both ends) for even m. */
function centredMovingAverage(y: ArrayLike<number>, m: number): number[] {
  const n = y.length;
  const half = Math.floor(m / 2);
  const trend = new Array<number>(n).fill(NaN);
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) sum += y[t + k];
      trend[t] = sum / m;
    } else {
      for (let k = -half + 1; k < half; k++) sum += y[t + k];
      sum += 0.5 * (y[t - half] + y[t + half]);
      trend[t] = sum / m;
    }
  }
  return trend;
}

/** Mean detrended value per phase, normalised to mean 0 (additive) or mean 1 (multiplicative). */
function averageByPhase(
  y: ArrayLike<number>,
  trend: number[],
  m: number,
  type: DecompositionType,
): number[] {
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(trend[t])) continue;
    sums[t % m] += type === 'additive' ? y[t] - trend[t] : y[t] / trend[t];
    counts[t % m] += 1;
  }

  const figure = sums.map((sum, k) => sum / counts[k]);
  const mean = figure.reduce((total, value) => total + value, 0) / m;
  return figure.map((value) => (type === 'additive' ? value - mean : value / mean));
}
