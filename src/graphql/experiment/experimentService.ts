import { In } from 'typeorm';
import type { DataSource } from 'typeorm';

import { analyseAbTest, computeSampleSize } from '../../analytics';
import type { AbTestResult, SampleSizeInput } from '../../analytics';
import {
  Experiment,
  ExperimentObservation,
  ExperimentVariant,
  GeneratedCopy,
  Product,
} from '../../db/entities';
import type { VariantTotals } from '../../db/queries/experiments';
import { DomainError, ErrorCode, badInput } from '../../shared/errors';

/** Most variants one experiment compares. */
export const MAX_VARIANTS = 10;

/** Maximum length of a batch key, in characters. */
const MAX_BATCH_KEY = 128;

/** A new experiment as checked by the resolver: ids parsed. */
export interface ExperimentDraft {
  name: string;
  productId: number;
  copyIds: number[];
  controlCopyId?: number;
  plannedSampleSize?: number;
  sampleSize?: SampleSizeInput;
}

/**
 * Stores a new running experiment with one variant per copy. Every copy must exist, belong to
 * the product, be written for one channel and be approved. Throws BAD_USER_INPUT naming the
 * field for anything else.
 */
export async function createExperiment(
  dataSource: DataSource,
  draft: ExperimentDraft,
): Promise<Experiment> {
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 255) {
    throw badInput('input.name', `name must be 1 to 255 characters; received "${draft.name}".`);
  }
  const plannedSampleSize = resolvePlannedSize(draft);
  const copies = await loadCopies(dataSource, draft);
  const controlId = draft.controlCopyId ?? draft.copyIds[0];
  if (!draft.copyIds.includes(controlId)) {
    throw badInput(
      'input.controlCopyId',
      `controlCopyId must be one of copyIds (${draft.copyIds.join(', ')}); received "${controlId}".`,
    );
  }

  return dataSource.transaction(async (manager) => {
    const experiment = await manager.getRepository(Experiment).save(
      manager.getRepository(Experiment).create({
        productId: draft.productId,
        name,
        channel: copies[0].channel,
        status: 'running',
        plannedSampleSize,
        stoppedAt: null,
      }),
    );
    await manager.getRepository(ExperimentVariant).insert(
      draft.copyIds.map((copyId, position) => ({
        experimentId: experiment.id,
        copyId,
        position,
        isControl: copyId === controlId,
      })),
    );
    return experiment;
  });
}

function resolvePlannedSize(draft: ExperimentDraft): number | null {
  if (draft.plannedSampleSize !== undefined && draft.sampleSize !== undefined) {
    throw badInput(
      'input.sampleSize',
      'Give plannedSampleSize or sampleSize, not both; sampleSize computes plannedSampleSize.',
    );
  }
  if (draft.sampleSize !== undefined) {
    return computeSampleSize({ ...draft.sampleSize, variants: draft.copyIds.length }).perVariant;
  }
  if (draft.plannedSampleSize === undefined) {
    return null;
  }
  if (!Number.isSafeInteger(draft.plannedSampleSize) || draft.plannedSampleSize < 1) {
    throw badInput(
      'input.plannedSampleSize',
      `plannedSampleSize must be a positive whole number; received ${draft.plannedSampleSize}.`,
    );
  }
  return draft.plannedSampleSize;
}

async function loadCopies(
  dataSource: DataSource,
  draft: ExperimentDraft,
): Promise<GeneratedCopy[]> {
  const { copyIds } = draft;
  if (copyIds.length < 2 || copyIds.length > MAX_VARIANTS) {
    throw badInput(
      'input.copyIds',
      `copyIds must list 2 to ${MAX_VARIANTS} copies; received ${copyIds.length}.`,
    );
  }
  if (new Set(copyIds).size !== copyIds.length) {
    throw badInput(
      'input.copyIds',
      `copyIds must not repeat a copy; received ${copyIds.join(', ')}.`,
    );
  }
  if (!(await dataSource.getRepository(Product).existsBy({ id: draft.productId }))) {
    throw badInput('input.productId', `No product has id "${draft.productId}".`);
  }
  const copies = await dataSource.getRepository(GeneratedCopy).findBy({ id: In(copyIds) });
  const byId = new Map(copies.map((copy) => [copy.id, copy]));
  const ordered = copyIds.map((id) => {
    const copy = byId.get(id);
    if (!copy) {
      throw badInput('input.copyIds', `No generated copy has id "${id}".`);
    }
    if (copy.productId !== draft.productId) {
      throw badInput(
        'input.copyIds',
        `Copy ${id} was written for product ${copy.productId}, not for product ${draft.productId}.`,
      );
    }
    if (copy.status !== 'approved') {
      throw badInput(
        'input.copyIds',
        `Copy ${id} is ${copy.status}; only approved copy may be tested, so approve it first.`,
      );
    }
    return copy;
  });
  const channels = [...new Set(ordered.map((copy) => copy.channel))];
  if (channels.length > 1) {
    throw badInput(
      'input.copyIds',
      `Every copy of an experiment must be written for one channel; received ${channels.join(', ')}.`,
    );
  }
  return ordered;
}

/** One variant's counts in a batch, ids parsed. */
export interface VariantCountsInput {
  copyId: number;
  impressions: number;
  conversions: number;
}

/**
 * Adds a batch of counts to a running experiment in one transaction: all rows or none. With a
 * `batchKey`, a batch already recorded under that key adds nothing and returns
 * `alreadyRecorded`. Throws BAD_USER_INPUT for a stopped experiment, a copy that is not a
 * variant, a repeated copy, a negative count or more conversions than impressions, naming the
 * item at fault.
 */
