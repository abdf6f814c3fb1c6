import type { Forecast, Product } from '../../db/entities';
import type { SalesTotal } from '../../db/queries/sales';
import type { ForecastSummary, ProductFacts, SalesSummary } from '../../copywriting';
import { formatMoney } from '../../shared/money';
import type { Context } from '../context';

/** Months compared by the trend summary: the last three against the three before. */
const TREND_WINDOW = 3;
/** Changes within this many percent either way count as flat. */
const FLAT_BAND_PERCENT = 10;

/** Loads the facts a copy brief is built from: the product, its sales trend, its forecast. */
export async function loadBriefFacts(
  context: Context,
  product: Product,
): Promise<{ product: ProductFacts; sales?: SalesSummary; forecast?: ForecastSummary }> {
  const [monthly, latest] = await Promise.all([
    context.loaders.salesTotals.load({ productId: product.id, granularity: 'month' }),
    context.loaders.latestForecast.load(product.id),
  ]);
  const points = latest ? await context.loaders.forecastPoints.load(latest.id) : [];
  return {
    product: {
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: product.category,
      price: { amount: formatMoney(product.listPriceMinor), currency: product.currency },
      tags: product.tags,
    },
    sales: summarizeSales(monthly),
    forecast: latest && points.length > 0 ? summarizeForecast(latest, points) : undefined,
  };
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
