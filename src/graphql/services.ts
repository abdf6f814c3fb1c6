import { InProcessJobQueue } from '../db/inProcessJobQueue';
import { BuiltinSentimentClassifier } from '../sentiment';
import type { SentimentClassifier } from '../sentiment';
import type { Services } from './context';
import { generateCopyBulkHandler } from './copy/copyBulkJob';
import { forecastCatalogueHandler } from './forecast/forecastCatalogueJob';

/** The services the server builds before the GraphQL layer: database, workers, provider. */
export type BaseServices = Omit<Services, 'jobs' | 'sentiment'> & {
  /** Review sentiment classifier; the offline lexicon when absent. */
  sentiment?: SentimentClassifier;
};

/**
 * Completes the services with an in-process job queue that runs `jobConcurrency` items at a
 * time, and registers the handler of every kind of job the API starts.
 */
export function createServices(base: BaseServices, options: { jobConcurrency: number }): Services {
  const { logger } = base;
  const jobs = new InProcessJobQueue(base.dataSource, {
    concurrency: options.jobConcurrency,
    hooks: {
      didStartJob: (job) =>
        logger.info({ jobId: job.id, kind: job.kind, total: job.total }, 'job started'),
      didFailItem: (job, key, error) =>
        logger.warn({ jobId: job.id, kind: job.kind, item: key, err: error }, 'job item failed'),
      didFailQueue: (error) =>
        logger.error({ err: error }, 'job queue failed; taking the next job'),
      didFinishJob: (job) =>
        logger.info(
          {
            jobId: job.id,
            kind: job.kind,
            status: job.status,
            succeeded: job.succeeded,
            failed: job.failed,
          },
          'job finished',
        ),
    },
  });
  const services: Services = {
    ...base,
    jobs,
    sentiment: base.sentiment ?? new BuiltinSentimentClassifier(),
  };
  jobs.register(forecastCatalogueHandler(services));
  jobs.register(generateCopyBulkHandler(services));
  return services;
}
