import { Field, ID, ObjectType } from 'type-graphql';

import type { ApiKey } from '../../db/entities';
import { DateTimeScalar } from '../common/scalars';
import { Role } from './role';

/** An API key as listed: everything but the secret. */
@ObjectType('ApiKey', { description: 'An API key without its secret.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What the key is for, as its creator wrote it.' })
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field({ description: 'The first characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Last request made with the key, to the minute; null if never used.',
  })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;
}

/** The result of createApiKey, the only place the secret appears. */
@ObjectType({ description: 'A new key and its secret, which is shown only in this response.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field({ description: 'Send as "Authorization: Bearer <secret>"; it cannot be shown again.' })
  secret!: string;
}

/** The identity the current request acts as. */
@ObjectType({ description: 'The role and key the current request acts with.' })
export class Viewer {
  @Field(() => Role)
  role!: Role;

  @Field(() => ApiKeyType, {
    nullable: true,
    description: 'The key sent; null for an anonymous request in development mode.',
  })
  apiKey!: ApiKeyType | null;
}

/** Maps a stored key to its GraphQL type. */
export function toApiKeyType(apiKey: ApiKey): ApiKeyType {
  return {
    id: String(apiKey.id),
    name: apiKey.name,
    role: apiKey.role as Role,
    prefix: apiKey.prefix,
    createdAt: apiKey.createdAt,
    lastUsedAt: apiKey.lastUsedAt,
    revokedAt: apiKey.revokedAt,
  };
}
