import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';

import { aggregateSentiment } from '../../analytics';
import { checkPageSize, decodeCursor, toConnection } from '../common/connection';
import { GranularityEnum, toGranularity } from '../common/granularity';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { ProductType, toProductType } from '../product/product.types';
import { importReviews } from './importReviews';
import {
  ProductSentimentType,
  ReviewConnection,
  ReviewFileFormatEnum,
  ReviewImportResultType,
  ReviewType,
  toReviewType,
  toSummaryType,
} from './review.types';

/** Review import and the Review type's relations. */
@Resolver(() => ReviewType)
export class ReviewResolver {
  @Authorized('ADMIN')
  @Mutation(() => ReviewImportResultType, {
    description:
      "Imports a reviews CSV and classifies each review's sentiment with the configured classifier (the offline lexicon unless SENTIMENT_PROVIDER=huggingface). The whole file is checked and classified first; a malformed line fails with IMPORT_FAILED listing every bad line, and nothing is written.",
  })
  async importReviews(
    @Ctx() context: Context,
    @Arg('csv', { description: 'The whole file, header included.' }) csv: string,
    @Arg('format', () => ReviewFileFormatEnum, { defaultValue: ReviewFileFormatEnum.REVIEWS })
    format: ReviewFileFormatEnum,
    @Arg('createMissingProducts', {
      defaultValue: false,
      description: 'Create a product (name = sku, list price 0) for each sku not in the catalogue.',
    })
    createMissingProducts: boolean,
    @Arg('currency', { defaultValue: 'GBP', description: 'Currency of products created.' })
    currency: string,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ): Promise<ReviewImportResultType> {
    const result = await importReviews(context.dataSource, context.sentiment, csv, {
      format,
      createMissingProducts,
      currency,
      dryRun,
    });
    context.logger.info(
      {
        requestId: context.requestId,
        reviews: result.reviews,
        inserted: result.inserted,
        updated: result.updated,
        productsCreated: result.productsCreated,
        classifier: result.classifier.name,
        dryRun,
      },
      'reviews imported',
    );
    return {
      format,
      reviews: result.reviews,
      inserted: result.inserted,
      updated: result.updated,
      productsCreated: result.productsCreated,
      labels: result.labels,
      sentimentProvider: result.classifier.name,
      sentimentModel: result.classifier.model,
      dryRun,
    };
  }

  @FieldResolver(() => ProductType)
  async product(@Root() review: ReviewType, @Ctx() context: Context): Promise<ProductType> {
    const product = await context.loaders.productById.load(review.productId);
    return toProductType(product!);
  }
}

/** Reviews and review sentiment of a product. */
@Resolver(() => ProductType)
export class ProductReviewsResolver {
  @FieldResolver(() => ReviewConnection, { description: 'Reviews, newest first.' })
  async reviews(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ReviewConnection> {
    const page = await context.loaders.analysis.reviewPage.load({
      productId: Number(product.id),
      first: checkPageSize(first),
      beforeId: after != null ? decodeCursor('review', after) : undefined,
    });
    return toConnection('review', page, toReviewType);
  }

  @FieldResolver(() => ProductSentimentType, {
    description:
      'Review sentiment overall and per period: counts per label, the share of negative reviews with a Wilson interval, mean score and mean rating. With from or to, undated reviews are left out.',
  })
  async sentiment(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('granularity', () => GranularityEnum, { defaultValue: GranularityEnum.MONTH })
    granularity: GranularityEnum,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
    @Arg('level', () => Float, { defaultValue: 95 }) level?: number,
  ): Promise<ProductSentimentType> {
    const scores = await context.loaders.analysis.reviewScores.load({
      productId: Number(product.id),
      from: from ?? undefined,
      to: to ?? undefined,
    });
    const aggregation = aggregateSentiment(
      scores.map((score) => ({
        productId: product.id,
        date: score.reviewDate,
        label: score.sentimentLabel as 'positive' | 'neutral' | 'negative',
        score: score.sentimentScore,
        rating: score.rating,
      })),
      toGranularity(granularity),
      level,
    );
    return {
      granularity,
      overall: aggregation.byProduct[0] ? toSummaryType(aggregation.byProduct[0]) : null,
      byPeriod: aggregation.byPeriod.map((period) => ({
        ...toSummaryType(period),
        period: period.period,
      })),
      undated: aggregation.undated,
    };
  }
}
