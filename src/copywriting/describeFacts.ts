import type { Granularity } from '../shared/period';
import type {
  ForecastSummary,
  Language,
  Money,
  ReviewSummary,
  SalesSummary,
  SeasonalitySummary,
  TrendLine,
} from './types';

const unitsFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Formats a unit count with thousands separators, rounded to a whole number. */
export function formatUnits(units: number): string {
  return unitsFormat.format(Math.round(units));
}

/**
 * Formats a price as the currency's symbol followed by the exact decimal amount, so the
 * amount in copy matches the stored one digit for digit (`£12.50`, `CN¥88.00`).
 */
export function formatPrice(price: Money, language: Language): string {
  const symbol =
    new Intl.NumberFormat(language, { style: 'currency', currency: price.currency })
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? price.currency;
  return `${symbol}${price.amount}`;
}

/** Names a span of periods: "the last 3 months" / "近3个月". */
export function describeWindow(
  periods: number,
  granularity: Granularity,
  language: Language,
): string {
  if (language === 'zh') {
    const unit = { day: '天', week: '周', month: '个月' }[granularity];
    return `近${periods}${unit}`;
  }
  const unit = { day: 'day', week: 'week', month: 'month' }[granularity];
  return periods === 1 ? `the last ${unit}` : `the last ${periods} ${unit}s`;
}

/** Names one period given its first day: "November 2011", "the week of 2011-11-07". */
export function describePeriod(
  period: string,
  granularity: Granularity,
  language: Language,
): string {
  const [year, month, day] = period.split('-').map(Number);
  if (language === 'zh') {
    switch (granularity) {
      case 'month':
        return `${year}年${month}月`;
      case 'week':
        return `${year}年${month}月${day}日当周`;
      case 'day':
        return `${year}年${month}月${day}日`;
    }
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const monthName = date.toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  switch (granularity) {
    case 'month':
      return `${monthName} ${year}`;
    case 'week':
      return `the week of ${monthName} ${day}, ${year}`;
    case 'day':
      return `${monthName} ${day}, ${year}`;
  }
}

/**
 * Writes one sentence on the sales trend, e.g. "Sales are rising: 412 units in the last 3
 * months, up 24% on the 3 months before."
 */
export function describeSales(sales: SalesSummary, language: Language): string {
  const units = formatUnits(sales.recentUnits);
  const change = Math.abs(Math.round(sales.changePercent));
  const window = describeWindow(sales.recentPeriods, sales.granularity, language);
  if (language === 'zh') {
    const previous = window.replace('近', '之前');
    switch (sales.trend) {
      case 'rising':
        return `销量上升：${window}售出${units}件，比${previous}增长${change}%。`;
      case 'falling':
        return `销量下降：${window}售出${units}件，比${previous}减少${change}%。`;
      case 'flat':
        return `销量平稳：${window}售出${units}件，与${previous}相差${change}%。`;
    }
  }
  const previous = window.replace('the last', 'the');
  switch (sales.trend) {
    case 'rising':
      return `Sales are rising: ${units} units in ${window}, up ${change}% on ${previous} before.`;
    case 'falling':
      return `Sales are falling: ${units} units in ${window}, down ${change}% on ${previous} before.`;
    case 'flat':
      return `Sales are steady: ${units} units in ${window}, within ${change}% of ${previous} before.`;
  }
}

/**
 * Writes one sentence on the latest forecast: the model, the next peak and the total over the
 * horizon.
 */
export function describeForecast(forecast: ForecastSummary, language: Language): string {
  const peak = describePeriod(forecast.nextPeak.period, forecast.granularity, language);
  const peakUnits = formatUnits(forecast.nextPeak.value);
  const total = formatUnits(forecast.horizonTotal);
  const horizon = describeWindow(forecast.horizon, forecast.granularity, language);
  if (language === 'zh') {
    const next = horizon.replace('近', '未来');
    return `预测（${forecast.model}）：需求将在${peak}达到高峰，约${peakUnits}件；${next}预计共售出${total}件。`;
  }
  const next = horizon.replace('the last', 'the next');
  return `Forecast (${forecast.model}): demand peaks in ${peak} at about ${peakUnits} units, with ${total} units expected over ${next}.`;
}

// Seasonal strengths from this value up read as "strong", below the next as "weak".
const STRONG_SEASON = 0.6;
const WEAK_SEASON = 0.3;

/** Names a month of the year (1-12): "November" / "11月". */
export function describeMonth(month: number, language: Language): string {
  if (language === 'zh') {
    return `${month}月`;
  }
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  });
}

