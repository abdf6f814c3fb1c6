import {
  computeUnitPrices,
  estimateElasticity,
  formatMinorUnits,
  recommendPrice,
} from '../../analytics';
import type {
  ElasticityEstimate,
  PriceRecommendation,
  SalesPeriod,
  UnitPricePeriod,
} from '../../analytics';
import type { Product } from '../../db/entities';
import { badInput } from '../../shared/errors';
import {
  NATURAL_SEASON_LENGTH,
  addPeriods,
  formatIsoDate,
  parseIsoDate,
} from '../../shared/period';
import type { Granularity } from '../../shared/period';
import type { AnalysisContext } from './analysisContext';
import type { ProductSeries, SeriesRange } from './productSeries';
import { loadProductSeries } from './productSeries';

/** One period's units, revenue and realised unit price. */
export interface PricePeriod extends UnitPricePeriod {
  period: string;
}

/**
 * Turns a series into the periods the price functions accept. Online Retail days can net to
 * negative units or revenue when cancellations exceed sales. Such a period has no meaningful
 * price, so it enters as a period without sales, and a warning counts them.
 */
function toSalesPeriods(series: ProductSeries, warnings: string[]): SalesPeriod[] {
  let netNegative = 0;
  const periods = series.units.map((units, index) => {
    const revenue = series.revenueMinor[index];
    if (units <= 0 || revenue <= 0) {
      if (units !== 0 || revenue !== 0) {
        netNegative += 1;
      }
      return { units: 0, revenue: 0 };
    }
    return { units, revenue };
  });
  if (netNegative > 0) {
    warnings.push(
      `${netNegative} periods had no positive net units or revenue (cancellations exceeding sales) and count as periods without sales.`,
    );
  }
  return periods;
}

/** Loads a product's price history: units, revenue and realised unit price per period. */
export async function loadPriceHistory(
  context: AnalysisContext,
  product: Product,
  granularity: Granularity,
  range: SeriesRange,
): Promise<{ periods: PricePeriod[]; warnings: string[] }> {
  const series = await loadProductSeries(context, product, granularity, range);
  const warnings = [...series.warnings];
  const priced = computeUnitPrices(toSalesPeriods(series, warnings));
  return {
    periods: priced.map((period, index) => ({
      ...period,
      period: series.periods[index],
      // Keep the stored net figures; only the unit price needs positive ones.
      units: series.units[index],
      revenue: formatDecimal(series.revenueMinor[index]),
    })),
    warnings,
  };
}

function formatDecimal(minor: number): string {
  return formatMinorUnits(BigInt(minor));
}

/** Settings of an elasticity estimate. */
export interface ElasticityRequest extends SeriesRange {
  granularity: Granularity;
  seasonLength?: number;
  level?: number;
  minDistinctPrices?: number;
  minLogPriceSd?: number;
}

/**
 * Estimates a product's price elasticity by log-log regression on its periods, with a trend and,
 * when the history contains two full seasons, seasonal dummies. The season length defaults to the
 * granularity's natural one.
 */
export async function estimateProductElasticity(
  context: AnalysisContext,
  product: Product,
  request: ElasticityRequest,
): Promise<{ estimate: ElasticityEstimate; series: ProductSeries; seasonLength: number }> {
  const series = await loadProductSeries(context, product, request.granularity, request);
  const warnings = [...series.warnings];
  const seasonLength = request.seasonLength ?? NATURAL_SEASON_LENGTH[request.granularity];
  const estimate = estimateElasticity(toSalesPeriods(series, warnings), {
    seasonLength,
    level: request.level,
    minDistinctPrices: request.minDistinctPrices,
    minLogPriceSd: request.minLogPriceSd,
  });
  return {
    estimate: { ...estimate, warnings: [...warnings, ...estimate.warnings] },
    series,
    seasonLength,
  };
}

/** Caller-given bounds and settings of a price recommendation; money as decimal strings. */
export interface PriceConstraints extends ElasticityRequest {
  minPrice: string;
  maxPrice: string;
  maxChangePerStep?: number;
  unitCost?: string;
  priceIncrement?: string;
  /** The price the baseline forecast assumes; the product's list price when absent. */
  currentPrice?: string;
  horizon: number;
  /** A known elasticity to use instead of estimating one. */
  elasticity?: number;
}

