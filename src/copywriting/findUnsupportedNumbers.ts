import type { CopyBrief, CopyViolation } from './types';

// A number: digits with optional thousands separators and decimals, e.g. 1,903 or 2.55.
const NUMBER = /\d+(?:[,，]\d{3})*(?:\.\d+)?/gu;

/**
 * Flags every number in a text that the brief's data does not contain, so copy cannot invent
 * a price, discount, stock level or rating. Numbers are compared by value after NFKC
 * normalisation (full-width digits become ASCII) and after dropping thousands separators.
 * Supported values are the price, the sales figures (percent change, recent units, window),
 * the forecast figures (horizon, total, peak units, peak date parts), the seasonality, trend
 * line and review figures (a rating's scale of 5 included), and every number inside
 * the product's name, description, category, tags and SKU. Each figure counts both as given
 * and rounded to a whole number, as copy rounds them. Returns one `UNSUPPORTED_NUMBER` error
 * per unsupported number, in text order.
 * NOTE: numbers written in words ("five", "五折") are not recognised.
 */
export function findUnsupportedNumbers(text: string, brief: CopyBrief): CopyViolation[] {
  const supported = collectSupportedValues(brief);
  const normalized = text.normalize('NFKC');
  const violations: CopyViolation[] = [];
  for (const match of normalized.matchAll(NUMBER)) {
    const value = toValue(match[0]);
    if (!supported.has(value)) {
      violations.push({
        rule: 'UNSUPPORTED_NUMBER',
        severity: 'error',
        text: match[0],
        index: match.index ?? 0,
        message: `The text states the number ${match[0]}, which is not in the product's data.`,
      });
    }
  }
  return violations;
}

/** Collects every numeric value the brief supports, as given and rounded. */
export function collectSupportedValues(brief: CopyBrief): Set<number> {
  const values: number[] = [Number(brief.product.price.amount)];
  const { sales, forecast, product, seasonality, trendLine, reviews } = brief;
  if (sales) {
    values.push(
      sales.changePercent,
      Math.abs(sales.changePercent),
      sales.recentUnits,
      sales.recentPeriods,
    );
  }
  if (forecast) {
    values.push(forecast.horizon, forecast.horizonTotal, forecast.nextPeak.value);
    values.push(...forecast.nextPeak.period.split('-').map(Number));
  }
  if (seasonality) {
    values.push(seasonality.strength, seasonality.peakMonth, seasonality.troughMonth);
    values.push(seasonality.years, Number(seasonality.strength.toFixed(2)));
  }
  if (trendLine) {
    values.push(trendLine.periods);
    if (trendLine.changePercent !== null) {
      values.push(trendLine.changePercent, Math.abs(trendLine.changePercent));
    }
  }
  if (reviews) {
    values.push(reviews.reviews, reviews.negativeShare * 100);
    if (reviews.averageRating !== undefined) {
      values.push(reviews.averageRating, Number(reviews.averageRating.toFixed(1)), 5);
    }
  }
  const productText = [
    product.sku,
    product.name,
    product.description,
    product.category,
    ...product.tags,
  ].join(' ');
  for (const match of productText.normalize('NFKC').matchAll(NUMBER)) {
    values.push(toValue(match[0]));
  }
  return new Set(values.flatMap((value) => [value, Math.round(value)]));
}

function toValue(text: string): number {
  return Number(text.replace(/[,，]/g, ''));
}
