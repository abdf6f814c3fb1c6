import type { DataSource } from 'typeorm';

import { DomainError } from '../shared/errors';
import type { JobHandler, JobItemResult, JobQueue, JobStatus } from '../shared/jobQueue';
import { Job } from './entities';

/** Callbacks the server connects to its logger and metrics. */
export interface JobQueueHooks {
  didStartJob?(job: { id: number; kind: string; total: number }): void;
  didFailItem?(job: { id: number; kind: string }, key: string, error: unknown): void;
  /** A failure of the queue itself, outside any item; the queue takes the next job after it. */
  didFailQueue?(error: unknown): void;
  didFinishJob?(job: {
    id: number;
    kind: string;
    status: string;
    succeeded: number;
    failed: number;
  }): void;
}

/**
 * Runs jobs inside the server process: one job at a time, its items `concurrency` at a time,
 * writing progress to the job row after every item so that clients polling `job(id)` see it.
 * Jobs still queued when the process stops stay `queued` in the database.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler<any>>();
  private readonly pending: number[] = [];
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { concurrency: number; hooks?: JobQueueHooks },
  ) {}

  register<Input>(handler: JobHandler<Input>): void {
    if (this.handlers.has(handler.kind)) {
      throw new TypeError(`A handler for job kind "${handler.kind}" is already registered.`);
    }
    this.handlers.set(handler.kind, handler);
  }

  async submit<Input>(kind: string, input: Input): Promise<number> {
    const handler = this.handlers.get(kind);
    if (!handler) {
      throw new TypeError(`No handler is registered for job kind "${kind}".`);
    }
    if (this.closed) {
      throw new Error('The job queue is closed because the server is shutting down.');
    }
    const keys = await handler.plan(input);
    const job = await this.dataSource.transaction((manager) =>
      manager.getRepository(Job).save({
        kind,
        status: 'queued',
        input,
        items: keys,
        total: keys.length,
        succeeded: 0,
        failed: 0,
        results: [],
        error: null,
        startedAt: null,
        finishedAt: null,
      }),
    );
    this.pending.push(job.id);
    this.running ??= this.drainPending()
      .catch((error: unknown) => this.options.hooks?.didFailQueue?.(error))
      .finally(() => (this.running = undefined));
    return job.id;
  }

  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    if (this.running) {
      await Promise.race([
        this.running,
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
  }

  private async drainPending(): Promise<void> {
    for (let id = this.pending.shift(); id !== undefined; id = this.pending.shift()) {
      await this.runJob(id);
    }
  }

  private async runJob(id: number): Promise<void> {
    const repository = this.dataSource.getRepository(Job);
    const job = await repository.findOneByOrFail({ id });
    const handler = this.handlers.get(job.kind)!;
    const hooks = this.options.hooks;
    try {
      const keys = job.items;
      job.status = 'running';
      job.startedAt = new Date();
      await this.saveJob(job);
      hooks?.didStartJob?.(job);

      let next = 0;
      const worker = async () => {
        for (let index = next++; index < keys.length && !this.closed; index = next++) {
          const result = await this.runItem(handler, job, keys[index]);
          job.results.push(result);
          job[result.ok ? 'succeeded' : 'failed'] += 1;
          await this.dataSource.transaction((manager) =>
            manager
              .getRepository(Job)
              .update(
                { id },
                { results: job.results, succeeded: job.succeeded, failed: job.failed },
              ),
          );
        }
      };
      const workers = Math.max(1, Math.min(this.options.concurrency, keys.length));
      await Promise.all(Array.from({ length: workers }, worker));

      job.status = finalStatus(job);
      if (job.succeeded + job.failed < job.total) {
        job.error = `Stopped after ${job.succeeded + job.failed} of ${job.total} items because the server shut down.`;
      }
    } catch (error) {
      job.status = 'failed';
      job.error = (error as Error).message;
    }
    job.finishedAt = new Date();
    await this.saveJob(job);
    hooks?.didFinishJob?.(job);
  }

  private saveJob(job: Job): Promise<Job> {
    return this.dataSource.transaction((manager) => manager.getRepository(Job).save(job));
  }

  private async runItem(handler: JobHandler<any>, job: Job, key: string): Promise<JobItemResult> {
    try {
      const resultId = await handler.runItem(job.input, key);
      return { key, ok: true, resultId };
    } catch (error) {
      this.options.hooks?.didFailItem?.(job, key, error);
      const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
      const message =
        error instanceof DomainError
          ? error.message
          : 'Unexpected error; the server log has the details.';
      return { key, ok: false, code, message };
    }
  }
}

function finalStatus(job: Job): JobStatus {
  if (job.succeeded + job.failed < job.total) {
    return 'failed';
  }
  if (job.failed === 0) {
    return 'succeeded';
  }
  return job.succeeded === 0 ? 'failed' : 'partial';
}
