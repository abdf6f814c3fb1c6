/**
 * Backtest calibration of a single model's intervals, applied by `runForecast` unless the spec
 * sets `calibrate: false`.
 *
 * A model's own intervals assume that the model is right and its estimates exact. On the M3
 * series, R's `ets` 95% intervals cover 84-93% of the test values. Here the model as fitted on
 * the whole series is refitted at the origins of the default backtest (`defaultBacktest`: two
 * windows of the task's horizon where the series allows). Each level's interval is then widened
 * by the factor of `calibration.ts` when the backtest errors are larger than it implies.
 *
 * "As fitted" means the choices the full fit made are kept: AUTO_ETS's components, AUTO_ARIMA's
 * orders and drift, and the Box-Cox lambda `'auto'` chose. The windows then measure the errors of
 * that model, not of the search, which keeps the cost at a few single fits. AUTO_ARIMA's orders
 * are refitted by CSS rather than exact maximum likelihood, so that calibration adds little to
 * its cost. NOTE: the window intervals of AUTO_ARIMA then come from CSS estimates while the
 * forecast's come from exact ML. Because the windows keep the orders, the uncertainty of the
 * order search stays out: calibrated AUTO_ARIMA 95% intervals cover 88.6% and 89.6% of the M3
 * yearly and quarterly test values (`test/bench/FORECAST.md`), short of 95%.
 *
 * Unlike ENSEMBLE and AUTO, whose combined intervals may also shrink to 0.85 of their width, a
 * single model's interval is never narrowed: its width already comes from the fit, and two
 * windows of small errors are weak evidence that it is too wide. A model fitted on a Box-Cox
 * scale is calibrated on that scale, where its intervals are symmetric, and a non-negative lower
 * bound stays non-negative.
 */
import { DomainError } from '../shared/errors';
import { backtestOrigins, defaultBacktest } from './backtest';
import { boxCox, inverseBoxCox } from './boxCox';
import { type BacktestForecast, calibrateIntervals } from './calibration';
import { type ModelContext, forecastSingleModel } from './forecastModel';
import type { SingleModelSpec } from './task';
import type { ForecastOutput, IntervalBounds } from './types';

/** Smallest factor applied to a single model's interval: calibration only widens it. */
const SINGLE_MODEL_MIN_SCALE = 1;

/**
 * Kinds whose intervals are left as the model made them. Their bounds are empirical quantiles of
 * one-step errors, cut at zero and often equal to the forecast on one side, so scaling the
 * distance from the forecast does not widen them.
 */
const INTERMITTENT_KINDS = new Set<SingleModelSpec['kind']>(['CROSTON', 'SBA', 'TSB']);

/**
 * Returns `output` (the forecast of `spec` on `y`) with its intervals calibrated by a backtest
 * of the fitted model, and `intervalScale<level>` in `model.params`. Returns `output` unchanged
 * for the intermittent-demand kinds. When the series is too
 * short for a backtest, or the model cannot be refitted at an origin, returns `output` with a
 * warning saying the intervals are uncalibrated.
 */
