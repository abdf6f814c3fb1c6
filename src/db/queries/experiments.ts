import { In } from 'typeorm';
import type { DataSource } from 'typeorm';

import { ExperimentObservation, ExperimentVariant } from '../entities';

/** A variant with the totals of its recorded observations. */
export interface VariantTotals {
  variantId: number;
  experimentId: number;
  copyId: number;
  position: number;
  isControl: boolean;
  impressions: number;
  conversions: number;
}

/**
 * Loads the variants of several experiments with their summed impressions and conversions, two
 * statements whatever the number of experiments. Variants come in position order.
 */
export async function loadVariantTotals(
  dataSource: DataSource,
  experimentIds: readonly number[],
): Promise<Map<number, VariantTotals[]>> {
  const variants = await dataSource.getRepository(ExperimentVariant).find({
    where: { experimentId: In([...experimentIds]) },
    order: { experimentId: 'ASC', position: 'ASC' },
  });
  const sums = variants.length
    ? await dataSource
        .getRepository(ExperimentObservation)
        .createQueryBuilder('observation')
        .select('observation.variant_id', 'variantId')
        .addSelect('SUM(observation.impressions)', 'impressions')
        .addSelect('SUM(observation.conversions)', 'conversions')
        .where('observation.variant_id IN (:...ids)', { ids: variants.map((v) => v.id) })
        .groupBy('observation.variant_id')
        .getRawMany<{
          variantId: number | string;
          impressions: string | number;
          conversions: string | number;
        }>()
    : [];
  // PostgreSQL returns SUM over integers as a bigint string.
  const byVariant = new Map(
    sums.map((row) => [
      Number(row.variantId),
      { impressions: Number(row.impressions), conversions: Number(row.conversions) },
    ]),
  );

  const result = new Map<number, VariantTotals[]>(experimentIds.map((id) => [id, []]));
  for (const variant of variants) {
    const totals = byVariant.get(variant.id) ?? { impressions: 0, conversions: 0 };
    result.get(variant.experimentId)?.push({
      variantId: variant.id,
      experimentId: variant.experimentId,
      copyId: variant.copyId,
      position: variant.position,
      isControl: variant.isControl,
      ...totals,
    });
  }
  return result;
}
