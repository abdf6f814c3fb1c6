import type { CsvTableSpec } from '../csvTable';
import { readCsvTable } from '../csvTable';
import { readCode, readWholeNumber } from '../fieldReaders';
import { ProblemLog, quoteValue } from '../importError';
import type { ReviewRecord } from './reviewRecord';

/**
 * Columns read from the Women's E-Commerce Clothing Reviews sample (`reviews_en.csv`). Its first
 * column has an empty header name and contains the source's 0-based row number. The other columns,
 * such as `Age` and `Class Name`, are allowed and ignored.
 */
export const CLOTHING_REVIEW_COLUMNS = {
  required: ['', 'Clothing ID', 'Title', 'Review Text', 'Rating'],
  allowUnknownColumns: true,
} as const satisfies CsvTableSpec;

/** Prefix of the skus given to clothing products, which are not in the gift-ware catalogue. */
export const CLOTHING_SKU_PREFIX = 'CLOTHING-';

/**
 * Turns the clothing reviews sample into review records, in file order:
 * - `sku` is `CLOTHING-<Clothing ID>`;
 * - `text` is the title and the review text joined by a line break, leaving out an empty part,
 *   and otherwise exactly as written, mojibake (`fiancã©`) included;
 * - `language` is `en`, and `date` is `null` because the source has no dates;
 * - `reviewId` is `clothing-<row number>`.
 *
 * All or nothing: throws `ImportError` listing every malformed line, such as a rating outside
 * 1 to 5 or a repeated row number.
 */
export function parseClothingReviewsCsv(text: string, file = 'reviews_en.csv'): ReviewRecord[] {
  const log = new ProblemLog(file);
  const table = readCsvTable(text, CLOTHING_REVIEW_COLUMNS, log);
  const reviews: ReviewRecord[] = [];
  const firstLineOfId = new Map<string, number>();

  for (const row of table.rows) {
    const problemsBefore = log.count;
    const sourceRow = readCode(row, '', log);
    const clothingId = readWholeNumber(row, 'Clothing ID', log, { min: 0 });
    const rating = readWholeNumber(row, 'Rating', log, { min: 1, max: 5 });
    if (
      log.count > problemsBefore ||
      sourceRow === undefined ||
      clothingId === undefined ||
      rating === undefined
    ) {
      continue;
    }
    const reviewId = `clothing-${sourceRow}`;
    const firstLine = firstLineOfId.get(reviewId);
    if (firstLine !== undefined) {
      log.add(
        row.line,
        `Row number ${quoteValue(sourceRow)} is listed again; it was first listed on line ${firstLine}.`,
      );
      continue;
    }
    firstLineOfId.set(reviewId, row.line);

    const parts = [row.require('Title'), row.require('Review Text')].filter(
      (part) => part.trim() !== '',
    );
    reviews.push({
      sku: `${CLOTHING_SKU_PREFIX}${clothingId}`,
      rating,
      text: parts.join('\n'),
      language: 'en',
      date: null,
      reviewId,
    });
  }

  log.throwIfAny();
  return reviews;
}
