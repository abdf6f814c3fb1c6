import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { CampaignKpis, RateEstimate } from '../../analytics';
import type { Campaign } from '../../db/entities';
import { PageInfo } from '../common/connection';
import { GranularityEnum } from '../common/granularity';
import { Money, toMoney } from '../common/money.types';
import { TrainingRange } from '../forecast/forecast.types';
import { DateScalar } from '../common/scalars';
import { decimalToMoney } from '../analysis/decimalMoney';
import { IntervalType, MoneyIntervalType, PartialIntervalType } from '../analysis/interval.types';

export enum CampaignFileFormatEnum {
  CAMPAIGNS = 'campaigns',
  BANK_MARKETING = 'bank-marketing',
}

registerEnumType(CampaignFileFormatEnum, {
  name: 'CampaignFileFormat',
  description:
    'CAMPAIGNS: name,channel,start_date,end_date,spend,impressions,clicks,conversions,attributed_revenue. BANK_MARKETING: the UCI Bank Marketing sample, one phone campaign per month and contact type.',
});

export enum ChannelMetricEnum {
  ROAS = 'roas',
  CONVERSION_RATE = 'conversionRate',
  CONVERSION_RATE_PER_IMPRESSION = 'conversionRatePerImpression',
  CTR = 'ctr',
  CPA = 'cpa',
}

registerEnumType(ChannelMetricEnum, {
  name: 'CampaignMetric',
  description: 'A campaign KPI; CPA ranks lowest first, the others highest first.',
});

export enum ErrorCorrelationEnum {
  INDEPENDENT = 'independent',
  COMONOTONIC = 'comonotonic',
}

registerEnumType(ErrorCorrelationEnum, {
  name: 'ForecastErrorCorrelation',
  description:
    'How forecast errors across campaign periods combine: INDEPENDENT (sqrt of summed variances) or COMONOTONIC (summed standard deviations, the widest).',
});

/** A stored campaign; KPIs, lift and product are field resolvers. */
@ObjectType('Campaign', { description: 'A marketing campaign and its recorded results.' })
export class CampaignType {
  @Field(() => ID)
  id!: string;

  productId!: number | null;

  @Field()
  name!: string;

  @Field({ description: 'email, social, search, display, video, affiliate, phone, sms, ...' })
  channel!: string;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day, included.' })
  endDate!: string;

  @Field(() => Money, { nullable: true, description: 'Null when not recorded.' })
  spend!: Money | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A whole number; Float because counts can pass GraphQL Int’s 2^31 - 1.',
  })
  impressions!: number | null;

  @Field(() => Float, { nullable: true })
  clicks!: number | null;

  @Field(() => Float, { nullable: true })
  conversions!: number | null;

  @Field(() => Money, { nullable: true })
  attributedRevenue!: Money | null;
}

/** Maps a campaign row to its GraphQL type. */
export function toCampaignType(campaign: Campaign): CampaignType {
  const money = (minor: number | null) =>
    minor === null ? null : toMoney(minor, campaign.currency);
  return {
    id: String(campaign.id),
    productId: campaign.productId,
    name: campaign.name,
    channel: campaign.channel,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    spend: money(campaign.spendMinor),
    impressions: campaign.impressions,
    clicks: campaign.clicks,
    conversions: campaign.conversions,
    attributedRevenue: money(campaign.attributedRevenueMinor),
  };
}

@ObjectType()
export class CampaignEdge {
  @Field()
  cursor!: string;

  @Field(() => CampaignType)
  node!: CampaignType;
}

@ObjectType({ description: 'A page of campaigns, by start date.' })
export class CampaignConnection {
  @Field(() => [CampaignEdge])
  edges!: CampaignEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('Rate', { description: 'A proportion with its Wilson score interval.' })
export class RateType {
  @Field(() => Float, {
    nullable: true,
    description: 'Null when the denominator is 0 or not recorded.',
  })
  value!: number | null;

  @Field(() => IntervalType)
  interval!: IntervalType;
}

@ObjectType('MoneyEstimate', { description: 'An amount with its interval.' })
export class MoneyEstimateType {
  @Field(() => Money, { nullable: true })
  value!: Money | null;

  @Field(() => MoneyIntervalType)
  interval!: MoneyIntervalType;
}

@ObjectType('RatioEstimate', { description: 'A ratio with its interval.' })
export class RatioEstimateType {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => PartialIntervalType)
  interval!: PartialIntervalType;
}

@ObjectType('CampaignKpis', {
  description:
    'CTR, conversion rates, CPA and ROAS with intervals, for one campaign or pooled over a channel. Each KPI pools the campaigns that record its inputs.',
})
export class CampaignKpisType {
  @Field({ description: 'The campaign id, or the channel for a channel row.' })
  key!: string;

  @Field()
  channel!: string;

  @Field(() => Int)
  campaigns!: number;

  @Field(() => Money, { nullable: true })
  spend!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Attributed revenue.' })
  revenue!: Money | null;

  @Field(() => Float, { nullable: true })
  impressions!: number | null;

  @Field(() => Float, { nullable: true })
  clicks!: number | null;

