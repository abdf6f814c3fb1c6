import * as fs from 'node:fs';
import * as path from 'node:path';

import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';
import { seedProduct, wobble } from './analysisFixtures';

const CAMPAIGNS_CSV = [
  'name,channel,start_date,end_date,spend,impressions,clicks,conversions,attributed_revenue',
  'Spring email,email,2022-03-01,2022-03-07,500.00,10000,100,10,2000.00',
  'Summer email,email,2022-06-01,2022-06-07,0.0001,10000,50,5,0.0003',
  'Brand search,search,2022-03-01,2022-03-07,500.00,40000,2000,400,12000.00',
].join('\n');

const IMPORT = /* GraphQL */ `
  mutation Import($csv: String!, $format: CampaignFileFormat, $productId: ID, $dryRun: Boolean) {
    importCampaigns(csv: $csv, format: $format, productId: $productId, dryRun: $dryRun) {
      format
      campaigns
      inserted
      updated
      channels
      dryRun
    }
  }
`;

const KPI_FIELDS = /* GraphQL */ `
  key
  channel
  campaigns
  spend { amount currency }
  revenue { amount }
  clicks
  ctr { value interval { lower upper } }
  conversionRate { value interval { lower upper } }
  conversionRatePerImpression { value }
  cpa { value { amount } interval { lower { amount } upper { amount } } }
  roas { value interval { lower upper } }
`;

