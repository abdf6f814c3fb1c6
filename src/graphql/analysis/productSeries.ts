import type { Product } from '../../db/entities';
import { fillPeriods } from '../../db/queries/sales';
import { badInput } from '../../shared/errors';
import { addPeriods, formatIsoDate, parseIsoDate, periodStart } from '../../shared/period';
import type { Granularity } from '../../shared/period';
import type { AnalysisContext } from './analysisContext';

/** A product's sales per period, every period of the range present (zeros filled in). */
export interface ProductSeries {
  granularity: Granularity;
  /** First day of each period, oldest first. */
  periods: string[];
  units: number[];
  revenueMinor: number[];
  warnings: string[];
}

/** The range and channel of a series; every field optional. */
export interface SeriesRange {
  /** First day included; the product's first sale when absent. */
  from?: string;
  /** Last day included; the last day with any sales in the database when absent. */
  to?: string;
  channel?: string;
}

/**
 * Loads a product's units and revenue per period through the request's loaders. When `to` is
 * absent and the last day with sales ends inside a period (a month whose data end on the 9th),
 * that period is left out with a warning, because it would read as a collapse in demand.
 * Throws BAD_USER_INPUT when the product has no sales in the range or the range is empty.
 */
export async function loadProductSeries(
  context: AnalysisContext,
  product: Product,
  granularity: Granularity,
  range: SeriesRange = {},
): Promise<ProductSeries> {
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    throw badInput('from', `from (${range.from}) must not be after to (${range.to}).`);
  }
  const [totals, latest] = await Promise.all([
    context.loaders.salesTotals.load({ productId: product.id, granularity, ...range }),
    context.loaders.analysis.latestSalesDate.load('all'),
  ]);
  if (totals.length === 0 || latest === null) {
    const channel = range.channel ? ` in channel "${range.channel}"` : '';
    throw badInput(
      'productId',
      `Product ${product.id} (SKU "${product.sku}") has no sales${channel} in the requested range; record sales with recordSales first.`,
    );
  }

  const warnings: string[] = [];
  const from = range.from
    ? periodStart(parseIsoDate(range.from)!, granularity)
    : parseIsoDate(totals[0].period)!;
  let lastDay = parseIsoDate(range.to ?? latest)!;
  let to = periodStart(lastDay, granularity);
  const nextDay = addPeriods(lastDay, 'day', 1);
  if (range.to === undefined && periodStart(nextDay, granularity).getTime() === to.getTime()) {
    warnings.push(
      `The ${granularity} starting ${formatIsoDate(to)} is incomplete because the data end on ${formatIsoDate(lastDay)}; it was left out.`,
    );
    lastDay = addPeriods(to, 'day', -1);
    to = periodStart(lastDay, granularity);
  }
  if (to.getTime() < from.getTime()) {
    throw badInput(
      'to',
      `The range ends (${formatIsoDate(to)}) before it starts (${formatIsoDate(from)}); widen from/to.`,
    );
  }

  const filled = fillPeriods(totals, granularity, from, to);
  return {
    granularity,
    periods: filled.map((total) => total.period),
    units: filled.map((total) => total.units),
    revenueMinor: filled.map((total) => total.revenueMinor),
    warnings,
  };
}
