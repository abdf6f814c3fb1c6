import 'reflect-metadata';

import { createCopyProvider } from '../copywriting';
import type { CopyProviderConfig, FallbackEvent, RetryEvent } from '../copywriting';
import { openDatabase } from '../db/dataSource';
import { ForecastPool } from '../forecasting';
import { startHttpServer } from './app';
import { ConfigError, loadConfig } from './config';
import type { Config } from './config';
import { createLogger } from './logger';
import type { Logger } from './logger';
import { seedSampleIfEmpty } from './seed';

/** How long shutdown waits for in-flight requests and forecasts before it gives up. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

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
      forecastThreads: config.forecastThreads,
    },
    'starting marketcast',
  );

  const { dataSource, migrationsRun } = await openDatabase(config.database);
  logger.info({ migrations: migrationsRun }, 'database ready');
  if (config.seedSample) {
    await seedSampleIfEmpty(dataSource, logger);
  }

  const forecasts = new ForecastPool({ maxThreads: config.forecastThreads });
  const copyProvider = createCopyProvider(copyProviderConfig(config, logger));
  const server = await startHttpServer(
    { dataSource, forecasts, copyProvider, logger },
    { host: config.host, port: config.port },
  );

  installShutdown(logger, async () => {
    await server.stop();
    await forecasts.destroy();
    logger.info('forecast workers stopped');
    await dataSource.destroy();
    logger.info('database closed');
  });
}

/** Maps the copy settings to the copywriting module's config and logs its retries. */
function copyProviderConfig(config: Config, logger: Logger): CopyProviderConfig {
  const hooks = {
    willRetry: (event: RetryEvent) => logger.warn(event, 'copy provider call failed; retrying'),
    willFallBack: (event: FallbackEvent) =>
      logger.warn(event, 'copy provider failed; answering with builtin'),
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

function installShutdown(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    shutdown().then(
      () => {
        logger.info('stopped');
        process.exit(0);
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
