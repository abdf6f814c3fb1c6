import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { ErrorRequestHandler } from 'express';
import { MaxIntrospectionDepthRule } from 'graphql';
import type { Logger } from 'pino';

import { createLoaders } from '../db/loaders/createLoaders';
import { ApiKeyStore } from '../graphql/apiKey/apiKeyStore';
import type { AuthContext } from '../graphql/apiKey/principal';
import { Role, roleIncludes } from '../graphql/apiKey/role';
import { MAX_PAGE_SIZE } from '../graphql/common/connection';
import type { Services } from '../graphql/context';
import { ApiErrorCode, formatGraphQLError } from '../graphql/errors';
import { createSchema } from '../graphql/schema';
import { MAX_SALES_BATCH } from '../graphql/sales/sales.resolver';
import { ErrorCode } from '../shared/errors';
import { CHARTS_PATH } from '../graphql/chart/chartUrls';
import { authenticate, principalOf } from './auth/authenticate';
import { chartRoutes } from './charts/chartRoutes';
import { DEFAULT_LIMITS } from './config';
import type { AuthMode, Config } from './config';
import { defaultGraphiqlFolder } from './graphiql/buildGraphiql';
import { graphiqlRoutes, hasGraphiqlBundle } from './graphiql/graphiqlRoutes';
import { healthRoutes } from './health/healthRoutes';
import { batchSizeLimit, bodyErrorHandler } from './http/bodyLimits';
import { requestIdMiddleware, requestIdOf } from './http/requestId';
import { RequestTracker } from './http/requestTracker';
import { sendGraphQLError } from './http/sendGraphQLError';
import { costPlugin } from './limits/costPlugin';
import { LeakyBucketLimiter } from './limits/leakyBucket';
import { instrumentCopyProvider, instrumentForecastRunner } from './metrics/instrumentServices';
import type { TrackedForecastRunner } from './metrics/instrumentServices';
import { metricsPlugin } from './metrics/metricsPlugin';
import { ServerMetrics } from './metrics/serverMetrics';
import { requestLogPlugin } from './requestLogPlugin';

/** Largest JSON request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1_048_576;

/** Path of the GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/** Limits on operations and on each key's request rate; see `Config.limits`. */
export type ServerLimits = Config['limits'];

/** Settings of `startHttpServer`; everything but the address has a default. */
export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to development, where requests without a key act as admin. */
  authMode?: AuthMode;
  limits?: Partial<ServerLimits>;
  /** How long `stop` waits for in-flight requests, then for running forecasts; 30 s default. */
  shutdownTimeoutMs?: number;
  /** Folder of the GraphiQL bundle; dist/graphiql under the project root by default. */
  graphiqlFolder?: string;
  metrics?: ServerMetrics;
}

/** A running HTTP server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  metrics: ServerMetrics;
  /**
   * Stops accepting connections, lets in-flight requests finish, then waits for forecasts still
   * running, each within the shutdown timeout. Resolves false when something was cut short.
   * The database, worker pool and copy provider stay open.
   */
  stop(): Promise<boolean>;
}

/**
 * Starts the GraphQL API over HTTP on `host:port`, with GraphiQL, health checks and metrics.
 * The database, forecast runner and copy provider come in `services`.
 */