/** Expected units per period at the current price, and their source. */
export interface PriceBaseline {
  /** `stored forecast` or `fitted forecast`. */
  source: string;
  forecastId: number | null;
  modelKind: string;
  periods: string[];
  units: number[];
}

/** A price recommendation with the estimate and baseline it rests on. */
export interface ProductPriceRecommendation {
  recommendation: PriceRecommendation;
  estimate: ElasticityEstimate | null;
  baseline: PriceBaseline;
  currentPrice: string;
}

/** Maximum horizon of a recommendation, in periods. */
export const MAX_PRICE_HORIZON = 52;

/**
 * Recommends a price path for a product over `horizon` periods. The baseline (expected units at
 * the current price) is the newest stored forecast of all channels at the same granularity
 * when it covers the horizon. Otherwise an AUTO_ETS forecast is fitted now and not stored.
 * NOTE: the current price defaults to the list price, while the elasticity comes from realised
 * prices, which are lower for products sold at volume discounts. Pass currentPrice when they
 * differ. Throws
 * BAD_USER_INPUT when no elasticity can be estimated (with the estimate's statement) or the
 * constraints are invalid.
 */
export async function recommendProductPrice(
  context: AnalysisContext,
  product: Product,
  constraints: PriceConstraints,
): Promise<ProductPriceRecommendation> {
  if (
    !Number.isInteger(constraints.horizon) ||
    constraints.horizon < 1 ||
    constraints.horizon > MAX_PRICE_HORIZON
  ) {
    throw badInput(
      'constraints.horizon',
      `horizon must be a whole number from 1 to ${MAX_PRICE_HORIZON}; received ${constraints.horizon}.`,
    );
  }
  let estimate: ElasticityEstimate | null = null;
  if (constraints.elasticity === undefined) {
    estimate = (await estimateProductElasticity(context, product, constraints)).estimate;
  }
  const baseline = await loadBaseline(context, product, constraints);
  const currentPrice = constraints.currentPrice ?? formatDecimal(product.listPriceMinor);
  const recommendation = recommendPrice({
    elasticity: estimate ?? constraints.elasticity!,
    currentPrice,
    baselineUnits: baseline.units.map((units) => Math.max(0, units)),
    minPrice: constraints.minPrice,
    maxPrice: constraints.maxPrice,
    maxChangePerStep: constraints.maxChangePerStep,
    unitCost: constraints.unitCost,
    priceIncrement: constraints.priceIncrement,
  });
  if (baseline.units.some((units) => units < 0)) {
    recommendation.warnings.push(
      'The baseline forecast has negative values, which were raised to 0 units.',
    );
  }
  return { recommendation, estimate, baseline, currentPrice };
}

async function loadBaseline(
  context: AnalysisContext,
  product: Product,
  constraints: PriceConstraints,
): Promise<PriceBaseline> {
  const latest = await context.loaders.latestForecast.load(product.id);
  if (
    latest &&
    latest.granularity === constraints.granularity &&
    latest.channel === '*' &&
    latest.horizon >= constraints.horizon
  ) {
    const points = (await context.loaders.forecastPoints.load(latest.id)).slice(
      0,
      constraints.horizon,
    );
    return {
      source: 'stored forecast',
      forecastId: latest.id,
      modelKind: latest.modelKind,
      periods: points.map((point) => point.period),
      units: points.map((point) => point.value),
    };
  }

  const series = await loadProductSeries(context, product, constraints.granularity, {
    channel: constraints.channel,
  });
  const result = await context.forecasts.run({
    y: series.units,
    horizon: constraints.horizon,
    levels: [80, 95],
    naturalSeasonLength: NATURAL_SEASON_LENGTH[constraints.granularity],
    model: { kind: 'AUTO_ETS' },
  });
  const last = parseIsoDate(series.periods[series.periods.length - 1])!;
  return {
    source: 'fitted forecast',
    forecastId: null,
    modelKind: result.model.kind,
    periods: result.mean.map((_, step) =>
      formatIsoDate(addPeriods(last, constraints.granularity, step + 1)),
    ),
    units: result.mean,
  };
}
