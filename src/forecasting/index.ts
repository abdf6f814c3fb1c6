/**
 * Public surface of the forecasting module. Everything exported here is public on purpose;
 * other files are internal and may change.
 */
export { runForecast } from './runForecast';
export { ForecastPool } from './pool/ForecastPool';
export type { ForecastPoolOptions, ForecastPoolStats } from './pool/ForecastPool';
export { detectSeasonLength } from './seasonality';
export { DEFAULT_LEVELS, MAX_HORIZON, MAX_SEASON_LENGTH } from './task';
export type {
  ArimaSpec,
  AutoArimaSpec,
  AutoEtsSpec,
  AutoSpec,
  BacktestOptions,
  BacktestReport,
  BacktestWindow,
  BaselineSpec,
  CandidateScore,
  EnsembleSpec,
  EtsSpec,
  ForecastResult,
  ForecastTask,
  IntermittentSpec,
  LevelCoverage,
  MetricName,
  Metrics,
  ModelKind,
  ModelOptions,
  ModelSpec,
  OptimizedThetaSpec,
  SarimaSpec,
  SingleModelSpec,
  ThetaSpec,
} from './task';
export type { FitStatistics, ForecastOutput, IntervalBounds, ModelDescription } from './types';
export { INTERMITTENT_ADI } from './selectModel';
export { LAMBDA_RANGE } from './boxCox';
export { MAX_BACKTEST_WINDOWS, MAX_LEVELS, MAX_MEMBERS, MAX_OBSERVATIONS } from './validateTask';
