import { Field, ID, Int, ObjectType } from 'type-graphql';

import { countGraphemes } from '../../copywriting';
import type { GeneratedCopy } from '../../db/entities';
import { PageInfo } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';

/** A stored variant of generated copy; `product` is a field resolver. */
@ObjectType('GeneratedCopy', { description: 'One variant of marketing copy for a product.' })
export class GeneratedCopyType {
  @Field(() => ID)
  id!: string;

  productId!: number;

  @Field()
  channel!: string;

  @Field()
  tone!: string;

  @Field({ description: '"zh" or "en".' })
  language!: string;

  @Field()
  text!: string;

  @Field(() => Int, { description: 'Length of text in user-perceived characters.' })
  length!: number;

  @Field(() => Int)
  maxLength!: number;

  @Field({ description: 'Whether the text was cut to fit maxLength.' })
  truncated!: boolean;

  @Field(() => Int, { description: '0-based position within its generation request.' })
  variant!: number;

  @Field({ description: '"builtin" or "huggingface".' })
  provider!: string;

  @Field({ description: 'Model id that wrote the text.' })
  model!: string;

  @Field({ description: 'The prompt sent to the provider, rendered as text.' })
  prompt!: string;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => Int, { nullable: true })
  promptTokens!: number | null;

  @Field(() => Int, { nullable: true })
  completionTokens!: number | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

/** Maps a copy row to its GraphQL type. */
export function toCopyType(copy: GeneratedCopy): GeneratedCopyType {
  return {
    id: String(copy.id),
    productId: copy.productId,
    channel: copy.channel,
    tone: copy.tone,
    language: copy.language,
    text: copy.text,
    length: countGraphemes(copy.text),
    maxLength: copy.maxLength,
    truncated: copy.truncated,
    variant: copy.variant,
    provider: copy.provider,
    model: copy.model,
    prompt: copy.prompt,
    latencyMs: copy.latencyMs,
    promptTokens: copy.promptTokens,
    completionTokens: copy.completionTokens,
    createdAt: copy.createdAt,
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
