import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';

import {
  createProduct,
  deleteProduct,
  listProducts,
  updateProduct,
} from '../../db/queries/products';
import { badInput } from '../../shared/errors';
import { MAX_PAGE_SIZE, checkPageSize, decodeCursor, toConnection } from '../common/connection';
import { parseId } from '../common/ids';
import type { Context } from '../context';
import { CreateProductInput, UpdateProductInput } from './product.input';
import { checkCreateProduct, checkUpdateProduct } from './productInput';
import {
  DeleteProductPayload,
  ProductConnection,
  ProductType,
  toProductType,
} from './product.types';

@ArgsType()
class ProductsArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge of the previous page.',
  })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only products in this category.' })
  category?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only products with these SKUs (at most 100).',
  })
  skus?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive text contained in the SKU, name or description.',
  })
  search?: string | null;
}

function checkSkuFilter(skus: string[]): string[] {
  if (skus.length > MAX_PAGE_SIZE) {
    throw badInput('skus', `skus may list at most ${MAX_PAGE_SIZE} SKUs; received ${skus.length}.`);
  }
  return skus;
}

/** Catalogue queries and product mutations. */
@Resolver(() => ProductType)
export class ProductResolver {
  @Query(() => ProductType, {
    nullable: true,
    description: 'One product by id or by SKU; give exactly one of them.',
  })
  async product(
    @Ctx() context: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('sku', () => String, { nullable: true }) sku?: string | null,
  ): Promise<ProductType | null> {
    if ((id == null) === (sku == null)) {
      throw badInput('id', 'product takes exactly one of id or sku; pass one of them.');
    }
    const product =
      id != null
        ? await context.loaders.productById.load(parseId('id', id))
        : await context.loaders.productBySku.load(sku!);
    return product ? toProductType(product) : null;
  }

  @Query(() => ProductConnection, { description: 'Products ordered by id, a page at a time.' })
  async products(@Ctx() context: Context, @Args() args: ProductsArgs): Promise<ProductConnection> {
    const page = await listProducts(context.dataSource, {
      first: checkPageSize(args.first),
      afterId: args.after != null ? decodeCursor('product', args.after) : undefined,
      category: args.category ?? undefined,
      skus: args.skus ? checkSkuFilter(args.skus) : undefined,
      search: args.search?.trim() || undefined,
    });
    for (const row of page.rows) {
      context.loaders.productById.prime(row.id, row);
    }
    return toConnection('product', page, toProductType);
  }

  @Authorized('ADMIN')
  @Mutation(() => ProductType, { description: 'Adds a product to the catalogue.' })
  async createProduct(
    @Ctx() context: Context,
    @Arg('input', () => CreateProductInput) input: CreateProductInput,
  ): Promise<ProductType> {
    const fields = checkCreateProduct(input);
    const product = await context.dataSource.transaction((manager) =>
      createProduct(manager, fields),
    );
    context.logger.info({ requestId: context.requestId, productId: product.id }, 'product created');
    return toProductType(product);
  }

  @Authorized('ADMIN')
  @Mutation(() => ProductType, { description: 'Changes the given fields of a product.' })
  async updateProduct(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProductInput) input: UpdateProductInput,
  ): Promise<ProductType> {
    const productId = parseId('id', id);
    const fields = checkUpdateProduct(input);
    const product = await context.dataSource.transaction((manager) =>
      updateProduct(manager, productId, fields),
    );
    return toProductType(product);
  }

  @Authorized('ADMIN')
  @Mutation(() => DeleteProductPayload, {
    description: 'Deletes a product with its sales, forecasts and copy.',
  })
  async deleteProduct(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<DeleteProductPayload> {
    const productId = parseId('id', id);
    const product = await context.dataSource.transaction((manager) =>
      deleteProduct(manager, productId),
    );
    context.logger.info({ requestId: context.requestId, productId }, 'product deleted');
    return { id: String(product.id), sku: product.sku };
  }
}
