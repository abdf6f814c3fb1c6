/**
 * Exact money. An amount is an integer count of minor units at a fixed scale of 4:
 * one minor unit is 1/10,000 of the currency unit, so "2.55" is 25500 and "0.001" is 10.
 * Amounts are plain `number` integers and every helper rejects a result that is not a safe
 * integer (|x| <= Number.MAX_SAFE_INTEGER, about 900 billion currency units), so no amount is
 * ever rounded.
 */

/** Decimal places kept by a minor-unit amount. */
export const MONEY_SCALE = 4;

/** Minor units in one currency unit (10^MONEY_SCALE). */
export const MINOR_UNITS_PER_UNIT = 10 ** MONEY_SCALE;

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The outcome of `parseMoney`: the amount, or why the text is not one. */
export type MoneyParseResult = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Parses a plain decimal such as `2.55`, `-11062.06`, `0.001` or `3` into minor units.
 * Accepts an optional leading minus, digits, and an optional point followed by digits. Digits
 * past the fourth decimal place are accepted only when they are zeros. Returns the reason
 * instead of the amount for anything else (exponents, thousands separators, currency symbols,
 * a bare point) and for amounts beyond the safe-integer range.
 */
export function parseMoney(text: string): MoneyParseResult {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) {
    return { ok: false, reason: 'is not a decimal number such as 2.55' };
  }

  const [, sign, whole, fraction = ''] = match;
  const fractionDigits = fraction.slice(0, MONEY_SCALE);
  if (/[^0]/.test(fraction.slice(MONEY_SCALE))) {
    return { ok: false, reason: `has more than ${MONEY_SCALE} decimal places` };
  }

  // BigInt keeps long digit strings exact until the range check below.
  const magnitude =
    BigInt(whole) * BigInt(MINOR_UNITS_PER_UNIT) + BigInt(fractionDigits.padEnd(MONEY_SCALE, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    return {
      ok: false,
      reason: `is beyond the maximum amount ${formatMoney(Number.MAX_SAFE_INTEGER)}`,
    };
  }
  const minor = Number(magnitude);
  return { ok: true, minor: sign === '-' && minor !== 0 ? -minor : minor };
}

/** Options of `formatMoney`. */
export interface FormatMoneyOptions {
  /** Fraction digits always shown; trailing zeros beyond them are dropped. Default 2. */
  minFractionDigits?: number;
  /** Whether to group the whole part in thousands with commas. Default false. */
  grouping?: boolean;
}

/**
 * Formats minor units as a decimal string without a currency symbol: 25500 -> "2.55",
 * 10 -> "0.001", -110620600 -> "-11062.06". Throws `TypeError` unless `minor` is a safe integer.
 */
export function formatMoney(minor: number, options: FormatMoneyOptions = {}): string {
  assertMinorUnits(minor, 'minor');
  const { minFractionDigits = 2, grouping = false } = options;

  const magnitude = Math.abs(minor);
  const wholeDigits = String(Math.floor(magnitude / MINOR_UNITS_PER_UNIT));
  const whole = grouping ? wholeDigits.replace(/\B(?=(\d{3})+$)/g, ',') : wholeDigits;
  let fraction = String(magnitude % MINOR_UNITS_PER_UNIT).padStart(MONEY_SCALE, '0');
  while (fraction.length > minFractionDigits && fraction.endsWith('0')) {
    fraction = fraction.slice(0, -1);
  }

  const sign = minor < 0 ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * Multiplies an amount by a whole quantity, e.g. a unit price by the units on an invoice line.
 * Throws `RangeError` when the product is not a safe integer.
 */
export function multiplyMoney(minor: number, quantity: number): number {
  assertMinorUnits(minor, 'minor');
  assertMinorUnits(quantity, 'quantity');
  const product = minor * quantity;
  if (!Number.isSafeInteger(product)) {
    throw new RangeError(
      `Amount ${formatMoney(minor)} x ${quantity} is beyond the maximum amount ${formatMoney(Number.MAX_SAFE_INTEGER)}.`,
    );
  }
  return product === 0 ? 0 : product;
}

/** Adds two amounts. Throws `RangeError` when the sum is not a safe integer. */
export function addMoney(a: number, b: number): number {
  assertMinorUnits(a, 'a');
  assertMinorUnits(b, 'b');
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new RangeError(
      `Sum of ${formatMoney(a)} and ${formatMoney(b)} is beyond the maximum amount ${formatMoney(Number.MAX_SAFE_INTEGER)}.`,
    );
  }
  return sum;
}

function assertMinorUnits(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`Argument ${name} must be a safe integer; received ${value}.`);
  }
}
