import { parseCampaignsCsv } from '../../../src/ingest/campaigns/parseCampaignsCsv';
import { catchImportError } from '../harness';

const HEADER =
  'name,channel,start_date,end_date,spend,impressions,clicks,conversions,attributed_revenue';

describe('parseCampaignsCsv', () => {
  it('parses a complete row', () => {
    const csv = `${HEADER}\nSpring sale,Email,2011-03-01,2011-03-14,1250.50,40000,1200,85,4321.99\n`;

    expect(parseCampaignsCsv(csv)).toEqual([
      {
        name: 'Spring sale',
        channel: 'email',
        startDate: '2011-03-01',
        endDate: '2011-03-14',
        spendMinor: 12505000,
        impressions: 40000,
        clicks: 1200,
        conversions: 85,
        attributedRevenueMinor: 43219900,
      },
    ]);
  });

  it('reads empty measures as not recorded', () => {
    const csv = `${HEADER}\nRadio spot,other,2011-04-01,2011-04-01,,,,0,\n`;

    expect(parseCampaignsCsv(csv)[0]).toMatchObject({
      spendMinor: null,
      impressions: null,
      clicks: null,
      conversions: 0,
      attributedRevenueMinor: null,
    });
  });

  it('allows conversions above clicks', () => {
    // Facebook ads with 0 clicks still record conversions: they are not click-attributed.
    const csv = `${HEADER}\nAd 708746,social,2017-08-17,2017-08-17,0,7350,0,2,\n`;

    expect(parseCampaignsCsv(csv)[0].conversions).toBe(2);
  });

  it('keeps a spend with float noise exact when it has 4 decimals', () => {
    const csv = `${HEADER}\nAd,social,2017-08-17,2017-08-17,1.4300,7350,1,1,\n`;

    expect(parseCampaignsCsv(csv)[0].spendMinor).toBe(14300);
  });

  it('lists every malformed line', () => {
    const csv = [
      HEADER,
      ',email,2011-03-01,2011-03-14,1,1,1,1,1',
      'A,billboard,2011-03-01,2011-03-14,1,1,1,1,1',
      'B,email,2011-03-14,2011-03-01,1,1,1,1,1',
      'C,email,2011-03-01,2011-03-14,-1,1,1,1,1',
      'D,email,2011-03-01,2011-03-14,1,10,11,1,1',
      'E,email,2011-03-01,2011-03-14,1.429999948,1,1,1.5,1',
      'F,email,03/01/2011,2011-03-14,1,1,1,1,1',
      'G,email,2011-03-01,2011-03-14,1,1,1,1,1',
      'G,email,2011-03-01,2011-03-31,1,1,1,1,1',
    ].join('\n');

    const error = catchImportError(() => parseCampaignsCsv(csv));

    expect(error.problems.map(({ line, message }) => [line, message])).toEqual([
      [2, 'name is missing.'],
      [
        3,
        'channel "billboard" is invalid; expected one of email, social, search, display, video, affiliate, phone, sms, direct_mail, other.',
      ],
      [4, 'end_date "2011-03-01" is before start_date "2011-03-14".'],
      [5, 'spend "-1" is negative; expected an amount of at least 0.'],
      [6, 'clicks 11 exceed impressions 10.'],
      [7, 'spend "1.429999948" has more than 4 decimal places.'],
      [7, 'conversions "1.5" is not a whole number.'],
      [8, 'start_date "03/01/2011" is not a valid date; expected YYYY-MM-DD.'],
      [
        10,
        'Campaign "G" on email starting 2011-03-01 is listed again; it was first listed on line 9.',
      ],
    ]);
    expect(error.problems[0].file).toBe('campaigns.csv');
  });

  it('rejects a missing column', () => {
    const error = catchImportError(() => parseCampaignsCsv('name,channel,start_date,end_date\n'));

    expect(error.problems[0].message).toMatch(
      /^The header is missing the required columns spend, impressions, clicks, conversions, attributed_revenue;/,
    );
  });
});
