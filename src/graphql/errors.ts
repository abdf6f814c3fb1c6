import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

import { DomainError, ErrorCode } from '../shared/errors';

/**
 * Codes the HTTP layer and the operation limits set, before any resolver runs. Each reaches
 * clients as `extensions.code`, next to the shared domain codes.
 */
export enum ApiErrorCode {
  /** Malformed HTTP request: invalid JSON, too many operations in a batch. HTTP 400. */
  BadRequest = 'BAD_REQUEST',
  /** The request body is larger than the server accepts. HTTP 413. */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** The operation's requested cost is above the per-operation maximum. HTTP 400. */
  MaxCostExceeded = 'MAX_COST_EXCEEDED',
  /** The operation nests fields deeper than the maximum depth. HTTP 400. */
  MaxDepthExceeded = 'MAX_DEPTH_EXCEEDED',
  /** The key's cost budget contains less than the operation costs; retry later. HTTP 429. */
  RateLimited = 'RATE_LIMITED',
}

/** Codes set before execution by Apollo, graphql-js and this server; they pass through unchanged. */
const REQUEST_CODES = new Set<string>([
  ...Object.values(ApiErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Gives every error an `extensions.code` and masks unexpected ones. Domain errors keep their
 * message and code (plus the input field at fault); any other error becomes
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

  // Apollo reports some request problems as GraphQL errors without a code: a persisted query
  // whose hash does not match its text, an unsupported persisted query version. They come from
  // no resolver and wrap no exception, so the message is safe to show.
  if (error instanceof GraphQLError && error.originalError === undefined && !error.path) {
    return { ...base, extensions: { code: ApiErrorCode.BadRequest } };
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
