import { Field, Float, ID, ObjectType } from 'type-graphql';

import { LanguageEnum } from './copy.enums';

@ObjectType('ForecastExplanation', {
  description:
    'A forecast explained in plain language, composed from its numbers without a language model.',
})
export class ForecastExplanationType {
  @Field(() => ID)
  forecastId!: string;

  @Field(() => LanguageEnum)
  language!: LanguageEnum;

  @Field({ description: 'The sentences joined.' })
  text!: string;

  @Field(() => [String], {
    description:
      'Model, change against recent sales, peak, season (when the model has one), interval width, driver.',
  })
  sentences!: string[];

  @Field(() => Float, {
    description:
      'Signed change of the mean forecast against as many recent periods as the horizon, in percent.',
  })
  changePercent!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean half-width of the 95% interval relative to the point forecast, in percent.',
  })
  intervalHalfWidthPercent!: number | null;
}
