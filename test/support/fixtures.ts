import type { DataSource } from 'typeorm';

import {
  Forecast,
  ForecastPoint,
  GeneratedCopy,
  Product,
  SalesObservation,
} from '../../src/db/entities';
import { addPeriods, formatIsoDate, parseIsoDate } from '../../src/shared/period';

/** Options of the synthetic catalogue. */
export interface CatalogueOptions {
  products: number;
  /** Days of sales per product, starting 2022-01-03 (a Monday). */
  days?: number;
  /** Also store one forecast with 3 points and 2 copies per product. */
  withForecastsAndCopies?: boolean;
}

/**
 * Inserts `products` products (SKU `SKU-001`…, category `Cat A` for odd, `Cat B` for even
 * numbers, price 2.5000 GBP) with deterministic daily sales: product i sells
 * `i + (day % 7)` units a day at its list price.
 */
export async function seedCatalogue(
  dataSource: DataSource,
  options: CatalogueOptions,
): Promise<Product[]> {
  const days = options.days ?? 0;
  const start = parseIsoDate('2022-01-03')!;
  const products: Product[] = [];
  for (let i = 1; i <= options.products; i++) {
    products.push(
      await dataSource.getRepository(Product).save(
        {
          sku: `SKU-${String(i).padStart(3, '0')}`,
          name: `Product ${i}`,
          description: `Test product number ${i}`,
          category: i % 2 === 1 ? 'Cat A' : 'Cat B',
          listPriceMinor: 25_000,
          currency: 'GBP',
          tags: ['test'],
        },
        { transaction: false },
      ),
    );
  }

  const sales: Partial<SalesObservation>[] = [];
  for (const product of products) {
    for (let day = 0; day < days; day++) {
      const units = product.id + (day % 7);
      sales.push({
        productId: product.id,
        period: formatIsoDate(addPeriods(start, 'day', day)),
        channel: 'all',
        units,
        revenueMinor: units * 25_000,
      });
    }
  }
  for (let offset = 0; offset < sales.length; offset += 150) {
    await dataSource.getRepository(SalesObservation).insert(sales.slice(offset, offset + 150));
  }

  if (options.withForecastsAndCopies) {
    for (const product of products) {
      await storeForecastAndCopies(dataSource, product);
    }
  }
  return products;
}

async function storeForecastAndCopies(dataSource: DataSource, product: Product): Promise<void> {
  const forecast = await dataSource.getRepository(Forecast).save(
    {
      productId: product.id,
      requestedKind: 'ARIMA',
      modelKind: 'ARIMA',
      modelParams: { p: 1, d: 1, q: 0 },
      granularity: 'month',
      horizon: 3,
      seasonLength: 1,
      trainFrom: '2022-01-01',
      trainTo: '2022-12-01',
      trainPoints: 12,
      channel: '*',
      fitStatistics: { sigma2: 4 },
      warnings: [],
      candidates: null,
      backtest: null,
      durationMs: 5,
    },
    { transaction: false },
  );
  await dataSource.getRepository(ForecastPoint).insert(
    [1, 2, 3].map((step) => ({
      forecastId: forecast.id,
      step,
      period: `2023-0${step}-01`,
      value: 100 + step,
      lower80: 90,
      upper80: 110 + step,
      lower95: 80,
      upper95: 120 + step,
    })),
  );
  await dataSource.getRepository(GeneratedCopy).insert(
    [0, 1].map((variant) => ({
      productId: product.id,
      channel: 'EMAIL',
      tone: 'FRIENDLY',
      language: 'en',
      text: `Copy ${variant} for ${product.name}`,
      variant,
      maxLength: 280,
      truncated: false,
      provider: 'builtin',
      model: 'builtin-template-v1',
      prompt: '[]',
      latencyMs: 1,
      promptTokens: null,
      completionTokens: null,
    })),
  );
}
