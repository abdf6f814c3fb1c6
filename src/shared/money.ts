/**
 * Exact money. Amounts are integers in minor units at a fixed scale of four decimal places
 * (1/10,000 of the currency unit), so prices such as `0.001` stay exact and sums never drift.
 * Clients see decimal strings.
 */
export const MONEY_SCALE = 4;

const SCALE_FACTOR = 10 ** MONEY_SCALE;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string such as `"2.55"` into minor units at scale 4 (`25500`).
 * Returns `undefined` for text that is not a plain decimal, has more than four decimals,
 * or is beyond the safe integer range.
 */
export function parseMoney(text: string): number | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > MONEY_SCALE) {
    return undefined;
  }
  const minor = Number(whole) * SCALE_FACTOR + Number(fraction.padEnd(MONEY_SCALE, '0'));
  if (!Number.isSafeInteger(minor)) {
    return undefined;
  }
  return sign ? -minor : minor;
}

/**
 * Formats minor units at scale 4 as a decimal string with at least two decimals:
 * `25500` -> `"2.55"`, `10` -> `"0.001"`, `-1200000` -> `"-120.00"`.
 */
export function formatMoney(minor: number): string {
  if (!Number.isSafeInteger(minor)) {
    throw new TypeError(`Money amounts must be safe integers in minor units; received ${minor}.`);
  }
  const sign = minor < 0 ? '-' : '';
  const absolute = Math.abs(minor);
  const whole = Math.floor(absolute / SCALE_FACTOR);
  const fraction = String(absolute % SCALE_FACTOR)
    .padStart(MONEY_SCALE, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${sign}${whole}.${fraction}`;
}

/** Multiplies a unit price in minor units by an integer quantity, exactly. */
export function multiplyMoney(unitMinor: number, quantity: number): number {
  const product = unitMinor * quantity;
  if (!Number.isSafeInteger(product)) {
    throw new RangeError(`Money product ${unitMinor} x ${quantity} exceeds the safe integer range.`);
  }
  return product;
}
