import { readCsvTable } from '../csvTable';
import { ProblemLog } from '../importError';
import type { BuiltProducts } from './buildProducts';
import { buildProducts } from './buildProducts';
import type { CatalogueFile } from './catalogueFile';
import { readCatalogueFile } from './catalogueFile';
import { SalesTally } from './salesTally';
import type { TransactionLine } from './transactionLine';
import { readTransactionLine, TRANSACTION_COLUMNS } from './transactionLine';
import type { DailySalesRecord, ImportReport, OnlineRetailImport } from './types';
import { SKIP_REASONS } from './types';

/** File labels used in problem messages. */
export interface ParseOnlineRetailOptions {
  /** Default `transactions.csv`. */
  transactionsFile?: string;
  /** Default `products.csv`. */
  productsFile?: string;
}

/**
 * Parses a sales file in the UCI Online Retail column format (InvoiceNo, StockCode, Description,
 * Quantity, InvoiceDate, UnitPrice, CustomerID, Country) and, optionally, a products file, into
 * catalogue products, daily sales per sku and an import report.
 *
 * Rules, each counted in the report:
 * - sale lines (merchandise code, UnitPrice above 0, no `A` invoice prefix) are summed per sku
 *   and invoice date; cancellations (`C` prefix, negative quantity) subtract on their own date;
 * - every other line is skipped for the first reason in `classifyLine`, with its units and
 *   revenue kept in the report, non-product codes also per code, for reconciliation;
 * - merchandise codes are upper-cased, so `85123a` lines count as `85123A`;
 * - exact duplicate lines are counted and kept. Invoices list one item on several lines whenever
 *   it was entered more than once: in the shipped sample, 821 invoice and code pairs have
 *   several lines and 477 of them differ in quantity. So two equal lines read as two entries of
 *   the same quantity, not as a double scan. NOTE: if they are double scans after all, the
 *   sample's sales are overstated by `report.exactDuplicateSales`: 326 lines, 932 units, £1,971.19;
 * - CustomerID and Country are never read, and nothing returned contains them.
 *
 * All or nothing: throws `ImportError` (`IMPORT_FAILED`) listing every malformed line of both
 * files (wrong field count, invalid InvoiceNo, quantity, date or price, a positive quantity on
 * a cancellation, a total beyond the safe-integer range) and returns nothing in that case.
 */
export function parseOnlineRetail(
  transactionsCsv: string,
  productsCsv?: string,
  options: ParseOnlineRetailOptions = {},
): OnlineRetailImport {
  const transactionsLog = new ProblemLog(options.transactionsFile ?? 'transactions.csv');
  const productsLog = new ProblemLog(options.productsFile ?? 'products.csv');
  const { lines, linesRead } = readTransactionLines(transactionsCsv, transactionsLog);
  const catalogue =
    productsCsv === undefined ? undefined : readCatalogueFile(productsCsv, productsLog);
  transactionsLog.throwIfAny(productsLog);

  const tally = new SalesTally();
  for (const { line, exactDuplicate } of lines) {
    try {
      tally.add(line, exactDuplicate);
    } catch (error) {
      if (!(error instanceof RangeError)) {
        throw error;
      }
      transactionsLog.add(
        line.line,
        `A total reaches this line beyond the safe-integer range: ${error.message}`,
      );
      transactionsLog.throwIfAny();
    }
  }

  const built = buildProducts(tally.productStats, catalogue?.entries);
  const sales = tally.dailyRecords();
  const report = buildReport(tally, sales, { linesRead, catalogue, ...built });
  return { products: built.products, sales, report };
}

interface ReportInputs extends BuiltProducts {
  linesRead: number;
  catalogue: CatalogueFile | undefined;
}

function buildReport(
  tally: SalesTally,
  sales: readonly DailySalesRecord[],
  inputs: ReportInputs,
): ImportReport {
  const dates = sales.map((record) => record.date).sort();
  const report: ImportReport = {
    linesRead: inputs.linesRead,
    imported: tally.imported.lines,
    merged: tally.imported.lines - sales.length,
    skipped: SKIP_REASONS.map((reason) => ({ reason, ...tally.skipped.get(reason)! })),
    nonProductCodes: tally.nonProductCodes(),
    cancellations: { ...tally.cancellations },
    caseVariants: tally.caseVariants(),
    exactDuplicates: { ...tally.exactDuplicates },
    exactDuplicateSales: { ...tally.exactDuplicateSales },
    noteDescriptionLines: tally.noteDescriptionLines,
    importedTotals: { ...tally.imported },
    fileRevenueMinor: tally.fileRevenueMinor,
    products: inputs.products.length,
    productsFromCatalogueOnly: inputs.fromCatalogueOnly,
    dailyRecords: sales.length,
    dailyRecordsWithNegativeUnits: sales.filter((record) => record.units < 0).length,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
  };
  if (inputs.catalogue !== undefined) {
    report.catalogue = { ...inputs.catalogue.report, productsAdded: inputs.fromCatalogueOnly };
  }
  return report;
}

/** Validated lines in file order, each flagged when an earlier row had exactly the same fields. */
function readTransactionLines(
  text: string,
  log: ProblemLog,
): { lines: { line: TransactionLine; exactDuplicate: boolean }[]; linesRead: number } {
  const table = readCsvTable(text, TRANSACTION_COLUMNS, log);
  const lines: { line: TransactionLine; exactDuplicate: boolean }[] = [];
  const seen = new Set<string>();

  for (const row of table.rows) {
    const key = row.fields.join('\u0000');
    const exactDuplicate = seen.has(key);
    seen.add(key);

    const line = readTransactionLine(row, log);
    if (line !== undefined) {
      lines.push({ line, exactDuplicate });
    }
  }

  return { lines, linesRead: table.rows.length };
}
