/**
 * The model interface: turns one `SingleModelSpec` into a forecast, applying its Box-Cox
 * transform around the model. Everything above this file (ensembles, backtests, AUTO,
 * `runForecast`) calls models only through `forecastSingleModel`.
 */
import { DomainError, ErrorCode, UnreachableCaseError, badInput } from '../shared/errors';
import { boxCox, checkBoxCoxDomain, guerreroLambda, inverseBoxCox } from './boxCox';
import { forecastArima } from './models/arima';
import { forecastAutoArima } from './models/autoArima';
import { forecastBaseline } from './models/baselines';
import { forecastIntermittent } from './models/intermittent';
import { forecastTheta } from './models/theta';
import { forecastAutoEts, forecastEts } from './models/ets';
import type { SingleModelSpec } from './task';
import type { ForecastOutput } from './types';

/** Settings every model call needs besides the series. */
export interface ModelContext {
  horizon: number;
  levels: number[];
  /** Season length of the task (1 = none); a spec's own `seasonLength` takes precedence. */
  seasonLength: number;
}

/**
 * Forecasts `y` with the model `spec` describes. The returned `model.params` include the
 * Box-Cox `lambda` applied (null for none). Throws BAD_USER_INPUT when `y` does not suit the
 * model and FORECAST_FAILED when the fit fails or a value is not finite.
 */
export function forecastSingleModel(
  spec: SingleModelSpec,
  y: number[],
  context: ModelContext,
): ForecastOutput {
  const seasonLength = ('seasonLength' in spec && spec.seasonLength) || context.seasonLength;
  const modelContext = { ...context, seasonLength };
  const warnings: string[] = [];

  let lambda: number | null = null;
  if (spec.lambda === 'auto') {
    lambda = guerreroLambda(y, seasonLength);
    if (lambda === null) {
      warnings.push(
        'lambda "auto" applied no Box-Cox transform because the series has a zero or negative value, or fewer than two seasons.',
      );
    }
  } else if (spec.lambda !== undefined) {
    checkBoxCoxDomain(y, spec.lambda);
    lambda = spec.lambda;
  }

  let result = fitTransformed(spec, y, lambda, modelContext);
  const unbounded = lambda === null ? -1 : firstUnboundedStep(result);
  if (unbounded !== -1 && spec.lambda === 'auto') {
    // A negative lambda maps part of the transformed scale to no finite value; the log does not.
    warnings.push(
      `Guerrero's method chose lambda ${lambda!.toFixed(3)}, under which an interval bound at step ${unbounded + 1} has no finite value; the log transform (lambda 0) was used instead.`,
    );
    lambda = 0;
    result = fitTransformed(spec, y, lambda, modelContext);
  } else if (unbounded !== -1) {
    throw badInput(
      'model.lambda',
      `Box-Cox lambda ${lambda} leaves an interval bound at step ${unbounded + 1} without a finite value, because on the transformed scale the bound passes -1/lambda; use a lambda of 0 or above.`,
    );
  }
  result.model.params.lambda = lambda;
  result.warnings = [...warnings, ...result.warnings];
  checkOutput(result);
  return result;
}

/** Fits `spec` to `y` transformed by `lambda` (none when null) and transforms the forecast back. */
function fitTransformed(
  spec: SingleModelSpec,
  y: number[],
  lambda: number | null,
  context: ModelContext,
): ForecastOutput {
  const fitted = lambda === null ? y : boxCox(y, lambda);
  const output = dispatch(spec, fitted, context);
  return lambda === null ? output : backTransform(output, lambda);
}

/** Returns the first step whose forecast or an interval bound is infinite, or -1. */
function firstUnboundedStep(output: ForecastOutput): number {
  const infinite = (values: number[]) => values.findIndex((value) => value === Infinity);
  const steps = [
    infinite(output.mean),
    ...output.intervals.flatMap((bounds) => [infinite(bounds.lower), infinite(bounds.upper)]),
  ].filter((step) => step !== -1);
  return steps.length === 0 ? -1 : Math.min(...steps);
}

function dispatch(spec: SingleModelSpec, y: number[], context: ModelContext): ForecastOutput {
  const { horizon, levels, seasonLength } = context;
  switch (spec.kind) {
    case 'ARIMA':
      return forecastArima(y, {
        order: { p: spec.p, d: spec.d, q: spec.q, P: 0, D: 0, Q: 0, s: 0 },
        horizon,
        levels,
        drift: spec.drift,
        method: spec.method,
      });
    case 'SARIMA':
      return forecastArima(y, {
        order: { p: spec.p, d: spec.d, q: spec.q, P: spec.P, D: spec.D, Q: spec.Q, s: spec.s },
        horizon,
        levels,
        drift: spec.drift,
        method: spec.method,
      });
    case 'AUTO_ARIMA':
      return forecastAutoArima(y, context);
    case 'ETS':
      return forecastEts(y, {
        horizon,
        levels,
        seasonLength,
        error: spec.error,
        trend: spec.trend === 'A' && spec.damped ? 'Ad' : spec.trend,
        season: spec.season,
      });
    case 'AUTO_ETS':
      return forecastAutoEts(y, { horizon, levels, seasonLength });
    case 'THETA':
    case 'OPTIMIZED_THETA':
      return forecastTheta(y, {
        horizon,
        levels,
        seasonLength,
        optimized: spec.kind === 'OPTIMIZED_THETA',
      });
    case 'NAIVE':
    case 'SEASONAL_NAIVE':
    case 'DRIFT':
    case 'MEAN':
      return forecastBaseline(y, spec.kind, context);
    case 'CROSTON':
    case 'SBA':
    case 'TSB':
      return forecastIntermittent(y, spec.kind, {
        horizon,
        levels,
        alpha: spec.alpha,
        beta: spec.beta,
      });
    default:
      throw new UnreachableCaseError(spec);
  }
}

/** Maps forecasts and interval bounds back to the original scale. */
function backTransform(output: ForecastOutput, lambda: number): ForecastOutput {
  return {
    ...output,
    mean: inverseBoxCox(output.mean, lambda),
    intervals: output.intervals.map((bounds) => ({
      level: bounds.level,
      lower: inverseBoxCox(bounds.lower, lambda),
      upper: inverseBoxCox(bounds.upper, lambda),
    })),
    model: { ...output.model, params: { ...output.model.params } },
  };
}

/** Throws FORECAST_FAILED unless every forecast and bound is finite. */
function checkOutput(output: ForecastOutput): void {
  const values = [
    ...output.mean,
    ...output.intervals.flatMap((bounds) => [...bounds.lower, ...bounds.upper]),
  ];
  if (!values.every(Number.isFinite)) {
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `${output.model.kind} produced a forecast or interval bound that is not finite; try another model or a Box-Cox transform.`,
    );
  }
}
