import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';

import { createLoaders } from '../db/loaders/createLoaders';
import type { Context, Services } from '../graphql/context';
import { formatGraphQLError } from '../graphql/errors';
import { createSchema } from '../graphql/schema';

/** Largest JSON request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_048_576;

/** A running HTTP server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Starts the GraphQL API over HTTP on `host:port` (port 0 picks a free port). The database,
 * forecast runner and copy provider come in `services`; stopping the server leaves them open.
 */
export async function startHttpServer(
  services: Services,
  options: { host: string; port: number },
): Promise<RunningServer> {
  const logger = services.logger;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (unexpected) =>
        logger.error({ err: unexpected, path: formatted.path }, 'unexpected error in resolver'),
      ),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
    ],
    logger,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = req.header('x-request-id')?.slice(0, 128) || randomUUID();
        res.setHeader('x-request-id', requestId);
        return { ...services, loaders: createLoaders(services.dataSource), requestId };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost =
    options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  const url = `http://${shownHost}:${port}/graphql`;
  logger.info({ url }, 'server listening');

  return {
    url,
    port,
    stop: async () => {
      await apollo.stop();
      logger.info('http server stopped');
    },
  };
}

/** Logs each operation's name, duration and error count with the request id. */
function requestLogPlugin(logger: Logger) {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(requestContext: {
          contextValue: Context;
          operationName?: string | null;
          errors?: readonly unknown[];
        }) {
          logger.info(
            {
              requestId: requestContext.contextValue.requestId,
              operation: requestContext.operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              errors: requestContext.errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
