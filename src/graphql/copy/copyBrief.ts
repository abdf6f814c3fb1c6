import type { DataSource } from 'typeorm';

import { analyseTrend, summarizeTrend } from '../../analytics';
import type {
  ForecastSummary,
  ProductFacts,
  ReviewSummary,
  SalesSummary,
  SeasonalitySummary,
  TrendLine,
} from '../../copywriting';
import type { Forecast, Product } from '../../db/entities';
import { Review } from '../../db/entities';
import type { Loaders } from '../../db/loaders/createLoaders';
import { fillPeriods, latestSalesDate } from '../../db/queries/sales';
import type { SalesTotal } from '../../db/queries/sales';
import { formatMoney } from '../../shared/money';
import { addPeriods, parseIsoDate, periodStart } from '../../shared/period';

/** Months compared by the trend summary: the last three against the three before. */
const TREND_WINDOW = 3;
/** Changes within this many percent either way count as flat. */
const FLAT_BAND_PERCENT = 10;
/** Months the trend line covers, or twice this (seasonally adjusted) when history allows. */
const TREND_LINE_MONTHS = 12;
const MONTHS_PER_YEAR = 12;

/** Sources of a brief: the database and the request's loaders. */
export interface BriefSources {
  dataSource: DataSource;
  loaders: Loaders;
}

/** The data-derived part of a copy brief. */
export interface BriefFacts {
  product: ProductFacts;
  sales?: SalesSummary;
  trendLine?: TrendLine;
  seasonality?: SeasonalitySummary;
  forecast?: ForecastSummary;
  reviews?: ReviewSummary;
}

/**
 * Loads the facts a copy brief is built from: the product, its monthly sales up to the last
 * complete month (months without sales count as zero), the 3-against-3-month trend, the
 * fitted trend line, seasonality when two whole years exist, the latest forecast's peak and
 * the review sentiment when the product has reviews.
 */
export async function loadBriefFacts(sources: BriefSources, product: Product): Promise<BriefFacts> {
  const { loaders, dataSource } = sources;
  const [monthly, latest, lastDay, reviews] = await Promise.all([
    loaders.salesTotals.load({ productId: product.id, granularity: 'month' }),
    loaders.latestForecast.load(product.id),
    latestSalesDate(dataSource),
    loadReviewSummary(dataSource, product.id),
  ]);
  const points = latest ? await loaders.forecastPoints.load(latest.id) : [];
  const months = completeMonths(monthly, lastDay);
  const units = months.map((month) => month.units);
  return {
    product: {
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: product.category,
      price: { amount: formatMoney(product.listPriceMinor), currency: product.currency },
      tags: product.tags,
    },
    sales: summarizeSales(months),
    trendLine: summarizeTrendLine(units),
    seasonality: summarizeSeasonality(months),
    forecast: latest && points.length > 0 ? summarizeForecast(latest, points) : undefined,
    reviews,
  };
}

/**
 * Spreads monthly totals from the first month with sales to the last complete month: a month
 * the data cover only in part (data ending on the 9th) would read as a collapse in demand.
 */
export function completeMonths(
  monthly: readonly SalesTotal[],
  lastDay: string | undefined,
): SalesTotal[] {
  if (monthly.length === 0 || lastDay === undefined) {
    return [];
  }
  const last = parseIsoDate(lastDay)!;
  let to = periodStart(last, 'month');
  if (periodStart(addPeriods(last, 'day', 1), 'month').getTime() === to.getTime()) {
    to = addPeriods(to, 'month', -1);
  }
  const from = parseIsoDate(monthly[0].period)!;
  return to.getTime() < from.getTime() ? [] : fillPeriods(monthly, 'month', from, to);
}

/**
 * Compares the units of the last three months with the three before them. Returns undefined
 * when there are fewer than six months of history.
 */
export function summarizeSales(monthly: readonly SalesTotal[]): SalesSummary | undefined {
  if (monthly.length < 2 * TREND_WINDOW) {
    return undefined;
  }
  const sum = (totals: readonly SalesTotal[]) => totals.reduce((acc, t) => acc + t.units, 0);
  const recentUnits = sum(monthly.slice(-TREND_WINDOW));
  const earlierUnits = sum(monthly.slice(-2 * TREND_WINDOW, -TREND_WINDOW));
  const changePercent =
    earlierUnits > 0
      ? ((recentUnits - earlierUnits) / earlierUnits) * 100
      : recentUnits > 0
        ? 100
        : 0;
  const trend =
    changePercent > FLAT_BAND_PERCENT
      ? 'rising'
      : changePercent < -FLAT_BAND_PERCENT
        ? 'falling'
        : 'flat';
  return {
    trend,
    changePercent: Math.round(changePercent * 10) / 10,
    recentUnits,
    granularity: 'month',
    recentPeriods: TREND_WINDOW,
  };
}

