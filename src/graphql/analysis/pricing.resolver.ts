import { Arg, Ctx, Float, ID, Query, Resolver, registerEnumType } from 'type-graphql';

import { badInput } from '../../shared/errors';
import { NATURAL_SEASON_LENGTH } from '../../shared/period';
import { toGranularity } from '../common/granularity';
import { parseId } from '../common/ids';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { PriceConstraintsInput } from './price.input';
import { PriceRecommendationType, toRecommendationType } from './price.types';
import { recommendProductPrice } from './pricingService';
import { TimingComparisonType, TimingGroupingEnum, toTimingType } from './timing.types';
import { compareSalesTiming } from './timingService';

export enum SalesMetricEnum {
  UNITS = 'units',
  REVENUE = 'revenue',
}

registerEnumType(SalesMetricEnum, { name: 'SalesMetric', description: 'Units or revenue.' });

/** Price recommendations and sales timing advice. */
@Resolver()
export class PricingResolver {
  @Query(() => PriceRecommendationType, {
    description:
      'Recommends the price that maximises expected revenue (or margin, when unitCost is set) over the horizon, within the bounds and the maximum change per step. Fits a forecast when no stored one covers the horizon. BAD_USER_INPUT when no elasticity can be estimated.',
  })
  async recommendPrice(
    @Ctx() context: Context,
    @Arg('productId', () => ID) productId: string,
    @Arg('constraints', () => PriceConstraintsInput) constraints: PriceConstraintsInput,
  ): Promise<PriceRecommendationType> {
    const product = await context.loaders.productById.load(parseId('productId', productId));
    if (!product) {
      throw badInput('productId', `No product has id "${productId}"; query products to find one.`);
    }
    const granularity = toGranularity(constraints.granularity);
    const result = await recommendProductPrice(context, product, {
      granularity,
      minPrice: constraints.minPrice,
      maxPrice: constraints.maxPrice,
      maxChangePerStep: constraints.maxChangePerStep ?? undefined,
      unitCost: constraints.unitCost ?? undefined,
      priceIncrement: constraints.priceIncrement,
      currentPrice: constraints.currentPrice ?? undefined,
      horizon: constraints.horizon,
      elasticity: constraints.elasticity ?? undefined,
      seasonLength: constraints.seasonLength ?? undefined,
      level: constraints.level,
      from: constraints.from ?? undefined,
      to: constraints.to ?? undefined,
    });
    return toRecommendationType(
      result,
      product.currency,
      constraints.granularity,
      constraints.seasonLength ?? NATURAL_SEASON_LENGTH[granularity],
    );
  }

  @Query(() => TimingComparisonType, {
    description:
      'Which weekday or month sold best for a product or a category: mean units (or revenue) per calendar day with t intervals and a one-way ANOVA. Give exactly one of productId or category.',
  })
  async salesTiming(
    @Ctx() context: Context,
    @Arg('by', () => TimingGroupingEnum) by: TimingGroupingEnum,
    @Arg('productId', () => ID, { nullable: true }) productId?: string | null,
    @Arg('category', () => String, { nullable: true }) category?: string | null,
    @Arg('metric', () => SalesMetricEnum, { defaultValue: SalesMetricEnum.UNITS })
    metric?: SalesMetricEnum,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
    @Arg('level', () => Float, { defaultValue: 95 }) level?: number,
  ): Promise<TimingComparisonType> {
    if ((productId == null) === (category == null)) {
      throw badInput('productId', 'salesTiming takes exactly one of productId or category.');
    }
    const scope =
      productId != null ? { productId: parseId('productId', productId) } : { category: category! };
    const result = await compareSalesTiming(context, scope, {
      by,
      metric: metric ?? SalesMetricEnum.UNITS,
      from: from ?? undefined,
      to: to ?? undefined,
      level,
    });
    return toTimingType(result.comparison, result.metric);
  }
}
