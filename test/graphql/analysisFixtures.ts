import type { DataSource } from 'typeorm';

import { Product, SalesObservation } from '../../src/db/entities';
import { addPeriods, formatIsoDate, parseIsoDate } from '../../src/shared/period';

/** First day of every synthetic series: a Monday. */
export const SERIES_START = '2022-01-03';

/** Day-of-week effect of the trend product, Monday first; it sums to 0. */
export const WEEKDAY_EFFECT = [12, -2, -2, -2, -2, -2, -2];

/** Day index of the trend product's spike and its extra units. */
export const SPIKE = { day: 30, units: 80 };

/** Returns a fixed whole-number wobble from -2 to 2 that stands in for noise: (37 t mod 5) - 2. */
export function wobble(t: number): number {
  return ((37 * t) % 5) - 2;
}

/** Units of the trend product on day t: 20 + t + weekday effect + wobble, plus the spike. */
export function trendUnits(t: number): number {
  return 20 + t + WEEKDAY_EFFECT[t % 7] + wobble(t) + (t === SPIKE.day ? SPIKE.units : 0);
}

/** Weekly prices of the priced product, in currency units, repeated every six weeks. */
export const WEEKLY_PRICES = [1, 2, 3, 4, 5, 6];

/** Units of the priced product on day t at price p: 3600 / p^2 times a small fixed wobble. */
export function pricedUnits(t: number, price: number): number {
  const wobble = 1 + 0.05 * (((t * 7) % 5) - 2);
  return Math.round((3600 / price ** 2) * wobble);
}

/** Inserts a product and its daily sales (channel `all`) from `unitsAndPrice` per day index. */
export async function seedProduct(
  dataSource: DataSource,
  sku: string,
  days: number,
  unitsAndPrice: (t: number) => { units: number; priceMinor: number },
  listPriceMinor = 25_000,
): Promise<Product> {
  const product = await dataSource.getRepository(Product).save(
    {
      sku,
      name: `Product ${sku}`,
      description: '',
      category: 'Analysis',
      listPriceMinor,
      currency: 'GBP',
      tags: [],
    },
    { transaction: false },
  );
  const start = parseIsoDate(SERIES_START)!;
  const rows: Partial<SalesObservation>[] = [];
  for (let t = 0; t < days; t++) {
    const { units, priceMinor } = unitsAndPrice(t);
    rows.push({
      productId: product.id,
      period: formatIsoDate(addPeriods(start, 'day', t)),
      channel: 'all',
      units,
      revenueMinor: units * priceMinor,
    });
  }
  for (let offset = 0; offset < rows.length; offset += 150) {
    await dataSource.getRepository(SalesObservation).insert(rows.slice(offset, offset + 150));
  }
  return product;
}

/** Seeds the trend product over 10 weeks at a constant 2.50. */
export function seedTrendProduct(dataSource: DataSource): Promise<Product> {
  return seedProduct(dataSource, 'TREND-1', 70, (t) => ({
    units: trendUnits(t),
    priceMinor: 25_000,
  }));
}

/** Seeds the priced product over 24 weeks, its price changing every Monday. */
export function seedPricedProduct(dataSource: DataSource): Promise<Product> {
  return seedProduct(dataSource, 'PRICE-1', 24 * 7, (t) => {
    const price = WEEKLY_PRICES[Math.floor(t / 7) % WEEKLY_PRICES.length];
    return { units: pricedUnits(t, price), priceMinor: price * 10_000 };
  });
}

/** Seeds a product sold at one price for 24 weeks. */
export function seedFlatPriceProduct(dataSource: DataSource): Promise<Product> {
  return seedProduct(dataSource, 'FLAT-1', 24 * 7, (t) => ({
    units: 20 + (t % 3),
    priceMinor: 30_000,
  }));
}
