import { Field, InputType } from 'type-graphql';

/** Fields of a new product. */
@InputType({ description: 'A new catalogue product.' })
export class CreateProductInput {
  @Field({ description: 'Unique stock keeping unit: 1 to 64 characters, no spaces.' })
  sku!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: '' })
  description!: string;

  @Field({ defaultValue: '' })
  category!: string;

  @Field({ description: 'List price as a decimal string with at most 4 decimals, e.g. "2.55".' })
  listPrice!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "GBP".' })
  currency!: string;

  @Field(() => [String], { defaultValue: [] })
  tags!: string[];
}

/** Fields to change on a product; omitted fields keep their value. */
@InputType({ description: 'Changes to a product; omitted fields keep their value.' })
export class UpdateProductInput {
  @Field({ nullable: true })
  sku?: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field({ nullable: true })
  category?: string;

  @Field({ nullable: true, description: 'Decimal string with at most 4 decimals.' })
  listPrice?: string;

  @Field({ nullable: true })
  currency?: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];
}
