import * as path from 'node:path';

import { ConfigError, loadConfig } from '../../src/server/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, 2);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('loadConfig accepted the environment.');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, 2);

    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('info');
    expect(config.database).toEqual({
      type: 'sqlite',
      path: path.resolve('data/marketcast.sqlite'),
    });
    expect(config.seedSample).toBe(true);
    expect(config.forecastThreads).toBe(2);
    expect(config.forecastTimeoutMs).toBe(120_000);
    expect(config.copy.provider).toBe('builtin');
    expect(config.copy.timeoutMs).toBe(30_000);
    expect(config.copy.maxRetries).toBe(3);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', HF_TOKEN: '' }, 1).port).toBe(4000);
  });

  it('picks huggingface when a token is set', () => {
    const config = loadConfig({ HF_TOKEN: 'hf_secret', HF_MODEL: 'org/model' }, 1);

    expect(config.copy.provider).toBe('huggingface');
    expect(config.copy.hfModel).toBe('org/model');
  });

  it('reads a PostgreSQL URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@127.0.0.1:5432/marketcast' }, 1);

    expect(config.database).toEqual({
      type: 'postgres',
      url: 'postgres://app@127.0.0.1:5432/marketcast',
    });
  });

  it('names each invalid variable and its value', () => {
    const problems = problemsOf({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      SEED_SAMPLE: 'yes',
      DATABASE_URL: 'mysql://x',
    });

    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^PORT: .*; received "70000"\.$/);
    expect(problems[1]).toMatch(/^LOG_LEVEL: .*; received "loud"\.$/);
    expect(problems[2]).toMatch(
      /^DATABASE_URL: must be sqlite:<file path> or a postgres:\/\/ URL; received "mysql:\/\/x"\.$/,
    );
    expect(problems[3]).toMatch(/^SEED_SAMPLE: .*; received "yes"\.$/);
  });

  it('bounds the forecast time limit', () => {
    expect(loadConfig({ FORECAST_TIMEOUT_MS: '5000' }, 1).forecastTimeoutMs).toBe(5000);
    expect(problemsOf({ FORECAST_TIMEOUT_MS: '10' })).toEqual([
      expect.stringMatching(/^FORECAST_TIMEOUT_MS: .*; received "10"\.$/),
    ]);
  });

  it('rejects huggingface without a token or endpoint', () => {
    expect(problemsOf({ COPY_PROVIDER: 'huggingface' })).toEqual([
      'COPY_PROVIDER: "huggingface" needs HF_TOKEN (hosted models) or HF_ENDPOINT_URL (a self-hosted server); set one of them or use COPY_PROVIDER=builtin.',
    ]);
  });

  it('defaults review sentiment to the builtin lexicon', () => {
    const config = loadConfig({}, 1);

    expect(config.sentiment.provider).toBe('builtin');
    expect(config.sentiment.timeoutMs).toBe(30_000);
  });

  it('reads a self-hosted sentiment endpoint', () => {
    const config = loadConfig(
      { SENTIMENT_PROVIDER: 'huggingface', HF_SENTIMENT_ENDPOINT_URL: 'http://127.0.0.1:8081' },
      1,
    );

    expect(config.sentiment.provider).toBe('huggingface');
    expect(config.sentiment.hfEndpointUrl).toBe('http://127.0.0.1:8081');
  });

  it('rejects huggingface sentiment without a token or endpoint', () => {
    expect(problemsOf({ SENTIMENT_PROVIDER: 'huggingface' })).toEqual([
      'SENTIMENT_PROVIDER: "huggingface" needs HF_TOKEN (hosted models) or HF_SENTIMENT_ENDPOINT_URL (a self-hosted server); set one of them or use SENTIMENT_PROVIDER=builtin.',
    ]);
  });

  it('rejects a non-numeric port', () => {
    expect(problemsOf({ PORT: 'http' })).toEqual([
      'PORT: must be a whole number between 0 and 65535; received "http".',
    ]);
  });
});
