/**
 * Campaign KPIs with intervals, per campaign and pooled per channel.
 *
 * Vocabulary: CTR = clicks / impressions; conversion rate = conversions / clicks (post-click);
 * conversion rate per impression = conversions / impressions (for channels without clicks, such
 * as phone or direct mail); CPA (cost per acquisition) = spend / conversions; ROAS (return on ad
 * spend) = attributed revenue / spend. Rates get Wilson intervals. The CPA interval maps the
 * conversion rate's Wilson interval through CPA = spend / (clicks * rate), which is monotone
 * (per impression when clicks are not recorded). The ROAS interval is a delta-method interval on
 * the log scale. With conversions N ~ Poisson and order values of coefficient of variation cv,
 * Var(ln revenue) ~ (1 + cv^2) / N, which gives ROAS * exp(+-z sqrt((1 + cv^2) / N)). Spend is
 * treated as known.
 *
 * A measure may be null (not recorded). Each KPI is computed over the campaigns that record all
 * of its inputs, so a channel's CTR pools the campaigns with clicks and impressions even when
 * some of them lack spend.
 */
import { badInput } from '../shared/errors';
import { parseIsoDate } from '../shared/period';
import type { Decimal, MoneyInput } from './money';
import {
  divideRounded,
  formatMinorUnits,
  minorUnitsToNumber,
  roundToMinorUnits,
  toMinorUnits,
} from './money';
import type { Interval } from './stats';
import { normalCritical } from './stats';
import { wilsonInterval } from './wilson';

/** One campaign as recorded: dates are ISO (`YYYY-MM-DD`), both included; null = not recorded. */
export interface CampaignRecord {
  id: string;
  name?: string;
  channel: string;
  startDate: string;
  endDate: string;
  spend: MoneyInput | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
  /** Revenue attributed to the campaign. */
  revenue: MoneyInput | null;
}

/** A proportion with its Wilson interval; null value when the denominator is 0 or unrecorded. */
export interface RateEstimate {
  value: number | null;
  interval: Interval;
}

/** A money KPI with its interval; a bound is null where it is unbounded or undefined. */
export interface MoneyEstimate {
  value: Decimal | null;
  interval: { level: number; lower: Decimal | null; upper: Decimal | null };
}

/** A ratio KPI with its interval; a bound is null where it is unbounded or undefined. */
export interface RatioEstimate {
  value: number | null;
  interval: { level: number; lower: number | null; upper: number | null };
}

export interface CampaignKpis {
  /** The campaign id, or the channel name for a channel aggregate. */
  key: string;
  channel: string;
  /** Campaigns pooled into this row (1 for a campaign). */
  campaigns: number;
  /** Sums over the campaigns that record the measure; null when none does. */
  spend: Decimal | null;
  revenue: Decimal | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
  ctr: RateEstimate;
  conversionRate: RateEstimate;
  conversionRatePerImpression: RateEstimate;
  cpa: MoneyEstimate;
  roas: RatioEstimate;
}

export interface CampaignAnalysisOptions {
  /** Coverage of every interval in percent (default 95). */
  level?: number;
  /**
   * Coefficient of variation of the order value, used by the ROAS interval (default 1, as for
   * exponentially distributed order values).
   * NOTE: the records carry no per-order values, so the default is an assumption. Pass the
   * shop's own figure (standard deviation / mean of order value) where it is known.
   */
  orderValueCv?: number;
  /**
   * Accept more conversions than clicks (view-through or offline conversions). Such a campaign
   * gets no per-click conversion rate, with a warning. Default false: it is an input error.
   */
  allowViewThroughConversions?: boolean;
}

export interface CampaignAnalysis {
  campaigns: CampaignKpis[];
  /** One row per channel, channels in order of first appearance, counts and money summed. */
  channels: CampaignKpis[];
  warnings: string[];
}

/** A campaign's checked measures in minor units and counts; null where not recorded. */
interface Measures {
  spend: bigint | null;
  revenue: bigint | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
}

type CountField = 'impressions' | 'clicks' | 'conversions';
type MeasureField = keyof Measures;

/**
 * Computes CTR, conversion rates, CPA and ROAS with intervals for each campaign and for each
 * channel. Channel rows pool the counts of their campaigns.
 * NOTE: pooling treats the channel's campaigns as one sample, so its intervals leave out the
 * variation between campaigns and are too narrow when campaigns differ.
 * Throws `BAD_USER_INPUT` for a count that is not a non-negative integer, clicks above
 * impressions, conversions above clicks (unless allowed), malformed money, a bad date or an end
 * before the start.
 */
