import 'reflect-metadata';

import pino from 'pino';
import type { DataSource } from 'typeorm';

import { createCopyProvider } from '../../src/copywriting';
import type { CopyProvider } from '../../src/copywriting';
import { openDatabase } from '../../src/db/dataSource';
import { createServices } from '../../src/graphql/services';
import { ForecastPool } from '../../src/forecasting';
import type { SentimentClassifier } from '../../src/sentiment';
import { startHttpServer } from '../../src/server/app';
import type { ServerLimits } from '../../src/server/app';
import { QueryCounter } from './queryCounter';
import { createTestDatabase } from './testDatabase';

/** A GraphQL response as the HTTP server sends it. */
export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/**
 * A real server on 127.0.0.1 over a fresh database (an SQLite file, or a PostgreSQL database
 * when TEST_DATABASE_URL is set), for end-to-end tests.
 */
export interface TestServer {
  url: string;
  dataSource: DataSource;
  queries: QueryCounter;
  forecasts: ForecastPool;
  /** Posts a GraphQL operation and returns the parsed body. */
  gql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

/** Starts the API on a fresh database with real worker threads and the builtin copy provider. */
export async function startTestServer(
  options: {
    copyProvider?: CopyProvider;
    /** Review sentiment classifier; the offline lexicon when absent. */
    sentiment?: SentimentClassifier;
    seed?: (dataSource: DataSource) => Promise<unknown>;
    /** Overrides of the operation cost and rate limits. */
    limits?: Partial<ServerLimits>;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const queries = new QueryCounter();
  const { dataSource } = await openDatabase(database.location, queries);
  await options.seed?.(dataSource);

  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const forecasts = new ForecastPool({ maxThreads: 1 });
  const copyProvider = options.copyProvider ?? createCopyProvider();
  const services = createServices(
    { dataSource, forecasts, copyProvider, logger, sentiment: options.sentiment },
    { jobConcurrency: 1 },
  );
  const server = await startHttpServer(services, {
    host: '127.0.0.1',
    port: 0,
    limits: options.limits,
  });
  const url = `http://127.0.0.1:${server.port}/graphql`;
  queries.take();

  return {
    url,
    dataSource,
    queries,
    forecasts,
    async gql(query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async stop() {
      await server.stop();
      await services.jobs.close(5000);
      await forecasts.destroy();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
