/**
 * Money at scale 4: one minor unit is 1/10,000 of the currency unit, so 12.5 EUR is 125000.
 * Stored amounts stay exact as bigint minor units. Floats appear only in ratios and estimates
 * (ROAS, elasticity, expected revenue before it is rounded back to minor units).
 */
import { badInput } from '../shared/errors';

/**
 * An amount of money as received from callers: a safe integer or bigint of minor units
 * (scale 4), or a decimal string in currency units with at most four fractional digits ("12.34").
 */
export type MoneyInput = number | bigint | string;

/** A decimal string in currency units with exactly four fractional digits, e.g. "12.3400". */
export type Decimal = string;

export const MONEY_SCALE = 4;
export const MINOR_UNITS_PER_UNIT = 10_000n;

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/**
 * Converts a money input to bigint minor units. Throws `BAD_USER_INPUT` for a non-integer number,
 * a malformed string or more than four fractional digits, and for a negative amount unless
 * `allowNegative` is set.
 */
export function toMinorUnits(value: MoneyInput, field: string, allowNegative = false): bigint {
  let minor: bigint;
  if (typeof value === 'bigint') {
    minor = value;
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw badInput(
        field,
        `${field} must be an integer number of minor units (1/10000 of the currency unit); received "${value}".`,
      );
    }
    minor = BigInt(value);
  } else {
    const match = DECIMAL_PATTERN.exec(value.trim());
    if (!match) {
      throw badInput(
        field,
        `${field} must be a decimal amount with at most 4 fractional digits, such as "12.34"; received "${value}".`,
      );
    }
    const fraction = (match[3] ?? '').padEnd(MONEY_SCALE, '0');
    minor = BigInt(match[2]) * MINOR_UNITS_PER_UNIT + BigInt(fraction);
    if (match[1] === '-') {
      minor = -minor;
    }
  }
  if (minor < 0n && !allowNegative) {
    throw badInput(field, `${field} must not be negative; received "${formatMinorUnits(minor)}".`);
  }
  return minor;
}

/**
 * Formats minor units as a decimal string with four fractional digits, e.g. 125000n as "12.5000".
 */
export function formatMinorUnits(minor: bigint): Decimal {
  const sign = minor < 0n ? '-' : '';
  const magnitude = minor < 0n ? -minor : minor;
  const whole = magnitude / MINOR_UNITS_PER_UNIT;
  const fraction = (magnitude % MINOR_UNITS_PER_UNIT).toString().padStart(MONEY_SCALE, '0');
  return `${sign}${whole}.${fraction}`;
}

/** Converts minor units to a float in currency units, for ratios and logarithms only. */
export function minorUnitsToNumber(minor: bigint): number {
  return Number(minor) / Number(MINOR_UNITS_PER_UNIT);
}

/** Divides two bigints and rounds half away from zero. Throws a TypeError on division by zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new TypeError('divideRounded: the denominator is zero.');
  }
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** Rounds a float number of minor units (an estimate) to the nearest integer minor unit. */
export function roundToMinorUnits(estimate: number): bigint {
  return BigInt(Math.round(estimate));
}
