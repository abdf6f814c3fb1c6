import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { SampleSize } from '../../analytics';
import type { Experiment } from '../../db/entities';
import { PageInfo } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';
import { IntervalType } from '../analysis/interval.types';

export enum ExperimentStatusEnum {
  RUNNING = 'running',
  STOPPED = 'stopped',
}

registerEnumType(ExperimentStatusEnum, {
  name: 'ExperimentStatus',
  description: 'RUNNING while results are recorded; STOPPED after stopExperiment.',
});

/** An experiment as clients see it; variants, results, product and chart are field resolvers. */
@ObjectType('Experiment', { description: 'An A/B test of approved copies of one product.' })
export class ExperimentType {
  @Field(() => ID)
  id!: string;

  productId!: number;

  @Field()
  name!: string;

  @Field({ description: 'The copy channel of every variant, e.g. EMAIL_SUBJECT.' })
  channel!: string;

  @Field(() => ExperimentStatusEnum)
  status!: ExperimentStatusEnum;

  @Field(() => Int, { nullable: true, description: 'Impressions per variant planned.' })
  plannedSampleSize!: number | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  stoppedAt!: Date | null;
}

/** Maps an experiment row to its GraphQL type. */
export function toExperimentType(experiment: Experiment): ExperimentType {
  return {
    id: String(experiment.id),
    productId: experiment.productId,
    name: experiment.name,
    channel: experiment.channel,
    status: experiment.status as ExperimentStatusEnum,
    plannedSampleSize: experiment.plannedSampleSize,
    createdAt: experiment.createdAt,
    stoppedAt: experiment.stoppedAt,
  };
}

/** A variant with its recorded totals; `copy` is a field resolver. */
@ObjectType('ExperimentVariant', {
  description: 'One arm of an experiment: a copy and its counts.',
})
export class ExperimentVariantType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  copyId!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  isControl!: boolean;

  @Field(() => Int)
  impressions!: number;

  @Field(() => Int)
  conversions!: number;
}

@ObjectType({ description: 'A variant against the control.' })
export class VariantComparisonType {
  @Field(() => Float, { description: 'rate - control rate.' })
  difference!: number;

  @Field(() => IntervalType, { description: 'Newcombe hybrid score interval of the difference.' })
  differenceInterval!: IntervalType;

  @Field(() => Float, { nullable: true, description: 'difference / control rate, in percent.' })
  relativeLift!: number | null;

  @Field(() => Float, { description: 'Pooled two-proportion z statistic.' })
  z!: number;

  @Field(() => Float, { description: 'Two-sided p-value of the z-test.' })
  pValue!: number;

  @Field(() => Float, { description: 'Holm-adjusted over every comparison with the control.' })
  adjustedPValue!: number;
}

@ObjectType({ description: "A variant's conversion rate and how it compares." })
export class VariantResultType {
  @Field(() => ID)
  variantId!: string;

  @Field(() => ID)
  copyId!: string;

  @Field(() => Int)
  impressions!: number;

  @Field(() => Int)
  conversions!: number;

  @Field(() => Float, { nullable: true, description: 'conversions / impressions.' })
  rate!: number | null;

  @Field(() => IntervalType, { description: 'Wilson score interval of the rate.' })
  interval!: IntervalType;

  @Field()
  isControl!: boolean;

  @Field(() => VariantComparisonType, { nullable: true, description: 'Null for the control.' })
  comparison!: VariantComparisonType | null;

  @Field(() => Float, {
    description: 'Posterior probability of the highest rate (Beta(1,1) priors, Monte Carlo).',
  })
  probabilityBest!: number;
}

@ObjectType({ description: 'Results of an experiment so far.' })
export class ExperimentResultsType {
  @Field(() => [VariantResultType], { description: 'In variant order.' })
  variants!: VariantResultType[];

  @Field(() => Int, { nullable: true })
  plannedSampleSize!: number | null;

  @Field({
    description: 'True when a size was planned and every variant has reached it.',
  })
  reachedPlannedSize!: boolean;

  @Field({
    description:
      'True when the experiment was stopped before every variant reached the planned size (peeking).',
  })
  stoppedEarly!: boolean;

  @Field(() => [String], { description: 'The peeking warning among them.' })
  warnings!: string[];
}

@ObjectType('SampleSize', { description: 'Impressions an A/B test needs per variant.' })
export class SampleSizeType {
  @Field(() => Int)
  perVariant!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float)
  baselineRate!: number;

  @Field(() => Float, { description: 'The rate to detect.' })
  targetRate!: number;

  @Field(() => Float, { description: 'Alpha per comparison after the Bonferroni split.' })
  alphaPerComparison!: number;

  @Field(() => Float)
  power!: number;
}

/** Copies a sample size into its GraphQL type. */
export function toSampleSizeType(size: SampleSize): SampleSizeType {
  return { ...size };
}

@ObjectType({ description: 'What recordExperimentResults stored.' })
export class RecordExperimentResultsPayload {
  @Field(() => Int, { description: 'Variant rows written; 0 when the batch key was seen before.' })
  recorded!: number;

  @Field({ description: 'True when this batch key was already recorded, so nothing was added.' })
  alreadyRecorded!: boolean;

  @Field(() => ExperimentType)
  experiment!: ExperimentType;
}

@ObjectType()
export class ExperimentEdge {
  @Field()
  cursor!: string;

  @Field(() => ExperimentType)
  node!: ExperimentType;
}

@ObjectType({ description: 'A page of experiments, newest first.' })
export class ExperimentConnection {
  @Field(() => [ExperimentEdge])
  edges!: ExperimentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