describe('campaign import and KPIs', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('checks a file without writing on a dry run', async () => {
    const { data, errors } = await server.gql(IMPORT, { csv: CAMPAIGNS_CSV, dryRun: true });

    expect(errors).toBeUndefined();
    expect(data!.importCampaigns).toEqual({
      format: 'CAMPAIGNS',
      campaigns: 3,
      inserted: 0,
      updated: 0,
      channels: ['email', 'search'],
      dryRun: true,
    });
    expect((await server.gql('{ campaigns { totalCount } }')).data!.campaigns.totalCount).toBe(0);
  });

  it('rejects a malformed file with line numbers', async () => {
    const csv = `${CAMPAIGNS_CSV}\nBad,email,2022-04-01,2022-03-01,1.00,10,20,1,1.00\nWorse,telepathy,2022-04-01,2022-04-02,,,,,`;

    const { errors } = await server.gql(IMPORT, { csv });

    expect(errors![0].extensions!.code).toBe('IMPORT_FAILED');
    expect(errors![0].message).toContain('campaigns.csv line 5 (end_date)');
    expect(errors![0].message).toContain(
      'campaigns.csv line 5 (clicks): clicks 20 exceed impressions 10.',
    );
    expect(errors![0].message).toContain('campaigns.csv line 6 (channel)');
    expect((await server.gql('{ campaigns { totalCount } }')).data!.campaigns.totalCount).toBe(0);
  });

  it('imports and replaces campaigns by name, channel and start', async () => {
    const first = await server.gql(IMPORT, { csv: CAMPAIGNS_CSV });
    const again = await server.gql(IMPORT, { csv: CAMPAIGNS_CSV });

    expect(first.data!.importCampaigns.inserted).toBe(3);
    expect(again.data!.importCampaigns).toMatchObject({ inserted: 0, updated: 3 });
    const list = await server.gql(
      '{ campaigns(first: 2) { totalCount edges { node { name startDate spend { amount } } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(list.data!.campaigns.totalCount).toBe(3);
    expect(
      list.data!.campaigns.edges.map((edge: { node: { name: string } }) => edge.node.name),
    ).toEqual(['Spring email', 'Brand search']);
    const next = await server.gql(
      `{ campaigns(first: 2, after: "${list.data!.campaigns.pageInfo.endCursor}") { edges { node { name } } pageInfo { hasNextPage } } }`,
    );
    expect(next.data!.campaigns.edges[0].node.name).toBe('Summer email');
    expect(next.data!.campaigns.pageInfo.hasNextPage).toBe(false);
  });

  it('gives a campaign its KPIs with intervals', async () => {
    const { data, errors } = await server.gql(
      `{ campaign(id: "1") { name kpis { ${KPI_FIELDS} } } }`,
    );

    expect(errors).toBeUndefined();
    const kpis = data!.campaign.kpis;
    expect(kpis.ctr.value).toBe(0.01);
    expect(kpis.conversionRate.value).toBe(0.1);
    // Wilson 95% interval of 10 of 100: statsmodels proportion_confint gives 0.055229 to 0.174366.
    expect(kpis.conversionRate.interval.lower).toBeCloseTo(0.055229, 6);
    expect(kpis.conversionRate.interval.upper).toBeCloseTo(0.174366, 6);
    expect(kpis.cpa.value.amount).toBe('50.00');
    // 500 / (100 * 0.174366) = 28.6754 and 500 / (100 * 0.055229) = 90.5319.
    expect(kpis.cpa.interval.lower.amount).toBe('28.6754');
    expect(kpis.cpa.interval.upper.amount).toBe('90.5319');
    // ROAS 4 with factor exp(1.96 sqrt(2 / 10)) = 2.40255.
    expect(kpis.roas.value).toBe(4);
    expect(kpis.roas.interval.lower).toBeCloseTo(1.664911, 5);
    expect(kpis.roas.interval.upper).toBeCloseTo(9.610122, 5);
  });

  it('pools channels and ranks them', async () => {
    const { data, errors } = await server.gql(`{
      campaignAnalysis {
        campaignCount currency
        channels { ${KPI_FIELDS} }
        channelRanking(metric: CONVERSION_RATE) { metric clearWinner ranking { channel value } statement }
        warnings
      }
    }`);

    expect(errors).toBeUndefined();
    const analysis = data!.campaignAnalysis;
    expect(analysis.campaignCount).toBe(3);
    expect(analysis.currency).toBe('GBP');
    const email = analysis.channels[0];
    expect(email.channel).toBe('email');
    expect(email.campaigns).toBe(2);
    expect(email.spend.amount).toBe('500.0001');
    expect(email.revenue.amount).toBe('2000.0003');
    expect(email.clicks).toBe(150);
    // 15 conversions of 150 clicks.
    expect(email.conversionRate.value).toBeCloseTo(0.1, 12);
    const ranking = analysis.channelRanking;
    expect(ranking.ranking.map((entry: { channel: string }) => entry.channel)).toEqual([
      'search',
      'email',
    ]);
    expect(ranking.ranking[0].value).toBeCloseTo(0.2, 12);
    expect(ranking.clearWinner).toBe(true);
    expect(ranking.statement).toContain('search has the highest conversionRate: 0.2000');
  });
});

describe('the Bank Marketing sample', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('imports the shipped file as phone campaigns', async () => {
    const csv = fs.readFileSync(
      path.join(__dirname, '../../data/sample/marketing_campaigns/bank_marketing.csv'),
      'utf8',
    );

    const { data, errors } = await server.gql(IMPORT, { csv, format: 'BANK_MARKETING' });

    expect(errors).toBeUndefined();
    expect(data!.importCampaigns.channels).toEqual(['phone']);
    const analysis = await server.gql(`{
      campaignAnalysis {
        campaignCount
        channels { impressions conversions conversionRatePerImpression { value } ctr { value } roas { value } }
        timing(by: MONTH, metric: CONVERSION_RATE_PER_IMPRESSION) { best { name } groups { name count } statement }
        warnings
      }
    }`);
    expect(analysis.errors).toBeUndefined();
    const [phone] = analysis.data!.campaignAnalysis.channels;
    // 7,838 clients called, 712 of them subscribed (awk over the file's last column).
    expect(phone.impressions).toBe(7838);
    expect(phone.conversions).toBe(712);
    expect(phone.conversionRatePerImpression.value).toBeCloseTo(712 / 7838, 12);
    expect(phone.ctr.value).toBeNull();
    expect(phone.roas.value).toBeNull();
    expect(analysis.data!.campaignAnalysis.campaignCount).toBe(data!.importCampaigns.campaigns);
    expect(analysis.data!.campaignAnalysis.warnings).toContain(
      `${data!.importCampaigns.campaigns} of ${data!.importCampaigns.campaigns} campaigns have no recorded clicks, so the KPIs that need it are computed over the other campaigns only.`,
    );
    expect(analysis.data!.campaignAnalysis.timing.statement).toMatch(
      /^\w+ has the highest mean conversionRatePerImpression per campaign by start month/,
    );
  });
});

