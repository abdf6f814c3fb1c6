import { In } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { Review } from '../entities';

/** One review to store with its classified sentiment. */
export interface ReviewRow {
  productId: number;
  rating: number;
  text: string;
  language: string;
  reviewDate: string | null;
  sourceId: string | null;
  sentimentLabel: string;
  sentimentScore: number;
  sentimentProvider: string;
  sentimentModel: string;
}

/**
 * Inserts reviews inside the caller's transaction. A review whose `sourceId` is already stored
 * replaces the stored one. Returns how many were inserted and updated.
 */
export async function upsertReviews(
  manager: EntityManager,
  rows: readonly ReviewRow[],
): Promise<{ inserted: number; updated: number }> {
  const repository = manager.getRepository(Review);
  const sourceIds = rows.flatMap((row) => (row.sourceId === null ? [] : [row.sourceId]));
  const existing = new Map<string, number>();
  for (let offset = 0; offset < sourceIds.length; offset += 500) {
    const stored = await repository.find({
      select: { id: true, sourceId: true },
      where: { sourceId: In(sourceIds.slice(offset, offset + 500)) },
    });
    stored.forEach((row) => existing.set(row.sourceId!, row.id));
  }

  const inserts: ReviewRow[] = [];
  let updated = 0;
  for (const row of rows) {
    const id = row.sourceId === null ? undefined : existing.get(row.sourceId);
    if (id === undefined) {
      inserts.push(row);
    } else {
      await repository.update({ id }, row);
      updated += 1;
    }
  }
  // SQLite caps bound parameters per statement; 10 columns x 50 rows stays well under it.
  for (let offset = 0; offset < inserts.length; offset += 50) {
    await repository.insert(inserts.slice(offset, offset + 50));
  }
  return { inserted: inserts.length, updated };
}

/** Summary of a product's reviews for copy generation. */
export interface ReviewSummary {
  count: number;
  negative: number;
  /** negative / count, 0..1. */
  negativeShare: number;
  /** Mean star rating, 1..5. */
  meanRating: number;
}

/**
 * Summarises a product's stored reviews in one statement: the count, the number and share of
 * reviews classified negative, and the mean rating. Returns null when the product has no
 * reviews. Plain function for other modules (copy briefs), without GraphQL or loaders.
 */
export async function loadReviewSummary(
  dataSource: DataSource,
  productId: number,
): Promise<ReviewSummary | null> {
  const row = await dataSource
    .getRepository(Review)
    .createQueryBuilder('review')
    .select('COUNT(*)', 'count')
    .addSelect("SUM(CASE WHEN review.sentiment_label = 'negative' THEN 1 ELSE 0 END)", 'negative')
    .addSelect('AVG(review.rating)', 'meanRating')
    .where('review.product_id = :productId', { productId })
    .getRawOne<{
      count: string | number;
      negative: string | number | null;
      meanRating: string | number | null;
    }>();
  // PostgreSQL returns COUNT and SUM as bigint strings and AVG as a numeric string.
  const count = Number(row?.count ?? 0);
  if (count === 0) {
    return null;
  }
  const negative = Number(row?.negative ?? 0);
  return { count, negative, negativeShare: negative / count, meanRating: Number(row?.meanRating) };
}

/** A review's fields that aggregates need, without its text. */
export type ReviewScore = Pick<
  Review,
  'id' | 'productId' | 'rating' | 'reviewDate' | 'sentimentLabel' | 'sentimentScore'
>;

/**
 * Loads the scores of every review of several products in one statement, optionally only those
 * dated within [from, to] (undated reviews are then left out).
 */
export async function loadReviewScores(
  dataSource: DataSource,
  productIds: readonly number[],
  range: { from?: string; to?: string } = {},
): Promise<Map<number, ReviewScore[]>> {
  const query = dataSource
    .getRepository(Review)
    .createQueryBuilder('review')
    .select([
      'review.id',
      'review.productId',
      'review.rating',
      'review.reviewDate',
      'review.sentimentLabel',
      'review.sentimentScore',
    ])
    .where({ productId: In([...productIds]) });
  if (range.from !== undefined) {
    query.andWhere('review.review_date >= :from', { from: range.from });
  }
  if (range.to !== undefined) {
    query.andWhere('review.review_date <= :to', { to: range.to });
  }
  const rows = await query.orderBy('review.id', 'ASC').getMany();
  const byProduct = new Map<number, ReviewScore[]>(productIds.map((id) => [id, []]));
  rows.forEach((row) => byProduct.get(row.productId)?.push(row));
  return byProduct;
}
