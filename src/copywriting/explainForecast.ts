import { badInput } from '../shared/errors';
import type { Granularity } from '../shared/period';
import { describePeriod, describeWindow, formatUnits } from './describeFacts';
import type { Language } from './types';

/** A forecast point: the period's first day, the point forecast and its 95% bounds. */
export interface ExplainedPoint {
  period: string;
  mean: number;
  lower95?: number;
  upper95?: number;
}

/** The numbers an explanation is written from. */
export interface ForecastExplanationInput {
  /** Model kind and parameters as stored, e.g. `{ kind: 'ARIMA', params: { p: 1, d: 1, q: 1 } }`. */
  model: { kind: string; params: Record<string, number | string | boolean | null> };
  granularity: Granularity;
  /** Observed units per period, oldest first, ending just before the first forecast point. */
  history: number[];
  points: ExplainedPoint[];
}

/** A plain-language explanation, sentence by sentence. */
export interface ForecastExplanation {
  text: string;
  sentences: string[];
  /** Signed change of the mean forecast against the same number of recent periods, in percent. */
  changePercent: number;
  /** Mean half-width of the 95% interval relative to the point forecast, in percent. */
  intervalHalfWidthPercent?: number;
}

// Changes smaller than this, in percent, read as "about level".
const LEVEL_BAND_PERCENT = 5;
const NARROW_INTERVAL_PERCENT = 20;
const MODERATE_INTERVAL_PERCENT = 50;

/**
 * Explains a forecast in a few sentences, in Chinese or English, from its numbers alone with
 * no model call. The sentences name the model, say whether demand rises or falls against
 * recent sales, when it peaks, whether a seasonal pattern repeats, how wide the 95% interval
 * is and what drives the change. The recent window has as many periods as the forecast, or all
 * the history when that is shorter. Throws `BAD_USER_INPUT` when there are no points, no
 * history, or a value is not finite.
 */
export function explainForecast(
  input: ForecastExplanationInput,
  language: Language,
): ForecastExplanation {
  validateInput(input);
  const { points, history, granularity } = input;
  const window = history.slice(-points.length);
  const recentMean = average(window);
  const forecastMean = average(points.map((point) => point.mean));
  const changePercent = recentMean === 0 ? 0 : ((forecastMean - recentMean) / recentMean) * 100;
  const peak = points.reduce((best, point) => (point.mean > best.mean ? point : best));
  const season = seasonLength(input.model);
  const halfWidth = intervalHalfWidthPercent(points);

  const words = language === 'zh' ? CHINESE : ENGLISH;
  const sentences = [
    words.model(describeModel(input.model), history.length, granularity),
    words.trend(changePercent, points.length, window.length, granularity),
    words.peak(describePeriod(peak.period, granularity, language), formatUnits(peak.mean)),
    ...(season > 1 ? [words.season(season, granularity)] : []),
    ...(halfWidth === undefined ? [] : [words.interval(halfWidth)]),
    words.driver(chooseDriver(input, changePercent, season)),
  ];
  return {
    text: sentences.join(language === 'zh' ? '' : ' '),
    sentences,
    changePercent,
    intervalHalfWidthPercent: halfWidth,
  };
}

type Driver = 'SEASON' | 'TREND' | 'LEVEL';

interface Wording {
  model(model: string, observations: number, granularity: Granularity): string;
  trend(changePercent: number, horizon: number, recent: number, granularity: Granularity): string;
  peak(period: string, units: string): string;
  season(length: number, granularity: Granularity): string;
  interval(halfWidthPercent: number): string;
  driver(driver: Driver): string;
}

const ENGLISH: Wording = {
  model: (model, observations, granularity) =>
    `This forecast was made by ${model}, fitted to ${describeWindow(observations, granularity, 'en').replace('the last ', '')} of sales.`,
  trend: (change, horizon, recent, granularity) => {
    const next = describeWindow(horizon, granularity, 'en').replace('the last', 'the next');
    const last = describeWindow(recent, granularity, 'en');
    if (Math.abs(change) < LEVEL_BAND_PERCENT) {
      return `Demand over ${next} should stay about level with ${last}.`;
    }
    const direction = change > 0 ? 'rise' : 'fall';
    return `Demand over ${next} is expected to ${direction} by about ${Math.abs(Math.round(change))}% against ${last}.`;
  },
  peak: (period, units) => `The highest point is ${period}, at about ${units} units.`,
  season: (length, granularity) =>
    `The model repeats a seasonal pattern every ${describeWindow(length, granularity, 'en').replace('the last ', '')}.`,
  interval: (halfWidth) => {
    const rounded = Math.round(halfWidth);
    if (halfWidth < NARROW_INTERVAL_PERCENT) {
      return `The 95% interval is narrow, about ±${rounded}% of the forecast, so the numbers are fairly firm.`;
    }
    if (halfWidth < MODERATE_INTERVAL_PERCENT) {
      return `The 95% interval is moderate, about ±${rounded}% of the forecast.`;
    }
    return `The 95% interval is wide, about ±${rounded}% of the forecast, so treat the numbers as a rough guide.`;
  },
  driver: (driver) =>
    ({
      SEASON: 'The change comes mainly from the seasonal pattern.',
      TREND: 'The change comes mainly from the recent trend in sales.',
      LEVEL: 'The forecast mainly carries the recent level of sales forward.',
    })[driver],
};

