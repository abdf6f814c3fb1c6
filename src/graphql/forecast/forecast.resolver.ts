import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { Job } from '../../db/entities';
import { MAX_HORIZON } from '../../forecasting';
import { badInput } from '../../shared/errors';
import { GranularityEnum, toGranularity } from '../common/granularity';
import { parseId } from '../common/ids';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { JobType, toJobType } from '../job/job.types';
import { ProductType, toProductType } from '../product/product.types';
import { BacktestInput, ForecastModelInput } from './forecast.input';
import { ForecastPointType, ForecastType, toForecastType } from './forecast.types';
import { FORECAST_CATALOGUE_JOB, MAX_CATALOGUE_PRODUCTS } from './forecastCatalogueJob';
import type { ForecastCatalogueInput } from './forecastCatalogueJob';
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

  @Authorized('ANALYST')
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

  @Authorized('ANALYST')
  @Mutation(() => JobType, {
    description:
      'Forecasts many products as a background job, in parallel across the forecast workers. Poll job(id) for progress; a product that fails is listed with its error and the others go on.',
  })
  async forecastCatalogue(
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum) granularity: GranularityEnum,
    @Arg('horizon', () => Int, { description: 'Periods to forecast, 1 to 366.' }) horizon: number,
    @Arg('model', () => ForecastModelInput) model: ForecastModelInput,
    @Arg('productIds', () => [ID], {
      nullable: true,
      description: 'Products to forecast; every product with sales when absent.',
    })
    productIds?: string[] | null,
    @Arg('category', () => String, {
      nullable: true,
      description: 'Only products of this category, when productIds is absent.',
    })
    category?: string | null,
  ): Promise<JobType> {
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
      throw badInput(
        'horizon',
        `horizon must be between 1 and ${MAX_HORIZON}; received ${horizon}.`,
      );
    }
    if (productIds && (productIds.length === 0 || productIds.length > MAX_CATALOGUE_PRODUCTS)) {
      throw badInput(
        'productIds',
        `productIds must list 1 to ${MAX_CATALOGUE_PRODUCTS} products; received ${productIds.length}.`,
      );
    }
    const input: ForecastCatalogueInput = {
      productIds: productIds?.map((id) => parseId('productIds', id)),
      category: category ?? undefined,
      granularity: toGranularity(granularity),
      horizon,
      model: toModelSpec(model),
      requestedKind: model.kind,
    };
    const jobId = await context.jobs.submit(FORECAST_CATALOGUE_JOB, input);
    context.logger.info({ requestId: context.requestId, jobId }, 'catalogue forecast queued');
    const job = await context.dataSource.getRepository(Job).findOneByOrFail({ id: jobId });
    return toJobType(job);
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
