import { Field, Float, ObjectType } from 'type-graphql';

import type { Interval } from '../../analytics';
import { Money } from '../common/money.types';

/** A confidence or prediction interval with both bounds. */
@ObjectType({ description: 'An interval at a coverage level, e.g. 95% from 0.12 to 0.31.' })
export class IntervalType {
  @Field(() => Float, { description: 'Coverage in percent, e.g. 95.' })
  level!: number;

  @Field(() => Float)
  lower!: number;

  @Field(() => Float)
  upper!: number;
}

/** An interval whose bounds may be undefined or unbounded. */
@ObjectType('PartialInterval', {
  description: 'An interval whose bounds are null where they are unbounded or undefined.',
})
export class PartialIntervalType {
  @Field(() => Float)
  level!: number;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

/** An interval of money amounts; a bound is null where it is unbounded or undefined. */
@ObjectType('MoneyInterval', {
  description: 'An interval of amounts; a bound is null where it is unbounded or undefined.',
})
export class MoneyIntervalType {
  @Field(() => Float)
  level!: number;

  @Field(() => Money, { nullable: true })
  lower!: Money | null;

  @Field(() => Money, { nullable: true })
  upper!: Money | null;
}

/** Copies an analytics interval into its GraphQL type. */
export function toIntervalType(interval: Interval): IntervalType {
  return { level: interval.level, lower: interval.lower, upper: interval.upper };
}