export function calibrateSingleModel(
  spec: SingleModelSpec,
  y: number[],
  context: ModelContext,
  output: ForecastOutput,
): ForecastOutput {
  if (INTERMITTENT_KINDS.has(spec.kind)) return output;
  const settings = defaultBacktest(y.length, context);
  if (settings === null) {
    return withWarning(
      output,
      `The intervals are the model's own, not calibrated: ${y.length} observations are too few for a backtest.`,
    );
  }
  const refit = fittedSpec(spec, output);
  const windowContext = { ...context, horizon: settings.horizon };
  const windows: BacktestForecast[] = [];
  try {
    // Only the errors matter here, so the windows are forecast without computing their metrics.
    for (const origin of backtestOrigins(y.length, settings)) {
      windows.push({
        actual: y.slice(origin, origin + settings.horizon),
        output: forecastSingleModel(refit, y.slice(0, origin), windowContext),
      });
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return withWarning(
      output,
      `The intervals are the model's own, not calibrated: refitting ${output.model.kind} at a backtest origin failed: ${error.message}`,
    );
  }
  const lambda = refit.lambda;
  if (typeof lambda === 'number') {
    const transformed = calibrateOnTransformedScale(output, windows, lambda);
    if (transformed !== undefined) return transformed;
  }
  return calibrateIntervals(output, windows, { minScale: SINGLE_MODEL_MIN_SCALE });
}

/**
 * Calibrates on the Box-Cox scale the model was fitted on, where its intervals are symmetric
 * about the forecast, and maps the bounds back. Returns undefined when a bound lies outside the
 * transform's domain (0 under the log), so that the caller calibrates on the original scale.
 */
function calibrateOnTransformedScale(
  output: ForecastOutput,
  windows: BacktestForecast[],
  lambda: number,
): ForecastOutput | undefined {
  const forward = (values: number[]): number[] | undefined => {
    const result = boxCox(values, lambda);
    return result.every(Number.isFinite) ? result : undefined;
  };
  const transformOutput = (original: ForecastOutput): ForecastOutput | undefined => {
    const mean = forward(original.mean);
    const intervals = original.intervals.map((bounds) => ({
      level: bounds.level,
      lower: forward(bounds.lower),
      upper: forward(bounds.upper),
    }));
    if (mean === undefined || intervals.some((b) => !b.lower || !b.upper)) return undefined;
    return { ...original, mean, intervals: intervals as IntervalBounds[] };
  };

  const scaledWindows: BacktestForecast[] = [];
  for (const window of windows) {
    const actual = forward(window.actual);
    const windowOutput = transformOutput(window.output);
    if (actual === undefined || windowOutput === undefined) return undefined;
    scaledWindows.push({ actual, output: windowOutput });
  }
  const scaledOutput = transformOutput(output);
  if (scaledOutput === undefined) return undefined;

  const calibrated = calibrateIntervals(scaledOutput, scaledWindows, {
    minScale: SINGLE_MODEL_MIN_SCALE,
    keepNonNegative: false,
  });
  return {
    ...calibrated,
    mean: output.mean,
    intervals: calibrated.intervals.map((bounds) => ({
      level: bounds.level,
      lower: inverseBoxCox(bounds.lower, lambda),
      upper: inverseBoxCox(bounds.upper, lambda),
    })),
  };
}

/**
 * Returns the spec that refits `output`'s model with the choices its fit made. Kinds without choices
 * to keep are returned as given, with a chosen Box-Cox lambda fixed.
 */
export function fittedSpec(spec: SingleModelSpec, output: ForecastOutput): SingleModelSpec {
  const { params } = output.model;
  const lambda = typeof params.lambda === 'number' ? params.lambda : undefined;
  const options = { lambda, seasonLength: 'seasonLength' in spec ? spec.seasonLength : undefined };
  const integer = (name: string): number => Number(params[name]);
  switch (spec.kind) {
    case 'AUTO_ETS':
    case 'ETS':
      return {
        kind: 'ETS',
        error: params.error === 'M' ? 'M' : 'A',
        trend: params.trend === 'N' ? 'N' : 'A',
        damped: params.damped === true,
        season: seasonForm(params.season),
        ...options,
      };
    case 'AUTO_ARIMA': {
      const drift = params.drift !== undefined;
      const order = { p: integer('p'), d: integer('d'), q: integer('q') };
      return output.model.kind === 'SARIMA'
        ? {
            kind: 'SARIMA',
            ...order,
            P: integer('P'),
            D: integer('D'),
            Q: integer('Q'),
            s: integer('s'),
            drift,
            method: 'CSS',
            lambda,
          }
        : { kind: 'ARIMA', ...order, drift, method: 'CSS', ...options };
    }
    default:
      return { ...spec, lambda };
  }
}

function seasonForm(value: unknown): 'N' | 'A' | 'M' {
  if (value === 'A' || value === 'M') return value;
  return 'N';
}

function withWarning(output: ForecastOutput, warning: string): ForecastOutput {
  return { ...output, warnings: [...output.warnings, warning] };
}
