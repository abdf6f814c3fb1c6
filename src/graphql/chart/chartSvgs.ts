import {
  renderDecompositionChart,
  renderExperimentChart,
  renderForecastChart,
  renderLiftChart,
} from '../../charts';
import type { ChartLanguage } from '../../charts';
import { notFound } from '../../shared/errors';
import { formatIsoDate, parseIsoDate } from '../../shared/period';
import type { AnalysisContext } from '../analysis/analysisContext';
import { loadProductSeries } from '../analysis/productSeries';
import { analyseProductTrend } from '../analysis/trendService';
import type { TrendRequest } from '../analysis/trendService';
import { measureLiftOfCampaign } from '../campaign/campaignLiftService';
import type { LiftRequest } from '../campaign/campaignLiftService';
import { analyseExperiment } from '../experiment/experimentService';
import type { ResultsOptions } from '../experiment/experimentService';

/** Periods of history drawn before a forecast, by default. */
export const DEFAULT_FORECAST_HISTORY = 36;

/**
 * Renders a stored forecast with the last `historyPeriods` periods of its product's training
 * series. Throws NOT_FOUND for an unknown forecast.
 */
export async function renderForecastSvg(
  context: AnalysisContext,
  forecastId: number,
  language: ChartLanguage,
  historyPeriods = DEFAULT_FORECAST_HISTORY,
): Promise<string> {
  const forecast = await context.loaders.forecastById.load(forecastId);
  if (!forecast) {
    throw notFound(`Forecast ${forecastId} was not found.`);
  }
  const [product, points] = await Promise.all([
    context.loaders.productById.load(forecast.productId),
    context.loaders.forecastPoints.load(forecast.id),
  ]);
  const series = await loadProductSeries(
    context,
    product!,
    forecast.granularity as TrendRequest['granularity'],
    {
      from: forecast.trainFrom,
      to: lastDayOf(forecast.trainTo, forecast.granularity),
      channel: forecast.channel === '*' ? undefined : forecast.channel,
    },
  );
  const start = Math.max(0, series.periods.length - historyPeriods);
  return renderForecastChart({
    title: product!.name,
    language,
    history: series.periods.slice(start).map((period, index) => ({
      period,
      units: series.units[start + index],
    })),
    forecast: points,
  });
}

/** Returns the last day of the period starting on `periodStart`. */
function lastDayOf(periodStart: string, granularity: string): string {
  const start = parseIsoDate(periodStart)!;
  if (granularity === 'month') {
    return formatIsoDate(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)));
  }
  if (granularity === 'week') {
    return formatIsoDate(new Date(start.getTime() + 6 * 86_400_000));
  }
  return periodStart;
}

/** Renders a product's decomposition with its anomalies. Throws NOT_FOUND for an unknown product. */
export async function renderDecompositionSvg(
  context: AnalysisContext,
  productId: number,
  request: TrendRequest,
  language: ChartLanguage,
): Promise<string> {
  const product = await context.loaders.productById.load(productId);
  if (!product) {
    throw notFound(`Product ${productId} was not found.`);
  }
  const trend = await analyseProductTrend(context, product, request);
  const { series, analysis } = trend;
  return renderDecompositionChart({
    title: product.name,
    language,
    rows: series.periods.map((period, index) => ({
      period,
      observed: series.units[index],
      trend: analysis.decomposition.trend[index],
      seasonal: analysis.decomposition.seasonal[index],
      remainder: analysis.decomposition.remainder[index],
    })),
    anomalies: analysis.anomalies.map((anomaly) => ({
      period: series.periods[anomaly.index],
      observed: anomaly.observed,
    })),
  });
}

/** Renders a campaign's lift. Throws NOT_FOUND for an unknown campaign. */
export async function renderLiftSvg(
  context: AnalysisContext,
  campaignId: number,
  request: LiftRequest,
  language: ChartLanguage,
): Promise<string> {
  const campaign = await context.loaders.analysis.campaignById.load(campaignId);
  if (!campaign) {
    throw notFound(`Campaign ${campaignId} was not found.`);
  }
  const result = await measureLiftOfCampaign(context, campaign, request);
  return renderLiftChart({
    title: campaign.name,
    language,
    history: result.history,
    actual: result.periods.map((period) => ({ period: period.period, units: period.actual })),
    counterfactual: result.periods.map((period) => ({
      period: period.period,
      value: period.counterfactual,
      lower95: period.lower95,
      upper95: period.upper95,
    })),
  });
}

/** Renders an experiment's per-variant intervals. Throws NOT_FOUND for an unknown experiment. */
export async function renderExperimentSvg(
  context: AnalysisContext,
  experimentId: number,
  options: ResultsOptions,
  language: ChartLanguage,
): Promise<string> {
  const experiment = await context.loaders.analysis.experimentById.load(experimentId);
  if (!experiment) {
    throw notFound(`Experiment ${experimentId} was not found.`);
  }
  const totals = await context.loaders.analysis.variantTotals.load(experimentId);
  const results = analyseExperiment(experiment, totals, options);
  return renderExperimentChart({
    title: experiment.name,
    language,
    variants: results.test.variants.map((variant, index) => ({
      label: `copy ${totals[index].copyId}`,
      isControl: variant.isControl,
      rate: variant.rate,
      lower: variant.interval.lower,
      upper: variant.interval.upper,
    })),
  });
}
