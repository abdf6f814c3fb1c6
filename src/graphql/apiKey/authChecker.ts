import type { AuthCheckerFn } from 'type-graphql';

import { DomainError, ErrorCode } from '../../shared/errors';
import type { AuthContext } from './principal';
import { Role, leastRole, parseRole, roleIncludes, roleName } from './role';

/**
 * Checks a field's `@Authorized(...)` roles against the request's principal; type-graphql
 * calls it before the resolver. Passes when the principal's role includes the least role
 * listed, or when no role is listed. Throws FORBIDDEN naming the field, the role needed and
 * the role held, so that clients see what to ask for.
 */
export const authChecker: AuthCheckerFn<AuthContext, string> = ({ context, info }, roles) => {
  const needed = leastRole(roles.map(toRole));
  if (needed === undefined || roleIncludes(context.principal.role, needed)) {
    return true;
  }

  const holder = context.principal.apiKey
    ? `the API key "${context.principal.apiKey.name}" has`
    : 'this request has';
  throw new DomainError(
    ErrorCode.Forbidden,
    `${info.fieldName} needs the ${roleName(needed)} role; ${holder} the ${roleName(context.principal.role)} role.`,
  );
};

function toRole(text: string): Role {
  const role = parseRole(text);
  if (!role) {
    throw new TypeError(`@Authorized takes READER, ANALYST or ADMIN; received "${text}".`);
  }
  return role;
}
