import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Logger } from 'pino';

import type { AuthContext } from '../graphql/apiKey/principal';

/**
 * Logs each operation once, when its response is sent: the request id, operation name, key,
 * duration, requested and actual cost, and the codes of any errors. Unexpected errors are
 * logged with their stack where they are formatted.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<AuthContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<AuthContext>> {
      const started = performance.now();
      return {
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
