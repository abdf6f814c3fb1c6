import { Field, ID, InputType, Int } from 'type-graphql';

import type { AudienceSegment } from '../../copywriting';
import { CopyChannelEnum, CopyToneEnum, CustomerTypeEnum, LanguageEnum } from './copy.enums';

@InputType({
  description:
    'A customer segment to write for, never a person: a description containing an email, phone number, customer id or a name after an honorific is rejected before any prompt is built.',
})
export class AudienceInput {
  @Field(() => CustomerTypeEnum, { nullable: true })
  customerType?: CustomerTypeEnum | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. "DE".' })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free text of at most 200 characters, e.g. "gift buyers".',
  })
  description?: string | null;
}

@InputType({ description: 'How many fields of one name to write, e.g. 5 search ad headlines.' })
export class FieldCountInput {
  @Field({ description: 'Field name from the channel preset; see the channels query.' })
  field!: string;

  @Field(() => Int, { description: "Within the field's minCount and maxCount." })
  count!: number;
}

@InputType({ description: 'Copy for many products as one job.' })
export class GenerateCopyBulkInput {
  @Field(() => [ID], { description: 'Products to write for, 1 to 200.' })
  productIds!: string[];

  @Field(() => CopyChannelEnum)
  channel!: CopyChannelEnum;

  @Field(() => CopyToneEnum, { defaultValue: CopyToneEnum.FRIENDLY })
  tone!: CopyToneEnum;

  @Field(() => LanguageEnum, { defaultValue: LanguageEnum.EN })
  language!: LanguageEnum;

  @Field(() => Int, { defaultValue: 1, description: 'Variants per product, 1 to 10.' })
  variants!: number;

  @Field(() => Int, { nullable: true, description: 'As generateCopy maxLength.' })
  maxLength?: number | null;

  @Field(() => ID, { nullable: true })
  brandProfileId?: string | null;

  @Field(() => AudienceInput, { nullable: true })
  audience?: AudienceInput | null;

  @Field(() => [FieldCountInput], { nullable: true })
  fieldCounts?: FieldCountInput[] | null;
}

/** Converts the GraphQL audience to the copywriting module's segment, dropping nulls. */
export function toAudienceSegment(
  audience: AudienceInput | null | undefined,
): AudienceSegment | undefined {
  if (!audience) {
    return undefined;
  }
  return {
    customerType: audience.customerType ?? undefined,
    country: audience.country ?? undefined,
    description: audience.description ?? undefined,
  };
}

/** Converts field counts to the module's record, keyed by field name. */
export function toFieldCounts(
  counts: FieldCountInput[] | null | undefined,
): Record<string, number> | undefined {
  if (!counts || counts.length === 0) {
    return undefined;
  }
  return Object.fromEntries(counts.map((count) => [count.field, count.count]));
}
