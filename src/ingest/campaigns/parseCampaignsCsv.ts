import type { CsvTableSpec } from '../csvTable';
import { readCsvTable } from '../csvTable';
import {
  readChoice,
  readCode,
  readIsoDate,
  readOptionalMoney,
  readOptionalWholeNumber,
} from '../fieldReaders';
import { ProblemLog, quoteValue } from '../importError';
import type { CampaignRecord } from './campaignRecord';
import { CAMPAIGN_CHANNELS } from './campaignRecord';

/**
 * Columns of a campaigns file. Every column must be in the header; the cells of the five
 * measures may be empty when the source did not record them.
 */
export const CAMPAIGN_COLUMNS = {
  required: [
    'name',
    'channel',
    'start_date',
    'end_date',
    'spend',
    'impressions',
    'clicks',
    'conversions',
    'attributed_revenue',
  ],
} as const satisfies CsvTableSpec;

/**
 * Parses a campaigns CSV into campaign records, in file order. Rules:
 * - `name` is non-blank and trimmed;
 * - `channel` is one of `CAMPAIGN_CHANNELS`, in any letter case;
 * - dates are `YYYY-MM-DD`, with `end_date` on or after `start_date`;
 * - `spend` and `attributed_revenue` are decimal amounts of at least 0, up to 4 decimal places;
 * - counts are whole numbers of at least 0, and clicks do not exceed impressions;
 * - no two rows share name, channel and start date.
 *
 * All or nothing: throws `ImportError` (`IMPORT_FAILED`) listing every malformed line, with
 * `file` (default `campaigns.csv`) as the file label.
 */
export function parseCampaignsCsv(text: string, file = 'campaigns.csv'): CampaignRecord[] {
  const log = new ProblemLog(file);
  const table = readCsvTable(text, CAMPAIGN_COLUMNS, log);
  const campaigns: CampaignRecord[] = [];
  const firstLineOfKey = new Map<string, number>();

  for (const row of table.rows) {
    const problemsBefore = log.count;
    const name = readCode(row, 'name', log);
    const channel = readChoice(row, 'channel', log, CAMPAIGN_CHANNELS);
    const startDate = readIsoDate(row, 'start_date', log);
    const endDate = readIsoDate(row, 'end_date', log);
    const spendMinor = readOptionalMoney(row, 'spend', log, 'nonNegative');
    const impressions = readOptionalWholeNumber(row, 'impressions', log, { min: 0 });
    const clicks = readOptionalWholeNumber(row, 'clicks', log, { min: 0 });
    const conversions = readOptionalWholeNumber(row, 'conversions', log, { min: 0 });
    const attributedRevenueMinor = readOptionalMoney(row, 'attributed_revenue', log, 'nonNegative');
    if (
      log.count > problemsBefore ||
      name === undefined ||
      channel === undefined ||
      startDate === undefined ||
      endDate === undefined ||
      spendMinor === undefined ||
      impressions === undefined ||
      clicks === undefined ||
      conversions === undefined ||
      attributedRevenueMinor === undefined
    ) {
      continue;
    }

    if (endDate < startDate) {
      log.add(
        row.line,
        `end_date ${quoteValue(endDate)} is before start_date ${quoteValue(startDate)}.`,
        'end_date',
      );
    }
    if (clicks !== null && impressions !== null && clicks > impressions) {
      log.add(row.line, `clicks ${clicks} exceed impressions ${impressions}.`, 'clicks');
    }
    const key = JSON.stringify([name, channel, startDate]);
    const firstLine = firstLineOfKey.get(key);
    if (firstLine === undefined) {
      firstLineOfKey.set(key, row.line);
    } else {
      log.add(
        row.line,
        `Campaign ${quoteValue(name)} on ${channel} starting ${startDate} is listed again; it was first listed on line ${firstLine}.`,
        'name',
      );
    }

    campaigns.push({
      name,
      channel,
      startDate,
      endDate,
      spendMinor,
      impressions,
      clicks,
      conversions,
      attributedRevenueMinor,
    });
  }

  log.throwIfAny();
  return campaigns;
}
