import { Field, Int, ObjectType } from 'type-graphql';

import { analyseCampaigns, formatMinorUnits } from '../../analytics';
import type { CampaignAnalysis, CampaignKpis, CampaignRecord } from '../../analytics';
import type { Campaign } from '../../db/entities';
import { badInput } from '../../shared/errors';
import { CampaignKpisType, toKpisType } from './campaign.types';

/** Campaign KPIs per campaign and per channel; ranking and timing are field resolvers. */
@ObjectType('CampaignAnalysis', {
  description: 'KPIs with intervals per campaign and per channel over the selected campaigns.',
})
export class CampaignAnalysisType {
  analysis!: CampaignAnalysis;
  rows!: Campaign[];
  level!: number;

  @Field(() => Int, { description: 'Campaigns analysed.' })
  campaignCount!: number;

  @Field({ description: 'ISO 4217 currency of every amount.' })
  currency!: string;

  @Field(() => [CampaignKpisType])
  campaigns!: CampaignKpisType[];

  @Field(() => [CampaignKpisType], { description: 'One row per channel, pooled.' })
  channels!: CampaignKpisType[];

  @Field(() => [String])
  warnings!: string[];
}

/** Converts a stored campaign to the analytics module's record; null measures stay null. */
export function toCampaignRecord(campaign: Campaign): CampaignRecord {
  const money = (minor: number | null) => (minor === null ? null : formatMinorUnits(BigInt(minor)));
  return {
    id: String(campaign.id),
    name: campaign.name,
    channel: campaign.channel,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    spend: money(campaign.spendMinor),
    impressions: campaign.impressions,
    clicks: campaign.clicks,
    conversions: campaign.conversions,
    revenue: money(campaign.attributedRevenueMinor),
  };
}

/**
 * Analyses stored campaigns. Conversions above clicks are accepted as view-through conversions.
 * Throws BAD_USER_INPUT when no campaign matches or the campaigns mix currencies.
 */
export function analyseStoredCampaigns(
  rows: Campaign[],
  options: { level: number; orderValueCv: number },
): CampaignAnalysisType {
  if (rows.length === 0) {
    throw badInput(
      'campaigns',
      'No campaign matches the filter; import campaigns with importCampaigns first.',
    );
  }
  const currencies = [...new Set(rows.map((row) => row.currency))];
  if (currencies.length > 1) {
    throw badInput(
      'currency',
      `The selected campaigns mix currencies (${currencies.join(', ')}); filter by currency so that amounts can be pooled.`,
    );
  }
  const analysis = analyseCampaigns(rows.map(toCampaignRecord), {
    level: options.level,
    orderValueCv: options.orderValueCv,
    allowViewThroughConversions: true,
  });
  const currency = currencies[0];
  const toType = (kpis: CampaignKpis) => toKpisType(kpis, currency);
  return {
    analysis,
    rows,
    currency,
    level: options.level,
    campaignCount: rows.length,
    campaigns: analysis.campaigns.map(toType),
    channels: analysis.channels.map(toType),
    warnings: analysis.warnings,
  };
}
