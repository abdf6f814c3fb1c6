import { parseIsoDate } from '../shared/period';
import type { CsvRow } from './csvTable';
import type { ProblemLog } from './importError';
import { quoteValue } from './importError';
import { parseMoney } from '../shared/money';

/*
 * Readers of one typed field of a CSV row. Each records a problem in the log and returns
 * `undefined` when the value is invalid, so a parser can check every field of a row and
 * report all its problems at once. Optional readers return `null` for an empty cell or an
 * absent optional column. Surrounding spaces are ignored in numbers, dates and codes.
 */

const WHOLE_NUMBER = /^[+-]?\d+$/;

/** Bounds of a whole-number field, both included. */
export interface WholeNumberBounds {
  min?: number;
  max?: number;
}

/** Reads a required whole number within `bounds` (default: any safe integer). */
export function readWholeNumber(
  row: CsvRow,
  column: string,
  log: ProblemLog,
  bounds: WholeNumberBounds = {},
): number | undefined {
  const text = (row.get(column) ?? '').trim();
  if (text === '') {
    log.add(row.line, `${label(column)} is missing; expected a whole number.`, column);
    return undefined;
  }
  return parseWholeNumberText(text, row, column, log, bounds);
}

/** Reads an optional whole number within `bounds`; an empty cell is `null`. */
export function readOptionalWholeNumber(
  row: CsvRow,
  column: string,
  log: ProblemLog,
  bounds: WholeNumberBounds = {},
): number | null | undefined {
  const text = (row.get(column) ?? '').trim();
  return text === '' ? null : parseWholeNumberText(text, row, column, log, bounds);
}

function parseWholeNumberText(
  text: string,
  row: CsvRow,
  column: string,
  log: ProblemLog,
  bounds: WholeNumberBounds,
): number | undefined {
  const value = Number(text);
  if (!WHOLE_NUMBER.test(text) || !Number.isSafeInteger(value)) {
    log.add(row.line, `${label(column)} ${quoteValue(text)} is not a whole number.`, column);
    return undefined;
  }
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (value < min || value > max) {
    log.add(
      row.line,
      `${label(column)} ${quoteValue(text)} is out of range; expected ${describeBounds(bounds)}.`,
      column,
    );
    return undefined;
  }
  return value === 0 ? 0 : value;
}

function describeBounds({ min, max }: WholeNumberBounds): string {
  if (min !== undefined && max !== undefined) {
    return `a whole number from ${min} to ${max}`;
  }
  return min !== undefined
    ? `a whole number of at least ${min}`
    : `a whole number of at most ${max}`;
}

/** Sign rule of a money field. */
export type MoneySign = 'any' | 'nonNegative';

/** Reads a required decimal amount into scale-4 minor units (see `parseMoney`). */
export function readMoney(
  row: CsvRow,
  column: string,
  log: ProblemLog,
  sign: MoneySign = 'any',
): number | undefined {
  const text = (row.get(column) ?? '').trim();
  if (text === '') {
    log.add(
      row.line,
      `${label(column)} is missing; expected a decimal amount such as 2.55.`,
      column,
    );
    return undefined;
  }
  return parseMoneyText(text, row, column, log, sign);
}

/** Reads an optional decimal amount into scale-4 minor units; an empty cell is `null`. */
export function readOptionalMoney(
  row: CsvRow,
  column: string,
  log: ProblemLog,
  sign: MoneySign = 'any',
): number | null | undefined {
  const text = (row.get(column) ?? '').trim();
  return text === '' ? null : parseMoneyText(text, row, column, log, sign);
}

function parseMoneyText(
  text: string,
  row: CsvRow,
  column: string,
  log: ProblemLog,
  sign: MoneySign,
): number | undefined {
  const parsed = parseMoney(text);
  if (!parsed.ok) {
    log.add(row.line, `${label(column)} ${quoteValue(text)} ${parsed.reason}.`, column);
    return undefined;
  }
  if (sign === 'nonNegative' && parsed.minor < 0) {
    log.add(
      row.line,
      `${label(column)} ${quoteValue(text)} is negative; expected an amount of at least 0.`,
      column,
    );
    return undefined;
  }
  return parsed.minor;
}

/** Reads a required ISO calendar date (`YYYY-MM-DD`) and returns it unchanged. */
export function readIsoDate(row: CsvRow, column: string, log: ProblemLog): string | undefined {
  const text = (row.get(column) ?? '').trim();
  if (text === '') {
    log.add(row.line, `${label(column)} is missing; expected a date such as 2011-12-09.`, column);
    return undefined;
  }
  return parseIsoDateText(text, row, column, log);
}

/** Reads an optional ISO calendar date (`YYYY-MM-DD`); an empty cell is `null`. */
export function readOptionalIsoDate(
  row: CsvRow,
  column: string,
  log: ProblemLog,
): string | null | undefined {
  const text = (row.get(column) ?? '').trim();
  return text === '' ? null : parseIsoDateText(text, row, column, log);
}

function parseIsoDateText(
  text: string,
  row: CsvRow,
  column: string,
  log: ProblemLog,
): string | undefined {
  if (parseIsoDate(text) === undefined) {
    log.add(
      row.line,
      `${label(column)} ${quoteValue(text)} is not a valid date; expected YYYY-MM-DD.`,
      column,
    );
    return undefined;
  }
  return text;
}

/** Reads a required non-blank text field, trimmed. */
export function readCode(row: CsvRow, column: string, log: ProblemLog): string | undefined {
  const text = (row.get(column) ?? '').trim();
  if (text === '') {
    log.add(row.line, `${label(column)} is missing.`, column);
    return undefined;
  }
  return text;
}

/** Reads a required choice from `choices`, compared after trimming and lower-casing. */
export function readChoice<T extends string>(
  row: CsvRow,
  column: string,
  log: ProblemLog,
  choices: readonly T[],
): T | undefined {
  const text = (row.get(column) ?? '').trim();
  const choice = choices.find((candidate) => candidate === text.toLowerCase());
  if (choice === undefined) {
    log.add(
      row.line,
      `${label(column)} ${quoteValue(text)} is invalid; expected one of ${choices.join(', ')}.`,
      column,
    );
  }
  return choice;
}

/** Names a column in a message; a header name can be empty, as in a pandas index export. */
function label(column: string): string {
  return column === '' ? 'The unnamed column' : column;
}
