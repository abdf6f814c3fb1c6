import type { DataSource, EntityManager } from 'typeorm';

import { DomainError, ErrorCode, notFound } from '../../shared/errors';
import { Product } from '../entities';
import type { Page } from './page';

/** Filters and position of a products page. */
export interface ProductListArgs {
  first: number;
  afterId?: number;
  category?: string;
  /** Only these SKUs. */
  skus?: string[];
  /** Case-insensitive substring of the SKU, name or description. */
  search?: string;
}

/**
 * Loads one page of products ordered by id, with the total count of the filtered list.
 * The search uses LOWER(...) LIKE, which behaves the same on SQLite and PostgreSQL.
 */
export async function listProducts(
  dataSource: DataSource,
  args: ProductListArgs,
): Promise<Page<Product>> {
  const query = dataSource.getRepository(Product).createQueryBuilder('product');
  if (args.category !== undefined) {
    query.andWhere('product.category = :category', { category: args.category });
  }
  if (args.skus !== undefined) {
    query.andWhere(args.skus.length > 0 ? 'product.sku IN (:...skus)' : '1 = 0', {
      skus: args.skus,
    });
  }
  if (args.search) {
    const pattern = `%${args.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.andWhere(
      "(LOWER(product.sku) LIKE :pattern ESCAPE '\\' OR LOWER(product.name) LIKE :pattern ESCAPE '\\' OR LOWER(product.description) LIKE :pattern ESCAPE '\\')",
      { pattern },
    );
  }
  const totalCount = await query.getCount();

  if (args.afterId !== undefined) {
    query.andWhere('product.id > :afterId', { afterId: args.afterId });
  }
  const rows = await query
    .orderBy('product.id', 'ASC')
    .take(args.first + 1)
    .getMany();
  return {
    rows: rows.slice(0, args.first),
    hasNextPage: rows.length > args.first,
    hasPreviousPage: args.afterId !== undefined,
    totalCount,
  };
}

/** Product fields as checked by the caller: money in minor units at scale 4. */
export interface ProductFields {
  sku: string;
  name: string;
  description: string;
  category: string;
  listPriceMinor: number;
  currency: string;
  tags: string[];
}

/** Inserts a product. Throws CONFLICT when the SKU is taken. */
export async function createProduct(
  manager: EntityManager,
  fields: ProductFields,
): Promise<Product> {
  await assertSkuFree(manager, fields.sku);
  const repository = manager.getRepository(Product);
  return repository.save(repository.create(fields));
}

/** Updates the given fields of a product. Throws NOT_FOUND or CONFLICT. */
export async function updateProduct(
  manager: EntityManager,
  id: number,
  fields: Partial<ProductFields>,
): Promise<Product> {
  const repository = manager.getRepository(Product);
  const product = await repository.findOneBy({ id });
  if (!product) {
    throw notFound(`Product ${id} was not found.`);
  }
  if (fields.sku !== undefined && fields.sku !== product.sku) {
    await assertSkuFree(manager, fields.sku);
  }
  return repository.save(repository.merge(product, fields));
}

/** Deletes a product with its sales, forecasts and copy. Throws NOT_FOUND. */
export async function deleteProduct(manager: EntityManager, id: number): Promise<Product> {
  const repository = manager.getRepository(Product);
  const product = await repository.findOneBy({ id });
  if (!product) {
    throw notFound(`Product ${id} was not found.`);
  }
  await repository.delete({ id });
  return product;
}

async function assertSkuFree(manager: EntityManager, sku: string): Promise<void> {
  if (await manager.getRepository(Product).existsBy({ sku })) {
    throw new DomainError(
      ErrorCode.Conflict,
      `A product with SKU "${sku}" already exists; choose another SKU or update that product.`,
      'sku',
    );
  }
}
