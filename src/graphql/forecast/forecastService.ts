import type { DataSource } from 'typeorm';

import { Forecast, ForecastPoint } from '../../db/entities';
import type { Product } from '../../db/entities';
import { fillPeriods, latestSalesDate, loadSalesTotals } from '../../db/queries/sales';
import { MAX_HORIZON } from '../../forecasting';
import type { BacktestOptions, ForecastResult, ModelSpec } from '../../forecasting';
import { DomainError, ErrorCode, badInput } from '../../shared/errors';
import {
  NATURAL_SEASON_LENGTH,
  addPeriods,
  formatIsoDate,
  parseIsoDate,
  periodStart,
} from '../../shared/period';
import type { Granularity } from '../../shared/period';
import type { ForecastRunner } from '../context';
import { toParameters } from './forecast.types';
import { toApiError } from './modelSpec';

/** A runForecast request, with the product already loaded. */
export interface ForecastRequest {
  product: Product;
  granularity: Granularity;
  horizon: number;
  model: ModelSpec;
  requestedKind: string;
  /** One channel, or every channel summed when absent. */
  channel?: string;
  /** First day of training; the product's first sale when absent. */
  from?: string;
  /** Last day of training; the last day with any sales in the database when absent. */
  to?: string;
  backtest?: BacktestOptions;
}

/** A training series: the filled period totals and their range. */
interface TrainingSeries {
  y: number[];
  from: Date;
  to: Date;
  warnings: string[];
}

/**
 * Fits the requested model on the product's series off the event loop, stores the forecast
 * with its points in one transaction and returns the stored row. Throws BAD_USER_INPUT for
 * requests the data cannot support and FORECAST_FAILED when the fit fails; nothing is stored
 * then.
 */
export async function runAndStoreForecast(
  dataSource: DataSource,
  runner: ForecastRunner,
  request: ForecastRequest,
): Promise<Forecast> {
  if (!Number.isInteger(request.horizon) || request.horizon < 1 || request.horizon > MAX_HORIZON) {
    throw badInput(
      'horizon',
      `horizon must be between 1 and ${MAX_HORIZON}; received ${request.horizon}.`,
    );
  }
  const series = await loadTrainingSeries(dataSource, request);

  const started = performance.now();
  const result = await runner
    .run({
      y: series.y,
      horizon: request.horizon,
      levels: [80, 95],
      naturalSeasonLength: NATURAL_SEASON_LENGTH[request.granularity],
      model: request.model,
      backtest: request.backtest,
    })
    .catch((error: unknown) => {
      throw toApiError(error);
    });
  const durationMs = Math.round(performance.now() - started);
  assertFinite(result);
  const clampWarning = series.y.every((value) => value >= 0)
    ? clampAtZero(result)
    : negativeBoundsWarning(result, series.y);

  return dataSource.transaction(async (manager) => {
    const forecast = await manager.getRepository(Forecast).save(
      manager.getRepository(Forecast).create({
        productId: request.product.id,
        requestedKind: request.requestedKind,
        modelKind: result.model.kind,
        modelParams: result.model.params,
        granularity: request.granularity,
        horizon: request.horizon,
        seasonLength: result.seasonLength,
        trainFrom: formatIsoDate(series.from),
        trainTo: formatIsoDate(series.to),
        trainPoints: series.y.length,
        channel: request.channel ?? '*',
        fitStatistics: definedOnly(result.fit),
        warnings: [...series.warnings, ...result.warnings, ...(clampWarning ? [clampWarning] : [])],
        candidates:
          result.candidates?.map((candidate) => ({
            modelKind: candidate.model.kind,
            parameters: toParameters(candidate.model.params),
            scores: candidate.scores,
            error: candidate.error ?? null,
          })) ?? null,
        backtest:
          result.backtest || result.selectionMetric
            ? { report: result.backtest ?? null, selectionMetric: result.selectionMetric ?? null }
            : null,
        durationMs,
      }),
    );
    const level = (value: number) => result.intervals.find((bounds) => bounds.level === value)!;
    const [at80, at95] = [level(80), level(95)];
    const points = result.mean.map((value, index) => ({
      forecastId: forecast.id,
      step: index + 1,
      period: formatIsoDate(addPeriods(series.to, request.granularity, index + 1)),
      value,
      lower80: at80.lower[index],
      upper80: at80.upper[index],
      lower95: at95.lower[index],
      upper95: at95.upper[index],
    }));
    await manager.getRepository(ForecastPoint).insert(points);
    return forecast;
  });
}

