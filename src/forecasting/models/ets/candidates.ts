/**
 * The candidate models of an ETS fit: which seasonal period the data allow, which models to
 * try, and the fallback for series too short to estimate initial states. Every override of the
 * caller's request is reported as a warning.
 */
import { type EtsFit, fitEts } from './fit';
import {
  type EtsError,
  type EtsSeason,
  type EtsSpec,
  type EtsTrend,
  countFreeParameters,
  etsName,
} from './spec';

/** The components the caller fixed; the others are chosen. */
export type FixedComponents = Partial<EtsSpec>;

/**
 * Largest seasonal period the ETS fits accept, as in R's `forecast::ets`: beyond it there are
 * too many seasonal states to estimate.
 */
const MAX_SEASON_LENGTH = 24;

/** A model needs more than this many observations beyond its free parameters (R's rule). */
const SPARE_OBSERVATIONS = 4;

/**
 * Returns the seasonal period the fit can use: `seasonLength` when seasonal models are
 * possible, else 1, with a warning when the caller requested a season or gave a period.
 */
export function usableSeasonLength(
  n: number,
  seasonLength: number,
  fixed: FixedComponents,
  warnings: string[],
): number {
  const m = seasonLength;
  const requestedSeason = fixed.season !== undefined && fixed.season !== 'N';
  if (m === 1) {
    if (requestedSeason) {
      warnings.push(
        `season "${fixed.season}" needs seasonLength of at least 2, but seasonLength is 1; a non-seasonal model was fitted.`,
      );
    }
    return 1;
  }
  if (fixed.season === 'N') return 1;
  if (m > MAX_SEASON_LENGTH) {
    warnings.push(
      `seasonLength ${m} is above ${MAX_SEASON_LENGTH}, the maximum for ETS; a non-seasonal model was fitted.`,
    );
    return 1;
  }
  if (n < 2 * m) {
    warnings.push(
      `The series has ${n} observations, fewer than two seasonal cycles (${2 * m}) for seasonLength ${m}; a non-seasonal model was fitted.`,
    );
    return 1;
  }
  return m;
}

/**
 * Lists the models to fit: the fixed components as given and the others from R's search
 * space. Multiplicative forms are left out on data that are not strictly positive, and a fixed
 * one is replaced by the additive form with a warning. Models whose free parameters leave no
 * more than {@link SPARE_OBSERVATIONS} observations over are left out too.
 */
export function candidateSpecs(
  fixed: FixedComponents,
  m: number,
  n: number,
  positive: boolean,
  allowMultiplicative: boolean,
  warnings: string[],
): EtsSpec[] {
  const multiplicative = allowMultiplicative && positive;
  const errors = chooseForms<EtsError>(fixed.error, multiplicative ? ['A', 'M'] : ['A']);
  const trends = chooseForms<EtsTrend>(fixed.trend, ['N', 'A', 'Ad']);
  const seasons =
    m === 1
      ? (['N'] as EtsSeason[])
      : chooseForms<EtsSeason>(fixed.season, multiplicative ? ['N', 'A', 'M'] : ['N', 'A']);
  for (const [name, form] of [
    ['error', fixed.error],
    ['season', m === 1 ? undefined : fixed.season],
  ] as const) {
    if (form === 'M' && !positive) {
      warnings.push(
        `${name} "M" needs strictly positive data, but the series contains values <= 0; the additive form "A" was fitted instead.`,
      );
    }
  }

  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        const fittedError = error === 'M' && !positive ? 'A' : error;
        const fittedSeason = season === 'M' && !positive ? 'A' : season;
        // Additive error with multiplicative season is numerically unstable. R's ets never fits
        // it (restrict = TRUE); here it is fitted only when the caller requests both forms.
        const bothFixed = fixed.error !== undefined && fixed.season !== undefined;
        if (fittedError === 'A' && fittedSeason === 'M' && !bothFixed) continue;
        specs.push({ error: fittedError, trend, season: fittedSeason });
      }
    }
  }

  const fitting = specs.filter((spec) => countFreeParameters(spec, m) + SPARE_OBSERVATIONS < n);
  if (fitting.length === 0 && m > 1) {
    const nonSeasonal = specs.map((spec) => ({ ...spec, season: 'N' as const }));
    const fittingNonSeasonal = nonSeasonal.filter(
      (spec) => countFreeParameters(spec, 1) + SPARE_OBSERVATIONS < n,
    );
    if (fittingNonSeasonal.length > 0) {
      warnings.push(
        `The series has ${n} observations, too few to estimate a seasonal ETS model with seasonLength ${m}; a non-seasonal model was fitted.`,
      );
      return dedupe(fittingNonSeasonal);
    }
  }
  return fitting;
}

function chooseForms<T extends string>(fixed: T | undefined, search: T[]): T[] {
  return fixed === undefined ? search : [fixed];
}

function dedupe(specs: EtsSpec[]): EtsSpec[] {
  const seen = new Set<string>();
  return specs.filter((spec) => {
    const name = etsName(spec);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/**
 * Fits simple and Holt's exponential smoothing from fixed initial states (first forecast y_0,
 * slope y_1 - y_0), estimating only the smoothing parameters. Keeps the fit with the smaller
 * residual variance, as R's `forecast::ets` does for tiny series with `HoltWinters`. Fits
 * additive errors only.
 */
export function fitShortSeries(
  y: Float64Array,
  fixed: FixedComponents,
  reason: string,
  warnings: string[],
): EtsFit | undefined {
  // A requested damped trend becomes undamped: phi cannot be estimated from so few points.
  let trends: EtsTrend[] = ['N', 'A'];
  if (fixed.trend === 'N') trends = ['N'];
  if (fixed.trend === 'A' || fixed.trend === 'Ad') trends = ['A'];
  let best: { fit: EtsFit; sigma2: number } | undefined;
  for (const trend of trends) {
    const spec: EtsSpec = { error: 'A', trend, season: 'N' };
    // The first forecast, level + slope, equals y_0, and the slope is y_1 - y_0.
    const slope = trend === 'N' ? 0 : y[1] - y[0];
    const fixedInitialStates = { level: y[0] - slope, slope, season: new Float64Array(1) };
    const fit = fitEts(y, spec, 1, { fixedInitialStates });
    if (fit === undefined) continue;
    const sigma2 = fit.sse / (y.length - fit.freeParameters);
    if (best === undefined || sigma2 < best.sigma2) best = { fit, sigma2 };
  }
  if (best !== undefined) {
    warnings.push(
      `${reason}; ${etsName(best.fit.spec)} was fitted with its initial states fixed at the first observations.`,
    );
  }
  return best?.fit;
}
