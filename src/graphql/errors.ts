import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

import { DomainError, ErrorCode } from '../shared/errors';

/** Codes Apollo and graphql-js set themselves; they pass through unchanged. */
const REQUEST_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Gives every error an `extensions.code` and masks unexpected ones. Domain errors keep their
 * message and code (plus the input field at fault); errors nobody anticipated become
 * INTERNAL_SERVER_ERROR with a generic message, reported through `onUnexpected`.
 * Stack traces never reach clients.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (REQUEST_CODES.has(code) || isPublicCode(code))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions: { ...extensions, code } };
  }

  onUnexpected(original);
  return {
    ...base,
    message: 'Internal server error; the server log has the details under this request id.',
    extensions: { code: ErrorCode.InternalServerError },
  };
}

function isPublicCode(code: string): boolean {
  return (
    (Object.values(ErrorCode) as string[]).includes(code) && code !== ErrorCode.InternalServerError
  );
}
