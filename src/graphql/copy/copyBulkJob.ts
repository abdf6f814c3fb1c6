import { ConcurrencyLimitedProvider } from '../../copywriting';
import type { AudienceSegment, CopyChannel, CopyTone, Language } from '../../copywriting';
import { createLoaders } from '../../db/loaders/createLoaders';
import { badInput } from '../../shared/errors';
import type { JobHandler } from '../../shared/jobQueue';
import type { Services } from '../context';
import { generateAndStoreCopy } from './copyService';

export const GENERATE_COPY_BULK_JOB = 'generateCopyBulk';

/** Maximum number of products in one bulk copy job. */
export const MAX_BULK_PRODUCTS = 200;

/**
 * Provider calls in flight at once across every bulk copy job. The job queue's own item
 * concurrency bounds them as well, so the lower of the two applies.
 * NOTE: 4 suits a hosted model's usual rate limits; a self-hosted server may take more.
 */
export const BULK_PROVIDER_CONCURRENCY = 4;

/** Input of a bulk copy job, stored as plain JSON. */
export interface CopyBulkJobInput {
  productIds: number[];
  channel: CopyChannel;
  tone: CopyTone;
  language: Language;
  variants: number;
  maxLength?: number;
  /** Resolved when the job is submitted, so every item uses the same version. */
  brandProfileVersionId?: number;
  /** Stored on every copy of the job, to find them from the job. */
  batchId: string;
  audience?: AudienceSegment;
  fieldCounts?: Record<string, number>;
}

/**
 * Writes N variants for each of M products as one job. Each (product, variant) pair is one
 * item with the key `<productId>:<variant>`, so progress counts copies and a failed call
 * fails only its own copy. An item's result id is the stored copy's id. Provider calls go
 * through one `ConcurrencyLimitedProvider` shared by all bulk jobs.
 */
export function generateCopyBulkHandler(
  services: Services,
  options: { providerConcurrency?: number } = {},
): JobHandler<CopyBulkJobInput> {
  const provider = new ConcurrencyLimitedProvider(
    services.copyProvider,
    options.providerConcurrency ?? BULK_PROVIDER_CONCURRENCY,
  );
  return {
    kind: GENERATE_COPY_BULK_JOB,

    async plan(input) {
      const unique = new Set(input.productIds);
      if (input.productIds.length === 0 || input.productIds.length > MAX_BULK_PRODUCTS) {
        throw badInput(
          'input.productIds',
          `Invalid productIds with ${input.productIds.length} entries, expected 1 to ${MAX_BULK_PRODUCTS} products.`,
        );
      }
      if (unique.size !== input.productIds.length) {
        throw badInput('input.productIds', 'Invalid productIds, a product is listed twice.');
      }
      return input.productIds.flatMap((productId) =>
        Array.from({ length: input.variants }, (_unused, variant) => `${productId}:${variant}`),
      );
    },

    async runItem(input, key) {
      const [productId, variant] = key.split(':').map(Number);
      // Loaders cache rows, so each item gets fresh ones, as each request does.
      const [copy] = await generateAndStoreCopy(
        { dataSource: services.dataSource, loaders: createLoaders(services.dataSource), provider },
        { ...input, productId, variantIndexes: [variant] },
      );
      return String(copy.id);
    },
  };
}
