import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseBankMarketingCsv } from '../../../src/ingest/campaigns/parseBankMarketingCsv';
import { catchImportError, SAMPLE_DIR } from '../harness';

const HEADER = 'source_row,age,contact,month,day_of_week,y';

describe('parseBankMarketingCsv', () => {
  it('groups clients by month and contact', () => {
    const csv = [
      HEADER,
      '1,56,telephone,may,mon,no',
      '6,45,telephone,may,mon,yes',
      '11,30,cellular,may,tue,yes',
      '16,41,cellular,dec,fri,no',
      '21,33,cellular,mar,mon,yes',
    ].join('\n');

    expect(parseBankMarketingCsv(csv)).toEqual([
      {
        name: 'Bank term deposit telemarketing 2008-05 (telephone)',
        channel: 'phone',
        startDate: '2008-05-01',
        endDate: '2008-05-31',
        spendMinor: null,
        impressions: 2,
        clicks: null,
        conversions: 1,
        attributedRevenueMinor: null,
      },
      expect.objectContaining({
        name: 'Bank term deposit telemarketing 2008-05 (cellular)',
        impressions: 1,
        conversions: 1,
      }),
      expect.objectContaining({
        startDate: '2008-12-01',
        endDate: '2008-12-31',
        impressions: 1,
        conversions: 0,
      }),
      expect.objectContaining({
        startDate: '2009-03-01',
        endDate: '2009-03-31',
        impressions: 1,
        conversions: 1,
      }),
    ]);
  });

  it('rejects rows out of source order', () => {
    const csv = [HEADER, '6,45,telephone,may,mon,no', '1,56,telephone,may,mon,no'].join('\n');

    const error = catchImportError(() => parseBankMarketingCsv(csv));

    expect(error.problems.map(({ line, message }) => [line, message])).toEqual([
      [
        3,
        "source_row 1 is not above the previous row's 6; keep the rows in source order so the year can be inferred.",
      ],
    ]);
  });

  it('rejects unknown values', () => {
    const csv = [HEADER, '1,56,email,mai,mon,maybe'].join('\n');

    const error = catchImportError(() => parseBankMarketingCsv(csv));

    expect(error.problems.map((problem) => problem.column)).toEqual(['contact', 'month', 'y']);
  });

  it('reads the shipped sample', () => {
    const campaigns = parseBankMarketingCsv(
      readFileSync(join(SAMPLE_DIR, 'marketing_campaigns', 'bank_marketing.csv'), 'utf8'),
    );

    // tail -n +2 bank_marketing.csv | wc -l  ->  7838 clients, of which
    // grep -c ',yes$' bank_marketing.csv  ->  712 subscribed.
    expect(campaigns.reduce((sum, campaign) => sum + (campaign.impressions ?? 0), 0)).toBe(7838);
    expect(campaigns.reduce((sum, campaign) => sum + (campaign.conversions ?? 0), 0)).toBe(712);
    // Months in row order: May-Dec 2008 without September, Mar-Dec 2009, Mar 2010.
    expect(campaigns[0].startDate).toBe('2008-05-01');
    expect(campaigns[campaigns.length - 1].startDate).toBe('2010-03-01');
  });
});
