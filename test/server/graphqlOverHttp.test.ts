import { createHash } from 'node:crypto';

import { serverAudits } from 'graphql-http';

import { seedCatalogue } from '../support/fixtures';
import { Role, readResult, startHarness } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let key: string;

beforeAll(async () => {
  harness = await startHarness({
    authMode: 'required',
    seed: (dataSource) => seedCatalogue(dataSource, { products: 2, days: 10 }),
  });
  key = await harness.createKey(Role.ADMIN, 'audit key');
});

afterAll(() => harness.stop());

/** Sends every audit request with the key, as a partner app would. */
const authorizedFetch: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  return fetch(input, { ...init, headers });
};

/** Sends a GET with the CSRF-prevention header that Apollo requires of GET requests. */
async function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  const url = `${harness.url}?${new URLSearchParams(params)}`;
  return readResult(
    await fetch(url, {
      headers: { authorization: `Bearer ${key}`, 'apollo-require-preflight': 'true', ...headers },
    }),
  );
}

describe('GraphQL over HTTP audit', () => {
  const audits = serverAudits({ url: () => harness.url, fetchFn: authorizedFetch });
  const musts = audits.filter((audit) => audit.name.startsWith('MUST'));

  it('has MUST audits to run', () => {
    expect(musts.length).toBeGreaterThan(10);
  });

  it.each(musts.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();

    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });
});

describe('GET requests', () => {
  it('run queries', async () => {
    const result = await get({ query: '{ products { totalCount } }' });

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ products: { totalCount: 2 } });
  });

  it('reject mutations with 405', async () => {
    const result = await get({ query: 'mutation { deleteProduct(id: "1") { id } }' });

    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('POST');
    expect(result.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('are blocked without a CSRF-prevention header', async () => {
    const response = await fetch(
      `${harness.url}?${new URLSearchParams({ query: '{ viewer { role } }' })}`,
      { headers: { authorization: `Bearer ${key}` } },
    );

    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('CSRF prevention', () => {
  it('blocks a text/plain POST', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'mutation { deleteProduct(id: "2") { id } }' }),
    });

    expect(response.status).toBe(400);
    const check = await harness.gql('{ product(id: "2") { id } }', {}, { key });
    expect(check.body.data.product).toEqual({ id: '2' });
  });
});

describe('request ids', () => {
  it('echoes a valid client id', async () => {
    const result = await harness.gql(
      '{ viewer { role } }',
      {},
      {
        key,
        headers: { 'x-request-id': 'partner-req-42' },
      },
    );

    expect(result.headers.get('x-request-id')).toBe('partner-req-42');
    const logged = harness.logs.find(
      (line) => line.msg === 'graphql request' && line.requestId === 'partner-req-42',
    );
    expect(logged).toBeDefined();
  });

  it('replaces an unsafe client id', async () => {
    const result = await harness.gql(
      '{ viewer { role } }',
      {},
      {
        key,
        headers: { 'x-request-id': 'bad id\twith spaces' },
      },
    );

    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('comes with rejected requests too', async () => {
    const result = await harness.gql('{ viewer { role } }');

    expect(result.status).toBe(401);
    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('error responses', () => {
  it('carry extensions.code on every error', async () => {
    const requests = [
      () => harness.gql('{ products { nope } }', {}, { key }),
      () => harness.gql('{ products(', {}, { key }),
      () =>
        harness.gql('query($n: Int!) { products(first: $n) { totalCount } }', { n: 'x' }, { key }),
      () => harness.gql('{ product(id: "1", sku: "x") { id } }', {}, { key }),
      () => harness.post({ variables: {} }, { key }),
      () => harness.gql('{ viewer { role } }'),
    ];

    for (const request of requests) {
      const result = await request();
      expect(result.body.errors.length).toBeGreaterThan(0);
      for (const error of result.body.errors) {
        expect([error.message, typeof error.extensions?.code]).toEqual([error.message, 'string']);
        expect(error.extensions.stacktrace).toBeUndefined();
      }
    }
  });

  it('hide SQL and stack traces of unexpected errors', async () => {
    await harness.dataSource.query('ALTER TABLE sales_observation RENAME TO sales_hidden');
    try {
      const result = await harness.gql(
        '{ product(id: "1") { sales(granularity: DAY) { units } } }',
        {},
        { key, headers: { 'x-request-id': 'broken-sales' } },
      );

      const [error] = result.body.errors;
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(error.message).toBe(
        'Internal server error; the server log has the details under this request id.',
      );
      expect(JSON.stringify(result.body)).not.toMatch(/SQLITE|sales_observation|SELECT|at /);
      const logged = harness.logs.find((line) => line.msg === 'unexpected error in resolver');
      expect(JSON.stringify(logged)).toMatch(/no such table: sales_observation/);
      expect(logged?.requestId).toBe('broken-sales');
    } finally {
      await harness.dataSource.query('ALTER TABLE sales_hidden RENAME TO sales_observation');
    }
  });
});

describe('automatic persisted queries', () => {
  const query = '{ products(first: 2) { edges { node { sku } } } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };

  it('asks for the document of an unknown hash', async () => {
    const result = await harness.post({ extensions }, { key });

    expect(result.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('registers a document and runs it by hash', async () => {
    const registered = await harness.post({ query, extensions }, { key });
    const byHash = await harness.post({ extensions }, { key });

    expect(registered.body.data.products.edges).toHaveLength(2);
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);
    expect(byHash.body.extensions.cost.requestedQueryCost).toBe(6);
  });

  it('runs a registered hash over GET', async () => {
    await harness.post({ query, extensions }, { key });

    const result = await get({ extensions: JSON.stringify(extensions) });

    expect(result.status).toBe(200);
    expect(result.body.data.products.edges[0].node.sku).toBe('SKU-001');
  });

  it('rejects a hash that does not match', async () => {
    const wrong = { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } };

    const result = await harness.post({ query, extensions: wrong }, { key });

    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(result.body.errors[0].message).toBe('provided sha does not match query');
  });

  it('still requires a key', async () => {
    const result = await harness.post({ extensions });

    expect(result.status).toBe(401);
  });
});
