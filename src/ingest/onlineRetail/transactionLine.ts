import { parseIsoDate, salesDateProblem } from '../../shared/period';
import type { CsvRow, CsvTableSpec } from '../csvTable';
import { readCode, readMoney, readWholeNumber } from '../fieldReaders';
import type { ProblemLog } from '../importError';
import { quoteValue } from '../importError';
import { multiplyMoney } from '../../shared/money';
import { normalizeDescription } from './productName';

/**
 * Columns of the transactions file, exactly the UCI Online Retail header. CustomerID and Country
 * must be present but are never read: customer ids are personal data that sales records do not
 * need.
 */
export const TRANSACTION_COLUMNS = {
  required: [
    'InvoiceNo',
    'StockCode',
    'Description',
    'Quantity',
    'InvoiceDate',
    'UnitPrice',
    'CustomerID',
    'Country',
  ],
} as const satisfies CsvTableSpec;

/** Invoice kind from the InvoiceNo prefix: none for a sale, `C` for a cancellation, `A` for an adjustment. */
export type InvoiceKind = 'sale' | 'cancellation' | 'adjustment';

/** One validated invoice line, without customer id or country. */
export interface TransactionLine {
  line: number;
  invoiceKind: InvoiceKind;
  /** StockCode trimmed, letter case as written. */
  stockCode: string;
  /** Description exactly as written, padding included. */
  description: string;
  quantity: number;
  /** Calendar date part of InvoiceDate, as written. */
  date: string;
  unitPriceMinor: number;
  /** Quantity x UnitPrice in minor units. */
  revenueMinor: number;
}

/** Longest StockCode accepted; a sku is stored in at most 64 characters. */
export const MAX_STOCK_CODE_LENGTH = 64;

/** Longest Description accepted after trimming and collapsing spaces; a product name is stored in at most 255. */
export const MAX_DESCRIPTION_LENGTH = 255;

const INVOICE_NO = /^([CA]?)\d+$/;
const INVOICE_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Validates one transactions row. Records every problem of the row in `log` and returns
 * `undefined` when there is any, so the caller never sees a half-read line.
 */
export function readTransactionLine(row: CsvRow, log: ProblemLog): TransactionLine | undefined {
  const problemsBefore = log.count;
  const invoiceKind = readInvoiceKind(row, log);
  const stockCode = readCode(row, 'StockCode', log);
  const quantity = readWholeNumber(row, 'Quantity', log);
  const date = readInvoiceDate(row, log);
  const unitPriceMinor = readMoney(row, 'UnitPrice', log);
  if (
    invoiceKind === undefined ||
    stockCode === undefined ||
    quantity === undefined ||
    date === undefined ||
    unitPriceMinor === undefined
  ) {
    return undefined;
  }

  if (quantity === 0) {
    log.add(
      row.line,
      'Quantity "0" is invalid; an invoice line must move at least one unit.',
      'Quantity',
    );
  }
  if (stockCode.length > MAX_STOCK_CODE_LENGTH) {
    log.add(
      row.line,
      `StockCode ${quoteValue(stockCode)} is longer than the maximum of ${MAX_STOCK_CODE_LENGTH} characters.`,
      'StockCode',
    );
  }
  if (normalizeDescription(row.require('Description')).length > MAX_DESCRIPTION_LENGTH) {
    log.add(
      row.line,
      `Description ${quoteValue(row.require('Description'))} is longer than the maximum of ${MAX_DESCRIPTION_LENGTH} characters.`,
      'Description',
    );
  }
  if (invoiceKind === 'cancellation' && quantity > 0) {
    log.add(
      row.line,
      `Quantity ${quoteValue(String(quantity))} is positive on cancellation invoice ${quoteValue(row.require('InvoiceNo').trim())}; cancellation lines must have a negative quantity.`,
      'Quantity',
    );
  }
  const revenueMinor = multiplyOrLog(unitPriceMinor, quantity, row, log);
  if (log.count > problemsBefore || revenueMinor === undefined) {
    return undefined;
  }

  return {
    line: row.line,
    invoiceKind,
    stockCode,
    description: row.require('Description'),
    quantity,
    date,
    unitPriceMinor,
    revenueMinor,
  };
}

function readInvoiceKind(row: CsvRow, log: ProblemLog): InvoiceKind | undefined {
  const text = row.require('InvoiceNo').trim();
  const match = INVOICE_NO.exec(text);
  if (!match) {
    log.add(
      row.line,
      `InvoiceNo ${quoteValue(text)} is invalid; expected digits, optionally after the prefix C (cancellation) or A (adjustment).`,
      'InvoiceNo',
    );
    return undefined;
  }
  switch (match[1]) {
    case 'C':
      return 'cancellation';
    case 'A':
      return 'adjustment';
    default:
      return 'sale';
  }
}

/**
 * Reads InvoiceDate, written `YYYY-MM-DD HH:MM:SS` (or without seconds) in UK local time with no
 * zone, and returns its calendar date as written. The time only has to be a valid clock time.
 */
function readInvoiceDate(row: CsvRow, log: ProblemLog): string | undefined {
  const text = row.require('InvoiceDate').trim();
  const match = INVOICE_DATE.exec(text);
  if (
    match &&
    parseIsoDate(match[1]) !== undefined &&
    isClockTime(match[2], match[3], match[4] ?? '00')
  ) {
    const problem = salesDateProblem(match[1]);
    if (problem === undefined) {
      return match[1];
    }
    log.add(row.line, `InvoiceDate ${problem}.`, 'InvoiceDate');
    return undefined;
  }
  log.add(
    row.line,
    `InvoiceDate ${quoteValue(text)} is not a valid date and time; expected YYYY-MM-DD HH:MM:SS.`,
    'InvoiceDate',
  );
  return undefined;
}

function isClockTime(hours: string, minutes: string, seconds: string): boolean {
  return Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60;
}

function multiplyOrLog(
  unitPriceMinor: number,
  quantity: number,
  row: CsvRow,
  log: ProblemLog,
): number | undefined {
  try {
    return multiplyMoney(unitPriceMinor, quantity);
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    log.add(
      row.line,
      `Quantity x UnitPrice is too large to store exactly: ${error.message}`,
      'UnitPrice',
    );
    return undefined;
  }
}
