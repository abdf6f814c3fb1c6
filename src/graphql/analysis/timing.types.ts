import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { TimingComparison } from '../../analytics';
import { IntervalType } from './interval.types';

export enum TimingGroupingEnum {
  WEEKDAY = 'weekday',
  MONTH = 'month',
}

registerEnumType(TimingGroupingEnum, {
  name: 'TimingGrouping',
  description: 'Compare by ISO weekday (Monday first) or by month of the year.',
});

@ObjectType({ description: 'The mean of one weekday or month with its t interval.' })
export class TimingGroupType {
  @Field(() => Int, { description: '0 = Monday .. 6 = Sunday, or 0 = January .. 11 = December.' })
  index!: number;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Records in the group.' })
  count!: number;

  @Field(() => Float)
  mean!: number;

  @Field(() => IntervalType, { nullable: true, description: 'Null with fewer than two records.' })
  interval!: IntervalType | null;

  @Field(() => Float, { nullable: true, description: 'mean / overall mean.' })
  relativeToOverall!: number | null;
}

@ObjectType({ description: 'One-way ANOVA F-test of "every group has the same mean".' })
export class AnovaTest {
  @Field(() => Float)
  f!: number;

  @Field(() => Int)
  df1!: number;

  @Field(() => Int)
  df2!: number;

  @Field(() => Float)
  pValue!: number;
}

@ObjectType('TimingComparison', {
  description: 'Which weekday or month performed best, with the numbers behind it.',
})
export class TimingComparisonType {
  @Field(() => TimingGroupingEnum)
  by!: TimingGroupingEnum;

  @Field({ description: 'What was compared, e.g. "units per day".' })
  metric!: string;

  @Field(() => [TimingGroupType], { description: 'Groups with data, best first.' })
  groups!: TimingGroupType[];

  @Field(() => TimingGroupType)
  best!: TimingGroupType;

  @Field(() => TimingGroupType)
  worst!: TimingGroupType;

  @Field(() => Float)
  overallMean!: number;

  @Field(() => AnovaTest, { nullable: true })
  anova!: AnovaTest | null;

  @Field()
  statement!: string;

  @Field(() => [String])
  warnings!: string[];
}

/** Maps a timing comparison to its GraphQL type. */
export function toTimingType(comparison: TimingComparison, metric: string): TimingComparisonType {
  return {
    ...comparison,
    by: comparison.by as TimingGroupingEnum,
    metric,
  };
}
