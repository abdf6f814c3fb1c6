import { randomUUID } from 'node:crypto';

import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import {
  listChannelPresets,
  listTargets,
  MAX_COPY_LENGTH,
  MAX_VARIANTS,
  validateAudience,
} from '../../copywriting';
import { GeneratedCopy, Job } from '../../db/entities';
import { badInput, DomainError, ErrorCode } from '../../shared/errors';
import type { AuthContext } from '../apiKey/principal';
import { loadCurrentVersion } from '../brand/brandProfileStore';
import { BrandProfileVersionType, toBrandProfileVersionType } from '../brand/brand.types';
import { checkPageSize, decodeCursor, toConnection } from '../common/connection';
import { parseId } from '../common/ids';
import type { Context } from '../context';
import { JobType, toJobType } from '../job/job.types';
import { ProductType, toProductType } from '../product/product.types';
import { ChannelPresetType, toChannelPresetType } from './channel.types';
import {
  CopyChannelEnum,
  CopyExportFormatEnum,
  CopyStatusEnum,
  CopyToneEnum,
  LanguageEnum,
} from './copy.enums';
import {
  AudienceInput,
  FieldCountInput,
  GenerateCopyBulkInput,
  toAudienceSegment,
  toFieldCounts,
} from './copy.input';
import {
  CopyExportType,
  CopyStatusChangeType,
  GeneratedCopyConnection,
  GeneratedCopyType,
  toCopyType,
  toStatusChangeType,
} from './copy.types';
import { GENERATE_COPY_BULK_JOB, MAX_BULK_PRODUCTS } from './copyBulkJob';
import type { CopyBulkJobInput } from './copyBulkJob';
import { exportCopiesAsCsv, exportCopiesAsJson } from './copyExport';
import { loadCopies, loadCopyPage, loadProductsOf } from './copyQueries';
import type { CopyFilter } from './copyQueries';
import { requireApprovedCopies, reviewCopy } from './copyReview';
import { generateAndStoreCopy } from './copyService';
import { ForecastExplanationType } from './explainForecast.types';
import { explainStoredForecast } from './forecastExplanation';

/** Maximum number of copies one export returns. */
export const MAX_EXPORT_COPIES = 1000;

/**
 * Copy generation, review and export, channel presets, forecast explanations, and the
 * GeneratedCopy type's relations. Generation needs the ANALYST role. Review decisions need
 * ANALYST or ADMIN, and because roles are ranked, `@Authorized('ANALYST')` admits both.
 * Queries need no role beyond a valid key.
 */
@Resolver(() => GeneratedCopyType)
export class CopyResolver {
  @Query(() => [ChannelPresetType], {
    description:
      'Every channel preset: its fields, their limits and how each length is counted. generateCopy writes and checks each field against these.',
  })
  channels(): ChannelPresetType[] {
    return listChannelPresets().map(toChannelPresetType);
  }

