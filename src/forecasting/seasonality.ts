/**
 * Detects the seasonal period of a series from its autocorrelation function (ACF, FPP3
 * section 2.8). The ACF is taken of the first differences, so that a trend does not hide the
 * seasonal peaks.
 * - The natural period (12 for monthly data) is accepted when the series has at least two full
 *   cycles and its autocorrelation exceeds the white-noise bound 1.96/sqrt(n).
 * - Otherwise the lag from 2 to n/2 with the highest autocorrelation wins when it is a local
 *   peak above both that bound and 0.3, the bar other lags must clear to avoid chasing noise.
 * - Otherwise the series is treated as non-seasonal (1).
 */

/**
 * Minimum autocorrelation a period other than the natural one needs.
 * NOTE: a judgement call, not calibrated on data; raise it if detection finds spurious periods.
 */
const MIN_PEAK_CORRELATION = 0.3;

/**
 * Returns the detected season length of `y` (1 when none is found), trying `natural` first
 * when given.
 */
export function detectSeasonLength(y: number[], natural?: number): number {
  const differenced = y.slice(1).map((value, t) => value - y[t]);
  const n = differenced.length;
  const maxLag = Math.floor(n / 2);
  if (maxLag < 2) {
    return 1;
  }
  const acf = autocorrelations(differenced, maxLag);
  if (acf.length === 0) {
    return 1;
  }
  const bound = 1.96 / Math.sqrt(n);

  if (natural !== undefined && natural > 1 && natural <= maxLag && acf[natural] > bound) {
    return natural;
  }

  let best = 1;
  for (let lag = 2; lag < maxLag; lag++) {
    const isPeak = acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1];
    const isStrong = acf[lag] > bound && acf[lag] > MIN_PEAK_CORRELATION;
    if (isPeak && isStrong && (best === 1 || acf[lag] > acf[best])) {
      best = lag;
    }
  }
  return best;
}

/**
 * Returns the sample autocorrelations r_0..r_maxLag of `x` (r_0 = 1), or an empty array when
 * `x` is constant.
 */
export function autocorrelations(x: number[], maxLag: number): number[] {
  const n = x.length;
  const mean = x.reduce((sum, value) => sum + value, 0) / n;
  const centred = x.map((value) => value - mean);
  const c0 = centred.reduce((sum, value) => sum + value * value, 0);
  if (!(c0 > 0)) {
    return [];
  }
  const acf: number[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    let sum = 0;
    for (let t = lag; t < n; t++) {
      sum += centred[t] * centred[t - lag];
    }
    acf.push(sum / c0);
  }
  return acf;
}
