import { Field, ID, Int, ObjectType } from 'type-graphql';

import type { Product } from '../../db/entities';
import { PageInfo } from '../common/connection';
import { Money, toMoney } from '../common/money.types';
import { DateTimeScalar } from '../common/scalars';

/** A catalogue product as clients see it; sales, forecasts and copy are field resolvers. */
@ObjectType('Product', { description: 'A catalogue product.' })
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stock keeping unit, unique in the catalogue.' })
  sku!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field()
  category!: string;

  @Field(() => Money)
  listPrice!: Money;

  @Field(() => [String])
  tags!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

/** Maps a product row to its GraphQL type. */
export function toProductType(product: Product): ProductType {
  return {
    id: String(product.id),
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    listPrice: toMoney(product.listPriceMinor, product.currency),
    tags: product.tags,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

@ObjectType()
export class ProductEdge {
  @Field()
  cursor!: string;

  @Field(() => ProductType)
  node!: ProductType;
}

@ObjectType({ description: 'A page of products.' })
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges!: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Products matching the filter, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'The result of deleteProduct.' })
export class DeleteProductPayload {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'SKU of the deleted product.' })
  sku!: string;
}