  @Query(() => GeneratedCopyType, { nullable: true, description: 'One copy by id.' })
  async copy(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<GeneratedCopyType | null> {
    const copy = await context.dataSource
      .getRepository(GeneratedCopy)
      .findOneBy({ id: parseId('id', id) });
    return copy ? toCopyType(copy) : null;
  }

  @Query(() => GeneratedCopyConnection, {
    description:
      'Generated copy across products, newest first, e.g. drafts waiting for review (status: DRAFT) or the copies of a bulk job (jobId).',
  })
  async generatedCopies(
    @Ctx() context: Context,
    @Arg('status', () => CopyStatusEnum, { nullable: true }) status?: CopyStatusEnum | null,
    @Arg('productId', () => ID, { nullable: true }) productId?: string | null,
    @Arg('channel', () => CopyChannelEnum, { nullable: true }) channel?: CopyChannelEnum | null,
    @Arg('jobId', () => ID, { nullable: true, description: 'A generateCopyBulk job.' })
    jobId?: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number = 20,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<GeneratedCopyConnection> {
    const filter: CopyFilter = {
      status: status ?? undefined,
      productId: productId != null ? parseId('productId', productId) : undefined,
      channel: channel ?? undefined,
      batchId: jobId != null ? await loadBatchId(context, jobId) : undefined,
    };
    const page = await loadCopyPage(
      context.dataSource,
      filter,
      checkPageSize(first),
      after != null ? decodeCursor('copy', after) : undefined,
    );
    return toConnection('copy', page, toCopyType);
  }

  @Query(() => CopyExportType, {
    description:
      'Approved copy as a JSON or CSV file body. With ids, every listed copy must be approved (CONFLICT otherwise); without, the newest approved copies matching the filters.',
  })
  async exportCopies(
    @Ctx() context: Context,
    @Arg('format', () => CopyExportFormatEnum) format: CopyExportFormatEnum,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null,
    @Arg('productId', () => ID, { nullable: true }) productId?: string | null,
    @Arg('channel', () => CopyChannelEnum, { nullable: true }) channel?: CopyChannelEnum | null,
    @Arg('limit', () => Int, { defaultValue: 100, description: '1 to 1000.' })
    limit: number = 100,
  ): Promise<CopyExportType> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EXPORT_COPIES) {
      throw badInput(
        'limit',
        `Invalid limit ${limit}, expected a whole number from 1 to ${MAX_EXPORT_COPIES}.`,
      );
    }
    let copies;
    if (ids != null) {
      if (ids.length === 0 || ids.length > MAX_EXPORT_COPIES) {
        throw badInput(
          'ids',
          `Invalid ids with ${ids.length} entries, expected 1 to ${MAX_EXPORT_COPIES}.`,
        );
      }
      copies = await requireApprovedCopies(
        context.dataSource,
        ids.map((id) => parseId('ids', id)),
      );
    } else {
      copies = await loadCopies(
        context.dataSource,
        {
          status: 'approved',
          productId: productId != null ? parseId('productId', productId) : undefined,
          channel: channel ?? undefined,
        },
        limit,
      );
    }

    const products = await loadProductsOf(context.dataSource, copies);
    const csv = format === CopyExportFormatEnum.CSV;
    return {
      format,
      contentType: csv ? 'text/csv; charset=utf-8' : 'application/json',
      count: copies.length,
      content: csv ? exportCopiesAsCsv(copies, products) : exportCopiesAsJson(copies, products),
    };
  }

  @Query(() => ForecastExplanationType, {
    description:
      'Explains a stored forecast in plain language (model, trend, peak, season, interval width, what drives the change), composed from its numbers; no language model is called.',
  })
  async explainForecast(
    @Ctx() context: Context,
    @Arg('forecastId', () => ID) forecastId: string,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
  ): Promise<ForecastExplanationType> {
    const id = parseId('forecastId', forecastId);
    const explanation = await explainStoredForecast(context.loaders, id, language);
    return {
      forecastId: String(id),
      language,
      text: explanation.text,
      sentences: explanation.sentences,
      changePercent: Math.round(explanation.changePercent * 10) / 10,
      intervalHalfWidthPercent:
        explanation.intervalHalfWidthPercent === undefined
          ? null
          : Math.round(explanation.intervalHalfWidthPercent * 10) / 10,
    };
  }

  @Authorized('ANALYST')
  @Mutation(() => [GeneratedCopyType], {
    description:
      "Writes copy variants for a channel preset, field by field, from the product's data (price, sales trend, seasonality, latest forecast, review sentiment) with the configured provider. Each field is checked against the brand profile, the claims rules, the product's numbers and for personal data, written again once when a check finds an error, shortened by the provider when over its limit and cut as a last resort. Stores the variants as drafts and returns them; nothing is stored when any variant fails. Needs the ANALYST role.",
  })
  async generateCopy(
    @Ctx() context: Context,
    @Arg('productId', () => ID) productId: string,
    @Arg('channel', () => CopyChannelEnum) channel: CopyChannelEnum,
    @Arg('tone', () => CopyToneEnum, { defaultValue: CopyToneEnum.FRIENDLY }) tone: CopyToneEnum,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
    @Arg('variants', () => Int, { defaultValue: 1, description: 'Number of variants, 1 to 10.' })
    variants: number,
    @Arg('maxLength', () => Int, {
      nullable: true,
      description:
        "Cap on every field except SMS, 1 to 5000, counted in the field's own unit; the preset's limits alone when absent.",
    })
    maxLength?: number | null,
    @Arg('brandProfileId', () => ID, {
      nullable: true,
      description: "Write and check against this profile's current version.",
    })
    brandProfileId?: string | null,
    @Arg('audience', () => AudienceInput, { nullable: true }) audience?: AudienceInput | null,
    @Arg('fieldCounts', () => [FieldCountInput], {
      nullable: true,
      description: 'Fields to write per field name, e.g. 5 headlines; preset defaults otherwise.',
    })
    fieldCounts?: FieldCountInput[] | null,
  ): Promise<GeneratedCopyType[]> {
    const id = parseId('productId', productId);
    const version = await resolveBrandVersion(context, brandProfileId);
    const rows = await generateAndStoreCopy(
      { dataSource: context.dataSource, loaders: context.loaders, provider: context.copyProvider },
      {
        productId: id,
        channel,
        tone,
        language,
        variants,
        maxLength: maxLength ?? undefined,
        brandProfileVersionId: version,
        audience: toAudienceSegment(audience),
        fieldCounts: checkFieldCounts(fieldCounts),
      },
    );
    context.logger.info(
      {
        requestId: context.requestId,
        productId: id,
        copies: rows.length,
        provider: rows[0]?.provider,
        providerCalls: rows.reduce((sum, row) => sum + row.providerCalls, 0),
        violations: rows.reduce((sum, row) => sum + row.violations.length, 0),
      },
      'copy generated',
    );
    return rows.map(toCopyType);
  }

