/** Languages a review can be written in. */
export const REVIEW_LANGUAGES = ['zh', 'en'] as const;

/** A review language, one of `REVIEW_LANGUAGES` (ISO 639-1 codes). */
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

/** A customer review of one product. */
export interface ReviewRecord {
  /** Product sku as written in the file, trimmed; the writer resolves it against the catalogue. */
  sku: string;
  /** Stars from 1 (worst) to 5 (best). */
  rating: number;
  /** Review text as written, line breaks and spelling included; may be empty when only a rating was given. */
  text: string;
  language: ReviewLanguage;
  /** Date of the review as an ISO date, or `null` when the source does not record it. */
  date: string | null;
  /** The source's id of the review, or `null` when the source has none. */
  reviewId: string | null;
}
