import { Field, ID, InputType, Int } from 'type-graphql';

import { DateScalar } from '../common/scalars';

/** One observation for recordSales. */
@InputType({ description: 'Units and revenue of one product on one UTC day in one channel.' })
export class SalesPointInput {
  @Field(() => ID, { nullable: true, description: 'Product id; give this or sku.' })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'Product SKU; give this or productId.' })
  sku?: string | null;

  @Field(() => DateScalar)
  period!: string;

  @Field({ defaultValue: 'all', description: 'Sales channel; "all" when not broken down.' })
  channel!: string;

  @Field(() => Int, { description: 'Units sold, net of returns; may be negative.' })
  units!: number;

  @Field({ description: 'Revenue as a decimal string with at most 4 decimals, e.g. "15.30".' })
  revenue!: string;
}
