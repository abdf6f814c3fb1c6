import pLimit from 'p-limit';

import type { CopyCompletion, CopyProvider, CopyRequest } from '../types';

/**
 * Wraps a provider so that at most `maxConcurrency` of its `generate` calls are in flight at
 * once, however many callers share the wrapper. Later calls wait in first-in, first-out
 * order. `latencyMs` of a completion covers the provider call only, not the wait.
 */
export class ConcurrencyLimitedProvider implements CopyProvider {
  readonly name: string;
  readonly model: string;
  private readonly limit: ReturnType<typeof pLimit>;

  /** Throws a `TypeError` for a `maxConcurrency` that is not a whole number of at least 1. */
  constructor(
    private readonly provider: CopyProvider,
    readonly maxConcurrency: number,
  ) {
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new TypeError(
        `Invalid maxConcurrency ${maxConcurrency}, expected a whole number of at least 1.`,
      );
    }
    this.name = provider.name;
    this.model = provider.model;
    this.limit = pLimit(maxConcurrency);
  }

  /** Calls in flight now. */
  get activeCount(): number {
    return this.limit.activeCount;
  }

  /** Calls waiting for a free slot. */
  get pendingCount(): number {
    return this.limit.pendingCount;
  }

  generate(request: CopyRequest): Promise<CopyCompletion> {
    return this.limit(() => this.provider.generate(request));
  }
}
