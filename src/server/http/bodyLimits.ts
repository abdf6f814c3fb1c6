import type { ErrorRequestHandler, RequestHandler } from 'express';

import { ApiErrorCode } from '../../graphql/errors';
import { sendGraphQLError } from './sendGraphQLError';

/** An error from express's body parser: it carries the HTTP status and a type. */
interface BodyParserError extends Error {
  status?: number;
  type?: string;
  limit?: number;
  length?: number;
}

/**
 * Turns body parser failures into GraphQL error responses: a body over `maxBytes` becomes
 * 413 PAYLOAD_TOO_LARGE stating the limit, malformed JSON 400 BAD_REQUEST. Other errors pass
 * on to express's handler.
 */
export function bodyErrorHandler(
  maxBytes: number,
  onError?: (code: string) => void,
): ErrorRequestHandler {
  return (error: BodyParserError, req, res, next) => {
    if (res.headersSent || typeof error?.type !== 'string') {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large') {
      const received = error.length !== undefined ? ` received ${error.length} bytes;` : '';
      sendGraphQLError(
        req,
        res,
        {
          status: 413,
          code: ApiErrorCode.PayloadTooLarge,
          message: `Request body too large:${received} the maximum is ${maxBytes} bytes. Send large inputs in several requests.`,
        },
        onError,
      );
      return;
    }
    if (error.type === 'entity.parse.failed') {
      sendGraphQLError(
        req,
        res,
        {
          status: 400,
          code: ApiErrorCode.BadRequest,
          message: 'Request body is not valid JSON; send {"query": "...", "variables": {...}}.',
        },
        onError,
      );
      return;
    }
    sendGraphQLError(
      req,
      res,
      {
        status: error.status ?? 400,
        code: ApiErrorCode.BadRequest,
        message: `Request body could not be read (${error.type}).`,
      },
      onError,
    );
  };
}

/**
 * Rejects a batched request (a JSON array of operations) with more than `maxOperations`
 * entries, with 400 BAD_REQUEST, before any is parsed.
 */
export function batchSizeLimit(
  maxOperations: number,
  onError?: (code: string) => void,
): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > maxOperations) {
      sendGraphQLError(
        req,
        res,
        {
          status: 400,
          code: ApiErrorCode.BadRequest,
          message: `A batch may hold at most ${maxOperations} operations; received ${req.body.length}. Send the rest in further requests.`,
        },
        onError,
      );
      return;
    }
    next();
  };
}
