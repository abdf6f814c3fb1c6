import { measureCampaignLift } from '../../analytics';
import type { CampaignLift } from '../../analytics';
import type { Campaign } from '../../db/entities';
import { MAX_HORIZON } from '../../forecasting';
import type { ModelSpec } from '../../forecasting';
import { badInput } from '../../shared/errors';
import {
  NATURAL_SEASON_LENGTH,
  addPeriods,
  formatIsoDate,
  parseIsoDate,
  periodRange,
} from '../../shared/period';
import type { Granularity } from '../../shared/period';
import type { AnalysisContext } from '../analysis/analysisContext';
import { toApiError } from '../forecast/modelSpec';
import { loadProductSeries } from '../analysis/productSeries';

/** Settings of a lift measurement. */
export interface LiftRequest {
  granularity: Granularity;
  model: ModelSpec;
  /** Coverage of the lift interval in percent. */
  level: number;
  errorCorrelation: 'independent' | 'comonotonic';
  /** Periods of history before the campaign returned for charts. */
  historyPeriods: number;
}

/** One campaign period: actual units against the counterfactual forecast. */
export interface LiftPeriod {
  period: string;
  actual: number;
  counterfactual: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** A campaign's lift with the forecast and data behind it. */
export interface CampaignLiftResult {
  lift: CampaignLift;
  periods: LiftPeriod[];
  history: Array<{ period: string; units: number }>;
  modelKind: string;
  training: { from: string; to: string; points: number };
  statement: string;
  warnings: string[];
}

/**
 * Measures the lift in a campaign's product units. A forecast fitted on the product's periods
 * before the campaign's first period is the counterfactual for the campaign's periods. The lift
 * is actual minus forecast, with an interval from the forecast's 95% bounds. Throws
 * BAD_USER_INPUT when the campaign has no product, the sales data end before the campaign does,
 * there are no sales before it, or it spans more than the forecast horizon allows.
 */
export async function measureLiftOfCampaign(
  context: AnalysisContext,
  campaign: Campaign,
  request: LiftRequest,
): Promise<CampaignLiftResult> {
  if (campaign.productId === null) {
    throw badInput(
      'campaignId',
      `Campaign ${campaign.id} ("${campaign.name}") promotes no product; link one with setCampaignProduct to measure lift.`,
    );
  }
  const product = await context.loaders.productById.load(campaign.productId);
  if (!product) {
    throw badInput('campaignId', `The product of campaign ${campaign.id} was not found.`);
  }
  const { granularity } = request;
  const periods = periodRange(
    parseIsoDate(campaign.startDate)!,
    parseIsoDate(campaign.endDate)!,
    granularity,
  );
  if (periods.length > MAX_HORIZON) {
    throw badInput(
      'granularity',
      `Campaign ${campaign.id} spans ${periods.length} ${granularity} periods, more than the ${MAX_HORIZON} a forecast covers; choose a coarser granularity.`,
    );
  }
  const firstPeriod = periods[0];
  const lastDay = addPeriods(addPeriods(periods[periods.length - 1], granularity, 1), 'day', -1);
  const latest = await context.loaders.analysis.latestSalesDate.load('all');
  if (latest === null || latest < formatIsoDate(lastDay)) {
    throw badInput(
      'campaignId',
      `The sales data end on ${latest ?? '(no sales)'}, before the campaign's last ${granularity} ends on ${formatIsoDate(lastDay)}, so its actual sales are incomplete.`,
    );
  }

  const training = await loadProductSeries(context, product, granularity, {
    to: formatIsoDate(addPeriods(firstPeriod, 'day', -1)),
  });
  const actualTotals = await context.loaders.salesTotals.load({
    productId: product.id,
    granularity,
    from: formatIsoDate(firstPeriod),
    to: formatIsoDate(lastDay),
  });
  const actualByPeriod = new Map(actualTotals.map((total) => [total.period, total.units]));
  const actual = periods.map((period) => actualByPeriod.get(formatIsoDate(period)) ?? 0);

  const forecast = await context.forecasts
    .run({
      y: training.units,
      horizon: periods.length,
      levels: [80, 95],
      naturalSeasonLength: NATURAL_SEASON_LENGTH[granularity],
      model: request.model,
    })
    .catch((error: unknown) => {
      throw toApiError(error);
    });
  const at = (level: number) => forecast.intervals.find((bounds) => bounds.level === level)!;
  const [at80, at95] = [at(80), at(95)];
  const lift = measureCampaignLift(
    actual,
    { mean: forecast.mean, lower: at95.lower, upper: at95.upper, level: 95 },
    { level: request.level, errorCorrelation: request.errorCorrelation },
  );

  const trainingPeriods = training.periods;
  const tail = Math.max(0, trainingPeriods.length - request.historyPeriods);
  return {
    lift,
    periods: periods.map((period, index) => ({
      period: formatIsoDate(period),
      actual: actual[index],
      counterfactual: forecast.mean[index],
      lower80: at80.lower[index],
      upper80: at80.upper[index],
      lower95: at95.lower[index],
      upper95: at95.upper[index],
    })),
    history: trainingPeriods.slice(tail).map((period, index) => ({
      period,
      units: training.units[tail + index],
    })),
    modelKind: forecast.model.kind,
    training: {
      from: trainingPeriods[0],
      to: trainingPeriods[trainingPeriods.length - 1],
      points: trainingPeriods.length,
    },
    statement: describeLift(lift),
    warnings: [...training.warnings, ...forecast.warnings, ...lift.warnings],
  };
}

function describeLift(lift: CampaignLift): string {
  const number = (value: number) => value.toFixed(1);
  const relative =
    lift.relativeLift === null
      ? ''
      : `, ${lift.relativeLift >= 0 ? '+' : ''}${lift.relativeLift.toFixed(1)}%`;
  const verdict =
    lift.liftInterval.lower > 0
      ? 'The campaign period sold more than expected without it'
      : lift.liftInterval.upper < 0
        ? 'The campaign period sold less than expected without it'
        : 'The data do not show a lift';
  return `${verdict}: ${number(lift.actualTotal)} units against ${number(lift.counterfactualTotal)} forecast (lift ${lift.lift >= 0 ? '+' : ''}${number(lift.lift)}${relative}, ${lift.liftInterval.level}% interval ${number(lift.liftInterval.lower)} to ${number(lift.liftInterval.upper)}, p = ${lift.pValue.toFixed(4)}).`;
}
