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
  copy: {
    provider: 'builtin' | 'huggingface';
    hfToken?: string;
    hfModel: string;
    hfEndpointUrl?: string;
    hfProvider?: string;
    timeoutMs: number;
    maxRetries: number;
  };
}

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
  COPY_PROVIDER: z.enum(['builtin', 'huggingface']).optional(),
  HF_TOKEN: z.string().min(1).optional(),
  HF_MODEL: z.string().min(1).default('Qwen/Qwen2.5-7B-Instruct'),
  HF_ENDPOINT_URL: z.url({ protocol: /^https?$/ }).optional(),
  HF_PROVIDER: z.string().min(1).optional(),
  COPY_TIMEOUT_MS: integerText(100, 600_000).default(30_000),
  COPY_MAX_RETRIES: integerText(0, 10).default(3),
});

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

  return {
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    database: values.DATABASE_URL.startsWith('sqlite:')
      ? { type: 'sqlite', path: path.resolve(values.DATABASE_URL.slice('sqlite:'.length)) }
      : { type: 'postgres', url: values.DATABASE_URL },
    seedSample: values.SEED_SAMPLE,
    forecastThreads: values.FORECAST_THREADS ?? cores,
    copy: {
      provider,
      hfToken: values.HF_TOKEN,
      hfModel: values.HF_MODEL,
      hfEndpointUrl: values.HF_ENDPOINT_URL,
      hfProvider: values.HF_PROVIDER,
      timeoutMs: values.COPY_TIMEOUT_MS,
      maxRetries: values.COPY_MAX_RETRIES,
    },
  };
}

function defaultThreads(): number {
  // One core stays free for the event loop that serves requests.
  return Math.max(1, availableParallelism() - 1);
}
