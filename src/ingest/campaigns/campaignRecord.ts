/** Marketing channels a campaign can run in. */
export const CAMPAIGN_CHANNELS = [
  'email',
  'social',
  'search',
  'display',
  'video',
  'affiliate',
  'phone',
  'sms',
  'direct_mail',
  'other',
] as const;

/** A marketing channel, one of `CAMPAIGN_CHANNELS`. */
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/**
 * A marketing campaign and its results over its whole run. A measure is `null` when the source
 * did not record it, which differs from a recorded 0. Money is in scale-4 minor units of the
 * shop's currency; the record itself names no currency.
 */
export interface CampaignRecord {
  name: string;
  channel: CampaignChannel;
  /** First and last day of the campaign, both included, as ISO dates. */
  startDate: string;
  endDate: string;
  spendMinor: number | null;
  impressions: number | null;
  clicks: number | null;
  /** Conversions the source attributes to the campaign; not bounded by clicks, since view-through and offline conversions exist. */
  conversions: number | null;
  attributedRevenueMinor: number | null;
}
