import type { Request, Response } from 'express';

/** Media type of GraphQL responses defined by the GraphQL over HTTP specification. */
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * Sends a GraphQL error response from outside Apollo (authentication, body parsing) in the
 * shape clients already handle: `{"errors": [{"message", "extensions": {"code"}}]}`. The media
 * type is application/graphql-response+json when the client accepts it, else
 * application/json. `onError` receives the code, for metrics.
 */
export function sendGraphQLError(
  req: Request,
  res: Response,
  error: { status: number; code: string; message: string; headers?: Record<string, string> },
  onError?: (code: string) => void,
): void {
  onError?.(error.code);
  const mediaType = req.accepts(['application/json', GRAPHQL_RESPONSE_JSON]) || 'application/json';
  res
    .status(error.status)
    .set(error.headers ?? {})
    .type(`${mediaType}; charset=utf-8`)
    .send(
      JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }),
    );
}
