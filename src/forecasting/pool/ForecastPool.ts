/**
 * A pool of worker threads (piscina) that runs `runForecast` off the main thread, so model
 * fitting never blocks the event loop and uses every core.
 */
import { availableParallelism } from 'os';
import * as path from 'path';

import Piscina from 'piscina';

import type { ForecastResult, ForecastTask } from '../task';
import type { WorkerReply } from './forecastWorker';
import { fromTransferableError } from './transferableError';

/** Settings of a `ForecastPool`. */
export interface ForecastPoolOptions {
  /** Most worker threads; defaults to the number of CPUs Node reports. */
  maxThreads?: number;
  /** Milliseconds an idle worker stays alive; defaults to 30 000. */
  idleTimeout?: number;
}

/** Counters of a pool's work since it was created. */
export interface ForecastPoolStats {
  /** Tasks submitted and not yet settled, queued or running. */
  inFlight: number;
  completed: number;
  failed: number;
  /** Worker threads alive now. */
  threads: number;
  /** Tasks waiting for a free worker. */
  queued: number;
}

/**
 * Runs forecast tasks on worker threads. Results equal those of `runForecast` on the main
 * thread; a `DomainError` thrown in a worker is rethrown with the same code, field and message.
 */
export class ForecastPool {
  private readonly piscina: Piscina;
  private inFlightCount = 0;
  private completedCount = 0;
  private failedCount = 0;

  constructor(options: ForecastPoolOptions = {}) {
    const maxThreads = options.maxThreads ?? availableParallelism();
    if (!Number.isInteger(maxThreads) || maxThreads < 1) {
      throw new TypeError(`maxThreads must be a positive integer; received ${maxThreads}.`);
    }

    // Under ts-jest or ts-node this module is TypeScript, and so is the worker it starts; the
    // worker then needs ts-node to load it. Compiled builds start the .js worker directly.
    const extension = path.extname(__filename);
    const filename = path.join(__dirname, `forecastWorker${extension}`);
    const execArgv = extension === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [];
    this.piscina = new Piscina({
      filename,
      execArgv,
      maxThreads,
      minThreads: Math.min(1, maxThreads),
      idleTimeout: options.idleTimeout ?? 30_000,
    });
  }

  /** Number of tasks submitted and not yet settled. */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Returns the pool's counters. */
  stats(): ForecastPoolStats {
    return {
      inFlight: this.inFlightCount,
      completed: this.completedCount,
      failed: this.failedCount,
      threads: this.piscina.threads.length,
      queued: this.piscina.queueSize,
    };
  }

  /**
   * Runs `task` on a worker and resolves with its result. Rejects with the `DomainError`
   * `runForecast` threw (BAD_USER_INPUT, FORECAST_FAILED), or with the pool's own error when
   * the pool was destroyed or a worker died.
   */
  async run(task: ForecastTask): Promise<ForecastResult> {
    this.inFlightCount++;
    try {
      const reply = (await this.piscina.run(task)) as WorkerReply;
      if (!reply.ok) {
        throw fromTransferableError(reply.error);
      }
      this.completedCount++;
      return reply.result;
    } catch (error) {
      this.failedCount++;
      throw error;
    } finally {
      this.inFlightCount--;
    }
  }

  /** Stops every worker; tasks still queued or running reject. */
  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
