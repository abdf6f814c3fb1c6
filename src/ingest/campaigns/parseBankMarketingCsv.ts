import { formatIsoDate } from '../../shared/period';
import type { CsvTableSpec } from '../csvTable';
import { readCsvTable } from '../csvTable';
import { readChoice, readWholeNumber } from '../fieldReaders';
import { ProblemLog } from '../importError';
import type { CampaignRecord } from './campaignRecord';

/**
 * Columns read from the UCI Bank Marketing sample (`bank_marketing.csv`: one row per client of a
 * Portuguese bank's term-deposit telemarketing, with `source_row` added). Its other columns,
 * such as `age` and `duration`, are allowed and ignored; none identifies a client.
 */
export const BANK_MARKETING_COLUMNS = {
  required: ['source_row', 'contact', 'month', 'y'],
  allowUnknownColumns: true,
} as const satisfies CsvTableSpec;

/** Year of the first row: the source is ordered by date from May 2008 to November 2010. */
export const BANK_MARKETING_FIRST_YEAR = 2008;

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const CONTACTS = ['cellular', 'telephone'] as const;
const OUTCOMES = ['yes', 'no'] as const;

/**
 * Turns the Bank Marketing sample into one campaign per calendar month and contact type, in
 * order of first appearance, which is date order. The source has month names but no year column, so the year is inferred: it starts
 * at 2008 and goes up by one whenever a row's month comes before the previous row's month, which
 * needs the rows in `source_row` order. Each campaign runs from the 1st to the last day of its
 * month on channel `phone`; `impressions` counts the clients called (rows, each dated by its
 * last call), `conversions` the clients who subscribed (`y` = `yes`), and spend, clicks and
 * attributed revenue are `null` because the source has none.
 *
 * All or nothing: throws `ImportError` listing every malformed line, including a `source_row`
 * not above the previous one.
 */
export function parseBankMarketingCsv(text: string, file = 'bank_marketing.csv'): CampaignRecord[] {
  const log = new ProblemLog(file);
  const table = readCsvTable(text, BANK_MARKETING_COLUMNS, log);
  const campaigns = new Map<string, CampaignRecord>();
  let year = BANK_MARKETING_FIRST_YEAR;
  let previous: { sourceRow: number; month: number } | undefined;

  for (const row of table.rows) {
    const problemsBefore = log.count;
    const sourceRow = readWholeNumber(row, 'source_row', log, { min: 1 });
    const contact = readChoice(row, 'contact', log, CONTACTS);
    const monthName = readChoice(row, 'month', log, MONTHS);
    const outcome = readChoice(row, 'y', log, OUTCOMES);
    if (
      log.count > problemsBefore ||
      sourceRow === undefined ||
      contact === undefined ||
      monthName === undefined ||
      outcome === undefined
    ) {
      continue;
    }
    if (previous !== undefined && sourceRow <= previous.sourceRow) {
      log.add(
        row.line,
        `source_row ${sourceRow} is not above the previous row's ${previous.sourceRow}; keep the rows in source order so the year can be inferred.`,
        'source_row',
      );
      continue;
    }

    const month = MONTHS.indexOf(monthName);
    if (previous !== undefined && month < previous.month) {
      year += 1;
    }
    previous = { sourceRow, month };

    const campaign = campaignOf(campaigns, year, month, contact);
    campaign.impressions = (campaign.impressions ?? 0) + 1;
    campaign.conversions = (campaign.conversions ?? 0) + (outcome === 'yes' ? 1 : 0);
  }

  log.throwIfAny();
  return [...campaigns.values()];
}

function campaignOf(
  campaigns: Map<string, CampaignRecord>,
  year: number,
  month: number,
  contact: string,
): CampaignRecord {
  const monthLabel = `${year}-${String(month + 1).padStart(2, '0')}`;
  const key = `${monthLabel} ${contact}`;
  let campaign = campaigns.get(key);
  if (campaign === undefined) {
    campaign = {
      name: `Bank term deposit telemarketing ${monthLabel} (${contact})`,
      channel: 'phone',
      startDate: `${monthLabel}-01`,
      endDate: formatIsoDate(new Date(Date.UTC(year, month + 1, 0))),
      spendMinor: null,
      impressions: 0,
      clicks: null,
      conversions: 0,
      attributedRevenueMinor: null,
    };
    campaigns.set(key, campaign);
  }
  return campaign;
}