const CHINESE: Wording = {
  model: (model, observations, granularity) =>
    `该预测由${model}模型根据${describeWindow(observations, granularity, 'zh').replace('近', '')}的销量拟合得出。`,
  trend: (change, horizon, recent, granularity) => {
    const next = describeWindow(horizon, granularity, 'zh').replace('近', '未来');
    const last = describeWindow(recent, granularity, 'zh');
    if (Math.abs(change) < LEVEL_BAND_PERCENT) {
      return `${next}的需求预计与${last}基本持平。`;
    }
    const direction = change > 0 ? '增长' : '下降';
    return `${next}的需求预计比${last}${direction}约${Math.abs(Math.round(change))}%。`;
  },
  peak: (period, units) => `最高点在${period}，约${units}件。`,
  season: (length, granularity) =>
    `模型包含每${describeWindow(length, granularity, 'zh').replace('近', '')}重复一次的季节规律。`,
  interval: (halfWidth) => {
    const rounded = Math.round(halfWidth);
    if (halfWidth < NARROW_INTERVAL_PERCENT) {
      return `95%预测区间较窄，约为预测值的±${rounded}%，数字比较可靠。`;
    }
    if (halfWidth < MODERATE_INTERVAL_PERCENT) {
      return `95%预测区间适中，约为预测值的±${rounded}%。`;
    }
    return `95%预测区间较宽，约为预测值的±${rounded}%，数字仅供粗略参考。`;
  },
  driver: (driver) =>
    ({
      SEASON: '变化主要来自季节规律。',
      TREND: '变化主要来自近期的销量趋势。',
      LEVEL: '预测主要延续了近期的销量水平。',
    })[driver],
};

/** Names the model with its orders, e.g. `ARIMA(1,1,1)(0,1,1)[12]`. */
function describeModel(model: ForecastExplanationInput['model']): string {
  const { p, d, q, P, D, Q, s } = model.params;
  if (typeof p !== 'number' || typeof d !== 'number' || typeof q !== 'number') {
    return model.kind;
  }
  const seasonal =
    typeof P === 'number' &&
    typeof D === 'number' &&
    typeof Q === 'number' &&
    typeof s === 'number' &&
    s > 1
      ? `(${P},${D},${Q})[${s}]`
      : '';
  return `${model.kind}(${p},${d},${q})${seasonal}`;
}

/**
 * Returns the seasonal period the model uses, or 0 for none: SARIMA's `s` when it has seasonal
 * terms, ETS's `seasonLength` with a seasonal component (`season` A or M), and
 * SEASONAL_NAIVE's `seasonLength`, as the forecasting module stores them.
 */
function seasonLength(model: ForecastExplanationInput['model']): number {
  const { s, seasonLength: length, season, P, D, Q } = model.params;
  const hasSeasonalOrders = [P, D, Q].some((order) => typeof order === 'number' && order > 0);
  if (typeof s === 'number' && hasSeasonalOrders) {
    return s;
  }
  const seasonalEts = season === 'A' || season === 'M';
  if (typeof length === 'number' && (seasonalEts || model.kind === 'SEASONAL_NAIVE')) {
    return length;
  }
  return 0;
}

/**
 * Picks what moves the forecast: the seasonal pattern when the model has one and its swing
 * within the forecast exceeds the change in level, else the trend when the model differences
 * the series (d > 0) and the level changes by 5% or more, else the recent level.
 */
function chooseDriver(
  input: ForecastExplanationInput,
  changePercent: number,
  season: number,
): Driver {
  const means = input.points.map((point) => point.mean);
  const mean = average(means);
  const swingPercent = mean === 0 ? 0 : ((Math.max(...means) - Math.min(...means)) / mean) * 100;
  if (season > 1 && swingPercent > Math.abs(changePercent)) {
    return 'SEASON';
  }
  const d = input.model.params.d;
  if (typeof d === 'number' && d > 0 && Math.abs(changePercent) >= LEVEL_BAND_PERCENT) {
    return 'TREND';
  }
  return 'LEVEL';
}

function intervalHalfWidthPercent(points: ExplainedPoint[]): number | undefined {
  const widths = points
    .filter(
      (point) => point.lower95 !== undefined && point.upper95 !== undefined && point.mean !== 0,
    )
    .map(
      (point) => (((point.upper95 ?? 0) - (point.lower95 ?? 0)) / 2 / Math.abs(point.mean)) * 100,
    );
  return widths.length === 0 ? undefined : average(widths);
}

function average(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function validateInput(input: ForecastExplanationInput): void {
  if (input.points.length === 0) {
    throw badInput('points', 'Missing forecast points, expected at least one point to explain.');
  }
  if (input.history.length === 0) {
    throw badInput(
      'history',
      'Missing sales history, expected at least one observed period before the forecast.',
    );
  }
  const values = [
    ...input.history,
    ...input.points.flatMap((point) => [point.mean, point.lower95 ?? 0, point.upper95 ?? 0]),
  ];
  const invalid = values.find((value) => !Number.isFinite(value));
  if (invalid !== undefined) {
    throw badInput('points', `Invalid forecast value ${invalid}, expected finite numbers only.`);
  }
}
