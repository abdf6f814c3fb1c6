import { addMoney } from '../../shared/money';
import { classifyLine } from './classifyLine';
import { isMerchandiseCode, isProductName, normalizeDescription, skuOf } from './productName';
import type { TransactionLine } from './transactionLine';
import type {
  CaseVariantMerge,
  DailySalesRecord,
  LineTotals,
  NonProductCodeTotals,
  SkipReason,
} from './types';
import { SKIP_REASONS } from './types';

/** Statistics of the sale lines of one sku, from which its product record is built. */
export interface ProductSalesStats {
  sku: string;
  /** Name candidates (normalized descriptions that name a product) with their line counts, in first-seen order. */
  nameCounts: Map<string, number>;
  /** Unit prices of lines with a positive quantity, with their line counts. */
  orderPriceCounts: Map<number, number>;
  /** Unit prices of lines with a negative quantity, used only when the sku has no order in the file. */
  returnPriceCounts: Map<number, number>;
  /** Sale lines with a positive quantity. */
  orderLines: number;
  /** Sale lines with a negative quantity (cancellations and returns). */
  returnLines: number;
  /** Dates of the first and last sale line of the sku. */
  firstDate: string;
  lastDate: string;
}

/**
 * An accumulator over validated transaction lines, in file order: it classifies each line,
 * sums sale lines into daily records per sku and date, and keeps the totals of the import
 * report. Money sums throw `RangeError` when they leave the safe-integer range.
 */
export class SalesTally {
  readonly skipped = new Map<SkipReason, LineTotals>(
    SKIP_REASONS.map((reason) => [reason, emptyTotals()]),
  );
  readonly imported = emptyTotals();
  readonly cancellations = emptyTotals();
  readonly exactDuplicates = emptyTotals();
  readonly exactDuplicateSales = emptyTotals();
  readonly productStats = new Map<string, ProductSalesStats>();
  fileRevenueMinor = 0;
  noteDescriptionLines = 0;

  private readonly daily = new Map<string, DailySalesRecord>();
  private readonly nonProduct = new Map<
    string,
    { totals: LineTotals; descriptionCounts: Map<string, number> }
  >();
  private readonly variants = new Map<string, { spellings: Set<string>; lines: number }>();

  /** Adds one line to the totals; `exactDuplicate` marks a line whose fields repeat an earlier line's. */
  add(line: TransactionLine, exactDuplicate = false): void {
    this.fileRevenueMinor = addMoney(this.fileRevenueMinor, line.revenueMinor);
    if (exactDuplicate) {
      addToTotals(this.exactDuplicates, line);
    }
    if (isMerchandiseCode(line.stockCode) && skuOf(line.stockCode) !== line.stockCode) {
      this.addCaseVariant(line.stockCode);
    }

    const reason = classifyLine(line);
    if (reason !== undefined) {
      addToTotals(this.skipped.get(reason)!, line);
      if (reason === 'non_product_code') {
        this.addNonProduct(line);
      }
      return;
    }

    addToTotals(this.imported, line);
    if (exactDuplicate) {
      addToTotals(this.exactDuplicateSales, line);
    }
    if (line.invoiceKind === 'cancellation') {
      addToTotals(this.cancellations, line);
    }
    this.addToDailyRecord(line);
    this.addToProductStats(line);
  }

  /** Daily records sorted by sku, then date. */
  dailyRecords(): DailySalesRecord[] {
    return [...this.daily.values()].sort(
      (a, b) => compareText(a.sku, b.sku) || compareText(a.date, b.date),
    );
  }

  /** Non-product codes, largest line count first, then by code. */
  nonProductCodes(): NonProductCodeTotals[] {
    return [...this.nonProduct.entries()]
      .map(([code, { totals, descriptionCounts }]) => ({
        code,
        description: mostFrequent(descriptionCounts) ?? '',
        ...totals,
      }))
      .sort((a, b) => b.lines - a.lines || compareText(a.code, b.code));
  }

  /** Case-variant merges sorted by sku. */
  caseVariants(): CaseVariantMerge[] {
    return [...this.variants.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([sku, { spellings, lines }]) => ({ sku, spellings: [...spellings].sort(), lines }));
  }

  private addCaseVariant(stockCode: string): void {
    const sku = skuOf(stockCode);
    const variant = this.variants.get(sku) ?? { spellings: new Set<string>(), lines: 0 };
    variant.spellings.add(stockCode);
    variant.lines += 1;
    this.variants.set(sku, variant);
  }

  private addNonProduct(line: TransactionLine): void {
    const entry = this.nonProduct.get(line.stockCode) ?? {
      totals: emptyTotals(),
      descriptionCounts: new Map<string, number>(),
    };
    this.nonProduct.set(line.stockCode, entry);
    addToTotals(entry.totals, line);
    increment(entry.descriptionCounts, normalizeDescription(line.description));
  }

  private addToDailyRecord(line: TransactionLine): void {
    const sku = skuOf(line.stockCode);
    const key = `${sku}\u0000${line.date}`;
    const record = this.daily.get(key);
    if (record === undefined) {
      this.daily.set(key, {
        sku,
        date: line.date,
        channel: 'all',
        units: line.quantity,
        revenueMinor: line.revenueMinor,
      });
      return;
    }
    record.units = addUnits(record.units, line.quantity);
    record.revenueMinor = addMoney(record.revenueMinor, line.revenueMinor);
  }

  private addToProductStats(line: TransactionLine): void {
    const sku = skuOf(line.stockCode);
    let stats = this.productStats.get(sku);
    if (stats === undefined) {
      stats = {
        sku,
        nameCounts: new Map(),
        orderPriceCounts: new Map(),
        returnPriceCounts: new Map(),
        orderLines: 0,
        returnLines: 0,
        firstDate: line.date,
        lastDate: line.date,
      };
      this.productStats.set(sku, stats);
    }

    const name = normalizeDescription(line.description);
    if (isProductName(name)) {
      increment(stats.nameCounts, name);
    } else if (name !== '') {
      this.noteDescriptionLines += 1;
    }
    if (line.quantity > 0) {
      stats.orderLines += 1;
      increment(stats.orderPriceCounts, line.unitPriceMinor);
    } else {
      stats.returnLines += 1;
      increment(stats.returnPriceCounts, line.unitPriceMinor);
    }
    stats.firstDate = line.date < stats.firstDate ? line.date : stats.firstDate;
    stats.lastDate = line.date > stats.lastDate ? line.date : stats.lastDate;
  }
}

/** Returns the key with the highest count; ties go to the key counted first. */
export function mostFrequent<K>(counts: ReadonlyMap<K, number>): K | undefined {
  let best: K | undefined;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

function emptyTotals(): LineTotals {
  return { lines: 0, units: 0, revenueMinor: 0 };
}

function addToTotals(totals: LineTotals, line: TransactionLine): void {
  totals.lines += 1;
  totals.units = addUnits(totals.units, line.quantity);
  totals.revenueMinor = addMoney(totals.revenueMinor, line.revenueMinor);
}

function addUnits(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new RangeError(`Sum of ${a} and ${b} units is beyond the maximum safe integer.`);
  }
  return sum;
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Compares strings by UTF-16 code units, the same in every locale, so `POST` sorts before `gift_0001_20`. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
