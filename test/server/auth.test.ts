import { createSchema } from '../../src/graphql/schema';
import { seedCatalogue } from '../support/fixtures';
import { Role, startHarness } from './harness';
import type { Harness } from './harness';
import { getMetadataStorage } from './typeGraphqlMetadata';

const RUN_FORECAST =
  'mutation { runForecast(productId: "1", granularity: WEEK, horizon: 2, model: { kind: NAIVE }) { horizon } }';
const CREATE_PRODUCT =
  'mutation { createProduct(input: { sku: "NEW-1", name: "New", listPrice: "1.50", currency: "GBP" }) { sku } }';

describe('authentication with keys required', () => {
  let harness: Harness;
  let reader: string;
  let analyst: string;
  let admin: string;

  beforeAll(async () => {
    harness = await startHarness({
      authMode: 'required',
      seed: (dataSource) => seedCatalogue(dataSource, { products: 2, days: 60 }),
    });
    reader = await harness.createKey(Role.READER);
    analyst = await harness.createKey(Role.ANALYST);
    admin = await harness.createKey(Role.ADMIN);
  });

  afterAll(() => harness.stop());

  it('rejects a request without a key', async () => {
    const result = await harness.gql('{ products { totalCount } }');

    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer realm="marketcast"');
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.body.errors[0].message).toBe(
      'API key missing: send it as "Authorization: Bearer <key>"; an admin creates keys with `npm run keys -- create`.',
    );
    expect(result.body.data).toBeUndefined();
  });

  it('rejects a header that is not Bearer', async () => {
    const result = await harness.gql('{ viewer { role } }', undefined, {
      headers: { authorization: `Basic ${reader}` },
    });

    expect(result.status).toBe(401);
    expect(result.body.errors[0].message).toBe(
      'Authorization header invalid: it must be "Bearer <key>" with a Marketcast API key.',
    );
  });

  it('rejects an unknown key', async () => {
    const forged = `mc_${'A'.repeat(43)}`;

    const result = await harness.gql('{ viewer { role } }', undefined, { key: forged });

    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 in the GraphQL media type when accepted', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('lets a reader query', async () => {
    const result = await harness.gql(
      '{ viewer { role apiKey { name } } products { totalCount } }',
      {},
      { key: reader },
    );

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({
      viewer: { role: 'READER', apiKey: { name: 'reader test key' } },
      products: { totalCount: 2 },
    });
  });

  it('forbids a reader to run forecasts', async () => {
    const result = await harness.gql(RUN_FORECAST, {}, { key: reader });

    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(result.body.errors[0].message).toBe(
      'runForecast needs the analyst role; the API key "reader test key" has the reader role.',
    );
    expect(result.body.data).toBeNull();
  });

  it('lets an analyst run forecasts', async () => {
    const result = await harness.gql(RUN_FORECAST, {}, { key: analyst });

    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.runForecast).toEqual({ horizon: 2 });
  });

  it('forbids an analyst to write products', async () => {
    const result = await harness.gql(CREATE_PRODUCT, {}, { key: analyst });

    expect(result.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(result.body.errors[0].message).toBe(
      'createProduct needs the admin role; the API key "analyst test key" has the analyst role.',
    );
  });

  it('forbids an analyst every admin mutation', async () => {
    const mutations = [
      'mutation { updateProduct(id: "1", input: { name: "X" }) { id } }',
      'mutation { deleteProduct(id: "1") { id } }',
      'mutation { recordSales(points: [{ sku: "SKU-001", period: "2022-01-03", units: 1, revenue: "1" }]) { inserted } }',
      'mutation { createApiKey(name: "x", role: READER) { secret } }',
      'mutation { revokeApiKey(id: "1") { id } }',
    ];

    for (const mutation of mutations) {
      const result = await harness.gql(mutation, {}, { key: analyst });
      expect(result.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(result.body.errors[0].message).toMatch(/ needs the admin role; /);
    }
  });

  it('lets an admin write products', async () => {
    const result = await harness.gql(CREATE_PRODUCT, {}, { key: admin });

    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.createProduct).toEqual({ sku: 'NEW-1' });
  });

  it('creates, lists and revokes keys over GraphQL', async () => {
    const created = await harness.gql(
      'mutation { createApiKey(name: " Partner app ", role: ANALYST) { secret apiKey { id name role prefix revokedAt } } }',
      {},
      { key: admin },
    );
    const { secret, apiKey } = created.body.data.createApiKey;
    expect(apiKey).toMatchObject({ name: 'Partner app', role: 'ANALYST', revokedAt: null });
    expect(secret).toMatch(/^mc_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const withNewKey = await harness.gql('{ viewer { role } }', {}, { key: secret });
    expect(withNewKey.body.data.viewer.role).toBe('ANALYST');

    const listed = await harness.gql('{ apiKeys { id name } }', {}, { key: admin });
    expect(listed.body.data.apiKeys).toContainEqual({ id: apiKey.id, name: 'Partner app' });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const revoked = await harness.gql(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      { key: admin },
    );
    expect(revoked.body.data.revokeApiKey.revokedAt).not.toBeNull();

    const afterRevoke = await harness.gql('{ viewer { role } }', {}, { key: secret });
    expect(afterRevoke.status).toBe(401);
  });

  it('rejects an invalid key name', async () => {
    const result = await harness.gql(
      'mutation { createApiKey(name: "   ", role: READER) { secret } }',
      {},
      { key: admin },
    );

    expect(result.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(result.body.errors[0].message).toBe(
      'name must be 1 to 100 characters after trimming; received 0.',
    );
  });

  it('reports an unknown key id to revoke', async () => {
    const result = await harness.gql(
      'mutation { revokeApiKey(id: "999") { id } }',
      {},
      { key: admin },
    );

    expect(result.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(result.body.errors[0].message).toBe(
      'No API key has id "999"; list the keys to find one.',
    );
  });

  it('stores only a hash of each secret', async () => {
    const rows: { secret_hash: string }[] = await harness.dataSource.query(
      'SELECT secret_hash FROM api_key',
    );

    for (const row of rows) {
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const dump = JSON.stringify(await harness.dataSource.query('SELECT * FROM api_key'));
    expect(dump).not.toContain(reader);
    expect(dump).not.toContain(admin);
  });

  it('never logs a secret', () => {
    const logged = JSON.stringify(harness.logs);

    expect(logged).not.toContain(reader);
    expect(logged).not.toContain(analyst);
    expect(logged).not.toContain(admin);
  });
});

describe('authentication in development mode', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ authMode: 'development' });
  });

  afterAll(() => harness.stop());

  it('lets anonymous requests act as admin', async () => {
    const result = await harness.gql('{ viewer { role apiKey { id } } }');

    expect(result.status).toBe(200);
    expect(result.body.data.viewer).toEqual({ role: 'ADMIN', apiKey: null });
  });

  it('still checks a key that is sent', async () => {
    const result = await harness.gql('{ viewer { role } }', {}, { key: `mc_${'B'.repeat(43)}` });

    expect(result.status).toBe(401);
  });

  it('applies the role of a key that is sent', async () => {
    const reader = await harness.createKey(Role.READER);

    const result = await harness.gql(CREATE_PRODUCT, {}, { key: reader });

    expect(result.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('@Authorized on mutations', () => {
  it('names a role of analyst or admin on every mutation', async () => {
    const schema = await createSchema();
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const authorized = new Map(
      getMetadataStorage().authorizedFields.map((field) => [field.fieldName, field.roles]),
    );

    for (const mutation of mutations) {
      // A mutation without a role would be open to reader keys.
      expect([mutation, authorized.get(mutation)]).toEqual([
        mutation,
        expect.arrayContaining([expect.stringMatching(/^(ANALYST|ADMIN)$/)]),
      ]);
    }
  });
});
