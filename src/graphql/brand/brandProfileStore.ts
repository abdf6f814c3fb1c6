import { QueryFailedError } from 'typeorm';
import type { DataSource, Repository } from 'typeorm';

import { validateBrandProfile } from '../../copywriting';
import type { BrandProfile as BrandRules } from '../../copywriting';
import { BrandProfile, BrandProfileVersion } from '../../db/entities';
import { DomainError, ErrorCode } from '../../shared/errors';

/** The rules of a brand profile as a client sends them. */
export interface BrandProfileFields {
  name: string;
  voice?: string;
  preferWords?: string[];
  avoidWords?: string[];
  forbiddenClaims?: string[];
}

/**
 * Stores a new brand profile with its version 1. Throws `BAD_USER_INPUT` for invalid rules
 * (see `validateBrandProfile`) and `CONFLICT` when the name is taken.
 */
export async function createBrandProfile(
  dataSource: DataSource,
  fields: BrandProfileFields,
  createdBy: string | null,
): Promise<BrandProfileVersion> {
  const rules = normalize(fields);
  validateBrandProfile(rules);
  try {
    return await dataSource.transaction(async (manager) => {
      await assertNameFree(manager.getRepository(BrandProfile), rules.name, undefined);
      const profile = await manager
        .getRepository(BrandProfile)
        .save({ name: rules.name, currentVersion: 1 });
      return manager
        .getRepository(BrandProfileVersion)
        .save(toVersionRow(profile.id, 1, rules, createdBy));
    });
  } catch (error) {
    throw asNameConflict(error, rules.name);
  }
}

/**
 * Stores the rules as the profile's next version and makes it current. Earlier versions stay
 * as they were, so copy keeps pointing at the version it was written with. Fields left out
 * keep their value from the current version. Throws `NOT_FOUND` for an unknown profile,
 * `BAD_USER_INPUT` for invalid rules and `CONFLICT` when the new name is taken.
 */
export async function updateBrandProfile(
  dataSource: DataSource,
  profileId: number,
  changes: Partial<BrandProfileFields>,
  createdBy: string | null,
): Promise<BrandProfileVersion> {
  const current = await loadCurrentVersion(dataSource, profileId);
  const rules = normalize({
    name: changes.name ?? current.name,
    voice: changes.voice ?? current.voice,
    preferWords: changes.preferWords ?? current.preferWords,
    avoidWords: changes.avoidWords ?? current.avoidWords,
    forbiddenClaims: changes.forbiddenClaims ?? current.forbiddenClaims,
  });
  validateBrandProfile(rules);
  try {
    return await dataSource.transaction(async (manager) => {
      const profiles = manager.getRepository(BrandProfile);
      await assertNameFree(profiles, rules.name, profileId);
      const next = current.version + 1;
      // The version check makes a concurrent update fail instead of overwriting a version.
      const updated = await profiles.update(
        { id: profileId, currentVersion: current.version },
        { name: rules.name, currentVersion: next },
      );
      if (updated.affected === 0) {
        throw new DomainError(
          ErrorCode.Conflict,
          `Brand profile ${profileId} was updated by another request while this one ran; send the update again.`,
        );
      }
      return manager
        .getRepository(BrandProfileVersion)
        .save(toVersionRow(profileId, next, rules, createdBy));
    });
  } catch (error) {
    throw asNameConflict(error, rules.name);
  }
}

/** Loads the current version of a profile. Throws `NOT_FOUND` for an unknown profile. */
export async function loadCurrentVersion(
  dataSource: DataSource,
  profileId: number,
): Promise<BrandProfileVersion> {
  const profile = await dataSource.getRepository(BrandProfile).findOneBy({ id: profileId });
  if (!profile) {
    throw new DomainError(
      ErrorCode.NotFound,
      `Brand profile ${profileId} was not found; query brandProfiles to find one.`,
    );
  }
  return dataSource.getRepository(BrandProfileVersion).findOneByOrFail({
    brandProfileId: profileId,
    version: profile.currentVersion,
  });
}

/** Converts a stored version to the rules the copywriting checks take. */
export function toBrandRules(version: BrandProfileVersion): BrandRules {
  return {
    name: version.name,
    voice: version.voice === '' ? undefined : version.voice,
    preferWords: version.preferWords,
    avoidWords: version.avoidWords,
    forbiddenClaims: version.forbiddenClaims,
  };
}

function normalize(fields: BrandProfileFields): Required<BrandProfileFields> {
  const words = (list: string[] | undefined) => (list ?? []).map((word) => word.trim());
  return {
    name: fields.name.trim(),
    voice: (fields.voice ?? '').trim(),
    preferWords: words(fields.preferWords),
    avoidWords: words(fields.avoidWords),
    forbiddenClaims: words(fields.forbiddenClaims),
  };
}

function toVersionRow(
  profileId: number,
  version: number,
  rules: Required<BrandProfileFields>,
  createdBy: string | null,
): Partial<BrandProfileVersion> {
  return {
    brandProfileId: profileId,
    version,
    name: rules.name,
    voice: rules.voice,
    preferWords: rules.preferWords,
    avoidWords: rules.avoidWords,
    forbiddenClaims: rules.forbiddenClaims,
    createdBy,
  };
}

async function assertNameFree(
  profiles: Repository<BrandProfile>,
  name: string,
  ownId: number | undefined,
): Promise<void> {
  const holder = await profiles.findOneBy({ name });
  if (holder && holder.id !== ownId) {
    throw nameTaken(name, holder.id);
  }
}

function nameTaken(name: string, holderId?: number): DomainError {
  const holder = holderId === undefined ? '' : ` by brand profile ${holderId}`;
  return new DomainError(
    ErrorCode.Conflict,
    `The brand profile name "${name}" is taken${holder}; choose another name or update that profile.`,
    'name',
  );
}

/** Maps a unique-index violation from a concurrent insert to the same CONFLICT as the check. */
function asNameConflict(error: unknown, name: string): unknown {
  if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) {
    return nameTaken(name);
  }
  return error;
}
