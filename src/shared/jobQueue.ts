/**
 * Long-running work (forecasting a whole catalogue, bulk copy) runs as a job: a list of items
 * processed one by one, with progress and per-item outcomes stored as it goes. Callers depend
 * only on `JobQueue`. The server runs jobs in-process today. A queue backed by a broker can
 * replace it without touching the callers, because handlers are registered by kind and receive
 * only plain JSON input.
 */

/** Status of a job as stored. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';

/** The outcome of one item: a reference to what it produced, or why it failed. */
export interface JobItemResult {
  /** The item's key, e.g. a product id. */
  key: string;
  ok: boolean;
  /** Id of the row the item produced, e.g. a forecast id. */
  resultId?: string;
  /** Error code and message when `ok` is false. */
  code?: string;
  message?: string;
}

/**
 * The work of one kind of job. `plan` lists the item keys for an input and may throw a
 * BAD_USER_INPUT error before anything is queued. `runItem` processes one key and returns the
 * id of what it produced. An item that throws is recorded as failed and the job goes on.
 */
export interface JobHandler<Input = unknown> {
  kind: string;
  plan(input: Input): Promise<string[]>;
  runItem(input: Input, key: string): Promise<string | undefined>;
}

/** The queue that jobs are submitted to. */
export interface JobQueue {
  /** Registers the handler for its kind; a kind has one handler. */
  register<Input>(handler: JobHandler<Input>): void;
  /** Plans the job, stores it as queued and schedules it. Returns the stored job's id. */
  submit<Input>(kind: string, input: Input): Promise<number>;
  /** Stops taking jobs and waits for running items to finish, at most `timeoutMs`. */
  close(timeoutMs: number): Promise<void>;
}
