import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { SentimentSummary } from '../../analytics';
import type { Review } from '../../db/entities';
import { PageInfo } from '../common/connection';
import { GranularityEnum } from '../common/granularity';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { IntervalType } from '../analysis/interval.types';

export enum ReviewFileFormatEnum {
  REVIEWS = 'reviews',
  CLOTHING_REVIEWS = 'clothing-reviews',
}

registerEnumType(ReviewFileFormatEnum, {
  name: 'ReviewFileFormat',
  description:
    "REVIEWS: sku,rating,text,language,date[,review_id]. CLOTHING_REVIEWS: the Women's E-Commerce Clothing Reviews sample (skus CLOTHING-<id>, no dates).",
});

export enum SentimentLabelEnum {
  POSITIVE = 'positive',
  NEUTRAL = 'neutral',
  NEGATIVE = 'negative',
}

registerEnumType(SentimentLabelEnum, { name: 'SentimentLabel' });

@ObjectType({ description: 'The sentiment of a review and who classified it.' })
export class ReviewSentiment {
  @Field(() => SentimentLabelEnum)
  label!: SentimentLabelEnum;

  @Field(() => Float, {
    description: 'Score in [-1, 1]: the lexicon score, or P(positive) - P(negative) from a model.',
  })
  score!: number;

  @Field({ description: '"builtin" or "huggingface".' })
  provider!: string;

  @Field()
  model!: string;
}

/** A stored review; `product` is a field resolver. */
@ObjectType('Review', { description: 'A customer review with its classified sentiment.' })
export class ReviewType {
  @Field(() => ID)
  id!: string;

  productId!: number;

  @Field(() => Int, { description: 'Stars from 1 to 5.' })
  rating!: number;

  @Field()
  text!: string;

  @Field({ description: '"en" or "zh".' })
  language!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Null when the source has no date.' })
  date!: string | null;

  @Field(() => ID, { nullable: true, description: "The source's id of the review." })
  sourceId!: string | null;

  @Field(() => ReviewSentiment)
  sentiment!: ReviewSentiment;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

/** Maps a review row to its GraphQL type. */
export function toReviewType(review: Review): ReviewType {
  return {
    id: String(review.id),
    productId: review.productId,
    rating: review.rating,
    text: review.text,
    language: review.language,
    date: review.reviewDate,
    sourceId: review.sourceId,
    sentiment: {
      label: review.sentimentLabel as SentimentLabelEnum,
      score: review.sentimentScore,
      provider: review.sentimentProvider,
      model: review.sentimentModel,
    },
    createdAt: review.createdAt,
  };
}

@ObjectType()
export class ReviewEdge {
  @Field()
  cursor!: string;

  @Field(() => ReviewType)
  node!: ReviewType;
}

@ObjectType({ description: 'A page of reviews, newest first.' })
export class ReviewConnection {
  @Field(() => [ReviewEdge])
  edges!: ReviewEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'Counts, negative share and mean scores of a group of reviews.' })
export class SentimentSummaryType {
  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  positive!: number;

  @Field(() => Int)
  neutral!: number;

  @Field(() => Int)
  negative!: number;

  @Field(() => Float, { description: 'negative / count.' })
  negativeShare!: number;

  @Field(() => IntervalType, { description: 'Wilson score interval of the negative share.' })
  negativeShareInterval!: IntervalType;

  @Field(() => Float)
  meanScore!: number;

  @Field(() => Float, { nullable: true })
  meanRating!: number | null;
}

@ObjectType({ description: 'Review sentiment of one period.' })
export class SentimentPeriod extends SentimentSummaryType {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  period!: string;
}

@ObjectType('ProductSentiment', {
  description: "A product's review sentiment overall and per period.",
})
export class ProductSentimentType {
  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field(() => SentimentSummaryType, {
    nullable: true,
    description: 'Over every review in the range; null without reviews.',
  })
  overall!: SentimentSummaryType | null;

  @Field(() => [SentimentPeriod], { description: 'Periods with dated reviews, oldest first.' })
  byPeriod!: SentimentPeriod[];

  @Field(() => Int, { description: 'Reviews without a date, in overall but in no period.' })
  undated!: number;
}

@ObjectType({ description: 'Reviews per sentiment label.' })
export class LabelCounts {
  @Field(() => Int)
  positive!: number;

  @Field(() => Int)
  neutral!: number;

  @Field(() => Int)
  negative!: number;
}

@ObjectType({ description: 'What importReviews read, classified and wrote.' })
export class ReviewImportResultType {
  @Field(() => ReviewFileFormatEnum)
  format!: ReviewFileFormatEnum;

  @Field(() => Int)
  reviews!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int, { description: 'Stored reviews replaced (same source review id).' })
  updated!: number;

  @Field(() => Int, { description: 'Products created for unknown skus (or to be, on a dry run).' })
  productsCreated!: number;

  @Field(() => LabelCounts)
  labels!: LabelCounts;

  @Field()
  sentimentProvider!: string;

  @Field()
  sentimentModel!: string;

  @Field()
  dryRun!: boolean;
}

/** Copies an analytics summary into its GraphQL type. */
export function toSummaryType(summary: SentimentSummary): SentimentSummaryType {
  return { ...summary };
}
