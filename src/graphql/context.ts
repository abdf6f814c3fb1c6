import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import type { Loaders } from '../db/loaders/createLoaders';
import type { CopyProvider } from '../copywriting';
import type { ForecastResult, ForecastTask } from '../forecasting';
import type { SentimentClassifier } from '../sentiment';
import type { JobQueue } from '../shared/jobQueue';

/** Runs forecasts off the event loop; the server backs it with a worker pool. */
export interface ForecastRunner {
  run(task: ForecastTask): Promise<ForecastResult>;
}

/** Long-lived services shared by every request. */
export interface Services {
  dataSource: DataSource;
  forecasts: ForecastRunner;
  copyProvider: CopyProvider;
  /** Long-running jobs; handlers are registered by `registerJobHandlers`. */
  jobs: JobQueue;
  logger: Logger;
  /** Classifies the sentiment of imported reviews: the offline lexicon unless configured. */
  sentiment: SentimentClassifier;
}

/** The context each resolver receives: the services, fresh loaders and the request's id. */
export interface Context extends Services {
  loaders: Loaders;
  requestId: string;
}
