/**
 * Aggregates classified reviews per product and per calendar period: counts per label, the share
 * of negative reviews with a Wilson interval, and the mean score.
 */
import { badInput } from '../../shared/errors';
import type { Granularity } from '../../shared/period';
import { formatIsoDate, parseIsoDate, periodStart } from '../../shared/period';
import type { Interval } from '../stats';
import { wilsonInterval } from '../wilson';
import type { SentimentLabel } from './classifySentiment';

/** A review after classification, by this module or by a language-model provider. */
export interface ClassifiedReview {
  productId: string;
  /** ISO date `YYYY-MM-DD`; null when unknown, which leaves the review out of `byPeriod`. */
  date: string | null;
  /** Stars from 1 to 5, when the review has a rating. */
  rating?: number;
  label: SentimentLabel;
  /** Score in [-1, 1]. */
  score: number;
}

export interface SentimentSummary {
  count: number;
  positive: number;
  neutral: number;
  negative: number;
  negativeShare: number;
  negativeShareInterval: Interval;
  meanScore: number;
  /** Mean of the ratings given; null when no review in the group has one. */
  meanRating: number | null;
}

export interface SentimentAggregation {
  /** One row per product, in order of first appearance. */
  byProduct: Array<{ productId: string } & SentimentSummary>;
  /** One row per period that has reviews, oldest first; the period is named by its first day. */
  byPeriod: Array<{ period: string } & SentimentSummary>;
  /** Reviews without a date: counted per product but in no period. */
  undated: number;
}

/**
 * Aggregates `reviews` per product and per period of `granularity` (default 'month').
 * Throws `BAD_USER_INPUT` for a malformed date, an unknown label, a score outside [-1, 1] or a
 * rating that is not an integer from 1 to 5.
 */
export function aggregateSentiment(
  reviews: readonly ClassifiedReview[],
  granularity: Granularity = 'month',
  level = 95,
): SentimentAggregation {
  const byProduct = new Map<string, ClassifiedReview[]>();
  const byPeriod = new Map<string, ClassifiedReview[]>();
  let undated = 0;
  reviews.forEach((review, index) => {
    const date = review.date === null ? null : parseIsoDate(review.date);
    if (date === undefined) {
      throw badInput(
        `reviews[${index}].date`,
        `reviews[${index}].date must be an ISO date (YYYY-MM-DD); received "${review.date}".`,
      );
    }
    if (!['positive', 'neutral', 'negative'].includes(review.label)) {
      throw badInput(
        `reviews[${index}].label`,
        `reviews[${index}].label must be "positive", "neutral" or "negative"; received "${review.label}".`,
      );
    }
    if (!(review.score >= -1 && review.score <= 1)) {
      throw badInput(
        `reviews[${index}].score`,
        `reviews[${index}].score must lie in [-1, 1]; received "${review.score}".`,
      );
    }
    if (
      review.rating !== undefined &&
      !(Number.isInteger(review.rating) && review.rating >= 1 && review.rating <= 5)
    ) {
      throw badInput(
        `reviews[${index}].rating`,
        `reviews[${index}].rating must be a whole number from 1 to 5; received "${review.rating}".`,
      );
    }
    appendTo(byProduct, review.productId, review);
    if (date === null) {
      undated += 1;
      return;
    }
    appendTo(byPeriod, formatIsoDate(periodStart(date, granularity)), review);
  });

  return {
    byProduct: [...byProduct].map(([productId, group]) => ({
      productId,
      ...summarise(group, level),
    })),
    byPeriod: [...byPeriod]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, group]) => ({ period, ...summarise(group, level) })),
    undated,
  };
}

function appendTo<Key>(
  groups: Map<Key, ClassifiedReview[]>,
  key: Key,
  review: ClassifiedReview,
): void {
  const group = groups.get(key);
  if (group) {
    group.push(review);
  } else {
    groups.set(key, [review]);
  }
}

function summarise(reviews: readonly ClassifiedReview[], level: number): SentimentSummary {
  const count = reviews.length;
  const countOf = (label: SentimentLabel) =>
    reviews.filter((review) => review.label === label).length;
  const negative = countOf('negative');
  return {
    count,
    positive: countOf('positive'),
    neutral: countOf('neutral'),
    negative,
    negativeShare: negative / count,
    negativeShareInterval: wilsonInterval(negative, count, level),
    meanScore: reviews.reduce((total, review) => total + review.score, 0) / count,
    meanRating: meanOf(
      reviews.flatMap((review) => (review.rating === undefined ? [] : [review.rating])),
    ),
  };
}

function meanOf(values: readonly number[]): number | null {
  return values.length > 0
    ? values.reduce((total, value) => total + value, 0) / values.length
    : null;
}
