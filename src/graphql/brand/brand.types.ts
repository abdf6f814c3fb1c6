import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import type { BrandProfile, BrandProfileVersion } from '../../db/entities';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('BrandProfileVersion', {
  description: 'One stored version of a brand profile; versions never change once stored.',
})
export class BrandProfileVersionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The profile this version belongs to.' })
  brandProfileId!: string;

  @Field(() => Int, { description: '1 for the profile as created, then one more per update.' })
  version!: number;

  @Field()
  name!: string;

  @Field({ description: 'The voice, stated to the model; empty when none was given.' })
  voice!: string;

  @Field(() => [String], {
    description: 'Words the copy should use; a text with none of them gets a warning.',
  })
  preferWords!: string[];

  @Field(() => [String], { description: 'Words the copy must not use; each use is an error.' })
  avoidWords!: string[];

  @Field(() => [String], {
    description:
      'Claims the copy must not make, on top of the built-in ones (cheapest, guaranteed, medical claims).',
  })
  forbiddenClaims!: string[];

  @Field(() => String, { nullable: true, description: 'Name of the API key that stored it.' })
  createdBy!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('BrandProfile', {
  description: 'A brand voice and its word and claim rules, versioned.',
})
export class BrandProfileType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  currentVersion!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType({ description: 'A brand profile to create.' })
export class BrandProfileInput {
  @Field({ description: '1 to 100 characters, unique.' })
  name!: string;

  @Field({ defaultValue: '', description: 'At most 500 characters.' })
  voice!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: 'At most 50 words of 1 to 60 characters.',
  })
  preferWords!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'At most 50 words of 1 to 60 characters.',
  })
  avoidWords!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'At most 50 claims of 1 to 60 characters.',
  })
  forbiddenClaims!: string[];
}

@InputType({ description: 'Changes to a brand profile; fields left out keep their value.' })
export class BrandProfileUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  voice?: string | null;

  @Field(() => [String], { nullable: true })
  preferWords?: string[] | null;

  @Field(() => [String], { nullable: true })
  avoidWords?: string[] | null;

  @Field(() => [String], { nullable: true })
  forbiddenClaims?: string[] | null;
}

/** Maps a version row to its GraphQL type. */
export function toBrandProfileVersionType(version: BrandProfileVersion): BrandProfileVersionType {
  return {
    id: String(version.id),
    brandProfileId: String(version.brandProfileId),
    version: version.version,
    name: version.name,
    voice: version.voice,
    preferWords: version.preferWords,
    avoidWords: version.avoidWords,
    forbiddenClaims: version.forbiddenClaims,
    createdBy: version.createdBy,
    createdAt: version.createdAt,
  };
}

/** Maps a profile row to its GraphQL type. */
export function toBrandProfileType(profile: BrandProfile): BrandProfileType {
  return {
    id: String(profile.id),
    name: profile.name,
    currentVersion: profile.currentVersion,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}
