import { Field, Float, InputType, Int } from 'type-graphql';

import { GranularityEnum } from '../common/granularity';
import { DateScalar } from '../common/scalars';

/** Bounds and settings of recommendPrice. */
@InputType({
  description: 'Bounds and settings of a price recommendation; money as decimal strings.',
})
export class PriceConstraintsInput {
  @Field({ description: 'Lowest allowed price, e.g. "2.00".' })
  minPrice!: string;

  @Field({ description: 'Highest allowed price.' })
  maxPrice!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Largest relative change between consecutive periods, e.g. 0.1 for 10%.',
  })
  maxChangePerStep?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Unit cost; when given, margin is maximised instead of revenue.',
  })
  unitCost?: string | null;

  @Field({ defaultValue: '0.01', description: 'Prices are multiples of this increment.' })
  priceIncrement!: string;

  @Field(() => String, {
    nullable: true,
    description: "The price the baseline assumes; the product's list price when absent.",
  })
  currentPrice?: string | null;

  @Field(() => Int, { defaultValue: 4, description: 'Periods to plan, 1 to 52.' })
  horizon!: number;

  @Field(() => GranularityEnum, { defaultValue: GranularityEnum.WEEK })
  granularity!: GranularityEnum;

  @Field(() => Float, {
    nullable: true,
    description: 'A known elasticity (negative) to use instead of estimating one.',
  })
  elasticity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Season length for the seasonal dummies.' })
  seasonLength?: number | null;

  @Field(() => Float, { defaultValue: 95, description: 'Coverage of the elasticity interval.' })
  level!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the estimation data.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the estimation data.' })
  to?: string | null;
}
