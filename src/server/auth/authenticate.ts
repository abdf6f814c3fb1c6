import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

import type { ApiKeyStore } from '../../graphql/apiKey/apiKeyStore';
import { isApiKeyShaped } from '../../graphql/apiKey/apiKeySecret';
import type { Principal } from '../../graphql/apiKey/principal';
import { Role } from '../../graphql/apiKey/role';
import { ErrorCode } from '../../shared/errors';
import type { AuthMode } from '../config';
import { requestIdOf } from '../http/requestId';
import { sendGraphQLError } from '../http/sendGraphQLError';

/** The principal of an anonymous request in development mode. */
const ANONYMOUS_ADMIN: Principal = { role: Role.ADMIN, apiKey: null };

/** Realm named in WWW-Authenticate challenges (RFC 6750). */
const REALM = 'marketcast';

/** Settings of `authenticate`. */
export interface AuthenticateOptions {
  mode: AuthMode;
  store: ApiKeyStore;
  logger: Logger;
  /** Sees the code of each rejection, for metrics. */
  onError?: (code: string) => void;
}

/**
 * Resolves the request's principal from `Authorization: Bearer <key>` into `res.locals`.
 * A key that is malformed, unknown or revoked gets 401 UNAUTHENTICATED in every mode. A
 * request without the header gets 401 when keys are required, and acts as admin in
 * development mode.
 */
export function authenticate(options: AuthenticateOptions): RequestHandler {
  return async (req, res, next) => {
    const header = req.header('authorization');
    if (header === undefined) {
      if (options.mode === 'development') {
        res.locals.principal = ANONYMOUS_ADMIN;
        next();
        return;
      }
      reject(
        'API key missing: send it as "Authorization: Bearer <key>"; an admin creates keys with `npm run keys -- create`.',
        `Bearer realm="${REALM}"`,
      );
      return;
    }

    const bearer = /^Bearer +(\S+) *$/i.exec(header);
    if (!bearer) {
      reject(
        'Authorization header invalid: it must be "Bearer <key>" with a Marketcast API key.',
        `Bearer realm="${REALM}", error="invalid_request"`,
      );
      return;
    }

    const apiKey = await options.store.authenticate(bearer[1]);
    if (!apiKey) {
      options.logger.debug(
        {
          requestId: requestIdOf(res),
          keyPrefix: isApiKeyShaped(bearer[1]) ? bearer[1].slice(0, 11) : null,
        },
        'api key rejected',
      );
      reject(
        'API key invalid: it is unknown or has been revoked.',
        `Bearer realm="${REALM}", error="invalid_token"`,
      );
      return;
    }
    res.locals.principal = {
      role: apiKey.role as Role,
      apiKey: { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix },
    } satisfies Principal;
    next();

    function reject(message: string, challenge: string) {
      sendGraphQLError(
        req,
        res,
        {
          status: 401,
          code: ErrorCode.Unauthenticated,
          message,
          headers: { 'www-authenticate': challenge },
        },
        options.onError,
      );
    }
  };
}

/** Returns the principal `authenticate` resolved for the request. */
export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