export async function recordExperimentResults(
  dataSource: DataSource,
  experimentId: number,
  results: readonly VariantCountsInput[],
  batchKey: string | undefined,
): Promise<{ recorded: number; alreadyRecorded: boolean; experiment: Experiment }> {
  if (batchKey !== undefined && (batchKey.length === 0 || batchKey.length > MAX_BATCH_KEY)) {
    throw badInput(
      'batchKey',
      `batchKey must be 1 to ${MAX_BATCH_KEY} characters; received "${batchKey}".`,
    );
  }
  if (results.length === 0) {
    throw badInput('results', 'results must list at least one variant.');
  }
  return dataSource.transaction(async (manager) => {
    const experiment = await manager.getRepository(Experiment).findOneBy({ id: experimentId });
    if (!experiment) {
      throw badInput('experimentId', `No experiment has id "${experimentId}".`);
    }
    if (experiment.status !== 'running') {
      throw new DomainError(
        ErrorCode.Conflict,
        `Experiment ${experimentId} was stopped, so it takes no more results; create a new experiment to test again.`,
        'experimentId',
      );
    }
    const variants = await manager.getRepository(ExperimentVariant).findBy({ experimentId });
    const variantByCopy = new Map(variants.map((variant) => [variant.copyId, variant]));
    const rows = checkResults(results, variantByCopy, experimentId);

    if (batchKey !== undefined) {
      const seen = await manager.getRepository(ExperimentObservation).countBy({
        variantId: In(variants.map((variant) => variant.id)),
        batchKey,
      });
      if (seen > 0) {
        return { recorded: 0, alreadyRecorded: true, experiment };
      }
    }
    await manager
      .getRepository(ExperimentObservation)
      .insert(rows.map((row) => ({ ...row, batchKey: batchKey ?? null })));
    return { recorded: rows.length, alreadyRecorded: false, experiment };
  });
}

function checkResults(
  results: readonly VariantCountsInput[],
  variantByCopy: ReadonlyMap<number, ExperimentVariant>,
  experimentId: number,
): Array<{ variantId: number; impressions: number; conversions: number }> {
  const seen = new Set<number>();
  return results.map((result, index) => {
    const field = `results[${index}]`;
    const variant = variantByCopy.get(result.copyId);
    if (!variant) {
      throw badInput(
        `${field}.copyId`,
        `${field}.copyId must be a copy of experiment ${experimentId} (${[...variantByCopy.keys()].join(', ')}); received "${result.copyId}".`,
      );
    }
    if (seen.has(result.copyId)) {
      throw badInput(
        `${field}.copyId`,
        `${field}.copyId repeats copy ${result.copyId}; send each variant once per batch.`,
      );
    }
    seen.add(result.copyId);
    for (const key of ['impressions', 'conversions'] as const) {
      if (!Number.isSafeInteger(result[key]) || result[key] < 0) {
        throw badInput(
          `${field}.${key}`,
          `${field}.${key} must be a whole number of at least 0; received ${result[key]}.`,
        );
      }
    }
    if (result.conversions > result.impressions) {
      throw badInput(
        `${field}.conversions`,
        `${field}.conversions must not exceed impressions (${result.impressions}); received ${result.conversions}.`,
      );
    }
    return {
      variantId: variant.id,
      impressions: result.impressions,
      conversions: result.conversions,
    };
  });
}

/** Stops a running experiment; stopping a stopped one changes nothing. Null when not found. */
export async function stopExperiment(
  dataSource: DataSource,
  experimentId: number,
): Promise<Experiment | null> {
  const repository = dataSource.getRepository(Experiment);
  const experiment = await repository.findOneBy({ id: experimentId });
  if (!experiment || experiment.status === 'stopped') {
    return experiment;
  }
  const stoppedAt = new Date();
  await dataSource.transaction((manager) =>
    manager
      .getRepository(Experiment)
      .update({ id: experimentId }, { status: 'stopped', stoppedAt }),
  );
  return { ...experiment, status: 'stopped', stoppedAt };
}

/** Settings of an experiment's results. */
export interface ResultsOptions {
  level: number;
  draws: number;
  seed: number;
}

/** An experiment's results with what the peeking rule needs. */
export interface ExperimentResults {
  test: AbTestResult;
  variants: VariantTotals[];
  reachedPlannedSize: boolean;
  stoppedEarly: boolean;
  warnings: string[];
}

/**
 * Analyses an experiment's recorded totals: rates with Wilson intervals, z-tests against the
 * control, probability of being best. While a planned size is not reached in every variant, the
 * results carry the peeking warning; `stoppedEarly` is true once the experiment was stopped so.
 */
export function analyseExperiment(
  experiment: Experiment,
  variants: VariantTotals[],
  options: ResultsOptions,
): ExperimentResults {
  const control = variants.find((variant) => variant.isControl) ?? variants[0];
  const test = analyseAbTest(
    variants.map((variant) => ({
      id: String(variant.variantId),
      impressions: variant.impressions,
      conversions: variant.conversions,
    })),
    {
      control: String(control.variantId),
      level: options.level,
      draws: options.draws,
      seed: options.seed,
      plannedSampleSize: experiment.plannedSampleSize ?? undefined,
    },
  );
  const planned = experiment.plannedSampleSize;
  const reachedPlannedSize =
    planned !== null && variants.every((variant) => variant.impressions >= planned);
  const warnings = [...test.warnings];
  if (planned === null) {
    warnings.push(
      'No sample size was planned, so a stop cannot be judged against one; plan it with the sampleSize query before the test starts.',
    );
  }
  return {
    test,
    variants,
    reachedPlannedSize,
    stoppedEarly: experiment.status === 'stopped' && planned !== null && !reachedPlannedSize,
    warnings,
  };
}
