import { analyseCampaigns, compareChannels, wilsonInterval } from '../../src/analytics';
import type { CampaignRecord } from '../../src/analytics';

const EMAIL: CampaignRecord = {
  id: 'spring-email',
  channel: 'email',
  startDate: '2024-03-01',
  endDate: '2024-03-14',
  spend: '500.00',
  impressions: 10_000,
  clicks: 100,
  conversions: 10,
  revenue: '2000.00',
};

describe('wilsonInterval', () => {
  it('matches the textbook 10 of 100', () => {
    // Reference: statsmodels proportion_confint(10, 100, method='wilson') = (0.055229, 0.174366).
    const interval = wilsonInterval(10, 100);

    expect(interval.lower).toBeCloseTo(0.055229, 6);
    expect(interval.upper).toBeCloseTo(0.174366, 6);
  });

  it('stays inside 0..1 at the edges', () => {
    expect(wilsonInterval(0, 20).lower).toBe(0);
    expect(wilsonInterval(20, 20).upper).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ level: 95, lower: 0, upper: 1 });
  });
});

describe('analyseCampaigns', () => {
  it('computes campaign KPIs with intervals', () => {
    const [row] = analyseCampaigns([EMAIL]).campaigns;

    expect(row.ctr.value).toBe(0.01);
    expect(row.conversionRate.value).toBe(0.1);
    expect(row.conversionRate.interval.upper).toBeCloseTo(0.174366, 6);
    expect(row.cpa.value).toBe('50.0000');
    // CPA bounds: 500 / (100 * 0.174366) = 28.6754 and 500 / (100 * 0.055229) = 90.5319.
    expect(row.cpa.interval).toEqual({ level: 95, lower: '28.6754', upper: '90.5319' });
  });

  it('gives ROAS a log-scale delta interval', () => {
    const [row] = analyseCampaigns([EMAIL]).campaigns;

    // ROAS 4; factor exp(1.96 * sqrt((1 + 1) / 10)) = 2.40255: 4 / 2.40255 and 4 * 2.40255.
    expect(row.roas.value).toBe(4);
    expect(row.roas.interval.lower).toBeCloseTo(1.664911, 5);
    expect(row.roas.interval.upper).toBeCloseTo(9.610122, 5);
  });

  it('narrows ROAS for uniform order values', () => {
    const [row] = analyseCampaigns([EMAIL], { orderValueCv: 0 }).campaigns;

    // factor exp(1.96 * sqrt(1 / 10)) = 1.85845.
    expect(row.roas.interval.upper).toBeCloseTo(4 * Math.exp(1.959964 * Math.sqrt(0.1)), 5);
  });

  it('pools campaigns per channel exactly', () => {
    const second: CampaignRecord = {
      ...EMAIL,
      id: 'summer-email',
      spend: '0.0001',
      clicks: 50,
      conversions: 5,
      revenue: 3,
    };
    const social: CampaignRecord = { ...EMAIL, id: 'social', channel: 'social' };

    const { channels } = analyseCampaigns([EMAIL, social, second]);

    expect(channels.map((row) => row.channel)).toEqual(['email', 'social']);
    expect(channels[0].campaigns).toBe(2);
    expect(channels[0].spend).toBe('500.0001');
    expect(channels[0].revenue).toBe('2000.0003');
    expect(channels[0].clicks).toBe(150);
    expect(channels[0].conversionRate.value).toBeCloseTo(0.1, 12);
  });

  it('leaves CPA and ROAS undefined without conversions or spend', () => {
    const { campaigns, warnings } = analyseCampaigns([
      { ...EMAIL, spend: 0, conversions: 0, revenue: 0 },
    ]);

    expect(campaigns[0].cpa.value).toBeNull();
    expect(campaigns[0].cpa.interval.upper).toBeNull();
    expect(campaigns[0].roas.value).toBeNull();
    expect(warnings).toEqual([
      'Campaign "spring-email" has no spend, so its CPA and ROAS are undefined.',
    ]);
  });
});