  @Authorized('ANALYST')
  @Mutation(() => JobType, {
    description:
      'Writes copy for many products as a background job: one item per product and variant, with bounded concurrency to the provider. Poll job(id) for progress; a failed copy is listed with its error and the others go on. List the copies with generatedCopies(jobId). Needs the ANALYST role.',
  })
  async generateCopyBulk(
    @Ctx() context: Context,
    @Arg('input', () => GenerateCopyBulkInput) input: GenerateCopyBulkInput,
  ): Promise<JobType> {
    if (input.productIds.length === 0 || input.productIds.length > MAX_BULK_PRODUCTS) {
      throw badInput(
        'input.productIds',
        `Invalid productIds with ${input.productIds.length} entries, expected 1 to ${MAX_BULK_PRODUCTS} products.`,
      );
    }
    const jobInput: CopyBulkJobInput = {
      productIds: input.productIds.map((id) => parseId('input.productIds', id)),
      channel: input.channel,
      tone: input.tone,
      language: input.language,
      variants: input.variants,
      maxLength: input.maxLength ?? undefined,
      brandProfileVersionId: await resolveBrandVersion(context, input.brandProfileId),
      audience: toAudienceSegment(input.audience),
      fieldCounts: checkFieldCounts(input.fieldCounts),
      batchId: randomUUID(),
    };
    await assertBulkInputValid(context, jobInput);

    const jobId = await context.jobs.submit(GENERATE_COPY_BULK_JOB, jobInput);
    context.logger.info(
      { requestId: context.requestId, jobId, products: jobInput.productIds.length },
      'bulk copy queued',
    );
    const job = await context.dataSource.getRepository(Job).findOneByOrFail({ id: jobId });
    return toJobType(job);
  }

  @Authorized('ANALYST')
  @Mutation(() => GeneratedCopyType, {
    description:
      'Approves a draft copy, so it can be exported and attached to an A/B test. A copy with check errors needs acceptViolations: true. Fails with CONFLICT for a copy that is not a draft. Needs the ANALYST or ADMIN role.',
  })
  async approveCopy(
    @Ctx() context: AuthContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true, description: 'At most 1000 characters.' })
    note?: string | null,
    @Arg('acceptViolations', { defaultValue: false }) acceptViolations: boolean = false,
  ): Promise<GeneratedCopyType> {
    const copy = await reviewCopy(context.dataSource, {
      copyId: parseId('id', id),
      decision: 'approve',
      reason: note ?? undefined,
      acceptViolations,
      principal: context.principal,
    });
    logDecision(context, copy.id, 'approved');
    return toCopyType(copy);
  }

  @Authorized('ANALYST')
  @Mutation(() => GeneratedCopyType, {
    description:
      'Rejects a draft or approved copy with a reason; rejecting an approved copy withdraws it from export and from new A/B tests. Fails with CONFLICT for a copy already rejected. Needs the ANALYST or ADMIN role.',
  })
  async rejectCopy(
    @Ctx() context: AuthContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '1 to 1000 characters.' }) reason: string,
  ): Promise<GeneratedCopyType> {
    const copy = await reviewCopy(context.dataSource, {
      copyId: parseId('id', id),
      decision: 'reject',
      reason,
      principal: context.principal,
    });
    logDecision(context, copy.id, 'rejected');
    return toCopyType(copy);
  }

  @FieldResolver(() => ProductType)
  async product(@Root() copy: GeneratedCopyType, @Ctx() context: Context): Promise<ProductType> {
    const product = await context.loaders.productById.load(copy.productId);
    return toProductType(product!);
  }

  @FieldResolver(() => BrandProfileVersionType, {
    nullable: true,
    description: 'The brand profile version the copy was written and checked against.',
  })
  async brandProfile(
    @Root() copy: GeneratedCopyType,
    @Ctx() context: Context,
  ): Promise<BrandProfileVersionType | null> {
    if (copy.brandProfileVersionId === null) {
      return null;
    }
    const version = await context.loaders.brandProfileVersionById.load(copy.brandProfileVersionId);
    return version ? toBrandProfileVersionType(version) : null;
  }

  @FieldResolver(() => [CopyStatusChangeType], {
    description: 'Review decisions on the copy, oldest first.',
  })
  async statusHistory(
    @Root() copy: GeneratedCopyType,
    @Ctx() context: Context,
  ): Promise<CopyStatusChangeType[]> {
    const changes = await context.loaders.copyStatusChanges.load(Number(copy.id));
    return changes.map(toStatusChangeType);
  }
}

