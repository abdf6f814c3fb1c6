import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { Forecast } from '../../db/entities';
import { GranularityEnum } from '../common/granularity';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { PageInfo } from '../common/connection';

/** One named model parameter; numeric ones fill `value`, the others `text`. */
@ObjectType({ description: 'A fitted model parameter, e.g. alpha = 0.31 or error = "A".' })
export class ModelParameter {
  @Field()
  name!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true })
  text!: string | null;
}

@ObjectType({ description: 'Non-seasonal ARIMA order (p, d, q).' })
export class ArimaOrder {
  @Field(() => Int)
  p!: number;

  @Field(() => Int)
  d!: number;

  @Field(() => Int)
  q!: number;
}

@ObjectType({ description: 'Seasonal ARIMA order (P, D, Q) and period s.' })
export class SeasonalOrder {
  @Field(() => Int)
  P!: number;

  @Field(() => Int)
  D!: number;

  @Field(() => Int)
  Q!: number;

  @Field(() => Int)
  s!: number;
}

@ObjectType({ description: 'What the fitted model reports about its fit; null where undefined.' })
export class FitStatistics {
  @Field(() => Float, { nullable: true, description: 'Innovation variance.' })
  sigma2!: number | null;

  @Field(() => Float, { nullable: true })
  logLik!: number | null;

  @Field(() => Float, { nullable: true })
  aic!: number | null;

  @Field(() => Float, { nullable: true })
  aicc!: number | null;

  @Field(() => Float, { nullable: true })
  bic!: number | null;
}

@ObjectType({ description: 'The periods a forecast was fitted on.' })
export class TrainingRange {
  @Field(() => DateScalar, { description: 'First day of the first training period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'First day of the last training period.' })
  to!: string;

  @Field(() => Int, { description: 'Number of periods, zero-sales periods included.' })
  points!: number;
}

@ObjectType({ description: 'One forecast period with its 80% and 95% prediction intervals.' })
export class ForecastPointType {
  @Field(() => Int, { description: '1 for the first period after the training range.' })
  step!: number;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  period!: string;

  @Field(() => Float, { description: 'Point forecast of units.' })
  value!: number;

  @Field(() => Float)
  lower80!: number;

  @Field(() => Float)
  upper80!: number;

  @Field(() => Float)
  lower95!: number;

  @Field(() => Float)
  upper95!: number;
}

@ObjectType({ description: 'Share of actuals inside the intervals at one level, 0 to 1.' })
export class LevelCoverage {
  @Field(() => Int)
  level!: number;

  @Field(() => Float)
  coverage!: number;
}

@ObjectType({
  description: 'Forecast accuracy against held-out actuals; null where a metric is undefined.',
})
export class AccuracyMetrics {
  @Field(() => Float)
  mae!: number;

  @Field(() => Float)
  rmse!: number;

  @Field(() => Float, { nullable: true, description: 'Percent; null when an actual is zero.' })
  mape!: number | null;

  @Field(() => Float, { description: 'Symmetric MAPE, percent (0 to 200).' })
  smape!: number;

  @Field(() => Float, { nullable: true, description: 'Scaled by in-sample seasonal naive errors.' })
  mase!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent of total actual volume.' })
  wape!: number | null;

  @Field(() => [LevelCoverage])
  coverage!: LevelCoverage[];

  @Field(() => Float, { description: 'Mean pinball loss at the interval quantiles.' })
  pinball!: number;
}

@ObjectType({ description: 'One forecast origin of a rolling backtest.' })
export class BacktestWindowType {
  @Field(() => Int, { description: 'Periods the model was fitted on.' })
  trainLength!: number;

  @Field(() => AccuracyMetrics)
  scores!: AccuracyMetrics;
}

@ObjectType({ description: 'A rolling-origin backtest: each window and the average.' })
export class Backtest {
  @Field(() => [BacktestWindowType])
  windows!: BacktestWindowType[];

  @Field(() => AccuracyMetrics)
  scores!: AccuracyMetrics;
}

@ObjectType({ description: 'A model automatic selection tried, with its backtest scores.' })
export class ModelCandidate {
  @Field()
  modelKind!: string;

  @Field(() => [ModelParameter])
  parameters!: ModelParameter[];

  @Field(() => AccuracyMetrics, { nullable: true })
  scores!: AccuracyMetrics | null;

  @Field(() => String, { nullable: true, description: 'Why the candidate could not be fitted.' })
  error!: string | null;
}

/** A stored forecast; `product` and `points` are field resolvers. */
@ObjectType('Forecast', { description: "A stored forecast of a product's units." })
export class ForecastType {
  @Field(() => ID)
  id!: string;

  productId!: number;

  @Field({ description: 'The model kind requested, e.g. AUTO.' })
  requestedModel!: string;

  @Field({ description: 'The model kind fitted, e.g. SARIMA or ETS.' })
  modelKind!: string;

  @Field(() => [ModelParameter], { description: 'Every resolved parameter of the fitted model.' })
  parameters!: ModelParameter[];

  @Field(() => ArimaOrder, { nullable: true })
  arimaOrder!: ArimaOrder | null;

  @Field(() => SeasonalOrder, { nullable: true })
  seasonalOrder!: SeasonalOrder | null;

  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field(() => Int)
  horizon!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Observations per season the model fitted with; 1 = none. A model that drops a season the data cannot support says so in warnings.',
  })
  seasonLength!: number | null;

