import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { DataSource, EntityTarget } from 'typeorm';

import { Campaign, Experiment, GeneratedCopy, Review } from '../entities';
import { loadVariantTotals } from '../queries/experiments';
import type { VariantTotals } from '../queries/experiments';
import type { Page } from '../queries/page';
import { loadNewestFirstPages } from '../queries/pages';
import type { PageKey } from '../queries/pages';
import { loadReviewScores } from '../queries/reviews';
import type { ReviewScore } from '../queries/reviews';
import { latestSalesDate } from '../queries/sales';

/** A product's review scores, optionally within a date range. */
export interface ReviewScoresKey {
  productId: number;
  from?: string;
  to?: string;
}

/**
 * Per-request loaders of the marketing analysis: campaigns, experiments and their variants'
 * totals, copies, reviews and the last day with sales. Each batch runs a fixed number of
 * statements.
 */
export interface AnalysisLoaders {
  /** The last day with any sales, under the single key `'all'`; null for an empty table. */
  latestSalesDate: DataLoader<'all', string | null>;
  campaignById: DataLoader<number, Campaign | null>;
  experimentById: DataLoader<number, Experiment | null>;
  copyById: DataLoader<number, GeneratedCopy | null>;
  /** An experiment's variants in position order with their recorded totals, by experiment id. */
  variantTotals: DataLoader<number, VariantTotals[]>;
  reviewScores: DataLoader<ReviewScoresKey, ReviewScore[], string>;
  reviewPage: DataLoader<PageKey, Page<Review>, string>;
  experimentPage: DataLoader<PageKey, Page<Experiment>, string>;
}

/** Creates fresh analysis loaders for one request. */
export function createAnalysisLoaders(dataSource: DataSource): AnalysisLoaders {
  return {
    latestSalesDate: new DataLoader(async (keys) => {
      const latest = (await latestSalesDate(dataSource)) ?? null;
      return keys.map(() => latest);
    }),

    campaignById: byId(dataSource, Campaign),
    experimentById: byId(dataSource, Experiment),
    copyById: byId(dataSource, GeneratedCopy),

    variantTotals: new DataLoader(async (experimentIds) => {
      const totals = await loadVariantTotals(dataSource, experimentIds);
      return experimentIds.map((id) => totals.get(id) ?? []);
    }),

    reviewScores: new DataLoader(
      async (keys) => {
        // Keys that share a range are loaded by one statement; a request normally uses one range.
        const groups = new Map<string, ReviewScoresKey[]>();
        for (const key of keys) {
          const rangeKey = JSON.stringify([key.from, key.to]);
          groups.set(rangeKey, [...(groups.get(rangeKey) ?? []), key]);
        }
        const results = new Map<ReviewScoresKey, ReviewScore[]>();
        for (const group of groups.values()) {
          const scores = await loadReviewScores(
            dataSource,
            group.map((key) => key.productId),
            group[0],
          );
          group.forEach((key) => results.set(key, scores.get(key.productId) ?? []));
        }
        return keys.map((key) => results.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.productId, key.from, key.to]) },
    ),

    reviewPage: new DataLoader((keys) => loadNewestFirstPages(dataSource, Review, keys), {
      cacheKeyFn: pageCacheKey,
    }),

    experimentPage: new DataLoader((keys) => loadNewestFirstPages(dataSource, Experiment, keys), {
      cacheKeyFn: pageCacheKey,
    }),
  };
}

function byId<Row extends { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
): DataLoader<number, Row | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const rowsById = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => rowsById.get(id) ?? null);
  });
}

function pageCacheKey(key: PageKey): string {
  return JSON.stringify([key.productId, key.first, key.beforeId]);
}
