import type { Decimal } from '../../analytics';
import { parseMoney } from '../../shared/money';
import type { Money } from '../common/money.types';
import { toMoney } from '../common/money.types';

/**
 * Converts an analytics `Decimal` (a string with four fractional digits, e.g. "12.3400") to
 * minor units. Throws a TypeError for anything else, which would be a bug in the caller.
 */
export function decimalToMinor(decimal: Decimal): number {
  const parsed = parseMoney(decimal);
  if (!parsed.ok) {
    throw new TypeError(`decimalToMinor: "${decimal}" ${parsed.reason}.`);
  }
  return parsed.minor;
}

/** Converts an analytics `Decimal` to a `Money` value in `currency`; null stays null. */
export function decimalToMoney(decimal: Decimal | null, currency: string): Money | null {
  return decimal === null ? null : toMoney(decimalToMinor(decimal), currency);
}
