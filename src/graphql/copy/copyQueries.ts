import { In, LessThan } from 'typeorm';
import type { DataSource, FindOptionsWhere } from 'typeorm';

import { GeneratedCopy, Product } from '../../db/entities';
import type { CopyStatus } from '../../db/entities';
import type { Page } from '../../db/queries/page';

/** The copies a list or an export covers. Every condition given must hold. */
export interface CopyFilter {
  status?: CopyStatus;
  productId?: number;
  channel?: string;
  batchId?: string;
}

/**
 * Loads one newest-first page of copies matching the filter with two statements: the page
 * (one row more than asked, to tell whether another page follows) and the total count.
 */
export async function loadCopyPage(
  dataSource: DataSource,
  filter: CopyFilter,
  first: number,
  beforeId?: number,
): Promise<Page<GeneratedCopy>> {
  const where = toWhere(filter);
  const repository = dataSource.getRepository(GeneratedCopy);
  const [rows, totalCount] = await Promise.all([
    repository.find({
      where: beforeId === undefined ? where : { ...where, id: LessThan(beforeId) },
      order: { id: 'DESC' },
      take: first + 1,
    }),
    repository.count({ where }),
  ]);
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: beforeId !== undefined,
    totalCount,
  };
}

/** Loads up to `limit` copies matching the filter, newest first. */
export function loadCopies(
  dataSource: DataSource,
  filter: CopyFilter,
  limit: number,
): Promise<GeneratedCopy[]> {
  return dataSource
    .getRepository(GeneratedCopy)
    .find({ where: toWhere(filter), order: { id: 'DESC' }, take: limit });
}

/** Loads the products of the copies, by id, in one statement. */
export async function loadProductsOf(
  dataSource: DataSource,
  copies: readonly GeneratedCopy[],
): Promise<Map<number, Product>> {
  const ids = [...new Set(copies.map((copy) => copy.productId))];
  const products =
    ids.length === 0 ? [] : await dataSource.getRepository(Product).findBy({ id: In(ids) });
  return new Map(products.map((product) => [product.id, product]));
}

function toWhere(filter: CopyFilter): FindOptionsWhere<GeneratedCopy> {
  const where: FindOptionsWhere<GeneratedCopy> = {};
  if (filter.status !== undefined) {
    where.status = filter.status;
  }
  if (filter.productId !== undefined) {
    where.productId = filter.productId;
  }
  if (filter.channel !== undefined) {
    where.channel = filter.channel;
  }
  if (filter.batchId !== undefined) {
    where.batchId = filter.batchId;
  }
  return where;
}
