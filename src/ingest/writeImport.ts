import { In } from 'typeorm';
import type { DataSource } from 'typeorm';

import { Product } from '../db/entities';
import { upsertSales } from '../db/queries/sales';
import type { OnlineRetailImport } from './onlineRetail/types';

/** What writing an import changed in the database. */
export interface WriteCounts {
  productsCreated: number;
  productsKept: number;
  salesInserted: number;
  salesUpdated: number;
}

/**
 * Writes a parsed import in one transaction: products missing from the catalogue are created
 * (existing ones keep their fields), then each daily record is inserted or replaces the stored
 * (product, day, channel) row. Either everything is written or, on any failure, nothing.
 */
export async function writeImport(
  dataSource: DataSource,
  parsed: Pick<OnlineRetailImport, 'products' | 'sales'>,
): Promise<WriteCounts> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Product);
    const skus = [
      ...new Set([...parsed.products.map((p) => p.sku), ...parsed.sales.map((s) => s.sku)]),
    ];
    const findIds = async () => {
      const ids = new Map<string, number>();
      for (let offset = 0; offset < skus.length; offset += 500) {
        const rows = await repository.find({
          select: { id: true, sku: true },
          where: { sku: In(skus.slice(offset, offset + 500)) },
        });
        rows.forEach((row) => ids.set(row.sku, row.id));
      }
      return ids;
    };

    const before = await findIds();
    const missing = parsed.products.filter((product) => !before.has(product.sku));
    for (let offset = 0; offset < missing.length; offset += 100) {
      await repository.insert(missing.slice(offset, offset + 100));
    }
    // Multi-row inserts do not report every generated id on SQLite, so read them back.
    const existing = missing.length > 0 ? await findIds() : before;

    const unknown = parsed.sales.find((sale) => !existing.has(sale.sku));
    if (unknown) {
      throw new TypeError(`Daily record for SKU "${unknown.sku}" has no product in the import.`);
    }
    const counts = await upsertSales(
      manager,
      parsed.sales.map((sale) => ({
        productId: existing.get(sale.sku)!,
        period: sale.date,
        channel: sale.channel,
        units: sale.units,
        revenueMinor: sale.revenueMinor,
      })),
    );
    return {
      productsCreated: missing.length,
      productsKept: parsed.products.length - missing.length,
      salesInserted: counts.inserted,
      salesUpdated: counts.updated,
    };
  });
}
