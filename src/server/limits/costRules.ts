/**
 * Prices of the fields that cost more than 1 point, and sizes of lists that have no `first`
 * argument. An argument of the field above a list can fix its length (`listSizesBelow`).
 * Other lists are estimated from their own arguments (`listSize`) or count DEFAULT_LIST_SIZE.
 * Fields are named by schema coordinate, "Type.field". The prices follow Shopify's GraphQL
 * Admin API, where a mutation costs 10, and add more for the work done off the request thread:
 * a model fit or a call to a language model.
 */
import { MAX_HORIZON } from '../../forecasting';

/** Price of a mutation field not listed below. */
export const MUTATION_COST = 10;

/** Price of one runForecast: a model fit, with backtests for AUTO. */
export const FORECAST_COST = 100;

/** Price of each copy variant generateCopy writes: one language-model call. */
export const COPY_VARIANT_COST = 20;

/** recordSales costs MUTATION_COST plus one point per this many observations. */
const SALES_POINTS_PER_COST = 100;

/**
 * Items assumed in a list of objects that has no page argument and no rule below. NOTE: the
 * points of a stored forecast (`latestForecast`, `forecast`, `forecasts`) count this many
 * because no argument gives their number, so a forecast with more points costs more than
 * requested.
 */
export const DEFAULT_LIST_SIZE = 10;

/** Sales periods assumed in a year, by granularity, when no date range is given. */
const PERIODS_PER_YEAR: Record<string, number> = { day: 366, week: 53, month: 12 };

const DAY_MS = 86_400_000;

type Args = Record<string, unknown>;

/** Lengths of list fields, keyed by schema coordinate. */
export type ListSizes = Readonly<Record<string, number>>;

/**
 * Returns the price of one resolution of the field at `coordinate` given its arguments, or
 * undefined when it costs the default 1 point.
 */
export function fieldCost(coordinate: string, args: Args): number | undefined {
  switch (coordinate) {
    case 'Mutation.runForecast':
      return FORECAST_COST;
    case 'Mutation.generateCopy':
      return COPY_VARIANT_COST * positiveInteger(args.variants, 1);
    case 'Mutation.forecastCatalogue':
      // The job is queued, not run, so the request pays one fit plus a point per product.
      return FORECAST_COST + listLength(args.productIds);
    case 'Mutation.generateCopyBulk': {
      // Queued like forecastCatalogue: one variant's price plus a point per copy planned.
      const input = (args.input ?? {}) as Args;
      return COPY_VARIANT_COST + listLength(input.productIds) * positiveInteger(input.variants, 1);
    }
    case 'Campaign.lift':
    case 'Query.recommendPrice':
      return FORECAST_COST;
    case 'Mutation.recordSales': {
      const points = Array.isArray(args.points) ? args.points.length : 0;
      return MUTATION_COST + Math.ceil(points / SALES_POINTS_PER_COST);
    }
  }
  return coordinate.startsWith('Mutation.') ? MUTATION_COST : undefined;
}

/**
 * Returns the lengths that the arguments of the field at `coordinate` fix for the list fields
 * directly in its selection set, or undefined when they fix none. They take precedence over
 * `listSize`.
 */
export function listSizesBelow(coordinate: string, args: Args): ListSizes | undefined {
  switch (coordinate) {
    case 'Mutation.runForecast': {
      // The forecast fitted has exactly `horizon` points. A horizon outside 1 to MAX_HORIZON
      // fixes nothing, so that the resolver, not the cost limit, rejects it with its reason.
      const horizon = args.horizon;
      const valid = Number.isInteger(horizon) && (horizon as number) >= 1;
      return valid && (horizon as number) <= MAX_HORIZON
        ? { 'Forecast.points': horizon as number }
        : undefined;
    }
  }
  return undefined;
}

/**
 * Returns the number of items assumed for the list field at `coordinate`, or undefined to
 * use DEFAULT_LIST_SIZE. Connections are sized by their `first` argument instead, and lists
 * in `listSizesBelow` by the arguments of the field above them.
 */
export function listSize(coordinate: string, args: Args): number | undefined {
  switch (coordinate) {
    case 'Mutation.generateCopy':
      return positiveInteger(args.variants, 1);
    case 'Product.sales':
      return salesPeriods(args);
  }
  return undefined;
}

/**
 * Estimates the periods Product.sales returns: those between `from` and `to` when both are
 * given, else a year's worth. NOTE: a product with more than a year of sales and no range
 * returns more; the actual cost reported after execution counts the real list.
 */
function salesPeriods(args: Args): number {
  const granularity = typeof args.granularity === 'string' ? args.granularity : 'month';
  const perYear = PERIODS_PER_YEAR[granularity] ?? PERIODS_PER_YEAR.month;
  const from = typeof args.from === 'string' ? Date.parse(args.from) : Number.NaN;
  const to = typeof args.to === 'string' ? Date.parse(args.to) : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) {
    return perYear;
  }
  const days = (to - from) / DAY_MS + 1;
  return Math.max(1, Math.ceil((days / 366) * perYear) + 1);
}

function listLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}
