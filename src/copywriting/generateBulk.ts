import pLimit from 'p-limit';

import type { CopyVariant, GenerateCopyOptions } from './generateCopy';
import { generateVariant } from './generateCopy';
import type { CopyBrief, CopyProvider } from './types';
import { validateBrief } from './validateBrief';

/** Progress after each finished item of a bulk run. */
export interface BulkProgress {
  completed: number;
  failed: number;
  total: number;
}

/** One item's outcome: its result, or the error it failed with. Failures are values. */
export type BulkOutcome<Result> =
  { index: number; ok: true; result: Result } | { index: number; ok: false; error: Error };

export interface BulkOptions {
  /** Items in flight at once, from 1 to 64. Default 4. */
  concurrency?: number;
  /** Runs after each item finishes, successful or not. */
  didProgress?(progress: BulkProgress): void;
}

export const MAX_BULK_CONCURRENCY = 64;

/**
 * Runs `work` over every item with at most `concurrency` calls in flight, e.g. copy for M
 * products with N variants each (`work` calls `generateCopy` or `generateChannelCopy`).
 * Returns one outcome per item in item order; a failed item does not stop the others.
 * `didProgress` runs after each item. Throws a `TypeError` for a concurrency outside 1..64.
 */
export async function generateBulk<Item, Result>(
  items: readonly Item[],
  work: (item: Item, index: number) => Promise<Result>,
  options: BulkOptions = {},
): Promise<BulkOutcome<Result>[]> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_BULK_CONCURRENCY) {
    throw new TypeError(
      `Invalid concurrency ${concurrency}, expected a whole number from 1 to ${MAX_BULK_CONCURRENCY}.`,
    );
  }

  const limit = pLimit(concurrency);
  const progress: BulkProgress = { completed: 0, failed: 0, total: items.length };
  const run = async (item: Item, index: number): Promise<BulkOutcome<Result>> => {
    let outcome: BulkOutcome<Result>;
    try {
      outcome = { index, ok: true, result: await work(item, index) };
      progress.completed += 1;
    } catch (error) {
      outcome = {
        index,
        ok: false,
        error: error instanceof Error ? error : new Error(String(error)),
      };
      progress.failed += 1;
    }
    options.didProgress?.({ ...progress });
    return outcome;
  };
  return Promise.all(items.map((item, index) => limit(run, item, index)));
}

/** The variants written for one brief of a bulk run, each a variant or the error it failed with. */
export interface BulkCopyResult {
  brief: CopyBrief;
  variants: (CopyVariant | Error)[];
}

/**
 * Writes every variant of every brief (N variants for M products) with at most `concurrency`
 * provider calls in flight. Each variant is its own item, so one slow product does not hold
 * back the others. Returns one result per brief in brief order, with variants in variant
 * order. An invalid brief gets a single entry, its `BAD_USER_INPUT` error,
 * and a failed call fails only its own variant. `didProgress` counts variants.
 */
export async function generateCopyBulk(
  provider: CopyProvider,
  briefs: readonly CopyBrief[],
  options: BulkOptions & GenerateCopyOptions = {},
): Promise<BulkCopyResult[]> {
  const validity = briefs.map((brief) => {
    try {
      validateBrief(brief);
      return undefined;
    } catch (error) {
      return error as Error;
    }
  });
  // An invalid brief gets one job, which fails, whatever its (possibly absurd) variant count.
  const jobs = briefs.flatMap((brief, briefIndex) => {
    const count = validity[briefIndex] ? 1 : brief.variants;
    return Array.from({ length: count }, (_unused, variant) => ({ brief, briefIndex, variant }));
  });

  const outcomes = await generateBulk(
    jobs,
    async ({ brief, briefIndex, variant }) => {
      const invalid = validity[briefIndex];
      if (invalid) {
        throw invalid;
      }
      return generateVariant(provider, brief, variant, options);
    },
    options,
  );

  const results: BulkCopyResult[] = briefs.map((brief) => ({ brief, variants: [] }));
  for (const outcome of outcomes) {
    const { briefIndex } = jobs[outcome.index];
    results[briefIndex].variants.push(outcome.ok ? outcome.result : outcome.error);
  }
  return results;
}
