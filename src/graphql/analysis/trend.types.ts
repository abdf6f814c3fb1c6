import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

import { GranularityEnum } from '../common/granularity';
import { DateScalar } from '../common/scalars';
import { IntervalType } from './interval.types';
import type { ProductTrend } from './trendService';

export enum TrendDirectionEnum {
  RISING = 'rising',
  FALLING = 'falling',
  FLAT = 'flat',
}

registerEnumType(TrendDirectionEnum, {
  name: 'TrendDirection',
  description: 'RISING or FALLING when the slope interval excludes 0, else FLAT.',
});

export enum AnomalyMethodEnum {
  IQR = 'iqr',
  MAD = 'mad',
}

registerEnumType(AnomalyMethodEnum, {
  name: 'AnomalyMethod',
  description:
    'IQR: remainder outside Tukey fences [Q1 - k IQR, Q3 + k IQR]. MAD: robust z-score above k.',
});

@ObjectType({ description: 'Least-squares slope of the seasonally adjusted units per period.' })
export class TrendSlope {
  @Field(() => Float, { description: 'Units per period.' })
  perPeriod!: number;

  @Field(() => Float)
  standardError!: number;

  @Field(() => IntervalType, { description: 't interval of the slope.' })
  interval!: IntervalType;

  @Field(() => Float, { description: 'Two-sided p-value of "no trend".' })
  pValue!: number;
}

@ObjectType({ description: 'Mann-Kendall test of a monotonic trend, ties corrected.' })
export class MannKendallTest {
  @Field(() => Float, { description: "Kendall's S: pairs rising minus pairs falling." })
  s!: number;

  @Field(() => Float, { description: "Kendall's tau-a, -1 to 1." })
  tau!: number;

  @Field(() => Float)
  z!: number;

  @Field(() => Float)
  pValue!: number;
}

@ObjectType({
  description:
    'Strength of trend F_T = max(0, 1 - Var(R)/Var(T+R)) and of season F_S = max(0, 1 - Var(R)/Var(S+R)), each 0 to 1 (Hyndman and Athanasopoulos, FPP3 section 4.3).',
})
export class ComponentStrength {
  @Field(() => Float)
  trend!: number;

  @Field(() => Float)
  seasonal!: number;
}

@ObjectType({ description: 'One position of the season with its mean seasonal value.' })
export class SeasonPosition {
  @Field(() => Int, { description: '0 for the position of the first period analysed.' })
  position!: number;

  @Field({ description: 'Calendar name, e.g. "December", "Monday" or "ISO week 48".' })
  label!: string;

  @Field(() => DateScalar, { description: 'First period analysed at this position.' })
  firstPeriod!: string;

  @Field(() => Float, { description: 'Mean seasonal component, in units.' })
  value!: number;
}

@ObjectType({ description: 'The average seasonal pattern with its peak and trough.' })
export class SeasonProfileType {
  @Field(() => [SeasonPosition])
  positions!: SeasonPosition[];

  @Field(() => SeasonPosition)
  peak!: SeasonPosition;

  @Field(() => SeasonPosition)
  trough!: SeasonPosition;

  @Field(() => Float, { description: 'Peak minus trough, in units.' })
  amplitude!: number;
}

@ObjectType('SalesAnomaly', { description: 'A period whose remainder is far outside its spread.' })
export class AnomalyType {
  @Field(() => DateScalar)
  period!: string;

  @Field(() => Float, { description: 'Units sold.' })
  observed!: number;

  @Field(() => Float, { description: 'Trend plus seasonal component: what was expected.' })
  expected!: number;

  @Field(() => Float, { description: 'observed - expected, in units.' })
  size!: number;

  @Field(() => Float, { description: 'Robust z-score of the remainder.' })
  score!: number;
}

@ObjectType({ description: 'One period of an additive decomposition y = T + S + R.' })
export class DecompositionPoint {
  @Field(() => DateScalar)
  period!: string;

  @Field(() => Float)
  observed!: number;

  @Field(() => Float)
  trend!: number;

  @Field(() => Float)
  seasonal!: number;

  @Field(() => Float)
  remainder!: number;
}

/** A trend analysis as clients see it; `chartUrl` is a field resolver. */
@ObjectType('TrendAnalysis', {
  description: "STL decomposition of a product's units with trend, season and anomalies.",
})
export class TrendAnalysisType {
  productId!: number;
  /** Arguments the analysis ran with, repeated in its chart URL. */
  request!: Record<string, string | number | boolean | undefined>;

  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field(() => Int)
  seasonLength!: number;

  @Field(() => DateScalar, { description: 'First period analysed.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last period analysed.' })
  to!: string;

  @Field(() => TrendDirectionEnum)
  direction!: TrendDirectionEnum;

  @Field(() => TrendSlope)
  slope!: TrendSlope;

  @Field(() => MannKendallTest)
  mannKendall!: MannKendallTest;

  @Field(() => ComponentStrength)
  strength!: ComponentStrength;

  @Field(() => SeasonProfileType)
  season!: SeasonProfileType;

  @Field(() => [AnomalyType])
  anomalies!: AnomalyType[];

  @Field(() => [DecompositionPoint], { description: 'Every period, oldest first.' })
  decomposition!: DecompositionPoint[];

  @Field({ description: 'One sentence with the numbers behind the direction and season.' })
  statement!: string;

  @Field(() => [String], { description: 'Settings overridden, fallbacks taken, data limits.' })
  warnings!: string[];
}

/** Maps a trend analysis to its GraphQL type. */
export function toTrendAnalysisType(
  productId: number,
  trend: ProductTrend,
  request: TrendAnalysisType['request'],
): TrendAnalysisType {
  const { analysis, series } = trend;
  const { trend: trendValues, seasonal, remainder } = analysis.decomposition;
  return {
    productId,
    request,
    granularity: series.granularity as GranularityEnum,
    seasonLength: trend.seasonLength,
    from: series.periods[0],
    to: series.periods[series.periods.length - 1],
    direction: analysis.slope.direction as TrendDirectionEnum,
    slope: {
      perPeriod: analysis.slope.perPeriod,
      standardError: analysis.slope.standardError,
      interval: analysis.slope.interval,
      pValue: analysis.slope.pValue,
    },
    mannKendall: analysis.mannKendall,
    strength: analysis.strength,
    season: {
      positions: trend.positions,
      peak: trend.peak,
      trough: trend.trough,
      amplitude: analysis.season.amplitude,
    },
    anomalies: analysis.anomalies.map((anomaly) => ({
      period: series.periods[anomaly.index],
      observed: anomaly.observed,
      expected: anomaly.expected,
      size: anomaly.size,
      score: anomaly.score,
    })),
    decomposition: series.periods.map((period, index) => ({
      period,
      observed: series.units[index],
      trend: trendValues[index],
      seasonal: seasonal[index],
      remainder: remainder[index],
    })),
    statement: trend.statement,
    warnings: trend.warnings,
  };
}
