/**
 * The model interface: turns one `SingleModelSpec` into a forecast, applying its Box-Cox
 * transform around the model. Everything above this file (ensembles, backtests, AUTO,
 * `runForecast`) calls models only through `forecastSingleModel`.
 */
import { DomainError, ErrorCode, UnreachableCaseError } from '../shared/errors';
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

  const fitted = lambda === null ? y : boxCox(y, lambda);
  const output = dispatch(spec, fitted, modelContext);
  const result = lambda === null ? output : backTransform(output, lambda);
  result.model.params.lambda = lambda;
  result.warnings = [...warnings, ...result.warnings];
  checkOutput(result);
  return result;
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
