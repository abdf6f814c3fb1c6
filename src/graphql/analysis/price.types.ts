import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { ElasticityEstimate } from '../../analytics';
import { GranularityEnum } from '../common/granularity';
import { Money } from '../common/money.types';
import { DateScalar } from '../common/scalars';
import { decimalToMoney } from './decimalMoney';
import { IntervalType } from './interval.types';
import type { ProductPriceRecommendation } from './pricingService';

@ObjectType({
  description: 'Units, revenue and realised unit price (revenue / units) of a period.',
})
export class PricePoint {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  period!: string;

  @Field(() => Int, { description: 'Net units sold; negative when cancellations exceed sales.' })
  units!: number;

  @Field(() => Money)
  revenue!: Money;

  @Field(() => Money, {
    nullable: true,
    description: 'revenue / units, rounded to 1/10,000; null without positive units and revenue.',
  })
  unitPrice!: Money | null;
}

@ObjectType({ description: 'A price history with the notes about its data.' })
export class PriceHistory {
  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field(() => [PricePoint], { description: 'Every period of the range, oldest first.' })
  points!: PricePoint[];

  @Field(() => [String])
  warnings!: string[];
}

export enum ElasticityStatusEnum {
  ESTIMATED = 'estimated',
  INSUFFICIENT_VARIATION = 'insufficient-variation',
  INSUFFICIENT_DATA = 'insufficient-data',
}

registerEnumType(ElasticityStatusEnum, {
  name: 'ElasticityStatus',
  description:
    'ESTIMATED; INSUFFICIENT_VARIATION when prices barely moved; INSUFFICIENT_DATA when too few periods remain for the model.',
});

@ObjectType({ description: 'Which controls the elasticity regression included.' })
export class ElasticityControls {
  @Field({ description: 'A linear trend in the period index.' })
  trend!: boolean;

  @Field({ description: 'Seasonal dummies, added when the history contains two full seasons.' })
  seasonalDummies!: boolean;
}

@ObjectType('PriceElasticity', {
  description:
    'Price elasticity of demand from ln(units) = a + beta ln(price) + trend + season, by OLS; beta is the elasticity.',
})
export class PriceElasticityType {
  @Field(() => ElasticityStatusEnum)
  status!: ElasticityStatusEnum;

  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field(() => Int, { description: 'Season length of the seasonal dummies considered.' })
  seasonLength!: number;

  @Field(() => Float, { nullable: true, description: '% change in units per 1% change in price.' })
  elasticity!: number | null;

  @Field(() => Float, { nullable: true })
  standardError!: number | null;

  @Field(() => IntervalType, { nullable: true, description: 't interval of the elasticity.' })
  interval!: IntervalType | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of "elasticity = 0".' })
  pValue!: number | null;

  @Field(() => Int, { nullable: true })
  dfResidual!: number | null;

  @Field(() => Float, { nullable: true })
  rSquared!: number | null;

  @Field(() => ElasticityControls, { nullable: true })
  controls!: ElasticityControls | null;

  @Field(() => Int, { description: 'Periods with units sold, which enter the regression.' })
  observations!: number;

  @Field(() => Int)
  distinctPrices!: number;

  @Field(() => Float, { description: 'Standard deviation of ln(realised price).' })
  logPriceSd!: number;

  @Field(() => Int, { description: 'Distinct prices needed to attempt an estimate.' })
  minDistinctPrices!: number;

  @Field(() => Float, { description: 'Standard deviation of ln(price) needed.' })
  minLogPriceSd!: number;

  @Field({ description: 'One sentence with the estimate, or why there is none.' })
  statement!: string;

  @Field(() => [String])
  warnings!: string[];
}

/** Maps an elasticity estimate to its GraphQL type. */
export function toElasticityType(
  estimate: ElasticityEstimate,
  granularity: GranularityEnum,
  seasonLength: number,
): PriceElasticityType {
  const common = {
    status: estimate.status as ElasticityStatusEnum,
    granularity,
    seasonLength,
    observations: estimate.observations,
    distinctPrices: estimate.distinctPrices,
    logPriceSd: estimate.logPriceSd,
    minDistinctPrices: estimate.minDistinctPrices,
    minLogPriceSd: estimate.minLogPriceSd,
    statement: estimate.statement,
    warnings: estimate.warnings,
  };
  if (estimate.status !== 'estimated') {
    return {
      ...common,
      elasticity: null,
      standardError: null,
      interval: null,
      pValue: null,
      dfResidual: null,
      rSquared: null,
      controls: null,
    };
  }
  return {
    ...common,
    elasticity: estimate.elasticity,
    standardError: estimate.standardError,
    interval: estimate.interval,
    pValue: estimate.pValue,
    dfResidual: estimate.dfResidual,
    rSquared: estimate.rSquared,
    controls: estimate.controls,
  };
}

