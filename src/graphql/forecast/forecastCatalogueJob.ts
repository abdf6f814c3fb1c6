import { Product } from '../../db/entities';
import type { ModelSpec } from '../../forecasting';
import { badInput, notFound } from '../../shared/errors';
import type { JobHandler } from '../../shared/jobQueue';
import type { Granularity } from '../../shared/period';
import type { Services } from '../context';
import { runAndStoreForecast } from './forecastService';

/** Maximum number of products one catalogue forecast job accepts. */
export const MAX_CATALOGUE_PRODUCTS = 5000;

/** The input a catalogue forecast job stores, as plain JSON. */
export interface ForecastCatalogueInput {
  /** Product ids to forecast; every product with sales when absent. */
  productIds?: number[];
  category?: string;
  granularity: Granularity;
  horizon: number;
  model: ModelSpec;
  requestedKind: string;
}

export const FORECAST_CATALOGUE_JOB = 'forecastCatalogue';

/**
 * Forecasts many products as one job. Each product is one item: a product that fails (too few
 * observations, no sales, a failed fit) is recorded with its error and the others go on.
 */
export function forecastCatalogueHandler(services: Services): JobHandler<ForecastCatalogueInput> {
  return {
    kind: FORECAST_CATALOGUE_JOB,

    async plan(input) {
      if (input.productIds) {
        return input.productIds.map(String);
      }
      const query = services.dataSource
        .getRepository(Product)
        .createQueryBuilder('product')
        .select('product.id', 'id')
        .where('EXISTS (SELECT 1 FROM sales_observation sale WHERE sale.product_id = product.id)')
        .orderBy('product.id', 'ASC');
      if (input.category !== undefined) {
        query.andWhere('product.category = :category', { category: input.category });
      }
      const rows = await query.getRawMany<{ id: number }>();
      if (rows.length > MAX_CATALOGUE_PRODUCTS) {
        throw badInput(
          'category',
          `The catalogue forecast covers at most ${MAX_CATALOGUE_PRODUCTS} products; ${rows.length} match. Narrow it with category or productIds.`,
        );
      }
      return rows.map((row) => String(row.id));
    },

    async runItem(input, key) {
      const product = await services.dataSource
        .getRepository(Product)
        .findOneBy({ id: Number(key) });
      if (!product) {
        throw notFound(`Product ${key} was not found.`);
      }
      const forecast = await runAndStoreForecast(services.dataSource, services.forecasts, {
        product,
        granularity: input.granularity,
        horizon: input.horizon,
        model: input.model,
        requestedKind: input.requestedKind,
      });
      return String(forecast.id);
    },
  };
}
