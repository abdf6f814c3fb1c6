import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import { computeSampleSize } from '../../analytics';
import { badInput } from '../../shared/errors';
import { checkPageSize, decodeCursor, toConnection } from '../common/connection';
import { parseId } from '../common/ids';
import type { Context } from '../context';
import { LanguageEnum } from '../copy/copy.enums';
import { GeneratedCopyType, toCopyType } from '../copy/copy.types';
import { ProductType, toProductType } from '../product/product.types';
import { chartPath } from '../chart/chartUrls';
import { CreateExperimentInput, SampleSizeInput, VariantResultInput } from './experiment.input';
import {
  ExperimentConnection,
  ExperimentResultsType,
  ExperimentType,
  ExperimentVariantType,
  RecordExperimentResultsPayload,
  SampleSizeType,
  toExperimentType,
  toSampleSizeType,
} from './experiment.types';
import {
  analyseExperiment,
  createExperiment,
  recordExperimentResults,
  stopExperiment,
} from './experimentService';

/** Most Monte Carlo draws one results query may ask for. */
const MAX_DRAWS = 1_000_000;

/** A/B tests of generated copy: setup, recording, results and the sample-size calculator. */
@Resolver(() => ExperimentType)
export class ExperimentResolver {
  @Query(() => SampleSizeType, {
    description:
      'Impressions per variant needed to detect the effect with the given power (two-sided two-proportion z-test, normal approximation).',
  })
  sampleSize(@Arg('input', () => SampleSizeInput) input: SampleSizeInput): SampleSizeType {
    return toSampleSizeType(computeSampleSize(input));
  }

