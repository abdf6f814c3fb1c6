import { compareTiming } from '../../analytics';
import type { TimingComparison, TimingGrouping } from '../../analytics';
import { Product } from '../../db/entities';
import { loadSalesTotals } from '../../db/queries/sales';
import { badInput } from '../../shared/errors';
import { addPeriods, formatIsoDate, parseIsoDate } from '../../shared/period';
import type { AnalysisContext } from './analysisContext';

/** Most products a category comparison sums. */
export const MAX_TIMING_PRODUCTS = 5000;

/** Whose daily sales a timing comparison reads: one product or one category. */
export type TimingScope = { productId: number } | { category: string };

/**
 * Compares mean daily units (or revenue) by weekday or month for a product or a category. Every
 * day from the first to the last day with sales in the range counts, a day without sales as 0,
 * so the means are per calendar day. Throws BAD_USER_INPUT when nothing was sold in the range.
 */
export async function compareSalesTiming(
  context: AnalysisContext,
  scope: TimingScope,
  options: {
    by: TimingGrouping;
    metric: 'units' | 'revenue';
    from?: string;
    to?: string;
    level?: number;
  },
): Promise<{ comparison: TimingComparison; metric: string }> {
  const productIds = await productIdsOf(context, scope);
  const totals = await loadSalesTotals(context.dataSource, productIds, {
    granularity: 'day',
    from: options.from,
    to: options.to,
  });
  const perDay = new Map<string, number>();
  for (const series of totals.values()) {
    for (const total of series) {
      const value = options.metric === 'units' ? total.units : total.revenueMinor / 10_000;
      perDay.set(total.period, (perDay.get(total.period) ?? 0) + value);
    }
  }
  if (perDay.size === 0) {
    throw badInput(
      'from',
      'Nothing was sold in the requested range, so there is no timing to compare.',
    );
  }

  const days = [...perDay.keys()].sort();
  const first = parseIsoDate(options.from ?? days[0])!;
  const last = parseIsoDate(options.to ?? days[days.length - 1])!;
  const records: Array<{ date: string; value: number }> = [];
  for (let day = first; day.getTime() <= last.getTime(); day = addPeriods(day, 'day', 1)) {
    const date = formatIsoDate(day);
    records.push({ date, value: perDay.get(date) ?? 0 });
  }
  const metric = options.metric === 'units' ? 'units per day' : 'revenue per day';
  return {
    comparison: compareTiming(records, { by: options.by, metric, level: options.level }),
    metric,
  };
}

async function productIdsOf(context: AnalysisContext, scope: TimingScope): Promise<number[]> {
  if ('productId' in scope) {
    return [scope.productId];
  }
  const rows = await context.dataSource.getRepository(Product).find({
    select: { id: true },
    where: { category: scope.category },
    take: MAX_TIMING_PRODUCTS + 1,
  });
  if (rows.length === 0) {
    throw badInput('category', `No product has the category "${scope.category}".`);
  }
  if (rows.length > MAX_TIMING_PRODUCTS) {
    throw badInput(
      'category',
      `A timing comparison sums at most ${MAX_TIMING_PRODUCTS} products; category "${scope.category}" has more.`,
    );
  }
  return rows.map((row) => row.id);
}
