/**
 * Automatic model choice (`model: AUTO`): backtest every candidate with the same rolling
 * origins, rank them by one metric and forecast with the best.
 *
 * - Default metric: MASE, which is scale-free and defined with zeros in the data. For
 *   intermittent series the default is RMSE instead, because absolute-error metrics reward a
 *   forecast of zero when most periods are zero (Kolassa 2016). A candidate whose metric is
 *   null (MAPE with a zero actual) ranks last.
 * - A series is intermittent when its average inter-demand interval ADI = n / (non-zero
 *   periods) exceeds 1.32, the cut-off of Syntetos, Boylan & Croston (2005); that is, when
 *   more than about 24% of the periods are zero. Its candidates are then the
 *   intermittent-demand methods plus NAIVE and MEAN.
 * - Combinations are preferred: an ENSEMBLE candidate's score is multiplied by 0.8 before
 *   ranking, so a single model must beat it by more than 20% to be chosen. A backtest of two
 *   windows is a noisy guide to which single model will do best, and a combination is the
 *   safer choice. NOTE: 0.8 was tuned on the M3 yearly, quarterly and other sets; the effect
 *   measured there is in `test/bench/FORECAST.md`.
 * - The chosen model's intervals are calibrated by its backtest errors as ENSEMBLE's are
 *   (`calibration.ts`); the factors are recorded as `model.params.intervalScale<level>`.
 * - When the chosen model is not an ENSEMBLE and an ENSEMBLE candidate was scored, the
 *   intervals are widened to the envelope of the chosen model's calibrated intervals and the
 *   best-ranked ENSEMBLE's calibrated intervals. The winner of a short backtest among several
 *   candidates is partly the luckiest, so its backtest errors understate its future errors.
 *   The envelope also covers the forecasts of the models it beat. On the M3 yearly set, AUTO's
 *   95% intervals covered 88.7% of the test values without the envelope and 93.5% with it
 *   (`test/bench/FORECAST.md`).
 * - Default backtest: `defaultBacktest` in `backtest.ts`.
 */
import { DomainError } from '../shared/errors';
import { backtestOrigins, defaultBacktest, MIN_TRAIN_LENGTH, runBacktest } from './backtest';
import type { BacktestSettings } from './backtest';
import { calibrateIntervals } from './calibration';
import type { BacktestForecast } from './calibration';
import { combineForecasts, defaultEnsembleMembers } from './ensemble';
import { forecastSingleModel } from './forecastModel';
import type { ModelContext } from './forecastModel';
import type {
  AutoSpec,
  BacktestOptions,
  BacktestReport,
  CandidateScore,
  EnsembleSpec,
  MetricName,
  SingleModelSpec,
} from './task';
import type { ForecastOutput } from './types';

/** ADI above which a series counts as intermittent (Syntetos, Boylan & Croston 2005). */
export const INTERMITTENT_ADI = 1.32;

/** Factor applied to an ENSEMBLE candidate's score before ranking. */
const ENSEMBLE_PREFERENCE = 0.8;

type Candidate = SingleModelSpec | EnsembleSpec;

/** AUTO's result: the chosen forecast, every candidate's scores and the backtest used. */
export interface Selection {
  output: ForecastOutput;
  candidates: CandidateScore[];
  metric: MetricName;
  /** The chosen candidate's backtest; absent when the series was too short to backtest. */
  backtest?: BacktestReport;
}

/** Reports whether `y` is intermittent demand: ADI = n / non-zero count above 1.32. */
export function isIntermittent(y: number[]): boolean {
  const nonZero = y.filter((value) => value !== 0).length;
  return nonZero === 0 || y.length / nonZero > INTERMITTENT_ADI;
}

/** Lists AUTO's default candidates for `y`. */
export function defaultCandidates(y: number[], seasonLength: number): Candidate[] {
  if (isIntermittent(y) && y.every((value) => value >= 0)) {
    return [
      { kind: 'CROSTON' },
      { kind: 'SBA' },
      { kind: 'TSB' },
      { kind: 'NAIVE' },
      { kind: 'MEAN' },
    ];
  }
  const candidates: Candidate[] = [
    { kind: 'AUTO_ARIMA' },
    { kind: 'AUTO_ETS' },
    { kind: 'NAIVE' },
    { kind: 'DRIFT' },
  ];
  if (seasonLength > 1) {
    candidates.push({ kind: 'SEASONAL_NAIVE' });
  }
  candidates.push(
    { kind: 'THETA' },
    { kind: 'OPTIMIZED_THETA' },
    { kind: 'ENSEMBLE', members: defaultEnsembleMembers(seasonLength) },
  );
  return candidates;
}

/**
 * Backtests each candidate of `spec` on `y`, forecasts with the best, and returns the
 * forecast with every candidate's scores, best first. `backtest` overrides the default
 * windows, step and metric. Throws the best-ranked candidate's error when no candidate can
 * forecast the full series.
 */