  @Field(() => Float, { nullable: true })
  conversions!: number | null;

  @Field(() => RateType, { description: 'clicks / impressions.' })
  ctr!: RateType;

  @Field(() => RateType, { description: 'conversions / clicks.' })
  conversionRate!: RateType;

  @Field(() => RateType, { description: 'conversions / impressions.' })
  conversionRatePerImpression!: RateType;

  @Field(() => MoneyEstimateType, { description: 'spend / conversions.' })
  cpa!: MoneyEstimateType;

  @Field(() => RatioEstimateType, { description: 'attributed revenue / spend.' })
  roas!: RatioEstimateType;
}

/** Maps analytics KPIs to their GraphQL type; money in `currency`. */
export function toKpisType(kpis: CampaignKpis, currency: string): CampaignKpisType {
  const rate = (estimate: RateEstimate): RateType => ({
    value: estimate.value,
    interval: estimate.interval,
  });
  return {
    key: kpis.key,
    channel: kpis.channel,
    campaigns: kpis.campaigns,
    spend: decimalToMoney(kpis.spend, currency),
    revenue: decimalToMoney(kpis.revenue, currency),
    impressions: kpis.impressions,
    clicks: kpis.clicks,
    conversions: kpis.conversions,
    ctr: rate(kpis.ctr),
    conversionRate: rate(kpis.conversionRate),
    conversionRatePerImpression: rate(kpis.conversionRatePerImpression),
    cpa: {
      value: decimalToMoney(kpis.cpa.value, currency),
      interval: {
        level: kpis.cpa.interval.level,
        lower: decimalToMoney(kpis.cpa.interval.lower, currency),
        upper: decimalToMoney(kpis.cpa.interval.upper, currency),
      },
    },
    roas: kpis.roas,
  };
}

@ObjectType({ description: 'What importCampaigns read and wrote.' })
export class CampaignImportResultType {
  @Field(() => CampaignFileFormatEnum)
  format!: CampaignFileFormatEnum;

  @Field(() => Int, { description: 'Campaigns in the file.' })
  campaigns!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int, { description: 'Stored campaigns replaced (same name, channel and start).' })
  updated!: number;

  @Field(() => [String], { description: 'Channels in the file, in order of first appearance.' })
  channels!: string[];

  @Field({ description: 'True when the file was only checked.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'One campaign period: actual units against the counterfactual.' })
export class LiftPeriodType {
  @Field(() => DateScalar)
  period!: string;

  @Field(() => Float)
  actual!: number;

  @Field(() => Float, { description: 'Forecast from the data before the campaign.' })
  counterfactual!: number;

  @Field(() => Float)
  lower80!: number;

  @Field(() => Float)
  upper80!: number;

  @Field(() => Float)
  lower95!: number;

  @Field(() => Float)
  upper95!: number;
}

/** A campaign's lift as clients see it; `chartUrl` is a field resolver. */
@ObjectType('CampaignLift', {
  description:
    "Lift in the campaign product's units during the campaign against a forecast made from the data before it.",
})
export class CampaignLiftType {
  campaignId!: number;
  /** Arguments the lift was measured with, repeated in its chart URL. */
  request!: Record<string, string | number | undefined>;

  @Field(() => GranularityEnum)
  granularity!: GranularityEnum;

  @Field({ description: 'The model fitted for the counterfactual.' })
  modelKind!: string;

  @Field(() => TrainingRange, { description: 'The periods the counterfactual was fitted on.' })
  training!: TrainingRange;

  @Field(() => [LiftPeriodType])
  periods!: LiftPeriodType[];

  @Field(() => Float)
  actualTotal!: number;

  @Field(() => Float)
  counterfactualTotal!: number;

  @Field(() => Float, { description: 'actualTotal - counterfactualTotal, in units.' })
  lift!: number;

  @Field(() => IntervalType)
  liftInterval!: IntervalType;

  @Field(() => Float, { nullable: true, description: 'lift / counterfactualTotal, in percent.' })
  relativeLift!: number | null;

  @Field(() => PartialIntervalType)
  relativeLiftInterval!: PartialIntervalType;

  @Field(() => Float, { description: 'Two-sided p-value of "no lift" (normal approximation).' })
  pValue!: number;

  @Field()
  statement!: string;

  @Field(() => [String])
  warnings!: string[];
}

@ObjectType('ChannelRanking', { description: 'Channels ranked by a KPI, best first.' })
export class ChannelRankingType {
  @Field(() => ChannelMetricEnum)
  metric!: ChannelMetricEnum;

  @Field(() => [ChannelRankEntry])
  ranking!: ChannelRankEntry[];

  @Field({
    description:
      "True when the best channel's interval does not overlap the runner-up's (a conservative check).",
  })
  clearWinner!: boolean;

  @Field()
  statement!: string;

  @Field(() => [String])
  warnings!: string[];
}

@ObjectType({ description: "A channel's value of the ranking KPI with its interval." })
export class ChannelRankEntry {
  @Field()
  channel!: string;

  @Field(() => Float, { description: 'CPA in currency units; rates as 0 to 1.' })
  value!: number;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}