export function analyseCampaigns(
  campaigns: readonly CampaignRecord[],
  options: CampaignAnalysisOptions = {},
): CampaignAnalysis {
  const level = options.level ?? 95;
  if (!(level > 0 && level < 100)) {
    throw badInput(
      'level',
      `level must be a percentage between 0 and 100, such as 95; received "${level}".`,
    );
  }
  const cv = options.orderValueCv ?? 1;
  if (!(cv >= 0 && Number.isFinite(cv))) {
    throw badInput('orderValueCv', `orderValueCv must be a non-negative number; received "${cv}".`);
  }

  const warnings: string[] = [];
  const rows: CampaignKpis[] = [];
  const byChannel = new Map<string, Measures[]>();
  campaigns.forEach((campaign, index) => {
    const measures = checkCampaign(campaign, index, options.allowViewThroughConversions ?? false);
    rows.push(computeKpis(campaign.id, campaign.channel, [measures], level, cv));
    if (measures.spend === 0n) {
      warnings.push(`Campaign "${campaign.id}" has no spend, so its CPA and ROAS are undefined.`);
    }
    if (exceedsClicks(measures)) {
      warnings.push(
        `Campaign "${campaign.id}" has more conversions (${measures.conversions}) than clicks (${measures.clicks}), so they include view-through or offline conversions and its per-click conversion rate is undefined.`,
      );
    }
    byChannel.set(campaign.channel, [...(byChannel.get(campaign.channel) ?? []), measures]);
  });
  warnings.push(...describeMissingMeasures(campaigns));

  const channels = [...byChannel].map(([channel, members]) =>
    computeKpis(channel, channel, members, level, cv),
  );
  return { campaigns: rows, channels, warnings };
}

function describeMissingMeasures(campaigns: readonly CampaignRecord[]): string[] {
  const fields: Array<[keyof CampaignRecord, string]> = [
    ['spend', 'spend'],
    ['impressions', 'impressions'],
    ['clicks', 'clicks'],
    ['conversions', 'conversions'],
    ['revenue', 'attributed revenue'],
  ];
  return fields.flatMap(([field, label]) => {
    const missing = campaigns.filter((campaign) => campaign[field] === null).length;
    return missing > 0
      ? [
          `${missing} of ${campaigns.length} campaigns have no recorded ${label}, so the KPIs that need it are computed over the other campaigns only.`,
        ]
      : [];
  });
}

function exceedsClicks(measures: Measures): boolean {
  return (
    measures.clicks !== null &&
    measures.conversions !== null &&
    measures.conversions > measures.clicks
  );
}

function checkCampaign(
  campaign: CampaignRecord,
  index: number,
  allowViewThrough: boolean,
): Measures {
  const field = `campaigns[${index}]`;
  for (const key of ['impressions', 'clicks', 'conversions'] as const) {
    const value = campaign[key];
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      throw badInput(
        `${field}.${key}`,
        `${field}.${key} must be a non-negative integer; received "${value}".`,
      );
    }
  }
  const { impressions, clicks, conversions } = campaign;
  if (clicks !== null && impressions !== null && clicks > impressions) {
    throw badInput(
      `${field}.clicks`,
      `${field}.clicks must not exceed impressions (${impressions}); received "${clicks}".`,
    );
  }
  if (conversions !== null && clicks !== null && conversions > clicks && !allowViewThrough) {
    throw badInput(
      `${field}.conversions`,
      `${field}.conversions must not exceed clicks (${clicks}), because the conversion rate is per click; received "${conversions}".`,
    );
  }
  checkDates(campaign, field);
  return {
    spend: campaign.spend === null ? null : toMinorUnits(campaign.spend, `${field}.spend`),
    revenue: campaign.revenue === null ? null : toMinorUnits(campaign.revenue, `${field}.revenue`),
    impressions,
    clicks,
    conversions,
  };
}

function checkDates(campaign: CampaignRecord, field: string): void {
  const start = parseIsoDate(campaign.startDate);
  const end = parseIsoDate(campaign.endDate);
  if (!start) {
    throw badInput(
      `${field}.startDate`,
      `${field}.startDate must be an ISO date (YYYY-MM-DD); received "${campaign.startDate}".`,
    );
  }
  if (!end || end < start) {
    throw badInput(
      `${field}.endDate`,
      `${field}.endDate must be an ISO date (YYYY-MM-DD) on or after startDate ${campaign.startDate}; received "${campaign.endDate}".`,
    );
  }
}

