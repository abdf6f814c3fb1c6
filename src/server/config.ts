import { availableParallelism } from 'node:os';
import * as path from 'node:path';

import { z } from 'zod';

/** The server's settings, read from environment variables and checked at start. */
export interface Config {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `sqlite:<path>` or a `postgres://` URL. */
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  /** Load the shipped Online Retail sample into an empty database at start. */
  seedSample: boolean;
  forecastThreads: number;
  /** Maximum running time of one forecast before its worker is stopped, in milliseconds. */
  forecastTimeoutMs: number;
  copy: {
    provider: 'builtin' | 'huggingface';
    hfToken?: string;
    hfModel: string;
    hfEndpointUrl?: string;
    hfProvider?: string;
    timeoutMs: number;
    maxRetries: number;
  };
  /** The classifier of imported reviews' sentiment. */
  sentiment: {
    provider: 'builtin' | 'huggingface';
    /** Hub id of a text-classification model with positive/neutral/negative classes. */
    hfModel: string;
    hfEndpointUrl?: string;
    timeoutMs: number;
  };
  auth: {
    /**
     * `development`: requests without an API key act as admin. `required`: every request needs
     * a valid key. Requests that send a key are checked in both modes.
     */
    mode: AuthMode;
    /** Whether `mode` came from AUTH_MODE or from the default rule. */
    modeSource: 'AUTH_MODE' | 'default';
  };
  limits: {
    /** Highest cost one operation may request. */
    maxQueryCost: number;
    /** Deepest field nesting one operation may select. */
    maxQueryDepth: number;
    /** Maximum number of operations in one batched HTTP request. */
    maxBatchOperations: number;
    /** Cost points each key's bucket holds when full. */
    rateLimitCapacity: number;
    /** Cost points each key's bucket regains per second. */
    rateLimitRestoreRate: number;
  };
  /** How long shutdown waits for in-flight requests and forecasts, in milliseconds. */
  shutdownTimeoutMs: number;
}

/** The treatment of requests without an API key; see `Config.auth.mode`. */
export type AuthMode = 'development' | 'required';

/** Defaults of `Config.limits`, also used by servers started without a config (tests). */
export const DEFAULT_LIMITS: Config['limits'] = {
  maxQueryCost: 1000,
  maxQueryDepth: 10,
  maxBatchOperations: 10,
  rateLimitCapacity: 1000,
  rateLimitRestoreRate: 50,
};

