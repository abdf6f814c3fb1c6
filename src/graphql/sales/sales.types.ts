import { Field, Int, ObjectType } from 'type-graphql';

import { Money } from '../common/money.types';
import { DateScalar } from '../common/scalars';

/** Sales of one period. */
@ObjectType({ description: 'Units and revenue of one period, summed over its days.' })
export class SalesPoint {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  period!: string;

  @Field(() => Int, { description: 'Units sold, net of cancellations.' })
  units!: number;

  @Field(() => Money, { description: 'Revenue, net of cancellations.' })
  revenue!: Money;
}

/** A problem with one item of a batch; the other items are unaffected. */
@ObjectType({ description: 'Why one item of a batch was not recorded.' })
export class ItemError {
  @Field(() => Int, { description: '0-based position of the item in the input list.' })
  index!: number;

  @Field({ description: 'The input field at fault.' })
  field!: string;

  @Field({ description: 'Error code, as in extensions.code.' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'The outcome of recordSales.' })
export class RecordSalesPayload {
  @Field(() => Int, { description: 'New (product, period, channel) rows.' })
  inserted!: number;

  @Field(() => Int, { description: 'Existing rows whose units and revenue were replaced.' })
  updated!: number;

  @Field(() => [ItemError], { description: 'Items rejected; the valid items are still recorded.' })
  errors!: ItemError[];
}
