import type { Granularity } from '../shared/period';
import type { ForecastSummary, Language, Money, SalesSummary } from './types';

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
