import { In } from 'typeorm';
import type { DataSource } from 'typeorm';

import { Product } from '../../db/entities';
import { upsertReviews } from '../../db/queries/reviews';
import type { ReviewRow } from '../../db/queries/reviews';
import { parseClothingReviewsCsv, parseReviewsCsv } from '../../ingest';
import type { ReviewRecord } from '../../ingest';
import { BUILTIN_SENTIMENT_MODEL, BUILTIN_SENTIMENT_NAME } from '../../sentiment';
import type { SentimentClassifier, SentimentOutput } from '../../sentiment';
import { badInput } from '../../shared/errors';

/** Column layouts a review import reads. */
export type ReviewFileFormat = 'reviews' | 'clothing-reviews';

/** Settings of a review import. */
export interface ReviewImportOptions {
  format: ReviewFileFormat;
  /**
   * Create a product for every sku the catalogue lacks (name = sku, list price 0 in `currency`,
   * category "Clothing" for the clothing sample); otherwise such skus fail the import.
   */
  createMissingProducts: boolean;
  currency: string;
  dryRun: boolean;
  file?: string;
}

/** Counts of a review import: reviews read, classified and written, and the classifier. */
export interface ReviewImportResult {
  reviews: number;
  inserted: number;
  updated: number;
  productsCreated: number;
  labels: { positive: number; neutral: number; negative: number };
  classifier: { name: string; model: string };
}

const CURRENCY = /^[A-Z]{3}$/;

/** Skus named when the catalogue lacks some, at most this many. */
const SKUS_IN_MESSAGE = 10;

/**
 * Parses a whole reviews file, classifies every review's sentiment and, unless `dryRun`, writes
 * the reviews (and products created for unknown skus) in one transaction. A review with a
 * source id already stored replaces it. All or nothing: a malformed line throws `ImportError`
 * (`IMPORT_FAILED`) with every bad line's number, an unknown sku throws BAD_USER_INPUT naming
 * the skus, and a failing classifier throws its `ProviderError`, each before anything is written.
 * Texts that are empty or only blanks are neutral with score 0 without asking the classifier.
 */
export async function importReviews(
  dataSource: DataSource,
  classifier: SentimentClassifier,
  text: string,
  options: ReviewImportOptions,
): Promise<ReviewImportResult> {
  if (!CURRENCY.test(options.currency)) {
    throw badInput(
      'currency',
      `currency must be an ISO 4217 code of three capital letters, e.g. "GBP"; received "${options.currency}".`,
    );
  }
  const records =
    options.format === 'clothing-reviews'
      ? parseClothingReviewsCsv(text, options.file)
      : parseReviewsCsv(text, options.file);
  const known = await findProductIds(dataSource, records);
  const missing = [...new Set(records.map((record) => record.sku))].filter(
    (sku) => !known.has(sku),
  );
  if (missing.length > 0 && !options.createMissingProducts) {
    const listed = missing
      .slice(0, SKUS_IN_MESSAGE)
      .map((sku) => `"${sku}"`)
      .join(', ');
    const more =
      missing.length > SKUS_IN_MESSAGE ? ` and ${missing.length - SKUS_IN_MESSAGE} more` : '';
    throw badInput(
      'csv',
      `${missing.length} skus of the file are not in the catalogue: ${listed}${more}; create those products first or import with createMissingProducts.`,
    );
  }

  const sentiments = await classifyAll(classifier, records);
  const labels = { positive: 0, neutral: 0, negative: 0 };
  sentiments.forEach((sentiment) => (labels[sentiment.label] += 1));
  const result: ReviewImportResult = {
    reviews: records.length,
    inserted: 0,
    updated: 0,
    productsCreated: 0,
    labels,
    classifier: { name: classifier.name, model: classifier.model },
  };
  if (options.dryRun) {
    return { ...result, productsCreated: missing.length };
  }

  return dataSource.transaction(async (manager) => {
    const products = manager.getRepository(Product);
    for (let offset = 0; offset < missing.length; offset += 100) {
      await products.insert(
        missing.slice(offset, offset + 100).map((sku) => ({
          sku,
          name: sku,
          description: '',
          category: options.format === 'clothing-reviews' ? 'Clothing' : '',
          listPriceMinor: 0,
          currency: options.currency,
          tags: [],
        })),
      );
    }
    const ids =
      missing.length > 0 ? await findProductIds(manager.connection, records, manager) : known;
    const rows: ReviewRow[] = records.map((record, index) => ({
      productId: ids.get(record.sku)!,
      rating: record.rating,
      text: record.text,
      language: record.language,
      reviewDate: record.date,
      sourceId: record.reviewId,
      sentimentLabel: sentiments[index].label,
      sentimentScore: sentiments[index].score,
      sentimentProvider: sentiments[index].provider,
      sentimentModel: sentiments[index].model,
    }));
    const counts = await upsertReviews(manager, rows);
    return { ...result, ...counts, productsCreated: missing.length };
  });
}

async function findProductIds(
  dataSource: DataSource,
  records: readonly ReviewRecord[],
  manager = dataSource.manager,
): Promise<Map<string, number>> {
  const skus = [...new Set(records.map((record) => record.sku))];
  const ids = new Map<string, number>();
  for (let offset = 0; offset < skus.length; offset += 500) {
    const rows = await manager.getRepository(Product).find({
      select: { id: true, sku: true },
      where: { sku: In(skus.slice(offset, offset + 500)) },
    });
    rows.forEach((row) => ids.set(row.sku, row.id));
  }
  return ids;
}

async function classifyAll(
  classifier: SentimentClassifier,
  records: readonly ReviewRecord[],
): Promise<Array<SentimentOutput & { provider: string; model: string }>> {
  const withText = records.flatMap((record, index) =>
    record.text.trim() === '' ? [] : [{ index, text: record.text, language: record.language }],
  );
  const outputs = await classifier.classify(withText);
  const byIndex = new Map(withText.map((input, position) => [input.index, outputs[position]]));
  return records.map((_, index) => {
    const output = byIndex.get(index);
    return output
      ? { ...output, provider: classifier.name, model: classifier.model }
      : {
          label: 'neutral',
          score: 0,
          provider: BUILTIN_SENTIMENT_NAME,
          model: BUILTIN_SENTIMENT_MODEL,
        };
  });
}
