/**
 * The orchestrator: checks a task, settles the season length, then forecasts with a single
 * model, an ensemble or AUTO's choice, and backtests when asked. It imports no model; models
 * are reached through `forecastSingleModel`.
 */
import { runBacktest } from './backtest';
import { calibrateSingleModel } from './calibrateModel';
import { forecastEnsemble } from './ensemble';
import { forecastSingleModel } from './forecastModel';
import type { ModelContext } from './forecastModel';
import { detectSeasonLength } from './seasonality';
import { selectModel } from './selectModel';
import type { AutoSpec, ForecastResult, ForecastTask, ModelSpec } from './task';
import type { ForecastOutput } from './types';
import { validateTask } from './validateTask';

/**
 * Forecasts `task.y` for `task.horizon` periods with `task.model`. Synchronous and pure: the
 * same task always gives the same result.
 *
 * The season length is `task.seasonLength` when given, else detected from the data with
 * `task.naturalSeasonLength` as the first candidate. Throws BAD_USER_INPUT (a `DomainError`)
 * when the task is invalid or the series does not suit the model, and FORECAST_FAILED when a
 * fit fails or yields a value that is not finite.
 */
export function runForecast(task: ForecastTask): ForecastResult {
  const checked = validateTask(task);
  const { y, horizon, levels, model, backtest } = checked;
  const seasonLength = checked.seasonLength ?? detectSeasonLength(y, checked.naturalSeasonLength);
  const context: ModelContext = { horizon, levels, seasonLength };
  const modelSeasonLength = seasonLengthOf(model, seasonLength);
  const base = {
    horizon,
    levels,
    seasonLength: modelSeasonLength,
    seasonLengthSource:
      checked.seasonLength === undefined && modelSeasonLength === seasonLength
        ? ('detected' as const)
        : ('task' as const),
  };

  if (model.kind === 'AUTO') {
    const selection = selectModel(model, y, context, backtest);
    return {
      ...selection.output,
      ...base,
      candidates: selection.candidates,
      selectionMetric: selection.metric,
      backtest: selection.backtest,
    };
  }

  const fitted = forecastSpec(model, y, context);
  const output =
    model.kind !== 'ENSEMBLE' && model.calibrate !== false
      ? calibrateSingleModel(model, y, context, fitted)
      : fitted;
  if (!backtest) {
    return { ...output, ...base };
  }
  // The requested backtest scores the model's own intervals: calibrating each window would
  // need a backtest inside every window.
  const report = runBacktest(y, (train) => forecastSpec(model, train, context), {
    ...context,
    windows: backtest.windows,
    step: backtest.step,
  });
  return { ...output, ...base, backtest: report };
}

/**
 * Returns the season length `spec` fits with: 1 for kinds that ignore seasons, SARIMA's `s`, a
 * spec's own `seasonLength`, or else the task's. A model may still drop a season the data cannot
 * support, and then reports it in its warnings.
 */
function seasonLengthOf(spec: ModelSpec, taskSeasonLength: number): number {
  switch (spec.kind) {
    case 'ARIMA':
    case 'NAIVE':
    case 'DRIFT':
    case 'MEAN':
    case 'CROSTON':
    case 'SBA':
    case 'TSB':
      return 1;
    case 'SARIMA':
      return spec.s;
    case 'ENSEMBLE':
    case 'AUTO':
      return taskSeasonLength;
    default:
      return spec.seasonLength ?? taskSeasonLength;
  }
}

function forecastSpec(
  spec: Exclude<ModelSpec, AutoSpec>,
  y: number[],
  context: ModelContext,
): ForecastOutput {
  return spec.kind === 'ENSEMBLE'
    ? forecastEnsemble(spec, y, context)
    : forecastSingleModel(spec, y, context);
}
