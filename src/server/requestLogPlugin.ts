import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Logger } from 'pino';

import { unwrapResolverError } from '@apollo/server/errors';

import type { AuthContext } from '../graphql/apiKey/principal';
import { DomainError } from '../shared/errors';

/**
 * Logs each operation once, when its response is sent: the request id, operation name, key,
 * duration, requested and actual cost, and the codes of any errors. Unexpected errors (no
 * domain error, no code) are logged with their stack and the request id.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<AuthContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<AuthContext>> {
      const started = performance.now();
      return {
        async didEncounterErrors({ contextValue, errors }) {
          // The formatted response masks these; the log keeps their stack under the request id.
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (!(original instanceof DomainError) && error.extensions?.code === undefined) {
              logger.error(
                { requestId: contextValue.requestId, path: error.path, err: original },
                'unexpected error in resolver',
              );
            }
          }
        },

        async willSendResponse({ contextValue, operationName, errors, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const cost = body?.extensions?.cost as
            { requestedQueryCost: number; actualQueryCost: number | null } | undefined;
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              apiKeyId: contextValue.principal.apiKey?.id ?? null,
              status: response.http.status ?? 200,
              durationMs: Math.round(performance.now() - started),
              requestedCost: cost?.requestedQueryCost ?? null,
              actualCost: cost?.actualQueryCost ?? null,
              errors: errors?.length ?? 0,
              errorCodes: body?.errors?.map((error) => error.extensions?.code) ?? [],
            },
            'graphql request',
          );
        },
      };
    },
  };
}
