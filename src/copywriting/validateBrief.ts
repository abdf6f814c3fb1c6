import { badInput } from '../shared/errors';
import type { CopyBrief } from './types';
import { COPY_CHANNELS, COPY_TONES, LANGUAGES } from './types';

/** Largest `maxLength` accepted, in grapheme clusters: a long product page description. */
export const MAX_COPY_LENGTH = 5000;

/** Largest number of variants one request may ask for. */
export const MAX_VARIANTS = 10;

const DECIMAL_AMOUNT = /^\d{1,15}(\.\d{1,6})?$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the parts of a brief a client chooses or the catalogue supplies. Throws a
 * `BAD_USER_INPUT` `DomainError` naming the first invalid field; returns nothing otherwise.
 */
export function validateBrief(brief: CopyBrief): void {
  if (!COPY_CHANNELS.includes(brief.channel)) {
    throw badInput(
      'channel',
      `Invalid channel "${brief.channel}", expected one of ${COPY_CHANNELS.join(', ')}.`,
    );
  }
  if (!COPY_TONES.includes(brief.tone)) {
    throw badInput(
      'tone',
      `Invalid tone "${brief.tone}", expected one of ${COPY_TONES.join(', ')}.`,
    );
  }
  if (!LANGUAGES.includes(brief.language)) {
    throw badInput(
      'language',
      `Invalid language "${brief.language}", expected one of ${LANGUAGES.join(', ')}.`,
    );
  }
  if (
    !Number.isInteger(brief.maxLength) ||
    brief.maxLength < 1 ||
    brief.maxLength > MAX_COPY_LENGTH
  ) {
    throw badInput(
      'maxLength',
      `Invalid maxLength ${brief.maxLength}, expected a whole number from 1 to ${MAX_COPY_LENGTH}.`,
    );
  }
  if (!Number.isInteger(brief.variants) || brief.variants < 1 || brief.variants > MAX_VARIANTS) {
    throw badInput(
      'variants',
      `Invalid variants ${brief.variants}, expected a whole number from 1 to ${MAX_VARIANTS}.`,
    );
  }
  validateProduct(brief);
  validateFigures(brief);
}

function validateProduct({ product }: CopyBrief): void {
  if (product.name.trim() === '') {
    throw badInput(
      'product.name',
      `Missing product name for SKU "${product.sku}", a product needs a name before copy can be written.`,
    );
  }
  if (!DECIMAL_AMOUNT.test(product.price.amount)) {
    throw badInput(
      'product.price.amount',
      `Invalid price amount "${product.price.amount}", expected a non-negative decimal string such as "12.50".`,
    );
  }
  if (!CURRENCY_CODE.test(product.price.currency)) {
    throw badInput(
      'product.price.currency',
      `Invalid currency "${product.price.currency}", expected a three-letter ISO 4217 code such as "GBP".`,
    );
  }
}

function validateFigures({ sales, forecast }: CopyBrief): void {
  if (sales) {
    const figures = [sales.changePercent, sales.recentUnits, sales.recentPeriods];
    if (!figures.every(Number.isFinite) || sales.recentPeriods < 1) {
      throw badInput(
        'sales',
        `Invalid sales summary ${JSON.stringify(sales)}, expected finite numbers and at least 1 recent period.`,
      );
    }
  }
  if (forecast) {
    const figures = [forecast.horizon, forecast.horizonTotal, forecast.nextPeak.value];
    if (
      !figures.every(Number.isFinite) ||
      forecast.horizon < 1 ||
      !ISO_DATE.test(forecast.nextPeak.period)
    ) {
      throw badInput(
        'forecast',
        `Invalid forecast summary ${JSON.stringify(forecast)}, expected finite numbers, a horizon of at least 1 and a peak period as YYYY-MM-DD.`,
      );
    }
  }
}
