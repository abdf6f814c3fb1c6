import { Field, ID, Int, ObjectType } from 'type-graphql';

import { countGraphemes } from '../../copywriting';
import type { CopyStatusChange, GeneratedCopy, StoredCopyField } from '../../db/entities';
import { PageInfo } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';
import {
  CopyExportFormatEnum,
  CopyStatusEnum,
  CustomerTypeEnum,
  LengthUnitEnum,
} from './copy.enums';

@ObjectType('CopyField', {
  description:
    'One field of a channel preset as written, with its length counted as the platform counts it.',
})
export class CopyFieldType {
  @Field({ description: 'Field name from the channel preset, e.g. "headline".' })
  name!: string;

  @Field(() => Int, { description: '0-based position among the fields of this name.' })
  index!: number;

  @Field()
  text!: string;

  @Field(() => Int, {
    description:
      'Length in unit. For SMS: septets (GSM-7) or UTF-16 code units (UCS-2) of the message.',
  })
  length!: number;

  @Field(() => Int, {
    description:
      'Limit in the same unit as length. For SMS: what the allowed segments carry in the encoding used.',
  })
  limit!: number;

  @Field(() => LengthUnitEnum)
  unit!: LengthUnitEnum;

  @Field({ description: 'Whether the text was cut to fit after the shorten rounds.' })
  truncated!: boolean;

  @Field(() => Int, { description: 'Requests sent to the provider to shorten this field.' })
  shortenRounds!: number;

  @Field(() => String, { nullable: true, description: 'For SMS: "GSM-7" or "UCS-2".' })
  encoding!: string | null;

  @Field(() => Int, { nullable: true, description: 'For SMS: segments the message needs.' })
  segments!: number | null;
}

@ObjectType('CopyViolation', {
  description:
    'A rule the final text still breaks: brand profile, claims, numbers or personal data.',
})
export class CopyViolationType {
  @Field({
    description:
      'AVOID_WORD, FORBIDDEN_CLAIM, MEDICAL_CLAIM, MISSING_PREFERRED_WORD, UNSUPPORTED_NUMBER or PERSONAL_DATA.',
  })
  rule!: string;

  @Field({ description: '"error" makes the copy unfit to publish; "warning" is for a reviewer.' })
  severity!: string;

  @Field({ description: 'The offending text; empty for a missing preferred word.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Field name, e.g. "headline[1]".' })
  field!: string | null;

  @Field()
  message!: string;
}

@ObjectType('Audience', { description: 'The customer segment copy was written for.' })
export class AudienceType {
  @Field(() => CustomerTypeEnum, { nullable: true })
  customerType!: CustomerTypeEnum | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType('CopyStatusChange', { description: 'One review decision on a copy.' })
export class CopyStatusChangeType {
  @Field(() => CopyStatusEnum)
  from!: CopyStatusEnum;

  @Field(() => CopyStatusEnum)
  to!: CopyStatusEnum;

  @Field({ description: 'Name of the API key that decided; "development" for anonymous requests.' })
  reviewer!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  at!: Date;
}

/** A stored variant of generated copy; `product`, `brandProfile` and `statusHistory` are field resolvers. */
@ObjectType('GeneratedCopy', { description: 'One variant of marketing copy for a product.' })
export class GeneratedCopyType {
  @Field(() => ID)
  id!: string;

  productId!: number;

  brandProfileVersionId!: number | null;

  @Field()
  channel!: string;

  @Field()
  tone!: string;

  @Field({ description: '"zh" or "en".' })
  language!: string;

  @Field({ description: 'The fields joined by line breaks, in preset order.' })
  text!: string;

  @Field(() => Int, { description: 'Length of text in user-perceived characters.' })
  length!: number;

  @Field(() => [CopyFieldType], {
    description: 'Every field of the channel preset with its counted length and limit.',
  })
  fields!: CopyFieldType[];

  @Field(() => [CopyViolationType], {
    description: 'Rules the final texts still break, after the regeneration round.',
  })
  violations!: CopyViolationType[];

  @Field(() => Int, {
    description:
      "The cap requested on every field except SMS, in the field's unit; 5000 when none was requested.",
  })
  maxLength!: number;

  @Field({ description: 'Whether any field was cut to fit its limit.' })
  truncated!: boolean;

  @Field(() => Int, { description: '0-based position within its generation request.' })
  variant!: number;

  @Field(() => AudienceType, { nullable: true })
  audience!: AudienceType | null;

  @Field({ description: '"builtin" or "huggingface".' })
  provider!: string;

  @Field({ description: 'Model id that wrote the text.' })
  model!: string;

  @Field({ description: 'The first prompt sent to the provider, rendered as text.' })
  prompt!: string;

  @Field(() => [String], {
    description: 'Every prompt sent, in order: first writing, regeneration and shorten rounds.',
  })
  prompts!: string[];