export function selectModel(
  spec: AutoSpec,
  y: number[],
  context: ModelContext,
  backtest?: BacktestOptions,
): Selection {
  const candidates = spec.candidates ?? defaultCandidates(y, context.seasonLength);
  const metric = backtest?.metric ?? (isIntermittent(y) ? 'rmse' : 'mase');
  const settings = backtest
    ? { ...context, windows: backtest.windows, step: backtest.step }
    : defaultBacktest(y.length, context);
  if (!settings) {
    return forecastWithoutBacktest(y, context, metric);
  }
  backtestOrigins(y.length, settings);

  // Members shared by several candidates (an ensemble and its members) are fitted once per
  // window, and once more on the whole series.
  const cache = new Map<string, ForecastOutput | DomainError>();
  const windowContext = { ...context, horizon: settings.horizon };
  const scored = candidates.map((candidate) =>
    scoreCandidate(candidate, y, windowContext, settings, cache),
  );
  scored.sort((a, b) => rank(a, metric) - rank(b, metric));
  const ensemble = scored.find((entry) => entry.candidate.kind === 'ENSEMBLE' && entry.report);

  let firstError: DomainError | undefined;
  const skipped: string[] = [];
  for (const entry of scored) {
    if (!entry.report) {
      continue;
    }
    try {
      const forecast = forecastCached(entry.candidate, y, context, cache);
      let output = calibrateIntervals(forecast, entry.windows);
      if (ensemble && entry !== ensemble) {
        output = envelopeWithEnsemble(output, ensemble, y, context, cache);
      }
      output.warnings = [...skipped, ...output.warnings];
      return {
        output,
        candidates: scored.map(describeCandidate),
        metric,
        backtest: entry.report,
      };
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      firstError ??= error;
      skipped.push(
        `AUTO passed over ${entry.candidate.kind}, which ranked higher, because its fit on the whole series failed: ${error.message}`,
      );
    }
  }
  throw firstError ?? (scored[0].error as DomainError);
}

/**
 * Widens `output`'s intervals to contain the calibrated intervals of the ENSEMBLE candidate
 * `ensemble`, fitted on the whole series. Leaves `output` as it is when that fit fails.
 */
function envelopeWithEnsemble(
  output: ForecastOutput,
  ensemble: ScoredCandidate,
  y: number[],
  context: ModelContext,
  cache: Map<string, ForecastOutput | DomainError>,
): ForecastOutput {
  let combined: ForecastOutput;
  try {
    combined = calibrateIntervals(
      forecastCached(ensemble.candidate, y, context, cache),
      ensemble.windows,
    );
  } catch (error) {
    if (error instanceof DomainError) {
      return output;
    }
    throw error;
  }
  const intervals = output.intervals.map((bounds, j) => ({
    level: bounds.level,
    lower: bounds.lower.map((value, i) => Math.min(value, combined.intervals[j].lower[i])),
    upper: bounds.upper.map((value, i) => Math.max(value, combined.intervals[j].upper[i])),
  }));
  return {
    ...output,
    intervals,
    model: { ...output.model, params: { ...output.model.params, ensembleEnvelope: true } },
  };
}

interface ScoredCandidate {
  candidate: Candidate;
  report?: BacktestReport;
  /** Each backtest window's actuals and forecast. */
  windows: BacktestForecast[];
  error?: DomainError;
  description?: ForecastOutput['model'];
}

function scoreCandidate(
  candidate: Candidate,
  y: number[],
  context: ModelContext,
  settings: BacktestSettings,
  cache: Map<string, ForecastOutput | DomainError>,
): ScoredCandidate {
  let description: ForecastOutput['model'] | undefined;
  const forecastWindow = (train: number[]): ForecastOutput => {
    const output = forecastCached(candidate, train, context, cache);
    description = output.model;
    return output;
  };
  const windows: ScoredCandidate['windows'] = [];
  try {
    const report = runBacktest(y, forecastWindow, settings, (actual, output) =>
      windows.push({ actual, output }),
    );
    return { candidate, report, windows, description };
  } catch (error) {
    if (error instanceof DomainError) {
      return { candidate, windows, error };
    }
    throw error;
  }
}

function forecastCached(
  candidate: Candidate,
  train: number[],
  context: ModelContext,
  cache: Map<string, ForecastOutput | DomainError>,
): ForecastOutput {
  if (candidate.kind === 'ENSEMBLE') {
    const members = candidate.members ?? defaultEnsembleMembers(context.seasonLength);
    const outputs = members.map((member) => forecastOrError(member, train, context, cache));
    return combineForecasts(outputs, candidate.combination ?? 'mean', members);
  }
  const result = forecastOrError(candidate, train, context, cache);
  if (result instanceof DomainError) {
    throw result;
  }
  return result;
}

function forecastOrError(
  spec: SingleModelSpec,
  train: number[],
  context: ModelContext,
  cache: Map<string, ForecastOutput | DomainError>,
): ForecastOutput | DomainError {
  const key = `${train.length}:${JSON.stringify(spec)}`;
  let result = cache.get(key);
  if (!result) {
    try {
      result = forecastSingleModel(spec, train, context);
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      result = error;
    }
    cache.set(key, result);
  }
  return result;
}

/** Forecasts a series too short to backtest with the historic mean, with a warning. */
function forecastWithoutBacktest(
  y: number[],
  context: ModelContext,
  metric: MetricName,
): Selection {
  const output = forecastSingleModel({ kind: 'MEAN' }, y, context);
  output.warnings.push(
    `AUTO chose MEAN without a backtest because the series has ${y.length} observations and a backtest needs at least ${MIN_TRAIN_LENGTH + 1}.`,
  );
  return { output, candidates: [], metric };
}

function describeCandidate(entry: ScoredCandidate): CandidateScore {
  const model = entry.description ?? { kind: entry.candidate.kind, params: {} };
  return entry.error
    ? { model, scores: null, error: entry.error.message }
    : { model, scores: entry.report!.scores };
}

function rank(entry: ScoredCandidate, metric: MetricName): number {
  const value = entry.report?.scores[metric];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return Infinity;
  }
  return entry.candidate.kind === 'ENSEMBLE' ? value * ENSEMBLE_PREFERENCE : value;
}