export enum PriceObjectiveEnum {
  REVENUE = 'revenue',
  MARGIN = 'margin',
}

registerEnumType(PriceObjectiveEnum, {
  name: 'PriceObjective',
  description: 'REVENUE; MARGIN (price - unit cost) x units when a unit cost is given.',
});

@ObjectType({ description: 'Expected outcome of one horizon period at a price.' })
export class PriceStepType {
  @Field(() => DateScalar)
  period!: string;

  @Field(() => Money)
  price!: Money;

  @Field(() => Float, { description: 'Expected units.' })
  units!: number;

  @Field(() => Money)
  revenue!: Money;

  @Field(() => Money, { nullable: true, description: 'Present when a unit cost was given.' })
  margin!: Money | null;
}

@ObjectType({ description: 'Expected totals over the horizon.' })
export class PriceOutcomeType {
  @Field(() => Float)
  units!: number;

  @Field(() => Money)
  revenue!: Money;

  @Field(() => Money, { nullable: true })
  margin!: Money | null;
}

@ObjectType({
  description: 'Total units on the recommended path at both ends of the elasticity interval.',
})
export class UnitsRange {
  @Field(() => IntervalType)
  interval!: IntervalType;

  @Field(() => Float)
  atLower!: number;

  @Field(() => Float)
  atUpper!: number;
}

@ObjectType({ description: 'Expected units per period at the current price.' })
export class PriceBaselineType {
  @Field({ description: '"stored forecast" or "fitted forecast" (AUTO_ETS, not stored).' })
  source!: string;

  @Field(() => ID, { nullable: true })
  forecastId!: string | null;

  @Field()
  modelKind!: string;

  @Field(() => [Float])
  units!: number[];
}

@ObjectType('PriceRecommendation', {
  description:
    'The price that maximises expected revenue (or margin) under constant-elasticity demand within the bounds.',
})
export class PriceRecommendationType {
  @Field(() => PriceObjectiveEnum)
  objective!: PriceObjectiveEnum;

  @Field(() => Float, { description: 'The elasticity used.' })
  elasticity!: number;

  @Field(() => PriceElasticityType, {
    nullable: true,
    description: 'The estimate used; null when a known elasticity was given.',
  })
  estimate!: PriceElasticityType | null;

  @Field(() => Money, { description: 'The price the baseline assumes.' })
  currentPrice!: Money;

  @Field(() => Money, { description: 'The price to set for the first period.' })
  recommendedPrice!: Money;

  @Field(() => Money, { description: 'The best price within the bounds without a step limit.' })
  targetPrice!: Money;

  @Field(() => [PriceStepType], { description: 'The price path, one step per period.' })
  steps!: PriceStepType[];

  @Field(() => PriceOutcomeType, { description: 'Totals when the price stays where it is.' })
  current!: PriceOutcomeType;

  @Field(() => PriceOutcomeType, { description: 'Totals on the recommended path.' })
  recommended!: PriceOutcomeType;

  @Field(() => UnitsRange, { nullable: true })
  unitsRange!: UnitsRange | null;

  @Field(() => PriceBaselineType)
  baseline!: PriceBaselineType;

  @Field(() => [String])
  warnings!: string[];
}

/** Maps a recommendation to its GraphQL type; money in `currency`. */
export function toRecommendationType(
  result: ProductPriceRecommendation,
  currency: string,
  granularity: GranularityEnum,
  seasonLength: number,
): PriceRecommendationType {
  const { recommendation, baseline } = result;
  const money = (decimal: string) => decimalToMoney(decimal, currency)!;
  const outcome = (total: typeof recommendation.current): PriceOutcomeType => ({
    units: total.units,
    revenue: money(total.revenue),
    margin: total.margin === undefined ? null : money(total.margin),
  });
  return {
    objective: recommendation.objective as PriceObjectiveEnum,
    elasticity: recommendation.elasticity,
    estimate: result.estimate ? toElasticityType(result.estimate, granularity, seasonLength) : null,
    currentPrice: money(result.currentPrice),
    recommendedPrice: money(recommendation.recommendedPrice),
    targetPrice: money(recommendation.targetPrice),
    steps: recommendation.steps.map((step, index) => ({
      period: baseline.periods[index],
      price: money(step.price),
      units: step.units,
      revenue: money(step.revenue),
      margin: step.margin === undefined ? null : money(step.margin),
    })),
    current: outcome(recommendation.current),
    recommended: outcome(recommendation.recommended),
    unitsRange: recommendation.unitsRange ?? null,
    baseline: {
      source: baseline.source,
      forecastId: baseline.forecastId === null ? null : String(baseline.forecastId),
      modelKind: baseline.modelKind,
      units: baseline.units,
    },
    warnings: recommendation.warnings,
  };
}
