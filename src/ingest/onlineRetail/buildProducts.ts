import { formatMoney } from '../../shared/money';
import type { CatalogueEntry } from './catalogueFile';
import { categorizeProduct, tagProduct } from './productCategory';
import type { ProductSalesStats } from './salesTally';
import { compareText, mostFrequent } from './salesTally';
import type { ProductRecord } from './types';
import { ONLINE_RETAIL_CURRENCY } from './types';

/** The catalogue, sorted by sku, and how many products only the products file supplied. */
export interface BuiltProducts {
  products: ProductRecord[];
  fromCatalogueOnly: number;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-GB');

/**
 * Builds one product per sku with sale lines, then adds the catalogue entries of skus without
 * sale lines. For a sku with sale lines:
 * - name: the most frequent name candidate of its sale lines (ties go to the first seen), else
 *   the products file's name, else the sku itself;
 * - listPriceMinor: the most frequent unit price of its lines with a positive quantity, ties to
 *   the lowest price. A sku with only negative-quantity lines uses their prices instead;
 * - description: one sentence with the line counts and the dates of its first and last sale line.
 * A product from the products file only has that file's name and modal price and an empty
 * description. Category and tags always come from the name (see `productCategory.ts`).
 */
export function buildProducts(
  stats: ReadonlyMap<string, ProductSalesStats>,
  catalogue?: ReadonlyMap<string, CatalogueEntry>,
): BuiltProducts {
  const products: ProductRecord[] = [];
  for (const productStats of stats.values()) {
    // NOTE: a sku whose sale lines carry only notes or blank descriptions, and which the
    // products file does not list, is named by its sku.
    const name =
      mostFrequent(productStats.nameCounts) ??
      catalogue?.get(productStats.sku)?.name ??
      productStats.sku;
    products.push(
      productRecord(productStats.sku, name, listPriceOf(productStats), describeSales(productStats)),
    );
  }

  let fromCatalogueOnly = 0;
  for (const entry of catalogue?.values() ?? []) {
    if (!stats.has(entry.sku)) {
      products.push(productRecord(entry.sku, entry.name, entry.listPriceMinor, ''));
      fromCatalogueOnly += 1;
    }
  }

  products.sort((a, b) => compareText(a.sku, b.sku));
  return { products, fromCatalogueOnly };
}

function productRecord(
  sku: string,
  name: string,
  listPriceMinor: number,
  description: string,
): ProductRecord {
  return {
    sku,
    name,
    description,
    category: categorizeProduct(name),
    listPriceMinor,
    currency: ONLINE_RETAIL_CURRENCY,
    tags: tagProduct(name),
  };
}

function listPriceOf(stats: ProductSalesStats): number {
  const counts = stats.orderLines > 0 ? stats.orderPriceCounts : stats.returnPriceCounts;
  let best = Number.POSITIVE_INFINITY;
  let bestCount = 0;
  for (const [price, count] of counts) {
    if (count > bestCount || (count === bestCount && price < best)) {
      best = price;
      bestCount = count;
    }
  }
  return best;
}

function describeSales(stats: ProductSalesStats): string {
  const period =
    stats.firstDate === stats.lastDate
      ? `on ${stats.firstDate}`
      : `from ${stats.firstDate} to ${stats.lastDate}`;
  if (stats.orderLines === 0) {
    return `Cancelled or returned on ${countOf(stats.returnLines, 'invoice line')} ${period}, with no order in this file.`;
  }
  const price = formatMoney(listPriceOf(stats), { grouping: true });
  const returns =
    stats.returnLines === 0
      ? ''
      : ` and cancelled or returned on ${countOf(stats.returnLines, 'line')}`;
  return `Ordered on ${countOf(stats.orderLines, 'invoice line')}${returns} ${period}, most often at £${price} per unit.`;
}

function countOf(count: number, noun: string): string {
  return `${COUNT_FORMAT.format(count)} ${count === 1 ? noun : `${noun}s`}`;
}