/** Returns the members that record every field in `fields`. */
function recording(members: readonly Measures[], fields: readonly MeasureField[]): Measures[] {
  return members.filter((member) => fields.every((field) => member[field] !== null));
}

function sumCounts(members: readonly Measures[], field: CountField): number | null {
  const recorded = recording(members, [field]);
  return recorded.length > 0 ? recorded.reduce((total, m) => total + m[field]!, 0) : null;
}

function sumMoney(members: readonly Measures[], field: 'spend' | 'revenue'): bigint | null {
  const recorded = recording(members, [field]);
  return recorded.length > 0 ? recorded.reduce((total, m) => total + m[field]!, 0n) : null;
}

function computeKpis(
  key: string,
  channel: string,
  members: readonly Measures[],
  level: number,
  cv: number,
): CampaignKpis {
  const spend = sumMoney(members, 'spend');
  const revenue = sumMoney(members, 'revenue');
  const perClick = recording(members, ['clicks', 'conversions']).filter((m) => !exceedsClicks(m));
  const perImpression = recording(members, ['impressions', 'conversions']).filter(
    (m) => m.conversions! <= m.impressions!,
  );
  return {
    key,
    channel,
    campaigns: members.length,
    spend: spend === null ? null : formatMinorUnits(spend),
    revenue: revenue === null ? null : formatMinorUnits(revenue),
    impressions: sumCounts(members, 'impressions'),
    clicks: sumCounts(members, 'clicks'),
    conversions: sumCounts(members, 'conversions'),
    ctr: pooledRate(recording(members, ['clicks', 'impressions']), 'clicks', 'impressions', level),
    conversionRate: pooledRate(perClick, 'conversions', 'clicks', level),
    conversionRatePerImpression: pooledRate(perImpression, 'conversions', 'impressions', level),
    cpa: cpaOf(recording(members, ['spend', 'conversions']), level),
    roas: roasOf(recording(members, ['spend', 'revenue']), level, cv),
  };
}

function pooledRate(
  members: readonly Measures[],
  successes: CountField,
  trials: CountField,
  level: number,
): RateEstimate {
  const x = members.reduce((total, m) => total + m[successes]!, 0);
  const n = members.reduce((total, m) => total + m[trials]!, 0);
  return { value: n > 0 ? x / n : null, interval: wilsonInterval(x, n, level) };
}

function cpaOf(members: readonly Measures[], level: number): MoneyEstimate {
  const interval = { level, lower: null as Decimal | null, upper: null as Decimal | null };
  if (members.length === 0) {
    return { value: null, interval };
  }
  const spend = members.reduce((total, m) => total + m.spend!, 0n);
  const conversions = members.reduce((total, m) => total + m.conversions!, 0);

  // CPA = spend / (trials * rate) falls as the rate rises, so the bounds swap. The trials are
  // clicks when every member records them, else impressions.
  const trialField: CountField | undefined = members.every(
    (m) => m.clicks !== null && !exceedsClicks(m),
  )
    ? 'clicks'
    : members.every((m) => m.impressions !== null && m.conversions! <= m.impressions)
      ? 'impressions'
      : undefined;
  const trials = trialField ? members.reduce((total, m) => total + m[trialField]!, 0) : 0;
  if (trials > 0) {
    const rate = wilsonInterval(conversions, trials, level);
    interval.lower = formatMinorUnits(roundToMinorUnits(Number(spend) / (trials * rate.upper)));
    if (rate.lower > 0) {
      interval.upper = formatMinorUnits(roundToMinorUnits(Number(spend) / (trials * rate.lower)));
    }
  }
  const value =
    conversions > 0 ? formatMinorUnits(divideRounded(spend, BigInt(conversions))) : null;
  return { value, interval };
}

function roasOf(members: readonly Measures[], level: number, cv: number): RatioEstimate {
  const interval = { level, lower: null as number | null, upper: null as number | null };
  const spend = members.reduce((total, m) => total + m.spend!, 0n);
  if (spend === 0n) {
    return { value: null, interval };
  }
  const revenue = members.reduce((total, m) => total + m.revenue!, 0n);
  const value = minorUnitsToNumber(revenue) / minorUnitsToNumber(spend);
  const conversions = members.every((m) => m.conversions !== null)
    ? members.reduce((total, m) => total + m.conversions!, 0)
    : 0;
  if (conversions > 0) {
    const factor = Math.exp(normalCritical(level) * Math.sqrt((1 + cv * cv) / conversions));
    interval.lower = value / factor;
    interval.upper = value * factor;
  }
  return { value, interval };
}
