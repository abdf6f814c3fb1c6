import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { checkPageSize, decodeCursor, toConnection } from '../common/connection';
import { GranularityEnum, toGranularity } from '../common/granularity';
import { toMoney } from '../common/money.types';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { GeneratedCopyConnection, toCopyType } from '../copy/copy.types';
import { ForecastConnection, ForecastType, toForecastType } from '../forecast/forecast.types';
import { SalesPoint } from '../sales/sales.types';
import { badInput } from '../../shared/errors';
import { ProductType } from './product.types';

/** Product relations, each loaded through a per-request DataLoader. */
@Resolver(() => ProductType)
export class ProductFieldsResolver {
  @FieldResolver(() => [SalesPoint], {
    description:
      'Sales aggregated to the granularity, oldest first. Periods without sales are absent.',
  })
  async sales(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum, { defaultValue: GranularityEnum.MONTH })
    granularity: GranularityEnum,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First day included.' })
    from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day included.' })
    to?: string | null,
    @Arg('channel', () => String, {
      nullable: true,
      description: 'One channel; every channel summed when absent.',
    })
    channel?: string | null,
  ): Promise<SalesPoint[]> {
    if (from != null && to != null && from > to) {
      throw badInput('from', `from (${from}) must not be after to (${to}).`);
    }
    const totals = await context.loaders.salesTotals.load({
      productId: Number(product.id),
      granularity: toGranularity(granularity),
      from: from ?? undefined,
      to: to ?? undefined,
      channel: channel ?? undefined,
    });
    const currency = product.listPrice.currency;
    return totals.map((total) => ({
      period: total.period,
      units: total.units,
      revenue: toMoney(total.revenueMinor, currency),
    }));
  }

  @FieldResolver(() => ForecastConnection, { description: 'Stored forecasts, newest first.' })
  async forecasts(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ForecastConnection> {
    const page = await context.loaders.forecastPage.load({
      productId: Number(product.id),
      first: checkPageSize(first),
      beforeId: after != null ? decodeCursor('forecast', after) : undefined,
    });
    return toConnection('forecast', page, toForecastType);
  }

  @FieldResolver(() => ForecastType, { nullable: true, description: 'The newest forecast.' })
  async latestForecast(
    @Root() product: ProductType,
    @Ctx() context: Context,
  ): Promise<ForecastType | null> {
    const forecast = await context.loaders.latestForecast.load(Number(product.id));
    return forecast ? toForecastType(forecast) : null;
  }

  @FieldResolver(() => GeneratedCopyConnection, { description: 'Generated copy, newest first.' })
  async copies(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<GeneratedCopyConnection> {
    const page = await context.loaders.copyPage.load({
      productId: Number(product.id),
      first: checkPageSize(first),
      beforeId: after != null ? decodeCursor('copy', after) : undefined,
    });
    return toConnection('copy', page, toCopyType);
  }
}
