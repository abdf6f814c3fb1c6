/**
 * The request and result types of `runForecast`: what a caller asks for (`ForecastTask`, with a
 * `ModelSpec`) and what it gets back (`ForecastResult`).
 */
import type { ForecastOutput, ModelDescription } from './types';

/** Largest horizon a task may request: one year of daily periods. */
export const MAX_HORIZON = 366;

/** Largest seasonal period accepted: one year of daily periods. */
export const MAX_SEASON_LENGTH = 366;

/** Levels used when a task gives none, in percent. */
export const DEFAULT_LEVELS: readonly number[] = [80, 95];

/**
 * Options every single model accepts.
 * - `lambda`: Box-Cox parameter applied to `y` before fitting, with forecasts and interval bounds
 *   transformed back (0 is the log). `'auto'` picks it by Guerrero's method and skips the
 *   transform when the series has zeros or negatives. Absent means no transform.
 * - `seasonLength`: overrides the task's season length for this model.
 * - `calibrate`: when true (the default), the model's intervals are widened where a backtest
 *   of the fitted model shows larger errors than they allow (`calibrateModel.ts`). Ignored for
 *   ENSEMBLE members and AUTO candidates, whose combined forecast is calibrated instead.
 */
export interface ModelOptions {
  lambda?: number | 'auto';
  seasonLength?: number;
  calibrate?: boolean;
}

/** Non-seasonal ARIMA(p,d,q), fitted by CSS-ML; a mean is estimated when d = 0. */
export interface ArimaSpec extends ModelOptions {
  kind: 'ARIMA';
  p: number;
  d: number;
  q: number;
  /** Adds a constant to the differenced series (a linear trend); needs d = 1. */
  drift?: boolean;
  /** `CSS-ML` (default): exact maximum likelihood; `CSS`: conditional sum of squares only. */
  method?: 'CSS-ML' | 'CSS';
}

/** Seasonal ARIMA(p,d,q)(P,D,Q)s. */
export interface SarimaSpec extends Omit<ModelOptions, 'seasonLength'> {
  kind: 'SARIMA';
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  s: number;
  /** Adds a constant to the differenced series (a linear trend); needs d + D = 1. */
  drift?: boolean;
  /** As {@link ArimaSpec.method}. */
  method?: 'CSS-ML' | 'CSS';
}

/** ARIMA with orders chosen by a stepwise search on AICc (Hyndman & Khandakar 2008). */
export interface AutoArimaSpec extends ModelOptions {
  kind: 'AUTO_ARIMA';
}

/** ETS error, trend and season components, in the notation of Hyndman et al. (2008). */
export interface EtsSpec extends ModelOptions {
  kind: 'ETS';
  error: 'A' | 'M';
  trend: 'N' | 'A';
  season: 'N' | 'A' | 'M';
  damped?: boolean;
}

/** ETS with the components chosen by AICc. */
export interface AutoEtsSpec extends ModelOptions {
  kind: 'AUTO_ETS';
}

/** Standard Theta method (Assimakopoulos & Nikolopoulos 2000) on the seasonally adjusted series. */
export interface ThetaSpec extends ModelOptions {
  kind: 'THETA';
}

/** Theta with the theta coefficient chosen by in-sample fit (Fiorucci et al. 2016). */
export interface OptimizedThetaSpec extends ModelOptions {
  kind: 'OPTIMIZED_THETA';
}

/** Benchmarks of FPP3 section 5.2: last value, last season, drift line, historic mean. */
export interface BaselineSpec extends ModelOptions {
  kind: 'NAIVE' | 'SEASONAL_NAIVE' | 'DRIFT' | 'MEAN';
}

/**
 * Intermittent-demand methods: Croston (1972), its bias-corrected form SBA (Syntetos & Boylan
 * 2005) and TSB (Teunter, Syntetos & Babai 2011). `alpha` smooths the demand sizes (and the
 * intervals for Croston and SBA); `beta` smooths the demand probability in TSB. Both default
 * to 0.1.
 */
export interface IntermittentSpec extends ModelOptions {
  kind: 'CROSTON' | 'SBA' | 'TSB';
  alpha?: number;
  beta?: number;
}

