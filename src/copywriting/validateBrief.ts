import { badInput } from '../shared/errors';
import { countGraphemes } from './graphemes';
import { findPersonalData, redactPersonalData } from './personalData';
import type { AudienceSegment, CopyBrief } from './types';
import { COPY_CHANNELS, COPY_TONES, LANGUAGES } from './types';

/** Largest `maxLength` accepted, in grapheme clusters: a long product page description. */
export const MAX_COPY_LENGTH = 5000;

/** Largest number of variants one request may ask for. */
export const MAX_VARIANTS = 10;

/** Maximum length of an audience description, in grapheme clusters. */
export const MAX_AUDIENCE_DESCRIPTION_LENGTH = 200;

const CUSTOMER_TYPES = ['NEW', 'RETURNING', 'ALL'];
const COUNTRY_CODE = /^[A-Z]{2}$/;

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
  if (brief.audience) {
    validateAudience(brief.audience);
  }
}

/**
 * Checks an audience segment: a known customer type, an ISO 3166-1 alpha-2 country code, and
 * a description of at most 200 grapheme clusters that contains no personal data, because the
 * description goes into the prompt. Throws `BAD_USER_INPUT` naming the field.
 */
export function validateAudience(audience: AudienceSegment): void {
  if (audience.customerType !== undefined && !CUSTOMER_TYPES.includes(audience.customerType)) {
    throw badInput(
      'audience.customerType',
      `Invalid customer type "${audience.customerType}", expected one of ${CUSTOMER_TYPES.join(', ')}.`,
    );
  }
  if (audience.country !== undefined && !COUNTRY_CODE.test(audience.country)) {
    throw badInput(
      'audience.country',
      `Invalid country "${audience.country}", expected an ISO 3166-1 alpha-2 code in capitals such as "DE".`,
    );
  }
  const description = audience.description;
  if (description === undefined) {
    return;
  }
  const length = countGraphemes(description);
  if (description.trim() === '' || length > MAX_AUDIENCE_DESCRIPTION_LENGTH) {
    throw badInput(
      'audience.description',
      `Invalid audience description of ${length} characters, expected 1 to ${MAX_AUDIENCE_DESCRIPTION_LENGTH} characters.`,
    );
  }
  const found = findPersonalData(description);
  if (found.length > 0) {
    throw badInput(
      'audience.description',
      `Invalid audience description "${redactPersonalData(description)}", it contains personal data (${found.map((match) => match.kind).join(', ')}), so describe a group such as "gift buyers" instead.`,
    );
  }
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

function validateFigures({ sales, forecast, seasonality, trendLine, reviews }: CopyBrief): void {
  const extra = [
    ...(seasonality ? [seasonality.strength, seasonality.peakMonth, seasonality.troughMonth] : []),
    ...(trendLine ? [trendLine.periods, trendLine.changePercent ?? 0] : []),
    ...(reviews ? [reviews.reviews, reviews.negativeShare, reviews.averageRating ?? 1] : []),
  ];
  if (!extra.every(Number.isFinite)) {
    throw badInput(
      'brief',
      `Invalid seasonality, trend line or review figures ${JSON.stringify({ seasonality, trendLine, reviews })}, expected finite numbers.`,
    );
  }
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
