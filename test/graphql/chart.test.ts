import type { DataSource } from 'typeorm';

import { GeneratedCopy } from '../../src/db/entities';
import { Role } from '../../src/graphql/apiKey/role';
import { SvgReader } from '../charts/svgReader';
import { startHarness } from '../server/harness';
import type { Harness } from '../server/harness';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';
import { seedProduct, seedTrendProduct, wobble } from './analysisFixtures';

/** Seeds the trend product (id 1), a lift product (id 2) with a campaign, and two copies. */
async function seedCharts(dataSource: DataSource): Promise<void> {
  await seedTrendProduct(dataSource);
  await seedProduct(dataSource, 'LIFT-2', 70, (t) => ({
    units: 30 + 2 * wobble(t) + (t >= 56 && t < 63 ? 20 : 0),
    priceMinor: 10_000,
  }));
  for (const text of ['Control subject', 'Challenger subject']) {
    await dataSource.getRepository(GeneratedCopy).save(
      {
        productId: 1,
        channel: 'EMAIL_SUBJECT',
        tone: 'FRIENDLY',
        language: 'en',
        text,
        maxLength: 80,
        truncated: false,
        provider: 'builtin',
        model: 'builtin-template-v1',
        prompt: 'test prompt',
        latencyMs: 1,
        status: 'approved',
      },
      { transaction: false },
    );
  }
}

describe('chart routes', () => {
  let server: TestServer;
  let origin: string;

  const fetchSvg = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { response, body: await response.text() };
  };

  beforeAll(async () => {
    server = await startTestServer({ seed: seedCharts });
    origin = server.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await server.stop();
  });

  it('serves a forecast with its history and bands', async () => {
    const run = await server.gql(`mutation {
      runForecast(productId: "1", granularity: DAY, horizon: 7, model: { kind: NAIVE }) {
        chartUrl(language: ZH, historyPeriods: 30)
      }
    }`);
    expect(run.errors).toBeUndefined();

    const { response, body } = await fetchSvg(run.data!.runForecast.chartUrl);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = new SvgReader(body);
    expect(svg.itemCount('history_points')).toBe(30);
    expect(svg.itemCount('forecast_points')).toBe(7);
    expect(svg.paths('band80')).toHaveLength(1);
    expect(svg.paths('band95')).toHaveLength(1);
    expect(svg.axisTitles()).toEqual(['时间', '销量（件）']);
  });

  it('serves a decomposition with its anomaly', async () => {
    const { data } = await server.gql(
      '{ product(id: "1") { trend(granularity: DAY) { chartUrl(language: EN) anomalies { period } } } }',
    );

    const { response, body } = await fetchSvg(data!.product.trend.chartUrl);

    expect(response.status).toBe(200);
    const svg = new SvgReader(body);
    expect(svg.itemCount('observed_points')).toBe(70);
    expect(svg.itemCount('remainder_points')).toBe(70);
    expect(svg.itemCount('anomalies')).toBe(data!.product.trend.anomalies.length);
    expect(svg.axisTitles()).toEqual(
      expect.arrayContaining(['Observed', 'Trend', 'Seasonal', 'Remainder']),
    );
  });

  it('serves a campaign lift against its counterfactual', async () => {
    await server.gql(
      `mutation Import($csv: String!) { importCampaigns(csv: $csv, productId: "2") { inserted } }`,
      {
        csv: 'name,channel,start_date,end_date,spend,impressions,clicks,conversions,attributed_revenue\nLaunch week,social,2022-02-28,2022-03-06,300.00,50000,900,60,1800.00',
      },
    );
    const { data, errors } = await server.gql(
      '{ campaign(id: "1") { lift(model: { kind: SEASONAL_NAIVE, seasonLength: 7 }, historyPeriods: 14) { chartUrl(language: EN) } } }',
    );
    expect(errors).toBeUndefined();

    const { response, body } = await fetchSvg(data!.campaign.lift.chartUrl);

    expect(response.status).toBe(200);
    const svg = new SvgReader(body);
    expect(svg.itemCount('actual_points')).toBe(7);
    expect(svg.itemCount('counterfactual_points')).toBe(7);
    expect(svg.itemCount('history_points')).toBe(14);
    expect(svg.paths('band95')).toHaveLength(1);
  });

  it('serves experiment intervals', async () => {
    const created = await server.gql(
      'mutation { createExperiment(input: { name: "Subjects", productId: "1", copyIds: ["1", "2"] }) { id chartUrl(language: ZH) } }',
    );
    await server.gql(
      `mutation { recordExperimentResults(experimentId: "${created.data!.createExperiment.id}", results: [{ copyId: "1", impressions: 100, conversions: 10 }, { copyId: "2", impressions: 0, conversions: 0 }]) { recorded } }`,
    );

    const { response, body } = await fetchSvg(created.data!.createExperiment.chartUrl);

    expect(response.status).toBe(200);
    const svg = new SvgReader(body);
    expect(svg.itemCount('intervals')).toBe(2);
    // The variant without impressions has no rate to draw.
    expect(svg.itemCount('rates')).toBe(1);
    expect(svg.axisTitles()).toEqual(['转化率', '版本']);
  });

  it('answers unknown ids with 404', async () => {
    const { response, body } = await fetchSvg('/charts/forecasts/999.svg');

    expect(response.status).toBe(404);
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: 'Forecast 999 was not found.', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('answers invalid parameters with 400', async () => {
    const { response, body } = await fetchSvg('/charts/products/1/decomposition.svg?language=fr');

    expect(response.status).toBe(400);
    expect(JSON.parse(body).errors[0].message).toBe(
      'language must be one of en, zh; received "fr".',
    );
  });
});

describe('chart authentication', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ authMode: 'required', seed: seedTrendProduct });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('requires the API key the API requires', async () => {
    const path = `${harness.origin}/charts/products/1/decomposition.svg?granularity=day`;

    const anonymous = await fetch(path);
    const key = await harness.createKey(Role.READER);
    const withKey = await fetch(path, { headers: { authorization: `Bearer ${key}` } });
    const wrongKey = await fetch(path, { headers: { authorization: 'Bearer mk_wrong' } });

    expect(anonymous.status).toBe(401);
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(wrongKey.status).toBe(401);
  });
});