/** Daily units of the lift product: a weekly pattern plus a wobble, and +20 in the campaign week. */
function liftUnits(t: number): number {
  const campaign = t >= 56 && t < 63 ? 20 : 0;
  return 30 + [8, 0, -2, -2, -2, -1, -1][t % 7] + 2 * wobble(t) + campaign;
}

describe('Campaign.lift', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) =>
        seedProduct(dataSource, 'LIFT-1', 70, (t) => ({ units: liftUnits(t), priceMinor: 10_000 })),
    });
    const csv = [
      'name,channel,start_date,end_date,spend,impressions,clicks,conversions,attributed_revenue',
      'Launch week,social,2022-02-28,2022-03-06,300.00,50000,900,60,1800.00',
    ].join('\n');
    await server.gql(IMPORT, { csv, productId: '1' });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('measures lift against a seasonal naive counterfactual', async () => {
    const { data, errors } = await server.gql(`{
      campaign(id: "1") {
        product { sku }
        lift(granularity: DAY, model: { kind: SEASONAL_NAIVE, seasonLength: 7 }) {
          modelKind training { from to points }
          periods { period actual counterfactual lower95 upper95 }
          actualTotal counterfactualTotal lift liftInterval { level lower upper } pValue statement
          chartUrl(language: ZH)
        }
      }
    }`);

    expect(errors).toBeUndefined();
    const lift = data!.campaign.lift;
    expect(data!.campaign.product.sku).toBe('LIFT-1');
    expect(lift.modelKind).toBe('SEASONAL_NAIVE');
    expect(lift.training).toEqual({ from: '2022-01-03', to: '2022-02-27', points: 56 });
    expect(lift.periods).toHaveLength(7);
    // Seasonal naive repeats the last training week, days 49 to 55.
    const lastWeek = [49, 50, 51, 52, 53, 54, 55].map(liftUnits);
    expect(lift.periods.map((period: { counterfactual: number }) => period.counterfactual)).toEqual(
      lastWeek,
    );
    const actual = [56, 57, 58, 59, 60, 61, 62].map(liftUnits);
    expect(lift.actualTotal).toBe(actual.reduce((total, units) => total + units, 0));
    expect(lift.counterfactualTotal).toBe(lastWeek.reduce((total, units) => total + units, 0));
    expect(lift.lift).toBe(lift.actualTotal - lift.counterfactualTotal);
    expect(lift.liftInterval.lower).toBeLessThan(lift.lift);
    expect(lift.liftInterval.upper).toBeGreaterThan(lift.lift);
    expect(lift.chartUrl).toBe(
      '/charts/campaigns/1/lift.svg?granularity=day&model=SEASONAL_NAIVE&level=95&errorCorrelation=independent&historyPeriods=28&language=zh',
    );
  });

  it('asks for a product link before measuring lift', async () => {
    await server.gql('mutation { setCampaignProduct(campaignId: "1", productId: null) { id } }');

    const { errors } = await server.gql('{ campaign(id: "1") { lift { lift } } }');

    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toBe(
      'Campaign 1 ("Launch week") promotes no product; link one with setCampaignProduct to measure lift.',
    );
    await server.gql('mutation { setCampaignProduct(campaignId: "1", productId: "1") { id } }');
  });
});
