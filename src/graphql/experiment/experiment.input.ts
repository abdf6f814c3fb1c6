import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum EffectTypeEnum {
  ABSOLUTE = 'absolute',
  RELATIVE = 'relative',
}

registerEnumType(EffectTypeEnum, {
  name: 'EffectType',
  description:
    'ABSOLUTE: the effect is a rate difference (0.02 = 2 points). RELATIVE: a fraction of the baseline (0.1 = +10%).',
});

@InputType({ description: 'What an A/B test should be able to detect.' })
export class SampleSizeInput {
  @Field(() => Float, { description: 'Conversion rate of the control, between 0 and 1.' })
  baselineRate!: number;

  @Field(() => Float, { description: 'Smallest increase worth detecting.' })
  minimumDetectableEffect!: number;

  @Field(() => EffectTypeEnum, { defaultValue: EffectTypeEnum.ABSOLUTE })
  effectType!: EffectTypeEnum;

  @Field(() => Float, { defaultValue: 0.05, description: 'Two-sided significance level.' })
  alpha!: number;

  @Field(() => Float, { defaultValue: 0.8, description: 'Probability of detecting a real effect.' })
  power!: number;

  @Field(() => Int, {
    defaultValue: 2,
    description: 'Variants including the control; above 2, alpha is split by Bonferroni.',
  })
  variants!: number;
}

@InputType({ description: 'A new A/B test of approved copies of one product and channel.' })
export class CreateExperimentInput {
  @Field({ description: '1 to 255 characters.' })
  name!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => [ID], {
    description:
      'Two to ten approved copies of the product, all written for the same channel; the first is the control unless controlCopyId is given.',
  })
  copyIds!: string[];

  @Field(() => ID, { nullable: true })
  controlCopyId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Impressions per variant the test is planned for.',
  })
  plannedSampleSize?: number | null;

  @Field(() => SampleSizeInput, {
    nullable: true,
    description: 'Computes plannedSampleSize instead; give at most one of the two.',
  })
  sampleSize?: SampleSizeInput | null;
}

@InputType({ description: 'Impressions and conversions of one variant in one batch.' })
export class VariantResultInput {
  @Field(() => ID, { description: 'The copy the variant shows.' })
  copyId!: string;

  @Field(() => Int, { description: 'Times the copy was shown, 0 or more.' })
  impressions!: number;

  @Field(() => Int, { description: 'Conversions among those impressions, at most impressions.' })
  conversions!: number;
}