/**
 * Writes one sentence on seasonality, e.g. "Seasonality is strong (strength 0.72 over 2 years):
 * sales are highest in November and lowest in February."
 */
export function describeSeasonality(season: SeasonalitySummary, language: Language): string {
  const strength = season.strength.toFixed(2);
  const peak = describeMonth(season.peakMonth, language);
  const trough = describeMonth(season.troughMonth, language);
  const level = seasonLevel(season.strength);
  if (language === 'zh') {
    const words = { strong: '明显', moderate: '中等', weak: '较弱' };
    return `季节性${words[level]}（强度${strength}，基于${season.years}年数据）：${peak}销量最高，${trough}最低。`;
  }
  return `Seasonality is ${level} (strength ${strength} over ${season.years} years): sales are highest in ${peak} and lowest in ${trough}.`;
}

function seasonLevel(strength: number): 'strong' | 'moderate' | 'weak' {
  if (strength >= STRONG_SEASON) {
    return 'strong';
  }
  return strength >= WEAK_SEASON ? 'moderate' : 'weak';
}

/** Writes one sentence on the fitted trend line, e.g. "The trend over the last 12 months is rising (+35%)." */
export function describeTrendLine(line: TrendLine, language: Language): string {
  const window = describeWindow(line.periods, line.granularity, language);
  const change =
    line.changePercent === null
      ? ''
      : ` (${line.changePercent >= 0 ? '+' : '-'}${Math.abs(Math.round(line.changePercent))}%)`;
  if (language === 'zh') {
    const direction = { rising: '上升', falling: '下降', flat: '平稳' }[line.direction];
    const adjusted = line.seasonallyAdjusted ? '（已剔除季节因素）' : '';
    return `${window}的销量趋势线${direction}${change}${adjusted}。`;
  }
  const adjusted = line.seasonallyAdjusted ? ', seasonally adjusted' : '';
  return `The sales trend line over ${window} is ${line.direction}${change}${adjusted}.`;
}

/**
 * Writes one sentence on review sentiment, e.g. "Reviews: 120 reviews, 12% negative, average
 * rating 4.3 of 5; common complaints: small."
 */
export function describeReviews(reviews: ReviewSummary, language: Language): string {
  const negative = Math.round(reviews.negativeShare * 100);
  const rating = reviews.averageRating === undefined ? undefined : reviews.averageRating.toFixed(1);
  const complaints = reviews.commonComplaints ?? [];
  if (language === 'zh') {
    const parts = [`共${reviews.reviews}条评价，${negative}%为负面`];
    if (rating !== undefined) {
      parts.push(`平均${rating}星（满分5星）`);
    }
    if (complaints.length > 0) {
      parts.push(`常见抱怨：${complaints.join('、')}`);
    }
    return `评价：${parts.join('，')}。`;
  }
  const parts = [`${reviews.reviews} reviews, ${negative}% negative`];
  if (rating !== undefined) {
    parts.push(`average rating ${rating} of 5`);
  }
  const sentence = `Reviews: ${parts.join(', ')}`;
  return complaints.length > 0
    ? `${sentence}; common complaints: ${complaints.join(', ')}.`
    : `${sentence}.`;
}
