import type { DataSource } from 'typeorm';

import { generateChannelCopy, MAX_COPY_LENGTH } from '../../copywriting';
import type {
  AudienceSegment,
  ChannelCopy,
  CopyBrief,
  CopyChannel,
  CopyProvider,
  CopyTone,
  Language,
} from '../../copywriting';
import { GeneratedCopy } from '../../db/entities';
import type { BrandProfileVersion, StoredAudience } from '../../db/entities';
import type { Loaders } from '../../db/loaders/createLoaders';
import { badInput } from '../../shared/errors';
import { toBrandRules } from '../brand/brandProfileStore';
import { loadBriefFacts } from './copyBrief';

/** One generation: a product's copy for a channel, with its options. */
export interface CopyGenerationRequest {
  productId: number;
  channel: CopyChannel;
  tone: CopyTone;
  language: Language;
  /** Variants in the request, 1 to 10. */
  variants: number;
  /** Cap on every field except SMS, in the field's unit; the preset's limits alone when absent. */
  maxLength?: number;
  brandProfileVersionId?: number;
  audience?: AudienceSegment;
  fieldCounts?: Record<string, number>;
  /** Variants to write of the request's `variants`, e.g. `[2]` for one bulk item; all when absent. */
  variantIndexes?: number[];
  /** Id shared by the copies of one bulk job. */
  batchId?: string;
}

/** Dependencies of a generation: the database, loaders for the brief and the provider. */
export interface CopyGenerationDeps {
  dataSource: DataSource;
  loaders: Loaders;
  provider: CopyProvider;
}

/**
 * Writes the requested variants field by field (`generateChannelCopy`: checks, one
 * regeneration round, shorten rounds, cut) from the product's brief, and stores them as drafts
 * in one transaction. Throws `BAD_USER_INPUT` for an unknown product or brand profile version
 * or an invalid brief (personal data in the audience included) before any provider call. Passes
 * on a `ProviderError`, and then nothing is stored.
 */
export async function generateAndStoreCopy(
  deps: CopyGenerationDeps,
  request: CopyGenerationRequest,
): Promise<GeneratedCopy[]> {
  const product = await deps.loaders.productById.load(request.productId);
  if (!product) {
    throw badInput(
      'productId',
      `No product has id "${request.productId}"; query products to find one.`,
    );
  }
  const version = await loadBrandVersion(deps.loaders, request.brandProfileVersionId);
  const facts = await loadBriefFacts(deps, product);
  const maxLength = request.maxLength ?? MAX_COPY_LENGTH;
  const brief: CopyBrief = {
    ...facts,
    channel: request.channel,
    tone: request.tone,
    language: request.language,
    variants: request.variants,
    maxLength,
    audience: request.audience,
  };

  const written = await generateChannelCopy(deps.provider, brief, {
    brandProfile: version ? toBrandRules(version) : undefined,
    fieldCounts: request.fieldCounts,
    variantIndexes: request.variantIndexes,
  });

  return deps.dataSource.transaction((manager) => {
    const repository = manager.getRepository(GeneratedCopy);
    return repository.save(
      written.map((copy) => repository.create(toRow(copy, request, maxLength, version))),
    );
  });
}

async function loadBrandVersion(
  loaders: Loaders,
  versionId: number | undefined,
): Promise<BrandProfileVersion | undefined> {
  if (versionId === undefined) {
    return undefined;
  }
  const version = await loaders.brandProfileVersionById.load(versionId);
  if (!version) {
    throw badInput(
      'brandProfileId',
      `No brand profile version has id "${versionId}"; query brandProfiles to find one.`,
    );
  }
  return version;
}

function toRow(
  copy: ChannelCopy,
  request: CopyGenerationRequest,
  maxLength: number,
  version: BrandProfileVersion | undefined,
): Partial<GeneratedCopy> {
  return {
    productId: request.productId,
    channel: request.channel,
    tone: request.tone,
    language: request.language,
    text: copy.fields.map((field) => field.text).join('\n'),
    fields: copy.fields.map((field) => ({
      name: field.name,
      index: field.index,
      text: field.text,
      length: field.length,
      limit: field.limit,
      unit: field.unit,
      truncated: field.truncated,
      shortenRounds: field.shortenRounds,
      ...(field.encoding ? { encoding: field.encoding, segments: field.segments } : {}),
    })),
    violations: copy.violations.map((violation) => ({
      rule: violation.rule,
      severity: violation.severity,
      text: violation.text,
      field: violation.field,
      message: violation.message,
    })),
    audience: toStoredAudience(request.audience),
    brandProfileVersionId: version?.id ?? null,
    batchId: request.batchId ?? null,
    variant: copy.variant,
    maxLength,
    truncated: copy.truncated,
    provider: copy.provider,
    model: copy.model,
    prompt: copy.prompts[0] ?? '',
    prompts: copy.prompts,
    providerCalls: copy.prompts.length,
    latencyMs: Math.round(copy.latencyMs),
    promptTokens: copy.usage?.promptTokens ?? null,
    completionTokens: copy.usage?.completionTokens ?? null,
    status: 'draft',
  };
}

function toStoredAudience(audience: AudienceSegment | undefined): StoredAudience | null {
  if (!audience) {
    return null;
  }
  const stored: StoredAudience = {};
  if (audience.customerType) {
    stored.customerType = audience.customerType;
  }
  if (audience.country) {
    stored.country = audience.country;
  }
  if (audience.description) {
    stored.description = audience.description;
  }
  return Object.keys(stored).length > 0 ? stored : null;
}
