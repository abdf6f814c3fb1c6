import 'reflect-metadata';

import { createCopyProvider } from '../copywriting';
import type { CopyProviderConfig, FallbackEvent, RetryEvent } from '../copywriting';
import { openDatabase } from '../db/dataSource';
import { createServices } from '../graphql/services';
import { ForecastPool } from '../forecasting';
import { createSentimentClassifier } from '../sentiment';
import type { HuggingFaceSentimentOptions } from '../sentiment';
import { startHttpServer } from './app';
import { ConfigError, loadConfig } from './config';
import type { Config } from './config';
import { createLogger } from './logger';
import type { Logger } from './logger';
import { seedSampleIfEmpty } from './seed';

/** Time allowed after the shutdown timeout to close the pool and the database. */
const CLEANUP_MARGIN_MS = 10_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.info(
    {
      database: config.database.type === 'sqlite' ? config.database.path : 'postgres',
      copyProvider: config.copy.provider,
      sentimentProvider: config.sentiment.provider,
      forecastThreads: config.forecastThreads,
      authMode: config.auth.mode,
      authModeSource: config.auth.modeSource,
    },
    'starting marketcast',
  );
  if (config.auth.mode === 'development') {
    logger.warn(
      { authMode: config.auth.mode, authModeSource: config.auth.modeSource },
      'development mode: requests without an API key act as admin; set AUTH_MODE=required to require keys',
    );
  }

  const { dataSource, migrationsRun } = await openDatabase(config.database);
  logger.info({ migrations: migrationsRun }, 'database ready');
  if (config.seedSample) {
    await seedSampleIfEmpty(dataSource, logger);
  }

  const forecasts = new ForecastPool({
    maxThreads: config.forecastThreads,
    timeoutMs: config.forecastTimeoutMs,
  });
  const copyProvider = createCopyProvider(copyProviderConfig(config, logger));
  // NOTE: the job queue gets the pool itself, not the instrumented runner that
  // startHttpServer wraps around it, so forecasts run by jobs are absent from the forecast
  // metrics and are waited for by jobs.close, not by server.stop.
  const sentiment = createSentimentClassifier(sentimentOptions(config, logger));
  const services = createServices(
    { dataSource, forecasts, copyProvider, logger, sentiment },
    { jobConcurrency: config.forecastThreads },
  );
  const server = await startHttpServer(services, {
    host: config.host,
    port: config.port,
    authMode: config.auth.mode,
    limits: config.limits,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });

  installShutdown(logger, config.shutdownTimeoutMs, async () => {
    const finished = await server.stop();
    await services.jobs.close(config.shutdownTimeoutMs);
    logger.info('job queue stopped');
    await forecasts.destroy();
    logger.info('forecast workers stopped');
    await dataSource.destroy();
    logger.info('database closed');
    return finished;
  });
}

/** Maps the copy settings to the copywriting module's config and logs its retries. */
function copyProviderConfig(config: Config, logger: Logger): CopyProviderConfig {
  const hooks = {
    willRetry: (event: RetryEvent) => logger.warn(event, 'copy provider call failed; retrying'),
    willFallBack: (event: FallbackEvent) =>
      logger.warn(event, 'copy provider failed; falling back to builtin'),
  };
  if (config.copy.provider === 'builtin') {
    return { hooks };
  }
  return {
    hooks,
    huggingFace: {
      model: config.copy.hfModel,
      accessToken: config.copy.hfToken,
      endpointUrl: config.copy.hfEndpointUrl,
      inferenceProvider: config.copy.hfProvider,
      timeoutMs: config.copy.timeoutMs,
      retry: { maxAttempts: config.copy.maxRetries + 1 },
    },
  };
}

/** Maps the sentiment settings to the Hugging Face classifier's options; undefined for builtin. */
function sentimentOptions(config: Config, logger: Logger): HuggingFaceSentimentOptions | undefined {
  if (config.sentiment.provider === 'builtin') {
    return undefined;
  }
  return {
    model: config.sentiment.hfModel,
    accessToken: config.copy.hfToken,
    endpointUrl: config.sentiment.hfEndpointUrl,
    timeoutMs: config.sentiment.timeoutMs,
    retry: { maxAttempts: config.copy.maxRetries + 1 },
    willRetry: (event) => logger.warn(event, 'sentiment model call failed; retrying'),
  };
}

/**
 * Runs `shutdown` on the first SIGTERM or SIGINT and exits: 0 when it finished every request
 * and forecast, 1 when it cut some short or failed. A second signal is logged and ignored. If
 * shutdown hangs past its timeout plus a cleanup margin, the process exits 1 regardless.
 */
function installShutdown(
  logger: Logger,
  timeoutMs: number,
  shutdown: () => Promise<boolean>,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'shutdown already in progress; signal ignored');
      return;
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: timeoutMs + CLEANUP_MARGIN_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs + CLEANUP_MARGIN_MS);
    timer.unref();
    shutdown().then(
      (finished) => {
        logger.info({ finished }, 'stopped');
        process.exit(finished ? 0 : 1);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`marketcast failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
