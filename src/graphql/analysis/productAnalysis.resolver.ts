import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';

import type { Product } from '../../db/entities';
import { notFound } from '../../shared/errors';
import { GranularityEnum, toGranularity } from '../common/granularity';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { LanguageEnum } from '../copy/copy.enums';
import { ProductType } from '../product/product.types';
import { chartPath } from '../chart/chartUrls';
import { decimalToMoney } from './decimalMoney';
import { PriceElasticityType, PriceHistory, toElasticityType } from './price.types';
import { estimateProductElasticity, loadPriceHistory } from './pricingService';
import { AnomalyMethodEnum, TrendAnalysisType, toTrendAnalysisType } from './trend.types';
import { analyseProductTrend } from './trendService';

/** Loads the product behind a Product object, which the product resolvers always stored. */
export async function loadProductRow(context: Context, product: ProductType): Promise<Product> {
  const row = await context.loaders.productById.load(Number(product.id));
  if (!row) {
    throw notFound(`Product ${product.id} was not found.`);
  }
  return row;
}

/** Trend, seasonality and pricing fields of Product. */
@Resolver(() => ProductType)
export class ProductAnalysisResolver {
  @FieldResolver(() => TrendAnalysisType, {
    description:
      "STL decomposition of the product's units with trend direction and slope, strength of trend and season, peak and trough, and anomalies. Needs two full seasons of data.",
  })
  async trend(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum, { defaultValue: GranularityEnum.WEEK })
    granularity: GranularityEnum,
    @Arg('seasonLength', () => Int, {
      nullable: true,
      description: 'Periods per season; 7 for days, 52 for weeks, 12 for months when absent.',
    })
    seasonLength?: number | null,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
    @Arg('level', () => Float, { defaultValue: 95, description: 'Coverage of the slope interval.' })
    level?: number,
    @Arg('anomalyMethod', () => AnomalyMethodEnum, { defaultValue: AnomalyMethodEnum.IQR })
    anomalyMethod?: AnomalyMethodEnum,
    @Arg('anomalyThreshold', () => Float, {
      defaultValue: 3,
      description: 'k of the anomaly rule: IQR multiples or robust z-score.',
    })
    anomalyThreshold?: number,
  ): Promise<TrendAnalysisType> {
    const row = await loadProductRow(context, product);
    const request = {
      granularity: toGranularity(granularity),
      seasonLength: seasonLength ?? undefined,
      from: from ?? undefined,
      to: to ?? undefined,
      level,
      anomalyMethod,
      anomalyThreshold,
    };
    const trend = await analyseProductTrend(context, row, request);
    return toTrendAnalysisType(row.id, trend, request);
  }

  @FieldResolver(() => PriceHistory, {
    description: 'Units, revenue and realised unit price (revenue / units) per period.',
  })
  async priceHistory(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum, { defaultValue: GranularityEnum.WEEK })
    granularity: GranularityEnum,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
  ): Promise<PriceHistory> {
    const row = await loadProductRow(context, product);
    const history = await loadPriceHistory(context, row, toGranularity(granularity), {
      from: from ?? undefined,
      to: to ?? undefined,
    });
    return {
      granularity,
      points: history.periods.map((period) => ({
        period: period.period,
        units: period.units,
        revenue: decimalToMoney(period.revenue, row.currency)!,
        unitPrice: decimalToMoney(period.unitPrice, row.currency),
      })),
      warnings: history.warnings,
    };
  }

  @FieldResolver(() => PriceElasticityType, {
    description:
      'Price elasticity of demand by log-log regression with trend and season controls, or the reason it cannot be estimated (status and statement).',
  })
  async elasticity(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum, { defaultValue: GranularityEnum.WEEK })
    granularity: GranularityEnum,
    @Arg('seasonLength', () => Int, { nullable: true }) seasonLength?: number | null,
    @Arg('level', () => Float, { defaultValue: 95 }) level?: number,
    @Arg('minDistinctPrices', () => Int, { defaultValue: 4 }) minDistinctPrices?: number,
    @Arg('minLogPriceSd', () => Float, {
      defaultValue: 0.02,
      description: 'Standard deviation of ln(price) needed, about 2% price variation.',
    })
    minLogPriceSd?: number,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
  ): Promise<PriceElasticityType> {
    const row = await loadProductRow(context, product);
    const result = await estimateProductElasticity(context, row, {
      granularity: toGranularity(granularity),
      seasonLength: seasonLength ?? undefined,
      level,
      minDistinctPrices,
      minLogPriceSd,
      from: from ?? undefined,
      to: to ?? undefined,
    });
    return toElasticityType(result.estimate, granularity, result.seasonLength);
  }
}

/** The chart link of a trend analysis. */
@Resolver(() => TrendAnalysisType)
export class TrendAnalysisResolver {
  @FieldResolver(() => String, {
    description:
      'Path of an SVG chart of the decomposition, relative to the API origin; fetch it with the same Authorization header.',
  })
  chartUrl(
    @Root() analysis: TrendAnalysisType,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
  ): string {
    return chartPath(['products', analysis.productId, 'decomposition.svg'], {
      ...analysis.request,
      language,
    });
  }
}
