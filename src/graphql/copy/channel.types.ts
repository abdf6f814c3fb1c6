import { Field, Int, ObjectType } from 'type-graphql';

import { describeLimit, smsCapacity } from '../../copywriting';
import type { ChannelPreset, FieldPreset, LengthUnit } from '../../copywriting';
import { CopyChannelEnum, LengthUnitEnum } from './copy.enums';

/** Counting rule of each unit, as the `channels` query returns it. */
const COUNTING: Readonly<Record<LengthUnit, string>> = {
  GRAPHEMES:
    'User-perceived characters (Unicode grapheme clusters via Intl.Segmenter): an emoji or a letter with combining marks counts one.',
  GOOGLE_ADS:
    'As Google Ads counts ad text: each full-width or CJK (Chinese, Japanese, Korean) character counts two, every other character one.',
  X_WEIGHTED:
    'As X (Twitter) counts a post: CJK characters and emoji count two, other characters one; the limit is 280.',
  SMS: 'In message segments. Text that fits GSM-7 takes 160 septets in one segment (153 per part when split) and extension characters such as € take two; any other text is sent as UCS-2 with 70 UTF-16 units (67 per part).',
};

@ObjectType('FieldPreset', { description: 'One field a channel needs, with its limit.' })
export class FieldPresetType {
  @Field({ description: 'Field name, e.g. "headline".' })
  name!: string;

  @Field()
  description!: string;

  @Field(() => Int, { description: 'Fields of this name written by default.' })
  defaultCount!: number;

  @Field(() => Int, { description: 'Fewest fields of this name the platform accepts.' })
  minCount!: number;

  @Field(() => Int, { description: 'Most fields of this name the platform accepts.' })
  maxCount!: number;

  @Field(() => Int, { description: 'Maximum length of each field, in unit; segments for SMS.' })
  limit!: number;

  @Field(() => LengthUnitEnum)
  unit!: LengthUnitEnum;

  @Field({ description: 'How the length is counted.' })
  counting!: string;

  @Field({ description: 'The limit in words, as the prompt states it to the model.' })
  limitDescription!: string;

  @Field({
    description:
      'True when the platform rejects longer text; false when the limit is a display convention.',
  })
  enforcedByPlatform!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'For SMS: GSM-7 septets the allowed segments carry.',
  })
  gsm7Capacity!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'For SMS: UCS-2 units the allowed segments carry.',
  })
  ucs2Capacity!: number | null;
}

@ObjectType('ChannelPreset', { description: 'The fields and limits of one publishing channel.' })
export class ChannelPresetType {
  @Field(() => CopyChannelEnum)
  channel!: CopyChannelEnum;

  @Field()
  description!: string;

  @Field(() => [FieldPresetType])
  fields!: FieldPresetType[];
}

/** Maps a channel preset of the copywriting module to its GraphQL type. */
export function toChannelPresetType(preset: ChannelPreset): ChannelPresetType {
  return {
    channel: preset.channel as CopyChannelEnum,
    description: preset.description,
    fields: preset.fields.map(toFieldPresetType),
  };
}

function toFieldPresetType(field: FieldPreset): FieldPresetType {
  const sms = field.unit === 'SMS';
  return {
    name: field.name,
    description: field.description,
    defaultCount: field.count,
    minCount: field.minCount,
    maxCount: field.maxCount,
    limit: field.limit,
    unit: field.unit as LengthUnitEnum,
    counting: COUNTING[field.unit],
    limitDescription: describeLimit(field.limit, field.unit),
    enforcedByPlatform: field.enforcedByPlatform,
    gsm7Capacity: sms ? smsCapacity('GSM-7', field.limit) : null,
    ucs2Capacity: sms ? smsCapacity('UCS-2', field.limit) : null,
  };
}
