import 'reflect-metadata';

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import pino from 'pino';
import type { DataSource } from 'typeorm';

import { createCopyProvider } from '../../src/copywriting';
import type { CopyProvider } from '../../src/copywriting';
import { openDatabase } from '../../src/db/dataSource';
import { ForecastPool } from '../../src/forecasting';
import { ApiKeyStore } from '../../src/graphql/apiKey/apiKeyStore';
import { Role } from '../../src/graphql/apiKey/role';
import { createServices } from '../../src/graphql/services';
import { startHttpServer } from '../../src/server/app';
import type { RunningServer, ServerLimits } from '../../src/server/app';
import type { AuthMode } from '../../src/server/config';

/** One pino log line, parsed. */
export type LogRecord = { level: number; msg: string } & Record<string, unknown>;

/** An HTTP response with its body parsed as JSON when it is JSON. */
export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

/** A real server on 127.0.0.1 over a fresh SQLite file, with settings a test chooses. */
export interface Harness {
  /** The GraphQL endpoint, http://127.0.0.1:<port>/graphql. */
  url: string;
  /** http://127.0.0.1:<port>, for the other routes. */
  origin: string;
  dataSource: DataSource;
  server: RunningServer;
  forecasts: ForecastPool;
  /** Every line the server logged, at debug level and above. */
  logs: LogRecord[];
  /** Creates an API key and returns its secret. */
  createKey(role: Role, name?: string): Promise<string>;
  /** Posts a JSON body to the endpoint with optional key and extra headers. */
  post(
    body: unknown,
    options?: { key?: string; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  /** Posts one operation and returns the HTTP result. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { key?: string; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  stop(): Promise<void>;
}

/** Settings of `startHarness`. */
export interface HarnessOptions {
  authMode?: AuthMode;
  limits?: Partial<ServerLimits>;
  seed?: (dataSource: DataSource) => Promise<unknown>;
  copyProvider?: CopyProvider;
  graphiqlFolder?: string;
}

/** Starts the API with real workers on a fresh SQLite file in a temporary folder. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketcast-server-'));
  const { dataSource } = await openDatabase({
    type: 'sqlite',
    path: path.join(folder, 'db.sqlite'),
  });
  await options.seed?.(dataSource);

  const logs: LogRecord[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        logs.push(JSON.parse(line) as LogRecord);
      }
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const forecasts = new ForecastPool({ maxThreads: 1 });
  const services = createServices(
    {
      dataSource,
      forecasts,
      copyProvider: options.copyProvider ?? createCopyProvider(),
      logger,
    },
    { jobConcurrency: 1 },
  );
  const server = await startHttpServer(services, {
    host: '127.0.0.1',
    port: 0,
    authMode: options.authMode ?? 'required',
    limits: options.limits,
    graphiqlFolder: options.graphiqlFolder ?? path.join(folder, 'no-graphiql'),
    shutdownTimeoutMs: 5_000,
  });
  const origin = `http://127.0.0.1:${server.port}`;
  const url = `${origin}/graphql`;
  const store = new ApiKeyStore(dataSource);

  const post: Harness['post'] = async (body, requestOptions = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(requestOptions.key ? { authorization: `Bearer ${requestOptions.key}` } : {}),
        ...requestOptions.headers,
      },
      body: JSON.stringify(body),
    });
    return readResult(response);
  };

  return {
    url,
    origin,
    dataSource,
    server,
    forecasts,
    logs,
    async createKey(role, name = `${role.toLowerCase()} test key`) {
      return (await store.create(name, role)).secret;
    },
    post,
    gql: (query, variables, requestOptions) => post({ query, variables }, requestOptions),
    async stop() {
      await server.stop();
      await forecasts.destroy();
      await dataSource.destroy();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Reads a fetch response, parsing the body as JSON when its media type is JSON. */
export async function readResult(response: Response): Promise<HttpResult> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes('json') && text ? JSON.parse(text) : text,
  };
}

export { Role };