/** The step-by-step mean or median of the members' forecasts. */
export interface EnsembleSpec {
  kind: 'ENSEMBLE';
  /** Defaults to AUTO_ETS, AUTO_ARIMA and THETA. */
  members?: SingleModelSpec[];
  /** Defaults to `'mean'`. */
  combination?: 'mean' | 'median';
}

/**
 * Automatic choice: every candidate is backtested and the one with the lowest score on `metric`
 * forecasts. Candidates default to the list in `selectModel.ts`.
 */
export interface AutoSpec {
  kind: 'AUTO';
  candidates?: (SingleModelSpec | EnsembleSpec)[];
}

/** One fitted model, as opposed to a combination or a choice. */
export type SingleModelSpec =
  | ArimaSpec
  | SarimaSpec
  | AutoArimaSpec
  | EtsSpec
  | AutoEtsSpec
  | ThetaSpec
  | OptimizedThetaSpec
  | BaselineSpec
  | IntermittentSpec;

/** The model a task requests, discriminated on `kind`. */
export type ModelSpec = SingleModelSpec | EnsembleSpec | AutoSpec;

/** Every `kind` a `ModelSpec` may have. */
export type ModelKind = ModelSpec['kind'];

/** Accuracy measures a backtest reports; `pinball` averages over the interval quantiles. */
export type MetricName = 'mae' | 'rmse' | 'mape' | 'smape' | 'mase' | 'wape' | 'pinball';

/** Rolling-origin backtest settings. */
export interface BacktestOptions {
  /** Number of forecast origins, the last one `horizon` periods before the end. */
  windows: number;
  /** Periods between consecutive origins. */
  step: number;
  /** Metric used to rank AUTO's candidates; defaults to `'mase'`. */
  metric?: MetricName;
}

/** A forecast request for one series. */
export interface ForecastTask {
  /** Observations, oldest first, equally spaced, every value finite. */
  y: number[];
  /** Periods to forecast, 1 to `MAX_HORIZON`. */
  horizon: number;
  /** Interval coverage in percent, each strictly between 0 and 100; defaults to [80, 95]. */
  levels?: number[];
  /** Observations per seasonal cycle (1 = no seasonality); detected from the data when absent. */
  seasonLength?: number;
  /** The granularity's usual period (12 for monthly data), tried first by detection. */
  naturalSeasonLength?: number;
  model: ModelSpec;
  /** Runs a rolling-origin backtest of the model; AUTO always backtests. */
  backtest?: BacktestOptions;
}

/** Coverage of the backtest's intervals at one level: the share of actuals inside, 0 to 1. */
export interface LevelCoverage {
  level: number;
  coverage: number;
}

/**
 * Accuracy of forecasts against actuals, averaged over every backtest window and step.
 * A metric is `null` where it is undefined: MAPE when an actual is zero, MASE when the
 * in-sample seasonal naive errors are all zero, WAPE when every actual is zero.
 */
export interface Metrics {
  mae: number;
  rmse: number;
  mape: number | null;
  smape: number;
  mase: number | null;
  wape: number | null;
  coverage: LevelCoverage[];
  pinball: number;
}

/** One forecast origin of a backtest and its scores. */
export interface BacktestWindow {
  /** Number of observations the model was fitted on. */
  trainLength: number;
  scores: Metrics;
}

/** A rolling-origin backtest: scores per window and over all windows. */
export interface BacktestReport {
  windows: BacktestWindow[];
  scores: Metrics;
}

/** A candidate AUTO tried, with its backtest scores, or the reason it could not be fitted. */
export interface CandidateScore {
  /** The model as fitted in the last backtest window (orders and parameters may differ on the full series). */
  model: ModelDescription;
  scores: Metrics | null;
  error?: string;
}

/** The forecast of a task, with the settings actually used. */
export interface ForecastResult extends ForecastOutput {
  horizon: number;
  levels: number[];
  /**
   * Season length the model fitted with (1 = none): 1 for kinds that ignore seasons, SARIMA's
   * `s`, the spec's own `seasonLength`, or else the task's or the detected one.
   */
  seasonLength: number;
  /** Whether `seasonLength` came from the task (or its model spec) or from detection. */
  seasonLengthSource: 'task' | 'detected';
  /** Candidates AUTO tried, best first; absent for other models. */
  candidates?: CandidateScore[];
  /** Metric AUTO ranked the candidates by. */
  selectionMetric?: MetricName;
  backtest?: BacktestReport;
}
