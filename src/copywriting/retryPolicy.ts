/** When and how long to wait before retrying a provider call. */
export interface RetryPolicy {
  /** Total attempts including the first; 1 disables retries. */
  maxAttempts: number;
  /** Delay before the first retry, in milliseconds. */
  initialDelayMs: number;
  /** Upper bound of any single delay, Retry-After included, in milliseconds. */
  maxDelayMs: number;
  /** HTTP statuses worth retrying. */
  retryStatuses: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  retryStatuses: [429, 503],
};

/**
 * Computes the delay before retry number `attempt` (1 for the first retry). A `Retry-After`
 * delay from the server wins when given; otherwise the delay is exponential backoff with full
 * jitter, `random() * initialDelayMs * 2^(attempt - 1)`. Either is capped at `maxDelayMs`.
 * `random` returns a number in [0, 1), like `Math.random`.
 */
export function computeRetryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, policy.maxDelayMs);
  }
  const ceiling = Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.floor(random() * ceiling);
}

/**
 * Parses a `Retry-After` header value, either delay-seconds or an HTTP-date, into milliseconds
 * from `now`. Returns `undefined` for a missing or malformed value, and 0 for a past date.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms` milliseconds, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Returns the delay before retrying after a response with HTTP `status` on attempt `attempt`
 * (1-based), or undefined when the failure is final: no status (a network error or timeout),
 * a status the policy does not retry, or no attempts left.
 */
export function retryDelayForStatus(
  policy: RetryPolicy,
  status: number | undefined,
  attempt: number,
  retryAfterMs: number | undefined,
  random?: () => number,
): number | undefined {
  if (
    status === undefined ||
    !policy.retryStatuses.includes(status) ||
    attempt >= policy.maxAttempts
  ) {
    return undefined;
  }
  return computeRetryDelay(policy, attempt, retryAfterMs, random);
}
