import type { DataSource } from 'typeorm';

import { Product } from '../../db/entities';
import { upsertCampaigns } from '../../db/queries/campaigns';
import type { CampaignRow } from '../../db/queries/campaigns';
import { parseBankMarketingCsv, parseCampaignsCsv } from '../../ingest';
import type { CampaignRecord } from '../../ingest';
import { badInput } from '../../shared/errors';

/** Column layouts a campaign import reads. */
export type CampaignFileFormat = 'campaigns' | 'bank-marketing';

/** Settings of a campaign import. */
export interface CampaignImportOptions {
  format: CampaignFileFormat;
  /** Product every imported campaign promotes, for lift; none when absent. */
  productId?: number;
  /** ISO 4217 code of the file's money columns. */
  currency: string;
  /** Check the file without writing. */
  dryRun: boolean;
  /** Label of the file in line-numbered errors. */
  file?: string;
}

/** Result of a campaign import: the campaigns read and the rows written. */
export interface CampaignImportResult {
  campaigns: CampaignRecord[];
  inserted: number;
  updated: number;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Parses a whole campaigns file and, unless `dryRun`, writes every campaign in one transaction:
 * a campaign with the same name, channel and start date replaces the stored one. All or
 * nothing: throws `ImportError` (`IMPORT_FAILED`) listing every malformed line with its line
 * number before anything is written, and BAD_USER_INPUT for an invalid currency or an unknown
 * product.
 */
export async function importCampaigns(
  dataSource: DataSource,
  text: string,
  options: CampaignImportOptions,
): Promise<CampaignImportResult> {
  if (!CURRENCY.test(options.currency)) {
    throw badInput(
      'currency',
      `currency must be an ISO 4217 code of three capital letters, e.g. "GBP"; received "${options.currency}".`,
    );
  }
  if (options.productId !== undefined) {
    const exists = await dataSource.getRepository(Product).existsBy({ id: options.productId });
    if (!exists) {
      throw badInput(
        'productId',
        `No product has id "${options.productId}"; query products to find one.`,
      );
    }
  }
  const campaigns =
    options.format === 'bank-marketing'
      ? parseBankMarketingCsv(text, options.file)
      : parseCampaignsCsv(text, options.file);
  if (options.dryRun) {
    return { campaigns, inserted: 0, updated: 0 };
  }

  const rows: CampaignRow[] = campaigns.map((campaign) => ({
    name: campaign.name,
    channel: campaign.channel,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    productId: options.productId ?? null,
    currency: options.currency,
    spendMinor: campaign.spendMinor,
    impressions: campaign.impressions,
    clicks: campaign.clicks,
    conversions: campaign.conversions,
    attributedRevenueMinor: campaign.attributedRevenueMinor,
  }));
  const counts = await dataSource.transaction((manager) => upsertCampaigns(manager, rows));
  return { campaigns, ...counts };
}
