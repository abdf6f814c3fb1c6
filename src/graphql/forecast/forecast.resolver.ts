import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { badInput } from '../../shared/errors';
import { GranularityEnum, toGranularity } from '../common/granularity';
import { parseId } from '../common/ids';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { ProductType, toProductType } from '../product/product.types';
import { BacktestInput, ForecastModelInput } from './forecast.input';
import { ForecastPointType, ForecastType, toForecastType } from './forecast.types';
import { runAndStoreForecast } from './forecastService';
import { toModelSpec } from './modelSpec';

/** Forecast lookups, runForecast and the Forecast type's relations. */
@Resolver(() => ForecastType)
export class ForecastResolver {
  @Query(() => ForecastType, { nullable: true, description: 'One stored forecast by id.' })
  async forecast(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<ForecastType | null> {
    const forecast = await context.loaders.forecastById.load(parseId('id', id));
    return forecast ? toForecastType(forecast) : null;
  }

  @Mutation(() => ForecastType, {
    description:
      "Fits a model on the product's units at the given granularity (periods without sales count as zero), stores the forecast with 80% and 95% intervals and returns it.",
  })
  async runForecast(
    @Ctx() context: Context,
    @Arg('productId', () => ID) productId: string,
    @Arg('granularity', () => GranularityEnum) granularity: GranularityEnum,
    @Arg('horizon', () => Int, { description: 'Periods to forecast, 1 to 366.' }) horizon: number,
    @Arg('model', () => ForecastModelInput) model: ForecastModelInput,
    @Arg('channel', () => String, {
      nullable: true,
      description: 'Fit one channel; every channel summed when absent.',
    })
    channel?: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First training day.' })
    from?: string | null,
    @Arg('to', () => DateScalar, {
      nullable: true,
      description: 'Last training day; the latest sales day when absent.',
    })
    to?: string | null,
    @Arg('backtest', () => BacktestInput, {
      nullable: true,
      description: 'Backtest the model; AUTO always backtests, with these settings if given.',
    })
    backtest?: BacktestInput | null,
  ): Promise<ForecastType> {
    const id = parseId('productId', productId);
    const product = await context.loaders.productById.load(id);
    if (!product) {
      throw badInput('productId', `No product has id "${productId}"; query products to find one.`);
    }
    const forecast = await runAndStoreForecast(context.dataSource, context.forecasts, {
      product,
      granularity: toGranularity(granularity),
      horizon,
      model: toModelSpec(model),
      requestedKind: model.kind,
      channel: channel ?? undefined,
      from: from ?? undefined,
      to: to ?? undefined,
      backtest: backtest ?? undefined,
    });
    context.logger.info(
      {
        requestId: context.requestId,
        productId: id,
        forecastId: forecast.id,
        model: forecast.modelKind,
        durationMs: forecast.durationMs,
      },
      'forecast stored',
    );
    return toForecastType(forecast);
  }

  @FieldResolver(() => ProductType)
  async product(@Root() forecast: ForecastType, @Ctx() context: Context): Promise<ProductType> {
    const product = await context.loaders.productById.load(forecast.productId);
    return toProductType(product!);
  }

  @FieldResolver(() => [ForecastPointType], { description: 'Forecast periods, in order.' })
  async points(
    @Root() forecast: ForecastType,
    @Ctx() context: Context,
  ): Promise<ForecastPointType[]> {
    return context.loaders.forecastPoints.load(Number(forecast.id));
  }
}
