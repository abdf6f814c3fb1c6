import { registerEnumType } from 'type-graphql';

/**
 * The permission level of an API key. Each role includes the ones before it: readers run queries,
 * analysts also run forecasts and copy generation, admins also write products and sales and
 * manage keys. Resolvers name the least role they need with `@Authorized('ANALYST')`.
 */
export enum Role {
  READER = 'READER',
  ANALYST = 'ANALYST',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'ApiKeyRole',
  description:
    'What a key may do: READER runs queries, ANALYST also runForecast and generateCopy, ADMIN everything.',
  valuesConfig: {
    READER: { description: 'Queries only.' },
    ANALYST: { description: 'Queries, runForecast and generateCopy.' },
    ADMIN: { description: 'Everything, including product and sales writes and key management.' },
  },
});

const RANK: Record<Role, number> = { [Role.READER]: 0, [Role.ANALYST]: 1, [Role.ADMIN]: 2 };

/** Returns true when a key with role `granted` may use a field that needs role `needed`. */
export function roleIncludes(granted: Role, needed: Role): boolean {
  return RANK[granted] >= RANK[needed];
}

/** Returns the least role of `roles`, which a caller must hold; undefined for an empty list. */
export function leastRole(roles: readonly Role[]): Role | undefined {
  return [...roles].sort((a, b) => RANK[a] - RANK[b])[0];
}

/**
 * Parses a role name in any letter case ("analyst", "ANALYST"). Returns undefined for
 * anything else.
 */
export function parseRole(text: string): Role | undefined {
  const upper = text.trim().toUpperCase();
  return (Object.values(Role) as string[]).includes(upper) ? (upper as Role) : undefined;
}

/** Returns the role's name as people write it: "reader", "analyst" or "admin". */
export function roleName(role: Role): string {
  return role.toLowerCase();
}