  @Query(() => ExperimentType, { nullable: true, description: 'One experiment by id.' })
  async experiment(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<ExperimentType | null> {
    const experiment = await context.loaders.analysis.experimentById.load(parseId('id', id));
    return experiment ? toExperimentType(experiment) : null;
  }

  @Authorized('ANALYST')
  @Mutation(() => ExperimentType, {
    description:
      'Starts an A/B test of two to ten approved copies of one product written for one channel.',
  })
  async createExperiment(
    @Ctx() context: Context,
    @Arg('input', () => CreateExperimentInput) input: CreateExperimentInput,
  ): Promise<ExperimentType> {
    const experiment = await createExperiment(context.dataSource, {
      name: input.name,
      productId: parseId('input.productId', input.productId),
      copyIds: input.copyIds.map((id) => parseId('input.copyIds', id)),
      controlCopyId:
        input.controlCopyId != null
          ? parseId('input.controlCopyId', input.controlCopyId)
          : undefined,
      plannedSampleSize: input.plannedSampleSize ?? undefined,
      sampleSize: input.sampleSize ?? undefined,
    });
    context.logger.info(
      { requestId: context.requestId, experimentId: experiment.id, variants: input.copyIds.length },
      'experiment created',
    );
    return toExperimentType(experiment);
  }

  @Authorized('ANALYST')
  @Mutation(() => RecordExperimentResultsPayload, {
    description:
      'Adds impressions and conversions per variant, all in one transaction or none. A batch recorded before under the same batchKey adds nothing, so a retried batch is not counted twice.',
  })
  async recordExperimentResults(
    @Ctx() context: Context,
    @Arg('experimentId', () => ID) experimentId: string,
    @Arg('results', () => [VariantResultInput]) results: VariantResultInput[],
    @Arg('batchKey', () => String, {
      nullable: true,
      description: 'Caller-chosen id of the batch, 1 to 128 characters.',
    })
    batchKey?: string | null,
  ): Promise<RecordExperimentResultsPayload> {
    const outcome = await recordExperimentResults(
      context.dataSource,
      parseId('experimentId', experimentId),
      results.map((result, index) => ({
        copyId: parseId(`results[${index}].copyId`, result.copyId),
        impressions: result.impressions,
        conversions: result.conversions,
      })),
      batchKey ?? undefined,
    );
    return {
      recorded: outcome.recorded,
      alreadyRecorded: outcome.alreadyRecorded,
      experiment: toExperimentType(outcome.experiment),
    };
  }

  @Authorized('ANALYST')
  @Mutation(() => ExperimentType, {
    description:
      'Stops an experiment: it takes no more results. Stopping before the planned size is flagged in results as peeking.',
  })
  async stopExperiment(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<ExperimentType> {
    const experiment = await stopExperiment(context.dataSource, parseId('id', id));
    if (!experiment) {
      throw badInput('id', `No experiment has id "${id}".`);
    }
    return toExperimentType(experiment);
  }

  @FieldResolver(() => ProductType)
  async product(@Root() experiment: ExperimentType, @Ctx() context: Context): Promise<ProductType> {
    const product = await context.loaders.productById.load(experiment.productId);
    return toProductType(product!);
  }

  @FieldResolver(() => [ExperimentVariantType], { description: 'Variants in order, with totals.' })
  async variants(
    @Root() experiment: ExperimentType,
    @Ctx() context: Context,
  ): Promise<ExperimentVariantType[]> {
    const totals = await context.loaders.analysis.variantTotals.load(Number(experiment.id));
    return totals.map((variant) => ({
      id: String(variant.variantId),
      copyId: String(variant.copyId),
      position: variant.position,
      isControl: variant.isControl,
      impressions: variant.impressions,
      conversions: variant.conversions,
    }));
  }

  @FieldResolver(() => ExperimentResultsType, {
    description:
      'Rates with Wilson intervals, differences to the control with z-test p-values (Holm-adjusted too) and the probability of being best, with a warning while the planned size is not reached.',
  })
  async results(
    @Root() experiment: ExperimentType,
    @Ctx() context: Context,
    @Arg('level', () => Float, { defaultValue: 95 }) level: number,
    @Arg('draws', () => Int, {
      defaultValue: 100_000,
      description: 'Monte Carlo draws for probabilityBest, 1 to 1,000,000.',
    })
    draws: number,
    @Arg('seed', () => Int, { defaultValue: 1, description: 'Equal seeds give equal draws.' })
    seed: number,
  ): Promise<ExperimentResultsType> {
    if (draws > MAX_DRAWS) {
      throw badInput('draws', `draws must be at most ${MAX_DRAWS}; received ${draws}.`);
    }
    const row = await context.loaders.analysis.experimentById.load(Number(experiment.id));
    const totals = await context.loaders.analysis.variantTotals.load(Number(experiment.id));
    const results = analyseExperiment(row!, totals, { level, draws, seed });
    return {
      variants: results.test.variants.map((variant, index) => ({
        variantId: variant.id,
        copyId: String(totals[index].copyId),
        impressions: variant.impressions,
        conversions: variant.conversions,
        rate: variant.rate,
        interval: variant.interval,
        isControl: variant.isControl,
        comparison: variant.comparison,
        probabilityBest: variant.probabilityBest,
      })),
      plannedSampleSize: row!.plannedSampleSize,
      reachedPlannedSize: results.reachedPlannedSize,
      stoppedEarly: results.stoppedEarly,
      warnings: results.warnings,
    };
  }

  @FieldResolver(() => String, {
    description:
      'Path of an SVG chart of the per-variant rates and intervals, relative to the API origin; fetch it with the same Authorization header.',
  })
  chartUrl(
    @Root() experiment: ExperimentType,
    @Arg('language', () => LanguageEnum, { defaultValue: LanguageEnum.EN }) language: LanguageEnum,
    @Arg('level', () => Float, { defaultValue: 95 }) level: number,
  ): string {
    return chartPath(['experiments', experiment.id + '.svg'], { language, level });
  }
}

/** The copy shown by an experiment variant. */
@Resolver(() => ExperimentVariantType)
export class ExperimentVariantResolver {
  @FieldResolver(() => GeneratedCopyType)
  async copy(
    @Root() variant: ExperimentVariantType,
    @Ctx() context: Context,
  ): Promise<GeneratedCopyType> {
    const copy = await context.loaders.analysis.copyById.load(Number(variant.copyId));
    return toCopyType(copy!);
  }
}

/** Experiments of a product. */
@Resolver(() => ProductType)
export class ProductExperimentsResolver {
  @FieldResolver(() => ExperimentConnection, {
    description: 'A/B tests of the product, newest first.',
  })
  async experiments(
    @Root() product: ProductType,
    @Ctx() context: Context,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ExperimentConnection> {
    const page = await context.loaders.analysis.experimentPage.load({
      productId: Number(product.id),
      first: checkPageSize(first),
      beforeId: after != null ? decodeCursor('experiment', after) : undefined,
    });
    return toConnection('experiment', page, toExperimentType);
  }
}