  @Field({ description: 'The sales channel fitted, or "*" for every channel summed.' })
  channel!: string;

  @Field(() => TrainingRange)
  trainingRange!: TrainingRange;

  @Field(() => FitStatistics)
  fitStatistics!: FitStatistics;

  @Field(() => [String], { description: 'Settings overridden and fallbacks taken.' })
  warnings!: string[];

  @Field(() => Backtest, { nullable: true })
  backtest!: Backtest | null;

  @Field(() => [ModelCandidate], {
    nullable: true,
    description: 'Candidates tried by AUTO, best first; null for other models.',
  })
  candidates!: ModelCandidate[] | null;

  @Field(() => String, { nullable: true, description: 'Metric AUTO ranked candidates by.' })
  selectionMetric!: string | null;

  @Field(() => Int, { description: 'Time spent fitting, in milliseconds.' })
  durationMs!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType()
export class ForecastEdge {
  @Field()
  cursor!: string;

  @Field(() => ForecastType)
  node!: ForecastType;
}

@ObjectType({ description: 'A page of forecasts, newest first.' })
export class ForecastConnection {
  @Field(() => [ForecastEdge])
  edges!: ForecastEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

/** Converts a parameter record to name/value pairs, sorted by name. */
export function toParameters(params: Record<string, unknown>): ModelParameter[] {
  return Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) =>
      typeof value === 'number'
        ? { name, value, text: null }
        : { name, value: null, text: String(value) },
    );
}

/** Maps a forecast row to its GraphQL type. */
export function toForecastType(forecast: Forecast): ForecastType {
  const params = forecast.modelParams;
  const stored = (forecast.backtest ?? null) as {
    selectionMetric?: string;
    report?: Backtest;
  } | null;
  const numberParam = (name: string) =>
    typeof params[name] === 'number' ? (params[name] as number) : null;
  const [p, d, q] = ['p', 'd', 'q'].map(numberParam);
  const [P, D, Q, s] = ['P', 'D', 'Q', 's'].map(numberParam);
  return {
    id: String(forecast.id),
    productId: forecast.productId,
    requestedModel: forecast.requestedKind,
    modelKind: forecast.modelKind,
    parameters: toParameters(params),
    arimaOrder: p !== null && d !== null && q !== null ? { p, d, q } : null,
    seasonalOrder: P !== null && D !== null && Q !== null && s !== null ? { P, D, Q, s } : null,
    granularity: forecast.granularity as GranularityEnum,
    horizon: forecast.horizon,
    seasonLength: forecast.seasonLength,
    channel: forecast.channel,
    trainingRange: { from: forecast.trainFrom, to: forecast.trainTo, points: forecast.trainPoints },
    fitStatistics: {
      sigma2: forecast.fitStatistics.sigma2 ?? null,
      logLik: forecast.fitStatistics.logLik ?? null,
      aic: forecast.fitStatistics.aic ?? null,
      aicc: forecast.fitStatistics.aicc ?? null,
      bic: forecast.fitStatistics.bic ?? null,
    },
    warnings: forecast.warnings,
    backtest: stored?.report ?? null,
    candidates: (forecast.candidates as ModelCandidate[] | null) ?? null,
    selectionMetric: stored?.selectionMetric ?? null,
    durationMs: forecast.durationMs,
    createdAt: forecast.createdAt,
  };
}