async function loadTrainingSeries(
  dataSource: DataSource,
  request: ForecastRequest,
): Promise<TrainingSeries> {
  const { product, granularity } = request;
  const warnings: string[] = [];
  // ISO dates compare as strings; the resolver has checked their format.
  if (request.from !== undefined && request.to !== undefined && request.from > request.to) {
    throw badInput(
      'from',
      `from (${request.from}) is after to (${request.to}); give the first training day as from and the last as to.`,
    );
  }
  const totals =
    (
      await loadSalesTotals(dataSource, [product.id], {
        granularity,
        from: request.from,
        to: request.to,
        channel: request.channel,
      })
    ).get(product.id) ?? [];
  if (totals.length === 0) {
    const channel = request.channel ? ` in channel "${request.channel}"` : '';
    throw badInput(
      'productId',
      `Product ${product.id} (SKU "${product.sku}") has no sales${channel} in the requested range; record sales with recordSales first.`,
    );
  }

  const from = request.from
    ? periodStart(parseIsoDate(request.from)!, granularity)
    : parseIsoDate(totals[0].period)!;
  let lastDay = parseIsoDate(request.to ?? (await latestSalesDate(dataSource))!)!;
  let to = periodStart(lastDay, granularity);

  // A period that the data cover only in part (a month whose data end on the 9th) would read
  // as a collapse in demand, so training stops at the last complete period.
  const nextDay = addPeriods(lastDay, 'day', 1);
  if (request.to === undefined && periodStart(nextDay, granularity).getTime() === to.getTime()) {
    warnings.push(
      `The ${granularity} starting ${formatIsoDate(to)} is incomplete because the data end on ${formatIsoDate(lastDay)}; it was left out of training.`,
    );
    lastDay = addPeriods(to, 'day', -1);
    to = periodStart(lastDay, granularity);
  }
  if (to.getTime() < from.getTime()) {
    throw badInput(
      'to',
      `The training range ends (${formatIsoDate(to)}) before it starts (${formatIsoDate(from)}); widen from/to.`,
    );
  }

  const filled = fillPeriods(totals, granularity, from, to);
  return { y: filled.map((total) => total.units), from, to, warnings };
}

function assertFinite(result: ForecastResult): void {
  const values = [
    ...result.mean,
    ...result.intervals.flatMap((bounds) => [...bounds.lower, ...bounds.upper]),
  ];
  if (!values.every(Number.isFinite)) {
    throw new DomainError(
      ErrorCode.ForecastFailed,
      `The ${result.model.kind} fit produced non-finite forecasts; try a simpler model or a shorter horizon.`,
    );
  }
  for (const level of [80, 95]) {
    if (!result.intervals.some((bounds) => bounds.level === level)) {
      throw new DomainError(ErrorCode.ForecastFailed, `The fit returned no ${level}% interval.`);
    }
  }
}

/**
 * Raises point forecasts and interval bounds below zero to zero, in place, because units sold
 * over a period cannot be negative when none of the training periods was. Returns a warning
 * when anything was raised.
 */
function clampAtZero(result: ForecastResult): string | undefined {
  let raised = 0;
  const clamp = (values: number[]) =>
    values.forEach((value, index) => {
      if (value < 0) {
        values[index] = 0;
        raised += 1;
      }
    });
  clamp(result.mean);
  for (const bounds of result.intervals) {
    clamp(bounds.lower);
    clamp(bounds.upper);
  }
  return raised > 0
    ? `${raised} forecast values or interval bounds below zero were raised to zero, because the training periods never sold fewer than zero units.`
    : undefined;
}

/**
 * Returns a warning when forecasts or bounds below zero are kept because the training series has
 * periods with negative net units (more units returned than sold), or undefined when none are.
 */
function negativeBoundsWarning(result: ForecastResult, y: number[]): string | undefined {
  const values = [...result.mean, ...result.intervals.flatMap((bounds) => bounds.lower)];
  const negative = values.filter((value) => value < 0).length;
  if (negative === 0) return undefined;
  const negativePeriods = y.filter((value) => value < 0).length;
  const periods =
    negativePeriods === 1 ? '1 training period' : `${negativePeriods} training periods`;
  return `${negative} forecast values or interval bounds below zero were kept, because ${periods} had negative net units (more returned than sold).`;
}

function definedOnly(fit: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(fit).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
  );
}