  @Field(() => Int, { description: 'Provider calls made for this copy, retries not counted.' })
  providerCalls!: number;

  @Field(() => Int, {
    description: "Sum of the provider calls' wall-clock times in milliseconds, retries included.",
  })
  latencyMs!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Sum over the calls; null when the provider reported none.',
  })
  promptTokens!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Sum over the calls; null when the provider reported none.',
  })
  completionTokens!: number | null;

  @Field(() => CopyStatusEnum, {
    description: 'Review state. Check status == APPROVED before publishing or testing the copy.',
  })
  status!: CopyStatusEnum;

  @Field({ description: 'True exactly when status is APPROVED.' })
  isApproved!: boolean;

  @Field(() => String, { nullable: true, description: 'Who made the last review decision.' })
  reviewedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reason or note of the last review decision.',
  })
  reviewReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Id shared by the copies one generateCopyBulk job wrote; null for generateCopy. Find them with generatedCopies(jobId).',
  })
  batchId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

/** Maps a copy row to its GraphQL type. */
export function toCopyType(copy: GeneratedCopy): GeneratedCopyType {
  return {
    id: String(copy.id),
    productId: copy.productId,
    brandProfileVersionId: copy.brandProfileVersionId ?? null,
    channel: copy.channel,
    tone: copy.tone,
    language: copy.language,
    text: copy.text,
    length: countGraphemes(copy.text),
    fields: storedFields(copy).map(toFieldType),
    violations: (copy.violations ?? []).map((violation) => ({
      rule: violation.rule,
      severity: violation.severity,
      text: violation.text,
      field: violation.field ?? null,
      message: violation.message,
    })),
    maxLength: copy.maxLength,
    truncated: copy.truncated,
    variant: copy.variant,
    audience: copy.audience
      ? {
          customerType: (copy.audience.customerType as CustomerTypeEnum | undefined) ?? null,
          country: copy.audience.country ?? null,
          description: copy.audience.description ?? null,
        }
      : null,
    provider: copy.provider,
    model: copy.model,
    prompt: copy.prompt,
    prompts: copy.prompts ?? [copy.prompt],
    providerCalls: copy.providerCalls ?? 1,
    latencyMs: copy.latencyMs,
    promptTokens: copy.promptTokens,
    completionTokens: copy.completionTokens,
    status: copy.status as CopyStatusEnum,
    isApproved: copy.status === 'approved',
    reviewedBy: copy.reviewedBy ?? null,
    reviewReason: copy.reviewReason ?? null,
    reviewedAt: copy.reviewedAt ?? null,
    batchId: copy.batchId ?? null,
    createdAt: copy.createdAt,
  };
}

/**
 * Returns the stored fields, or for copy stored before fields existed one field holding the
 * whole text, counted in grapheme clusters against the request's maxLength.
 */
export function storedFields(copy: GeneratedCopy): StoredCopyField[] {
  if (copy.fields && copy.fields.length > 0) {
    return copy.fields;
  }
  return [
    {
      name: 'text',
      index: 0,
      text: copy.text,
      length: countGraphemes(copy.text),
      limit: copy.maxLength,
      unit: 'GRAPHEMES',
      truncated: copy.truncated,
      shortenRounds: 0,
    },
  ];
}

function toFieldType(field: StoredCopyField): CopyFieldType {
  return {
    name: field.name,
    index: field.index,
    text: field.text,
    length: field.length,
    limit: field.limit,
    unit: field.unit as LengthUnitEnum,
    truncated: field.truncated,
    shortenRounds: field.shortenRounds,
    encoding: field.encoding ?? null,
    segments: field.segments ?? null,
  };
}

/** Maps a review log row to its GraphQL type. */
export function toStatusChangeType(change: CopyStatusChange): CopyStatusChangeType {
  return {
    from: change.fromStatus as CopyStatusEnum,
    to: change.toStatus as CopyStatusEnum,
    reviewer: change.reviewer,
    reason: change.reason,
    at: change.createdAt,
  };
}

@ObjectType()
export class GeneratedCopyEdge {
  @Field()
  cursor!: string;

  @Field(() => GeneratedCopyType)
  node!: GeneratedCopyType;
}

@ObjectType({ description: 'A page of generated copy, newest first.' })
export class GeneratedCopyConnection {
  @Field(() => [GeneratedCopyEdge])
  edges!: GeneratedCopyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('CopyExport', { description: 'Approved copy as a file body.' })
export class CopyExportType {
  @Field(() => CopyExportFormatEnum)
  format!: CopyExportFormatEnum;

  @Field({ description: '"application/json" or "text/csv; charset=utf-8".' })
  contentType!: string;

  @Field(() => Int, { description: 'Copies in the export.' })
  count!: number;

  @Field({ description: 'The file body.' })
  content!: string;
}