/**
 * Fits a least-squares line (`summarizeTrend`) to the last 12 months, or to the last 24 with
 * the season removed by STL when two whole years exist. Undefined below three months.
 */
export function summarizeTrendLine(units: readonly number[]): TrendLine | undefined {
  const adjusted = units.length >= 2 * TREND_LINE_MONTHS;
  const window = units.slice(-(adjusted ? 2 * TREND_LINE_MONTHS : TREND_LINE_MONTHS));
  if (window.length < 3) {
    return undefined;
  }
  const summary = summarizeTrend(window, adjusted ? { seasonLength: MONTHS_PER_YEAR } : {});
  return {
    direction: summary.direction,
    changePercent:
      summary.percentChange === null ? null : Math.round(summary.percentChange * 10) / 10,
    periods: window.length,
    granularity: 'month',
    seasonallyAdjusted: adjusted,
  };
}

/**
 * Decomposes the monthly units with STL (`analyseTrend`, season of 12) and names the months
 * whose seasonal component is highest and lowest. Undefined below two whole years.
 * NOTE: with two or three years each month's seasonal value rests on two or three values, so
 * the strength is a rough guide. The prompt states the years it rests on.
 */
export function summarizeSeasonality(
  monthly: readonly SalesTotal[],
): SeasonalitySummary | undefined {
  if (monthly.length < 2 * MONTHS_PER_YEAR) {
    return undefined;
  }
  const analysis = analyseTrend(
    monthly.map((month) => month.units),
    { seasonLength: MONTHS_PER_YEAR },
  );
  const firstMonth = parseIsoDate(monthly[0].period)!.getUTCMonth();
  const monthOf = (position: number) => ((firstMonth + position) % MONTHS_PER_YEAR) + 1;
  return {
    strength: Math.round(analysis.strength.seasonal * 100) / 100,
    peakMonth: monthOf(analysis.season.peakPosition),
    troughMonth: monthOf(analysis.season.troughPosition),
    years: Math.floor(monthly.length / MONTHS_PER_YEAR),
  };
}

/**
 * Counts the product's reviews, the share classified negative and the mean rating, in one
 * aggregate statement. Undefined when the product has no reviews.
 * TODO(review complaints): `ReviewSummary.commonComplaints` stays empty; filling it needs a
 * phrase extractor over negative reviews, and it must never copy review text into the prompt.
 */
export async function loadReviewSummary(
  dataSource: DataSource,
  productId: number,
): Promise<ReviewSummary | undefined> {
  const row = await dataSource
    .getRepository(Review)
    .createQueryBuilder('review')
    .select('COUNT(*)', 'reviews')
    .addSelect("SUM(CASE WHEN review.sentimentLabel = 'negative' THEN 1 ELSE 0 END)", 'negative')
    .addSelect('AVG(review.rating)', 'averageRating')
    .where('review.productId = :productId', { productId })
    .getRawOne<{
      reviews: string | number;
      negative: string | number | null;
      averageRating: string | number | null;
    }>();
  const reviews = Number(row?.reviews ?? 0);
  if (reviews === 0) {
    return undefined;
  }
  return {
    reviews,
    negativeShare: Number(row?.negative ?? 0) / reviews,
    averageRating:
      row?.averageRating === null || row?.averageRating === undefined
        ? undefined
        : Math.round(Number(row.averageRating) * 10) / 10,
  };
}

function summarizeForecast(
  forecast: Forecast,
  points: readonly { period: string; value: number }[],
): ForecastSummary {
  const peak = points.reduce((best, point) => (point.value > best.value ? point : best));
  return {
    model: forecast.modelKind,
    granularity: forecast.granularity as ForecastSummary['granularity'],
    horizon: forecast.horizon,
    horizonTotal: points.reduce((acc, point) => acc + point.value, 0),
    nextPeak: { period: peak.period, value: peak.value },
  };
}