/** Returns the id of the profile's current version, or undefined without a profile. */
async function resolveBrandVersion(
  context: Context,
  brandProfileId: string | null | undefined,
): Promise<number | undefined> {
  if (brandProfileId == null) {
    return undefined;
  }
  const id = parseId('brandProfileId', brandProfileId);
  try {
    return (await loadCurrentVersion(context.dataSource, id)).id;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.NotFound) {
      throw badInput(
        'brandProfileId',
        `No brand profile has id "${brandProfileId}"; query brandProfiles to find one.`,
      );
    }
    throw error;
  }
}

function checkFieldCounts(
  counts: FieldCountInput[] | null | undefined,
): Record<string, number> | undefined {
  const names = (counts ?? []).map((count) => count.field);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw badInput('fieldCounts', `Invalid fieldCounts, the field "${repeated}" is listed twice.`);
  }
  return toFieldCounts(counts);
}

/**
 * Checks what a bulk job's items would only find one by one: every product exists and the
 * options pass the brief checks (audience, variants, maxLength, field counts).
 */
async function assertBulkInputValid(context: Context, input: CopyBulkJobInput): Promise<void> {
  if (!Number.isInteger(input.variants) || input.variants < 1 || input.variants > MAX_VARIANTS) {
    throw badInput(
      'input.variants',
      `Invalid variants ${input.variants}, expected a whole number from 1 to ${MAX_VARIANTS}.`,
    );
  }
  const maxLength = input.maxLength ?? MAX_COPY_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_COPY_LENGTH) {
    throw badInput(
      'input.maxLength',
      `Invalid maxLength ${maxLength}, expected a whole number from 1 to ${MAX_COPY_LENGTH}.`,
    );
  }
  if (input.audience) {
    validateAudience(input.audience);
  }
  listTargets({ channel: input.channel, maxLength }, input.fieldCounts);

  const products = await context.loaders.productById.loadMany(input.productIds);
  const missing = input.productIds.filter(
    (_id, index) => products[index] === null || products[index] instanceof Error,
  );
  if (missing.length > 0) {
    throw badInput(
      'input.productIds',
      `No product has id ${missing.map((id) => `"${id}"`).join(', ')}; query products to find them.`,
    );
  }
}

/** Returns the batch id of a bulk copy job. Throws `NOT_FOUND` for another kind of job. */
async function loadBatchId(context: Context, jobId: string): Promise<string> {
  const job = await context.dataSource
    .getRepository(Job)
    .findOneBy({ id: parseId('jobId', jobId) });
  const batchId = (job?.input as Partial<CopyBulkJobInput> | undefined)?.batchId;
  if (!job || job.kind !== GENERATE_COPY_BULK_JOB || typeof batchId !== 'string') {
    throw new DomainError(ErrorCode.NotFound, `No generateCopyBulk job has id "${jobId}".`);
  }
  return batchId;
}

function logDecision(context: AuthContext, copyId: number, status: string): void {
  context.logger.info(
    { requestId: context.requestId, copyId, status, apiKeyId: context.principal.apiKey?.id },
    'copy reviewed',
  );
}
