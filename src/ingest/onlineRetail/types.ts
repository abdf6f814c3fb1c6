/**
 * Records produced from a sales file in the UCI Online Retail column format, and the report
 * that accounts for every input line. Money is in scale-4 minor units (see `../money.ts`) and
 * dates are ISO calendar dates (`YYYY-MM-DD`).
 *
 * Vocabulary:
 * - line: one data record of the transactions CSV (an invoice line);
 * - merchandise code: a StockCode whose first 5 characters are digits; any other code
 *   (POST, DOT, M, BANK CHARGES, gift_0001_20, DCGSSBOY, ...) is a non-product code;
 * - sku: the canonical merchandise code, the StockCode trimmed and upper-cased;
 * - sale line: a line that counts in daily sales: a merchandise code, a unit price above 0 and
 *   an InvoiceNo without the `A` prefix (see `classifyLine.ts`);
 * - cancellation: a line whose InvoiceNo starts with `C`. Its quantity is negative, so as a sale
 *   line it subtracts from the day's units and revenue.
 */

/** The currency of the Online Retail format: every UnitPrice is in pounds sterling. */
export const ONLINE_RETAIL_CURRENCY = 'GBP';

/** A catalogue product derived from the sales file and, optionally, the products file. */
export interface ProductRecord {
  /** Canonical merchandise code, e.g. `85123A`. */
  sku: string;
  /** Most frequent product description of its sale lines, trimmed, spaces collapsed, letter case kept. */
  name: string;
  /** One factual sentence about the product's sale lines, or empty when it has none in the file. */
  description: string;
  /** Category from the keyword table in `productCategory.ts`; `Gift ware` when no keyword matches. */
  category: string;
  /** Most frequent unit price of the product's orders (sale lines with a positive quantity), in scale-4 minor units. */
  listPriceMinor: number;
  currency: typeof ONLINE_RETAIL_CURRENCY;
  /** Lower-case colour, pattern, theme and material words found in the name. */
  tags: string[];
}

/** Sales channel of a daily record. The Online Retail data records none, so every sale is `all`. */
export type SalesChannel = 'all';

/** Net sales of one product on one calendar day through one channel. */
export interface DailySalesRecord {
  sku: string;
  /** Calendar date of the invoices as written in the file (UK local time, taken as is). */
  date: string;
  channel: SalesChannel;
  /**
   * Units sold minus units cancelled. NOTE: negative when cancellations outweigh the day's orders
   * (121 of the sample's 11,807 records), so a forecast must not read units as a count of orders.
   */
  units: number;
  /** Revenue of those units, net of cancellations, in scale-4 minor units. */
  revenueMinor: number;
}

/** Reason a line is kept out of daily sales; `SKIP_REASONS` gives the order the rules are checked in. */
export type SkipReason =
  'negative_price' | 'non_product_code' | 'adjustment_invoice' | 'empty_description' | 'zero_price';

/** Every skip reason in checking order. */
export const SKIP_REASONS: readonly SkipReason[] = [
  'negative_price',
  'non_product_code',
  'adjustment_invoice',
  'empty_description',
  'zero_price',
];

/** Count, net units and net revenue (Quantity x UnitPrice) of a set of lines. */
export interface LineTotals {
  lines: number;
  units: number;
  revenueMinor: number;
}

/** Lines skipped for one reason. */
export interface SkippedLines extends LineTotals {
  reason: SkipReason;
}

/** Lines of one non-product code as written (not upper-cased), kept for revenue reconciliation. */
export interface NonProductCodeTotals extends LineTotals {
  code: string;
  /** Most frequent description of the code's lines, e.g. `POSTAGE`. */
  description: string;
}

/** Merchandise code spellings that differ from their sku only in letter case. */
export interface CaseVariantMerge {
  sku: string;
  /** Spellings found in the file other than the sku itself, e.g. `85123a`. */
  spellings: string[];
  /** Lines written with those spellings. */
  lines: number;
}

/** Contribution of the optional products file to the catalogue. */
export interface CatalogueFileReport {
  /** Data rows of the products file. */
  rowsRead: number;
  /** Rows whose StockCode is not a merchandise code. */
  nonMerchandiseRows: number;
  /** Merchandise rows without a modal unit price above 0 or without a product name. */
  rowsSkipped: number;
  /** Products taken from the products file because the sales file has no sale line for them. */
  productsAdded: number;
}

/** An account of every line of an import: what became sales, what was skipped and why. */
export interface ImportReport {
  /** Data lines of the transactions file, header excluded. */
  linesRead: number;
  /** Sale lines, cancellations included, folded into daily sales records. */
  imported: number;
  /** Sale lines added to a daily record that already had a line: `imported - dailyRecords`. */
  merged: number;
  /** Lines kept out of daily sales, one entry per reason in `SKIP_REASONS` order. */
  skipped: SkippedLines[];
  /** The `non_product_code` lines broken down by code, largest line count first. */
  nonProductCodes: NonProductCodeTotals[];
  /** Cancellation sale lines netted into daily sales; their units and revenue are negative. */
  cancellations: LineTotals;
  /** Merchandise codes merged across letter case, by sku. */
  caseVariants: CaseVariantMerge[];
  /** Lines identical in every field to an earlier line. They are kept, not collapsed. */
  exactDuplicates: LineTotals;
  /** The exact duplicates that are sale lines, so part of `importedTotals`. */
  exactDuplicateSales: LineTotals;
  /** Sale lines whose description reads as a note (see `isProductName`), so it never names a product. */
  noteDescriptionLines: number;
  /** Net units and revenue of the imported sale lines. */
  importedTotals: LineTotals;
  /** Net revenue of every line; equals imported revenue plus the revenue of every skip reason. */
  fileRevenueMinor: number;
  /** Products in the catalogue, and how many of them come from the products file only. */
  products: number;
  productsFromCatalogueOnly: number;
  dailyRecords: number;
  /** Daily records with negative net units, where cancellations outweigh the day's orders. */
  dailyRecordsWithNegativeUnits: number;
  /** First and last date with a sale line, or null when nothing was imported. */
  firstDate: string | null;
  lastDate: string | null;
  /** Present when a products file was given. */
  catalogue?: CatalogueFileReport;
}

/** The result of parsing an Online Retail sales file: rows to write and the report. */
export interface OnlineRetailImport {
  products: ProductRecord[];
  sales: DailySalesRecord[];
  report: ImportReport;
}
