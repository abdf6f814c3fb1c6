import {
  CampaignAnalysisResolver,
  CampaignLiftResolver,
  CampaignResolver,
} from '../campaign/campaign.resolver';
import { ForecastChartResolver } from '../chart/forecastChart.resolver';
import {
  ExperimentResolver,
  ExperimentVariantResolver,
  ProductExperimentsResolver,
} from '../experiment/experiment.resolver';
import { ProductReviewsResolver, ReviewResolver } from '../review/review.resolver';
import { PricingResolver } from './pricing.resolver';
import { ProductAnalysisResolver, TrendAnalysisResolver } from './productAnalysis.resolver';

/**
 * Resolvers of the marketing analysis: trend and pricing on Product, campaigns, experiments,
 * reviews and chart links. The schema registers them as one group.
 */
export const ANALYSIS_RESOLVERS = [
  ProductAnalysisResolver,
  TrendAnalysisResolver,
  PricingResolver,
  CampaignResolver,
  CampaignLiftResolver,
  CampaignAnalysisResolver,
  ExperimentResolver,
  ExperimentVariantResolver,
  ProductExperimentsResolver,
  ReviewResolver,
  ProductReviewsResolver,
  ForecastChartResolver,
] as const;
