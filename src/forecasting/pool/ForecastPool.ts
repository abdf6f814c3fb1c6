/**
 * A pool of worker threads (piscina) that runs `runForecast` off the main thread, so model
 * fitting never blocks the event loop and uses every core.
 */
import { availableParallelism } from 'os';
import * as path from 'path';

import Piscina from 'piscina';

import { DomainError, ErrorCode } from '../../shared/errors';
import type { ForecastResult, ForecastTask } from '../task';
import type { WorkerReply } from './forecastWorker';
import { fromTransferableError } from './transferableError';

/** Settings of a `ForecastPool`. */
export interface ForecastPoolOptions {
  /** Most worker threads; defaults to the number of CPUs Node reports. */
  maxThreads?: number;
  /** Milliseconds an idle worker stays alive; defaults to 30 000. */
  idleTimeout?: number;
  /**
   * Milliseconds a task may run before its worker is stopped and the task rejected with
   * FORECAST_FAILED; defaults to 120 000. Time spent waiting for a free worker does not count.
   */
  timeoutMs?: number;
}

/** Options of one `ForecastPool.run` call. */
export interface ForecastRunOptions {
  /** Overrides the pool's `timeoutMs` for this task. */
  timeoutMs?: number;
}

/** Default running-time limit of one task, in milliseconds. */
export const DEFAULT_FORECAST_TIMEOUT_MS = 120_000;

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
  /** Tasks stopped because they ran longer than the time limit. */
  timedOut: number;
}

/** A task waiting for one of the pool's running slots. */
interface Waiter {
  start: () => void;
  cancel: (error: Error) => void;
}

/**
 * Runs forecast tasks on worker threads. Results equal those of `runForecast` on the main
 * thread; a `DomainError` thrown in a worker is rethrown with the same code, field and message.
 *
 * The pool hands piscina at most one task per thread and queues the rest itself, so that a
 * task's time limit starts when it starts running. A fit is synchronous code that cannot be
 * interrupted from inside, so a task over its limit is stopped by terminating its worker, which
 * piscina then replaces.
 */
export class ForecastPool {
  private readonly piscina: Piscina;
  private readonly maxThreads: number;
  private readonly timeoutMs: number;
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private inFlightCount = 0;
  private completedCount = 0;
  private failedCount = 0;
  private timedOutCount = 0;

  constructor(options: ForecastPoolOptions = {}) {
    const maxThreads = options.maxThreads ?? availableParallelism();
    if (!Number.isInteger(maxThreads) || maxThreads < 1) {
      throw new TypeError(`maxThreads must be a positive integer; received ${maxThreads}.`);
    }
    this.maxThreads = maxThreads;
    this.timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_FORECAST_TIMEOUT_MS);

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
      queued: this.waiting.length + this.piscina.queueSize,
      timedOut: this.timedOutCount,
    };
  }

  /**
   * Runs `task` on a worker and resolves with its result. Rejects with the `DomainError`
   * `runForecast` threw (BAD_USER_INPUT, FORECAST_FAILED), with FORECAST_FAILED when the task
   * ran longer than the time limit, or with the pool's own error when the pool was destroyed
   * or a worker died.
   */
  async run(task: ForecastTask, options: ForecastRunOptions = {}): Promise<ForecastResult> {
    const timeoutMs = checkTimeout(options.timeoutMs ?? this.timeoutMs);
    this.inFlightCount++;
    let started = false;
    let signal: AbortSignal | undefined;
    try {
      await this.acquire();
      started = true;
      signal = AbortSignal.timeout(timeoutMs);
      const reply = (await this.piscina.run(task, { signal })) as WorkerReply;
      if (!reply.ok) {
        throw fromTransferableError(reply.error);
      }
      this.completedCount++;
      return reply.result;
    } catch (error) {
      this.failedCount++;
      if (signal?.aborted) {
        this.timedOutCount++;
        throw new DomainError(
          ErrorCode.ForecastFailed,
          `The ${task.model.kind} forecast ran longer than its limit of ${formatSeconds(timeoutMs)} and was stopped; try a model with fewer terms, or fewer periods (a coarser granularity or a shorter training range).`,
        );
      }
      throw error;
    } finally {
      if (started) this.release();
      this.inFlightCount--;
    }
  }

  /** Stops every worker; tasks still queued or running reject. */
  async destroy(): Promise<void> {
    const stopped = new Error('The forecast pool was stopped before the task could run.');
    for (const waiter of this.waiting.splice(0)) waiter.cancel(stopped);
    await this.piscina.destroy();
  }

  /** Resolves when the task may start: fewer than maxThreads tasks are running. */
  private acquire(): Promise<void> {
    if (this.running < this.maxThreads) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ start: resolve, cancel: reject });
    });
  }

  /** Hands the finished task's slot to the next waiting task, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next.start();
    } else {
      this.running--;
    }
  }
}

function checkTimeout(timeoutMs: number): number {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new TypeError(`timeoutMs must be a positive integer; received ${timeoutMs}.`);
  }
  return timeoutMs;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}
