import 'reflect-metadata';

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import pino from 'pino';
import type { DataSource } from 'typeorm';

import { createCopyProvider } from '../../src/copywriting';
import type { CopyProvider } from '../../src/copywriting';
import { openDatabase } from '../../src/db/dataSource';
import { ForecastPool } from '../../src/forecasting';
import { startHttpServer } from '../../src/server/app';
import { QueryCounter } from './queryCounter';

/** A GraphQL response as the HTTP server sends it. */
export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** A real server on 127.0.0.1 over a fresh SQLite file, for end-to-end tests. */
export interface TestServer {
  url: string;
  dataSource: DataSource;
  queries: QueryCounter;
  databasePath: string;
  forecasts: ForecastPool;
  /** Posts a GraphQL operation and returns the parsed body. */
  gql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

/** Starts the API on a fresh SQLite file in a temporary folder, with real workers. */
export async function startTestServer(
  options: {
    copyProvider?: CopyProvider;
    seed?: (dataSource: DataSource) => Promise<unknown>;
  } = {},
): Promise<TestServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-test-'));
  const databasePath = path.join(folder, 'test.sqlite');
  const queries = new QueryCounter();
  const { dataSource } = await openDatabase({ type: 'sqlite', path: databasePath }, queries);
  await options.seed?.(dataSource);

  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const forecasts = new ForecastPool({ maxThreads: 1 });
  const copyProvider = options.copyProvider ?? createCopyProvider();
  const server = await startHttpServer(
    { dataSource, forecasts, copyProvider, logger },
    { host: '127.0.0.1', port: 0 },
  );
  const url = `http://127.0.0.1:${server.port}/graphql`;
  queries.take();

  return {
    url,
    dataSource,
    queries,
    databasePath,
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
      await forecasts.destroy();
      await dataSource.destroy();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