export async function startHttpServer(
  services: Services,
  options: ServerOptions,
): Promise<RunningServer> {
  const logger = services.logger;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const authMode = options.authMode ?? 'development';
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 30_000;
  const metrics = options.metrics ?? new ServerMetrics();
  const countError = (code: string) => metrics.graphqlErrors.inc({ code });
  const forecasts = instrumentForecastRunner(services.forecasts, metrics);
  const requestServices: Services = {
    ...services,
    forecasts,
    copyProvider: instrumentCopyProvider(services.copyProvider, metrics),
  };
  const apiKeys = new ApiKeyStore(services.dataSource, {
    onTouchFailed: (error, keyId) =>
      logger.warn({ err: error, apiKeyId: keyId }, 'recording the last use of an api key failed'),
  });
  let stopping = false;

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = await createApolloServer(httpServer, {
    logger,
    limits,
    metrics,
    shutdownTimeoutMs,
    countError,
  });

  const requests = new RequestTracker(metrics, logger);
  app.use(requestIdMiddleware());
  app.use(requests.middleware());
  app.use(healthRoutes({ dataSource: services.dataSource, logger, isStopping: () => stopping }));
  // Metrics show traffic and failures by role and operation, so reading them takes an admin key
  // when keys are required. Prometheus sends one with `authorization: { credentials: <key> }`.
  app.get(
    '/metrics',
    authenticate({ mode: authMode, store: apiKeys, logger, onError: countError }),
    (req, res, next) => {
      const { role } = principalOf(res);
      if (roleIncludes(role, Role.ADMIN)) {
        next();
        return;
      }
      logger.info({ requestId: requestIdOf(res), role }, 'metrics scrape forbidden');
      sendGraphQLError(
        req,
        res,
        {
          status: 403,
          code: ErrorCode.Forbidden,
          message: `Reading /metrics needs an ADMIN API key; this key has role ${role}.`,
        },
        countError,
      );
    },
    async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
  const graphiqlFolder = options.graphiqlFolder ?? defaultGraphiqlFolder();
  if (!hasGraphiqlBundle(graphiqlFolder)) {
    logger.warn(
      { folder: graphiqlFolder },
      'GraphiQL bundle missing; run `npm run build:graphiql` to serve the IDE',
    );
  }
  app.use(graphiqlRoutes({ assetsFolder: graphiqlFolder, endpoint: GRAPHQL_PATH, authMode }));
  // Charts linked from chartUrl fields pass the same authentication as the API.
  app.use(
    CHARTS_PATH,
    authenticate({ mode: authMode, store: apiKeys, logger, onError: countError }),
    chartRoutes(requestServices, logger),
  );
  app.use(
    GRAPHQL_PATH,
    authenticate({ mode: authMode, store: apiKeys, logger, onError: countError }),
    express.json({ limit: MAX_BODY_BYTES }),
    batchSizeLimit(limits.maxBatchOperations, countError),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<AuthContext> => ({
        ...requestServices,
        loaders: createLoaders(services.dataSource),
        requestId: requestIdOf(res),
        principal: principalOf(res),
        apiKeys,
      }),
    }),
  );
  app.use(bodyErrorHandler(MAX_BODY_BYTES, countError));
  app.use(unexpectedErrorHandler(logger, countError));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost =
    options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  const url = `http://${shownHost}:${port}${GRAPHQL_PATH}`;
  logger.info({ url, authMode, limits }, 'server listening');

  return {
    url,
    port,
    metrics,
    stop: async () => {
      stopping = true;
      requests.beginStopping();
      return drainServer({ apollo, requests, forecasts, logger, timeoutMs: shutdownTimeoutMs });
    },
  };
}

/**
 * Stops the Apollo server, whose drain plugin closes the listener and waits for in-flight
 * requests, then waits for forecasts still running, all within `timeoutMs`. Logs each step.
 * Resolves false when a request or a forecast was cut short.
 */
