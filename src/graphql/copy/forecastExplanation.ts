import { explainForecast } from '../../copywriting';
import type { ForecastExplanation, Language } from '../../copywriting';
import { fillPeriods } from '../../db/queries/sales';
import type { Loaders } from '../../db/loaders/createLoaders';
import { DomainError, ErrorCode } from '../../shared/errors';
import { addPeriods, formatIsoDate, parseIsoDate } from '../../shared/period';
import type { Granularity } from '../../shared/period';

/** Channel value of a forecast fitted on every channel summed. */
const ALL_CHANNELS = '*';

/**
 * Explains a stored forecast from its model, its points and the sales it was trained on
 * (periods without sales count as zero, as in training). No language model is called,
 * whichever provider is configured, so the explanation states only the stored numbers.
 * Throws `NOT_FOUND` for an unknown forecast.
 */
export async function explainStoredForecast(
  loaders: Loaders,
  forecastId: number,
  language: Language,
): Promise<ForecastExplanation> {
  const forecast = await loaders.forecastById.load(forecastId);
  if (!forecast) {
    throw new DomainError(
      ErrorCode.NotFound,
      `Forecast ${forecastId} was not found; query a product's forecasts to find one.`,
    );
  }
  const granularity = forecast.granularity as Granularity;
  const from = parseIsoDate(forecast.trainFrom)!;
  const lastPeriod = parseIsoDate(forecast.trainTo)!;
  const lastDay = addPeriods(addPeriods(lastPeriod, granularity, 1), 'day', -1);
  const [totals, points] = await Promise.all([
    loaders.salesTotals.load({
      productId: forecast.productId,
      granularity,
      from: formatIsoDate(from),
      to: formatIsoDate(lastDay),
      channel: forecast.channel === ALL_CHANNELS ? undefined : forecast.channel,
    }),
    loaders.forecastPoints.load(forecast.id),
  ]);
  const history = fillPeriods(totals, granularity, from, lastPeriod).map((total) => total.units);

  return explainForecast(
    {
      model: { kind: forecast.modelKind, params: forecast.modelParams },
      granularity,
      history,
      points: points.map((point) => ({
        period: point.period,
        mean: point.value,
        lower95: point.lower95,
        upper95: point.upper95,
      })),
    },
    language,
  );
}