describe('analyseCampaigns with unrecorded measures', () => {
  const PHONE: CampaignRecord = {
    id: 'phone-may',
    channel: 'phone',
    startDate: '2008-05-01',
    endDate: '2008-05-31',
    spend: null,
    impressions: 400,
    clicks: null,
    conversions: 20,
    revenue: null,
  };

  it('computes only the KPIs whose inputs exist', () => {
    const { campaigns, warnings } = analyseCampaigns([PHONE]);

    expect(campaigns[0].ctr.value).toBeNull();
    expect(campaigns[0].conversionRate.value).toBeNull();
    expect(campaigns[0].conversionRatePerImpression.value).toBe(0.05);
    expect(campaigns[0].cpa.value).toBeNull();
    expect(campaigns[0].roas.value).toBeNull();
    expect(campaigns[0].spend).toBeNull();
    expect(warnings).toEqual([
      '1 of 1 campaigns have no recorded spend, so the KPIs that need it are computed over the other campaigns only.',
      '1 of 1 campaigns have no recorded clicks, so the KPIs that need it are computed over the other campaigns only.',
      '1 of 1 campaigns have no recorded attributed revenue, so the KPIs that need it are computed over the other campaigns only.',
    ]);
  });

  it('pools each KPI over the campaigns recording it', () => {
    const { channels } = analyseCampaigns([{ ...EMAIL, channel: 'phone' }, PHONE]);

    // CTR and per-click rate come from the email-like campaign alone; the per-impression rate
    // pools both: (10 + 20) / (10,000 + 400).
    expect(channels[0].ctr.value).toBe(0.01);
    expect(channels[0].conversionRate.value).toBe(0.1);
    expect(channels[0].conversionRatePerImpression.value).toBeCloseTo(30 / 10_400, 12);
    expect(channels[0].conversions).toBe(30);
    expect(channels[0].spend).toBe('500.0000');
    expect(channels[0].cpa.value).toBe('50.0000');
  });

  it('accepts view-through conversions when allowed', () => {
    const viewThrough = { ...EMAIL, clicks: 5 };

    const { campaigns, warnings } = analyseCampaigns([viewThrough], {
      allowViewThroughConversions: true,
    });

    expect(campaigns[0].conversionRate.value).toBeNull();
    expect(campaigns[0].conversionRatePerImpression.value).toBe(0.001);
    // CPA bounds then come from the per-impression rate: 10 of 10,000.
    expect(campaigns[0].cpa.value).toBe('50.0000');
    expect(campaigns[0].cpa.interval.lower).not.toBeNull();
    expect(warnings).toEqual([
      'Campaign "spring-email" has more conversions (10) than clicks (5), so they include view-through or offline conversions and its per-click conversion rate is undefined.',
    ]);
  });
});

describe('compareChannels', () => {
  it('ranks channels and checks the lead', () => {
    const strong: CampaignRecord = {
      ...EMAIL,
      id: 'search',
      channel: 'search',
      clicks: 2000,
      conversions: 400,
      impressions: 40_000,
    };
    const { channels } = analyseCampaigns([EMAIL, strong]);

    const ranking = compareChannels(channels, 'conversionRate');

    expect(ranking.ranking.map((entry) => entry.channel)).toEqual(['search', 'email']);
    expect(ranking.clearWinner).toBe(true);
    expect(ranking.statement).toContain('search has the highest conversionRate: 0.2000');
  });

  it('ranks CPA lowest first', () => {
    const cheap: CampaignRecord = { ...EMAIL, id: 'display', channel: 'display', spend: '100.00' };
    const { channels } = analyseCampaigns([EMAIL, cheap]);

    const ranking = compareChannels(channels, 'cpa');

    expect(ranking.ranking.map((entry) => entry.channel)).toEqual(['display', 'email']);
    expect(ranking.ranking[0].value).toBe(10);
    // Equal conversion counts: the CPA intervals scale with spend, [5.73, 18.11] against [28.68,
    // 90.53].
    expect(ranking.clearWinner).toBe(true);
  });
});
