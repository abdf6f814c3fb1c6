import { seedCatalogue } from '../support/fixtures';
import { Role, startHarness } from './harness';
import type { Harness } from './harness';

describe('health checks', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ authMode: 'required' });
  });

  afterAll(() => harness.stop());

  it('answers /healthz without a key', async () => {
    const response = await fetch(`${harness.origin}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready with every migration applied', async () => {
    const response = await fetch(`${harness.origin}/readyz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'applied',
    });
  });

  it('is not ready with a migration pending', async () => {
    const [last] = await harness.dataSource.query(
      'SELECT * FROM migrations ORDER BY id DESC LIMIT 1',
    );
    await harness.dataSource.query('DELETE FROM migrations WHERE id = ?', [last.id]);
    try {
      const response = await fetch(`${harness.origin}/readyz`);

      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        database: 'ok',
        migrations: 'pending',
      });
    } finally {
      await harness.dataSource.query(
        'INSERT INTO migrations (id, timestamp, name) VALUES (?, ?, ?)',
        [last.id, last.timestamp, last.name],
      );
    }
  });
});

describe('readiness without a database', () => {
  it('reports the database unreachable', async () => {
    const harness = await startHarness();
    const { dataSource } = harness;
    try {
      await dataSource.destroy();

      const response = await fetch(`${harness.origin}/readyz`);

      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await dataSource.initialize();
      await harness.stop();
    }
  });
});

describe('/metrics', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      authMode: 'required',
      limits: { rateLimitCapacity: 300, maxQueryCost: 300, rateLimitRestoreRate: 1 },
      seed: (dataSource) => seedCatalogue(dataSource, { products: 1, days: 60 }),
    });
  });

  afterAll(() => harness.stop());

  async function scrape(): Promise<string> {
    const admin = await harness.createKey(Role.ADMIN, 'scraper');
    const response = await fetch(`${harness.origin}/metrics`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  }

  it('counts requests, errors, rate limits, forecasts and copy', async () => {
    const analyst = await harness.createKey(Role.ANALYST);
    // Each step below adds one known count to a metric checked at the end.
    await harness.gql('{ viewer { role } }');
    await harness.gql('{ products { nope } }', {}, { key: analyst });
    await harness.gql(
      'mutation { runForecast(productId: "1", granularity: WEEK, horizon: 2, model: { kind: NAIVE }) { id } }',
      {},
      { key: analyst },
    );
    await harness.gql(
      'mutation { runForecast(productId: "1", granularity: WEEK, horizon: 2, model: { kind: SEASONAL_NAIVE, seasonLength: 52 }) { id } }',
      {},
      { key: analyst },
    );
    await harness.gql(
      'mutation { generateCopy(productId: "1", channel: SMS) { text } }',
      {},
      {
        key: analyst,
      },
    );
    const reader = await harness.createKey(Role.READER, 'limited reader');
    const drain = `{ ${Array.from({ length: 150 }, (_, i) => `v${i}: viewer { role }`).join(' ')} }`;
    await harness.gql(drain, {}, { key: reader });
    await harness.gql(drain, {}, { key: reader });

    const text = await scrape();

    expect(text).toMatch(
      /marketcast_http_requests_total\{method="POST",route="\/graphql",status="401"\} 1/,
    );
    expect(text).toMatch(/marketcast_graphql_errors_total\{code="UNAUTHENTICATED"\} 1/);
    expect(text).toMatch(/marketcast_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1/);
    expect(text).toMatch(/marketcast_graphql_errors_total\{code="RATE_LIMITED"\} 1/);
    expect(text).toMatch(/marketcast_rate_limit_rejections_total\{role="reader"\} 1/);
    expect(text).toMatch(/marketcast_forecast_duration_seconds_count\{outcome="success"\} 1/);
    expect(text).toMatch(/marketcast_forecast_duration_seconds_count\{outcome="failure"\} 1/);
    expect(text).toMatch(/marketcast_forecast_failures_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(
      /marketcast_copy_generation_duration_seconds_count\{provider="builtin",outcome="success"\} 1/,
    );
    expect(text).toMatch(
      /marketcast_graphql_operation_duration_seconds_count\{operation_type="mutation",root_field="runForecast"\} 2/,
    );
    expect(text).toMatch(
      /marketcast_graphql_operation_cost_bucket\{le="500",operation_type="query"\} 2/,
    );
    expect(text).toMatch(/marketcast_process_cpu_seconds_total/);
  });

  it('needs an admin key when keys are required', async () => {
    const reader = await harness.createKey(Role.READER, 'curious reader');

    const anonymous = await fetch(`${harness.origin}/metrics`);
    const asReader = await fetch(`${harness.origin}/metrics`, {
      headers: { authorization: `Bearer ${reader}` },
    });

    expect(anonymous.status).toBe(401);
    expect(asReader.status).toBe(403);
    const body = (await asReader.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors[0].message).toBe(
      'Reading /metrics needs an ADMIN API key; this key has role READER.',
    );
    expect(body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
