import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { BrandProfile } from '../../db/entities';
import type { AuthContext } from '../apiKey/principal';
import { parseId } from '../common/ids';
import type { Context } from '../context';
import {
  BrandProfileInput,
  BrandProfileType,
  BrandProfileUpdateInput,
  BrandProfileVersionType,
  toBrandProfileType,
  toBrandProfileVersionType,
} from './brand.types';
import { createBrandProfile, updateBrandProfile } from './brandProfileStore';

/**
 * Brand profiles: lookups, create and update (each storing a new version), and the profile's
 * versions. Writes need the ANALYST or ADMIN role; roles are ranked, so
 * `@Authorized('ANALYST')` admits both.
 */
@Resolver(() => BrandProfileType)
export class BrandProfileResolver {
  @Query(() => [BrandProfileType], { description: 'Every brand profile, by name.' })
  async brandProfiles(@Ctx() context: Context): Promise<BrandProfileType[]> {
    const profiles = await context.dataSource
      .getRepository(BrandProfile)
      .find({ order: { name: 'ASC' } });
    return profiles.map(toBrandProfileType);
  }

  @Query(() => BrandProfileType, { nullable: true, description: 'One brand profile by id.' })
  async brandProfile(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<BrandProfileType | null> {
    const profile = await context.dataSource
      .getRepository(BrandProfile)
      .findOneBy({ id: parseId('id', id) });
    return profile ? toBrandProfileType(profile) : null;
  }

  @Authorized('ANALYST')
  @Mutation(() => BrandProfileVersionType, {
    description:
      'Creates a brand profile and returns its version 1. Texts with personal data are rejected, because they go into prompts. CONFLICT when the name is taken. Needs the ANALYST or ADMIN role.',
  })
  async createBrandProfile(
    @Ctx() context: AuthContext,
    @Arg('input', () => BrandProfileInput) input: BrandProfileInput,
  ): Promise<BrandProfileVersionType> {
    const version = await createBrandProfile(context.dataSource, input, authorOf(context));
    context.logger.info(
      { requestId: context.requestId, brandProfileId: version.brandProfileId },
      'brand profile created',
    );
    return toBrandProfileVersionType(version);
  }

  @Authorized('ANALYST')
  @Mutation(() => BrandProfileVersionType, {
    description:
      "Stores the changes as the profile's next version and returns it; copy written earlier keeps the version it used. Needs the ANALYST or ADMIN role.",
  })
  async updateBrandProfile(
    @Ctx() context: AuthContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => BrandProfileUpdateInput) input: BrandProfileUpdateInput,
  ): Promise<BrandProfileVersionType> {
    const version = await updateBrandProfile(
      context.dataSource,
      parseId('id', id),
      {
        name: input.name ?? undefined,
        voice: input.voice ?? undefined,
        preferWords: input.preferWords ?? undefined,
        avoidWords: input.avoidWords ?? undefined,
        forbiddenClaims: input.forbiddenClaims ?? undefined,
      },
      authorOf(context),
    );
    context.logger.info(
      {
        requestId: context.requestId,
        brandProfileId: version.brandProfileId,
        version: version.version,
      },
      'brand profile updated',
    );
    return toBrandProfileVersionType(version);
  }

  @FieldResolver(() => BrandProfileVersionType, { description: 'The newest version.' })
  async current(
    @Root() profile: BrandProfileType,
    @Ctx() context: Context,
  ): Promise<BrandProfileVersionType> {
    const versions = await context.loaders.brandProfileVersions.load(Number(profile.id));
    return toBrandProfileVersionType(versions[versions.length - 1]);
  }

  @FieldResolver(() => [BrandProfileVersionType], { description: 'Every version, oldest first.' })
  async versions(
    @Root() profile: BrandProfileType,
    @Ctx() context: Context,
  ): Promise<BrandProfileVersionType[]> {
    const versions = await context.loaders.brandProfileVersions.load(Number(profile.id));
    return versions.map(toBrandProfileVersionType);
  }
}

function authorOf(context: AuthContext): string | null {
  return context.principal.apiKey?.name ?? null;
}
