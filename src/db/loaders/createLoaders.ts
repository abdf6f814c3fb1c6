import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';

import {
  BrandProfileVersion,
  CopyStatusChange,
  Forecast,
  ForecastPoint,
  GeneratedCopy,
  Product,
} from '../entities';
import type { Page } from '../queries/page';
import { loadNewestFirstPages, loadNewestPerProduct } from '../queries/pages';
import type { PageKey } from '../queries/pages';
import { loadSalesTotals } from '../queries/sales';
import type { SalesFilter, SalesTotal } from '../queries/sales';
import { createAnalysisLoaders } from './createAnalysisLoaders';
import type { AnalysisLoaders } from './createAnalysisLoaders';

/** A product's sales totals under one filter. */
export interface SalesKey extends SalesFilter {
  productId: number;
}

/**
 * The per-request DataLoaders. Each batch function receives every key requested in one tick of
 * the event loop and resolves them with a fixed number of SQL statements, so a query for N
 * products costs the same number of statements as a query for one.
 */
export interface Loaders {
  productById: DataLoader<number, Product | null>;
  productBySku: DataLoader<string, Product | null>;
  salesTotals: DataLoader<SalesKey, SalesTotal[], string>;
  latestForecast: DataLoader<number, Forecast | null>;
  forecastById: DataLoader<number, Forecast | null>;
  forecastPoints: DataLoader<number, ForecastPoint[]>;
  forecastPage: DataLoader<PageKey, Page<Forecast>, string>;
  copyPage: DataLoader<PageKey, Page<GeneratedCopy>, string>;
  /** Brand profile versions by id. */
  brandProfileVersionById: DataLoader<number, BrandProfileVersion | null>;
  /** Every version of a brand profile, oldest first, by profile id. */
  brandProfileVersions: DataLoader<number, BrandProfileVersion[]>;
  /** A copy's review decisions, oldest first, by copy id. */
  copyStatusChanges: DataLoader<number, CopyStatusChange[]>;
  /** Campaigns, experiments, reviews and the sales calendar, for the marketing analysis. */
  analysis: AnalysisLoaders;
}

/** Creates fresh loaders; call once per request so that no cached row outlives it. */
export function createLoaders(dataSource: DataSource): Loaders {
  return {
    productById: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Product).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    productBySku: new DataLoader(async (skus) => {
      const rows = await dataSource.getRepository(Product).findBy({ sku: In([...skus]) });
      const bySku = new Map(rows.map((row) => [row.sku, row]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    }),

    salesTotals: new DataLoader(
      async (keys) => {
        // Keys that share a filter are loaded by one statement, and a request normally uses one filter.
        const groups = new Map<string, SalesKey[]>();
        for (const key of keys) {
          const filterKey = JSON.stringify([key.granularity, key.from, key.to, key.channel]);
          groups.set(filterKey, [...(groups.get(filterKey) ?? []), key]);
        }
        const results = new Map<SalesKey, SalesTotal[]>();
        for (const group of groups.values()) {
          const totals = await loadSalesTotals(
            dataSource,
            group.map((key) => key.productId),
            group[0],
          );
          for (const key of group) {
            results.set(key, totals.get(key.productId) ?? []);
          }
        }
        return keys.map((key) => results.get(key)!);
      },
      { cacheKeyFn: salesCacheKey },
    ),

    latestForecast: new DataLoader(async (productIds) => {
      const newest = await loadNewestPerProduct(dataSource, Forecast, productIds);
      return productIds.map((id) => newest.get(id) ?? null);
    }),

    forecastById: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Forecast).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    forecastPoints: new DataLoader(async (forecastIds) => {
      const rows = await dataSource.getRepository(ForecastPoint).find({
        where: { forecastId: In([...forecastIds]) },
        order: { forecastId: 'ASC', step: 'ASC' },
      });
      const byForecast = new Map<number, ForecastPoint[]>();
      for (const row of rows) {
        byForecast.set(row.forecastId, [...(byForecast.get(row.forecastId) ?? []), row]);
      }
      return forecastIds.map((id) => byForecast.get(id) ?? []);
    }),

    forecastPage: new DataLoader((keys) => loadNewestFirstPages(dataSource, Forecast, keys), {
      cacheKeyFn: pageCacheKey,
    }),

    copyPage: new DataLoader((keys) => loadNewestFirstPages(dataSource, GeneratedCopy, keys), {
      cacheKeyFn: pageCacheKey,
    }),

    brandProfileVersionById: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(BrandProfileVersion).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    brandProfileVersions: new DataLoader(async (profileIds) => {
      const rows = await dataSource.getRepository(BrandProfileVersion).find({
        where: { brandProfileId: In([...profileIds]) },
        order: { brandProfileId: 'ASC', version: 'ASC' },
      });
      return profileIds.map((id) => rows.filter((row) => row.brandProfileId === id));
    }),

    copyStatusChanges: new DataLoader(async (copyIds) => {
      const rows = await dataSource.getRepository(CopyStatusChange).find({
        where: { copyId: In([...copyIds]) },
        order: { copyId: 'ASC', id: 'ASC' },
      });
      return copyIds.map((id) => rows.filter((row) => row.copyId === id));
    }),

    analysis: createAnalysisLoaders(dataSource),
  };
}

function salesCacheKey(key: SalesKey): string {
  return JSON.stringify([key.productId, key.granularity, key.from, key.to, key.channel]);
}

function pageCacheKey(key: PageKey): string {
  return JSON.stringify([key.productId, key.first, key.beforeId]);
}
