import { In } from 'typeorm';
import type { DataSource, EntityTarget, FindOptionsWhere } from 'typeorm';

import type { Page } from './page';

/** Position of one product's page in a newest-first list. */
export interface PageKey {
  productId: number;
  first: number;
  /** Rows with an id below this one; the list starts at the newest row when absent. */
  beforeId?: number;
}

/**
 * Loads newest-first pages of a per-product table (forecasts, copy) for several products with
 * two statements, whatever the number of products. The first reads the ids and product ids of
 * every matching row. The second reads the full rows of the ids that land on a page.
 */
export async function loadNewestFirstPages<Row extends { id: number; productId: number }>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  keys: readonly PageKey[],
): Promise<Page<Row>[]> {
  const repository = dataSource.getRepository(entity);
  const productIds = [...new Set(keys.map((key) => key.productId))];
  const idRows = await repository.find({
    select: { id: true, productId: true } as never,
    where: { productId: In(productIds) } as FindOptionsWhere<Row>,
    order: { id: 'DESC' } as never,
  });

  const idsByProduct = new Map<number, number[]>();
  for (const row of idRows) {
    const ids = idsByProduct.get(row.productId) ?? [];
    ids.push(row.id);
    idsByProduct.set(row.productId, ids);
  }

  const pageIds = keys.map((key) => {
    const all = idsByProduct.get(key.productId) ?? [];
    const after = key.beforeId === undefined ? all : all.filter((id) => id < key.beforeId!);
    return {
      ids: after.slice(0, key.first),
      hasNextPage: after.length > key.first,
      total: all.length,
    };
  });
  const pageRowIds = [...new Set(pageIds.flatMap((page) => page.ids))];
  const rows = pageRowIds.length
    ? await repository.find({ where: { id: In(pageRowIds) } as FindOptionsWhere<Row> })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));

  return keys.map((key, index) => ({
    rows: pageIds[index].ids.map((id) => byId.get(id)!),
    hasNextPage: pageIds[index].hasNextPage,
    hasPreviousPage: key.beforeId !== undefined,
    totalCount: pageIds[index].total,
  }));
}

/** Loads the newest row per product for several products in one statement. */
export async function loadNewestPerProduct<Row extends { id: number; productId: number }>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  productIds: readonly number[],
): Promise<Map<number, Row>> {
  const repository = dataSource.getRepository(entity);
  const alias = 'row';
  const query = repository.createQueryBuilder(alias);
  const newestIds = query
    .subQuery()
    .select(`MAX(${alias}_newest.id)`)
    .from(entity, `${alias}_newest`)
    .where(`${alias}_newest.product_id IN (:...productIds)`)
    .groupBy(`${alias}_newest.product_id`)
    .getQuery();
  const rows = await query
    .where(`${alias}.id IN ${newestIds}`, { productIds: [...productIds] })
    .getMany();
  return new Map(rows.map((row) => [row.productId, row]));
}
