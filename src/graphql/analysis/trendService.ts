import { analyseTrend } from '../../analytics';
import type { AnomalyMethod, TrendAnalysis } from '../../analytics';
import type { Product } from '../../db/entities';
import { badInput } from '../../shared/errors';
import { NATURAL_SEASON_LENGTH } from '../../shared/period';
import type { Granularity } from '../../shared/period';
import type { AnalysisContext } from './analysisContext';
import type { ProductSeries, SeriesRange } from './productSeries';
import { loadProductSeries } from './productSeries';
import { labelSeasonPosition } from './seasonLabels';

/** Settings of a trend analysis. */
export interface TrendRequest extends SeriesRange {
  granularity: Granularity;
  /** Periods per season; the granularity's natural season (7, 52, 12) when absent. */
  seasonLength?: number;
  level?: number;
  anomalyMethod?: AnomalyMethod;
  anomalyThreshold?: number;
  robust?: boolean;
}

/** A season position named by the calendar, with its mean seasonal value. */
export interface NamedPosition {
  position: number;
  label: string;
  firstPeriod: string;
  value: number;
}

/** A product's trend analysis with the series it rests on and calendar names. */
export interface ProductTrend {
  series: ProductSeries;
  seasonLength: number;
  analysis: TrendAnalysis;
  positions: NamedPosition[];
  peak: NamedPosition;
  trough: NamedPosition;
  statement: string;
  warnings: string[];
}

/**
 * Decomposes a product's units at the requested granularity and analyses trend, season and
 * anomalies. Throws BAD_USER_INPUT when the series is shorter than two full seasons, naming the
 * periods available and what to change, and for the cases `analyseTrend` rejects.
 */
export async function analyseProductTrend(
  context: AnalysisContext,
  product: Product,
  request: TrendRequest,
): Promise<ProductTrend> {
  const series = await loadProductSeries(context, product, request.granularity, request);
  const seasonLength = request.seasonLength ?? NATURAL_SEASON_LENGTH[request.granularity];
  if (series.units.length < 2 * seasonLength) {
    throw badInput(
      'seasonLength',
      `A decomposition needs at least two full seasons (${2 * seasonLength} ${request.granularity} periods for seasonLength ${seasonLength}); product ${product.id} has ${series.units.length} from ${series.periods[0]}. Choose a finer granularity or a shorter seasonLength.`,
    );
  }

  const analysis = analyseTrend(series.units, {
    seasonLength,
    level: request.level,
    anomalyMethod: request.anomalyMethod,
    anomalyThreshold: request.anomalyThreshold,
    robust: request.robust,
  });
  const positions = analysis.season.profile.map((value, position) => ({
    position,
    label: labelSeasonPosition(
      request.granularity,
      seasonLength,
      position,
      series.periods[position],
    ),
    firstPeriod: series.periods[position],
    value,
  }));
  const peak = positions[analysis.season.peakPosition];
  const trough = positions[analysis.season.troughPosition];
  return {
    series,
    seasonLength,
    analysis,
    positions,
    peak,
    trough,
    statement: describeTrend(request.granularity, analysis, peak, trough),
    warnings: [...series.warnings, ...analysis.warnings],
  };
}

function describeTrend(
  granularity: Granularity,
  analysis: TrendAnalysis,
  peak: NamedPosition,
  trough: NamedPosition,
): string {
  const { slope, strength, anomalies } = analysis;
  const direction =
    slope.direction === 'flat'
      ? `Units show no clear trend (${slope.perPeriod.toFixed(2)} per ${granularity}`
      : `Units are ${slope.direction} by ${Math.abs(slope.perPeriod).toFixed(2)} per ${granularity} (`;
  const interval = `${slope.interval.level}% interval ${slope.interval.lower.toFixed(2)} to ${slope.interval.upper.toFixed(2)}, p = ${slope.pValue.toFixed(4)})`;
  const separator = slope.direction === 'flat' ? ', ' : '';
  return `${direction}${separator}${interval}. Trend strength ${strength.trend.toFixed(2)} and seasonal strength ${strength.seasonal.toFixed(2)} on a 0 to 1 scale; the season peaks at ${peak.label} and bottoms at ${trough.label}. ${anomalies.length} ${anomalies.length === 1 ? 'period is' : 'periods are'} anomalous.`;
}