async function drainServer(parts: {
  apollo: ApolloServer<AuthContext>;
  requests: RequestTracker;
  forecasts: TrackedForecastRunner;
  logger: Logger;
  timeoutMs: number;
}): Promise<boolean> {
  const { apollo, requests, forecasts, logger, timeoutMs } = parts;
  const started = performance.now();
  logger.info({ timeoutMs }, 'http server closing; in-flight requests finish');
  await apollo.stop();
  const unanswered = requests.unanswered;
  logger.info({ unanswered }, 'http server stopped');

  let idle = true;
  if (forecasts.inFlight > 0) {
    logger.info({ forecasts: forecasts.inFlight }, 'waiting for running forecasts');
    idle = await forecasts.whenIdle(Math.max(0, timeoutMs - (performance.now() - started)));
  }
  if (!idle) {
    logger.warn(
      { forecasts: forecasts.inFlight, timeoutMs },
      'forecasts still running at the shutdown timeout; raise SHUTDOWN_TIMEOUT_MS to let them finish',
    );
  }
  if (unanswered > 0) {
    logger.warn(
      { unanswered, timeoutMs },
      'requests cut short at the shutdown timeout; raise SHUTDOWN_TIMEOUT_MS to let them finish',
    );
  }
  return idle && unanswered === 0;
}

/** Builds and starts the Apollo server with the limits, metrics and logging plugins. */
async function createApolloServer(
  httpServer: http.Server,
  settings: {
    logger: Logger;
    limits: ServerLimits;
    metrics: ServerMetrics;
    shutdownTimeoutMs: number;
    countError: (code: string) => void;
  },
): Promise<ApolloServer<AuthContext>> {
  const { logger, limits, metrics } = settings;
  const apollo = new ApolloServer<AuthContext>({
    schema: await createSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: true,
    // Automatic persisted queries: documents are kept by SHA-256 hash in Apollo's bounded
    // in-memory LRU cache until evicted.
    persistedQueries: { ttl: null },
    validationRules: [MaxIntrospectionDepthRule],
    // main.ts handles SIGTERM and SIGINT itself: it stops this server, then the worker pool
    // and the database. Apollo's own handler would stop it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      // requestLogPlugin logs unexpected errors with their request id; here they are masked.
      const result = formatGraphQLError(formatted, error, () => undefined);
      settings.countError(String(result.extensions?.code ?? ErrorCode.InternalServerError));
      return result;
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: settings.shutdownTimeoutMs,
      }),
      ApolloServerPluginLandingPageDisabled(),
      // No response is cached by HTTP caches, so per-field cache hints are work without use.
      ApolloServerPluginCacheControlDisabled(),
      costPlugin({
        limits: {
          maxQueryCost: limits.maxQueryCost,
          maxQueryDepth: limits.maxQueryDepth,
          maxPageSize: MAX_PAGE_SIZE,
          maxListItems: MAX_SALES_BATCH,
        },
        limiter: new LeakyBucketLimiter({
          capacity: limits.rateLimitCapacity,
          restoreRate: limits.rateLimitRestoreRate,
        }),
        didRejectForRate: (principal) =>
          metrics.rateLimitRejections.inc({ role: principal.role.toLowerCase() }),
        didPriceOperation: (cost, operationType) =>
          metrics.operationCost.observe({ operation_type: operationType }, cost),
      }),
      metricsPlugin(metrics),
      requestLogPlugin(logger),
    ],
    logger,
  });
  await apollo.start();
  return apollo;
}

/**
 * Responds to errors no other handler took. A client error that express marks safe to show
 * (`expose`, status 4xx) keeps its status and message as BAD_REQUEST; anything else becomes a
 * masked 500 and is logged.
 */
function unexpectedErrorHandler(
  logger: Logger,
  onError: (code: string) => void,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    const status = Number(error?.status ?? error?.statusCode);
    if (!res.headersSent && error?.expose === true && status >= 400 && status < 500) {
      sendGraphQLError(
        req,
        res,
        { status, code: ApiErrorCode.BadRequest, message: String(error.message) },
        onError,
      );
      return;
    }
    logger.error({ err: error, requestId: requestIdOf(res) }, 'unexpected error in http handler');
    if (res.headersSent) {
      next(error);
      return;
    }
    sendGraphQLError(
      req,
      res,
      {
        status: 500,
        code: ErrorCode.InternalServerError,
        message: 'Internal server error; the server log has the details under this request id.',
      },
      onError,
    );
  };
}
