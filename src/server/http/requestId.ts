import { randomUUID } from 'node:crypto';

import type { RequestHandler, Response } from 'express';

/** Client-sent request ids are kept when they are short and printable, as logs carry them. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives each request an id: the client's `x-request-id` when it is 1 to 128 letters, digits
 * or `._:-`, else a random UUID. Sets it on the response header and in `res.locals.requestId`.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const sent = req.header('x-request-id');
    const requestId = sent && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
}

/** Returns the id `requestIdMiddleware` gave the request. */
export function requestIdOf(res: Response): string {
  return res.locals.requestId as string;
}
