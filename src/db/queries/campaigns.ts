import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { Campaign, Product } from '../entities';
import type { Page } from './page';

/** One campaign to store, measures already checked; null measures were not recorded. */
export interface CampaignRow {
  name: string;
  channel: string;
  startDate: string;
  endDate: string;
  productId: number | null;
  currency: string;
  spendMinor: number | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
  attributedRevenueMinor: number | null;
}

/**
 * Inserts campaigns, or replaces every field of a stored campaign with the same name, channel
 * and start date, inside the caller's transaction. Returns how many were inserted and updated.
 */
export async function upsertCampaigns(
  manager: EntityManager,
  rows: readonly CampaignRow[],
): Promise<{ inserted: number; updated: number }> {
  const repository = manager.getRepository(Campaign);
  const keyOf = (row: { name: string; channel: string; startDate: string }) =>
    JSON.stringify([row.name, row.channel, row.startDate]);
  const existing = new Map<string, number>();
  const stored = await repository.find({
    select: { id: true, name: true, channel: true, startDate: true },
  });
  stored.forEach((row) => existing.set(keyOf(row), row.id));

  const inserts: CampaignRow[] = [];
  let updated = 0;
  for (const row of rows) {
    const id = existing.get(keyOf(row));
    if (id === undefined) {
      inserts.push(row);
    } else {
      await repository.update({ id }, row);
      updated += 1;
    }
  }
  // SQLite caps bound parameters per statement; 11 columns x 50 rows stays well under it.
  for (let offset = 0; offset < inserts.length; offset += 50) {
    await repository.insert(inserts.slice(offset, offset + 50));
  }
  return { inserted: inserts.length, updated };
}

/** Filter of a campaign list or analysis; every field is optional. */
export interface CampaignFilter {
  /** Only campaigns linked to this product. */
  productId?: number;
  /** Only campaigns linked to a product of this category. */
  category?: string;
  channel?: string;
  /** Only campaigns that end on or after this day. */
  from?: string;
  /** Only campaigns that start on or before this day. */
  to?: string;
}

function filteredQuery(
  dataSource: DataSource,
  filter: CampaignFilter,
): SelectQueryBuilder<Campaign> {
  const query = dataSource.getRepository(Campaign).createQueryBuilder('campaign');
  if (filter.productId !== undefined) {
    query.andWhere('campaign.product_id = :productId', { productId: filter.productId });
  }
  if (filter.category !== undefined) {
    query
      .innerJoin(Product, 'product', 'product.id = campaign.product_id')
      .andWhere('product.category = :category', { category: filter.category });
  }
  if (filter.channel !== undefined) {
    query.andWhere('campaign.channel = :channel', { channel: filter.channel });
  }
  if (filter.from !== undefined) {
    query.andWhere('campaign.end_date >= :from', { from: filter.from });
  }
  if (filter.to !== undefined) {
    query.andWhere('campaign.start_date <= :to', { to: filter.to });
  }
  return query;
}

/** Loads one page of campaigns ordered by start date then id, with the filtered total. */
export async function listCampaigns(
  dataSource: DataSource,
  filter: CampaignFilter,
  page: { first: number; offset: number },
): Promise<Page<Campaign>> {
  const query = filteredQuery(dataSource, filter);
  const totalCount = await query.getCount();
  const rows = await query
    .orderBy('campaign.start_date', 'ASC')
    .addOrderBy('campaign.id', 'ASC')
    .skip(page.offset)
    .take(page.first + 1)
    .getMany();
  return {
    rows: rows.slice(0, page.first),
    hasNextPage: rows.length > page.first,
    hasPreviousPage: page.offset > 0,
    totalCount,
  };
}

/**
 * Loads every campaign matching the filter, oldest start first, up to `limit` + 1 rows so that
 * the caller can tell when the limit cut the list.
 */
export async function findCampaigns(
  dataSource: DataSource,
  filter: CampaignFilter,
  limit: number,
): Promise<Campaign[]> {
  return filteredQuery(dataSource, filter)
    .orderBy('campaign.start_date', 'ASC')
    .addOrderBy('campaign.id', 'ASC')
    .take(limit + 1)
    .getMany();
}
