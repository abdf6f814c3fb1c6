/**
 * Entry point of a ForecastPool worker thread: runs one task and replies with the result or a
 * transferable error, never throwing across the thread boundary.
 */
import { runForecast } from '../runForecast';
import type { ForecastResult, ForecastTask } from '../task';
import { toTransferableError } from './transferableError';
import type { TransferableError } from './transferableError';

/** The message a worker sends back for one task. */
export type WorkerReply =
  { ok: true; result: ForecastResult } | { ok: false; error: TransferableError };

/** Runs `task` with `runForecast` and wraps the outcome in a `WorkerReply`. */
export default function forecastWorker(task: ForecastTask): WorkerReply {
  try {
    return { ok: true, result: runForecast(task) };
  } catch (error) {
    return { ok: false, error: toTransferableError(error) };
  }
}
