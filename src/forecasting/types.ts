/**
 * Vocabulary of the forecasting module, after statsforecast and Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice" (FPP3):
 * - series `y`: equally spaced observations, oldest first, no gaps (callers fill gaps first);
 * - horizon: number of periods forecast after the last observation;
 * - seasonLength: observations per seasonal cycle (12 for monthly data with a yearly cycle);
 * - levels: prediction interval coverage in percent, e.g. [80, 95];
 * - mean: point forecasts; lower/upper: interval bounds per level.
 *
 * The module is plain TypeScript: it knows nothing of GraphQL, TypeORM, HTTP or logging.
 */

/** Bounds of the prediction intervals at one coverage level, one value per horizon step. */
export interface IntervalBounds {
  /** Coverage in percent, e.g. 95. */
  level: number;
  lower: number[];
  upper: number[];
}

/**
 * Statistics a fitted model reports; absent where the model does not define them. A type alias,
 * not an interface, so that it is assignable to `Record<string, number | undefined>`.
 */
export type FitStatistics = {
  sigma2?: number;
  logLik?: number;
  aic?: number;
  aicc?: number;
  bic?: number;
};

/** A point forecast with its prediction intervals and what the fit reported. */
export interface ForecastOutput {
  /** Point forecasts, length = horizon. */
  mean: number[];
  /** One entry per requested level, in the order requested. */
  intervals: IntervalBounds[];
  /** The model actually fitted, with every parameter resolved (e.g. the order AutoARIMA chose). */
  model: ModelDescription;
  fit: FitStatistics;
  /** Settings the module overrode or fallbacks it took, as sentences a user can act on. */
  warnings: string[];
}

/** A fitted model's name and parameters, as stored beside the forecast. */
export interface ModelDescription {
  kind: string;
  params: Record<string, number | string | boolean | null>;
}
