import type { CsvTableSpec } from '../csvTable';
import { readCsvTable } from '../csvTable';
import { readChoice, readCode, readOptionalIsoDate, readWholeNumber } from '../fieldReaders';
import { ProblemLog, quoteValue } from '../importError';
import type { ReviewRecord } from './reviewRecord';
import { REVIEW_LANGUAGES } from './reviewRecord';

/** Columns of a reviews file; `review_id` may be left out. */
export const REVIEW_COLUMNS = {
  required: ['sku', 'rating', 'text', 'language', 'date'],
  optional: ['review_id'],
} as const satisfies CsvTableSpec;

/**
 * Parses a reviews CSV into review records, in file order. Rules:
 * - `sku` is non-blank;
 * - `rating` is a whole number from 1 to 5;
 * - `text` is kept exactly as written and may be empty or span several lines;
 * - `language` is `zh` or `en` in any letter case;
 * - `date` is `YYYY-MM-DD`, or empty when unknown;
 * - a non-empty `review_id` appears once in the file.
 *
 * All or nothing: throws `ImportError` (`IMPORT_FAILED`) listing every malformed line, with
 * `file` (default `reviews.csv`) as the file label.
 */
export function parseReviewsCsv(text: string, file = 'reviews.csv'): ReviewRecord[] {
  const log = new ProblemLog(file);
  const table = readCsvTable(text, REVIEW_COLUMNS, log);
  const reviews: ReviewRecord[] = [];
  const firstLineOfId = new Map<string, number>();

  for (const row of table.rows) {
    const problemsBefore = log.count;
    const sku = readCode(row, 'sku', log);
    const rating = readWholeNumber(row, 'rating', log, { min: 1, max: 5 });
    const language = readChoice(row, 'language', log, REVIEW_LANGUAGES);
    const date = readOptionalIsoDate(row, 'date', log);
    const reviewId = (row.get('review_id') ?? '').trim() || null;
    if (
      log.count > problemsBefore ||
      sku === undefined ||
      rating === undefined ||
      language === undefined ||
      date === undefined
    ) {
      continue;
    }

    if (reviewId !== null) {
      const firstLine = firstLineOfId.get(reviewId);
      if (firstLine !== undefined) {
        log.add(
          row.line,
          `review_id ${quoteValue(reviewId)} is listed again; it was first listed on line ${firstLine}.`,
          'review_id',
        );
        continue;
      }
      firstLineOfId.set(reviewId, row.line);
    }

    reviews.push({ sku, rating, text: row.require('text'), language, date, reviewId });
  }

  log.throwIfAny();
  return reviews;
}