const booleanText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const integerText = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integerText(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<file path> or a postgres:// URL')
    .default('sqlite:data/marketcast.sqlite'),
  SEED_SAMPLE: booleanText.default(true),
  FORECAST_THREADS: integerText(1, 64).optional(),
  FORECAST_TIMEOUT_MS: integerText(1000, 3_600_000).default(120_000),
  COPY_PROVIDER: z.enum(['builtin', 'huggingface']).optional(),
  HF_TOKEN: z.string().min(1).optional(),
  HF_MODEL: z.string().min(1).default('Qwen/Qwen2.5-7B-Instruct'),
  HF_ENDPOINT_URL: z.url({ protocol: /^https?$/ }).optional(),
  HF_PROVIDER: z.string().min(1).optional(),
  COPY_TIMEOUT_MS: integerText(100, 600_000).default(30_000),
  COPY_MAX_RETRIES: integerText(0, 10).default(3),
  SENTIMENT_PROVIDER: z.enum(['builtin', 'huggingface']).default('builtin'),
  HF_SENTIMENT_MODEL: z.string().min(1).default('cardiffnlp/twitter-xlm-roberta-base-sentiment'),
  HF_SENTIMENT_ENDPOINT_URL: z.url({ protocol: /^https?$/ }).optional(),
  SENTIMENT_TIMEOUT_MS: integerText(100, 600_000).default(30_000),
  AUTH_MODE: z.enum(['development', 'required']).optional(),
  MAX_QUERY_COST: integerText(1, 1_000_000).default(DEFAULT_LIMITS.maxQueryCost),
  MAX_QUERY_DEPTH: integerText(2, 50).default(DEFAULT_LIMITS.maxQueryDepth),
  MAX_BATCH_OPERATIONS: integerText(1, 100).default(DEFAULT_LIMITS.maxBatchOperations),
  RATE_LIMIT_CAPACITY: integerText(1, 10_000_000).default(DEFAULT_LIMITS.rateLimitCapacity),
  RATE_LIMIT_RESTORE_RATE: integerText(1, 1_000_000).default(DEFAULT_LIMITS.rateLimitRestoreRate),
  SHUTDOWN_TIMEOUT_MS: integerText(100, 600_000).default(30_000),
});

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Thrown when an environment variable has an invalid value; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from `env`, applying the defaults documented in the README.
 * Throws `ConfigError` naming each invalid variable, its value and what is allowed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cores = defaultThreads()): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in environmentSchema.shape && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${issue.message}; received "${env[name]}".`;
      }),
    );
  }
  const values = parsed.data;

  const provider =
    values.COPY_PROVIDER ?? (values.HF_TOKEN || values.HF_ENDPOINT_URL ? 'huggingface' : 'builtin');
  if (provider === 'huggingface' && !values.HF_TOKEN && !values.HF_ENDPOINT_URL) {
    throw new ConfigError([
      'COPY_PROVIDER: "huggingface" needs HF_TOKEN (hosted models) or HF_ENDPOINT_URL (a self-hosted server); set one of them or use COPY_PROVIDER=builtin.',
    ]);
  }

  if (
    values.SENTIMENT_PROVIDER === 'huggingface' &&
    !values.HF_TOKEN &&
    !values.HF_SENTIMENT_ENDPOINT_URL
  ) {
    throw new ConfigError([
      'SENTIMENT_PROVIDER: "huggingface" needs HF_TOKEN (hosted models) or HF_SENTIMENT_ENDPOINT_URL (a self-hosted server); set one of them or use SENTIMENT_PROVIDER=builtin.',
    ]);
  }

  if (values.MAX_QUERY_COST > values.RATE_LIMIT_CAPACITY) {
    throw new ConfigError([
      `MAX_QUERY_COST: must not exceed RATE_LIMIT_CAPACITY (${values.RATE_LIMIT_CAPACITY}), or an operation at the maximum cost could never run; received "${env.MAX_QUERY_COST}".`,
    ]);
  }

  // Anonymous admin access is only a safe default for the bundled sample database served on a
  // loopback address; any other database or a public address needs keys unless AUTH_MODE sets development.
  const sampleOnLoopback = present.DATABASE_URL === undefined && LOOPBACK_HOSTS.has(values.HOST);
  const authMode: AuthMode = values.AUTH_MODE ?? (sampleOnLoopback ? 'development' : 'required');

  return {
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    database: values.DATABASE_URL.startsWith('sqlite:')
      ? { type: 'sqlite', path: path.resolve(values.DATABASE_URL.slice('sqlite:'.length)) }
      : { type: 'postgres', url: values.DATABASE_URL },
    seedSample: values.SEED_SAMPLE,
    forecastThreads: values.FORECAST_THREADS ?? cores,
    forecastTimeoutMs: values.FORECAST_TIMEOUT_MS,
    copy: {
      provider,
      hfToken: values.HF_TOKEN,
      hfModel: values.HF_MODEL,
      hfEndpointUrl: values.HF_ENDPOINT_URL,
      hfProvider: values.HF_PROVIDER,
      timeoutMs: values.COPY_TIMEOUT_MS,
      maxRetries: values.COPY_MAX_RETRIES,
    },
    sentiment: {
      provider: values.SENTIMENT_PROVIDER,
      hfModel: values.HF_SENTIMENT_MODEL,
      hfEndpointUrl: values.HF_SENTIMENT_ENDPOINT_URL,
      timeoutMs: values.SENTIMENT_TIMEOUT_MS,
    },
    auth: { mode: authMode, modeSource: values.AUTH_MODE ? 'AUTH_MODE' : 'default' },
    limits: {
      maxQueryCost: values.MAX_QUERY_COST,
      maxQueryDepth: values.MAX_QUERY_DEPTH,
      maxBatchOperations: values.MAX_BATCH_OPERATIONS,
      rateLimitCapacity: values.RATE_LIMIT_CAPACITY,
      rateLimitRestoreRate: values.RATE_LIMIT_RESTORE_RATE,
    },
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
  };
}

function defaultThreads(): number {
  // One core stays free for the event loop that serves requests.
  return Math.max(1, availableParallelism() - 1);
}
