import type { CsvTableSpec } from '../csvTable';
import { readCsvTable } from '../csvTable';
import { readCode, readOptionalMoney } from '../fieldReaders';
import type { ProblemLog } from '../importError';
import { quoteValue } from '../importError';
import { isMerchandiseCode, isProductName, normalizeDescription, skuOf } from './productName';
import type { CatalogueFileReport } from './types';

/**
 * Columns read from the products file (`products.csv` derived from the full UCI data: one row
 * per raw StockCode). Its other columns, such as `n_rows` and `median_unit_price`, are allowed
 * and ignored.
 */
export const CATALOGUE_COLUMNS = {
  required: ['StockCode', 'Description', 'modal_unit_price'],
  allowUnknownColumns: true,
} as const satisfies CsvTableSpec;

/** A product as the products file describes it. */
export interface CatalogueEntry {
  sku: string;
  name: string;
  listPriceMinor: number;
}

/** Catalogue entries by sku, and the counts for the import report. */
export interface CatalogueFile {
  entries: Map<string, CatalogueEntry>;
  report: Omit<CatalogueFileReport, 'productsAdded'>;
}

/**
 * Reads the products file. A merchandise row becomes an entry when it has a modal unit price
 * above 0 and a description that names a product (see `isProductName`). Other merchandise rows
 * are counted as skipped. When both spellings of a code have rows (`85123A` and `85123a`), the
 * upper-case row is used. Problems, such as a StockCode listed twice, go to `log`.
 */
export function readCatalogueFile(text: string, log: ProblemLog): CatalogueFile {
  const table = readCsvTable(text, CATALOGUE_COLUMNS, log);
  const entries = new Map<string, CatalogueEntry>();
  const firstLineOfCode = new Map<string, number>();
  const report = { rowsRead: table.rows.length, nonMerchandiseRows: 0, rowsSkipped: 0 };

  for (const row of table.rows) {
    const stockCode = readCode(row, 'StockCode', log);
    const modalPrice = readOptionalMoney(row, 'modal_unit_price', log, 'nonNegative');
    if (stockCode === undefined || modalPrice === undefined) {
      continue;
    }
    const firstLine = firstLineOfCode.get(stockCode);
    if (firstLine !== undefined) {
      log.add(
        row.line,
        `StockCode ${quoteValue(stockCode)} is listed again; it was first listed on line ${firstLine}.`,
        'StockCode',
      );
      continue;
    }
    firstLineOfCode.set(stockCode, row.line);

    if (!isMerchandiseCode(stockCode)) {
      report.nonMerchandiseRows += 1;
      continue;
    }
    const name = normalizeDescription(row.require('Description'));
    if (modalPrice === null || modalPrice === 0 || !isProductName(name)) {
      report.rowsSkipped += 1;
      continue;
    }

    const sku = skuOf(stockCode);
    if (!entries.has(sku) || stockCode === sku) {
      entries.set(sku, { sku, name, listPriceMinor: modalPrice });
    }
  }

  return { entries, report };
}
