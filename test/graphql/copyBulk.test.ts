import pino from 'pino';

import { createCopyProvider, HuggingFaceProvider } from '../../src/copywriting';
import type { CopyCompletion, CopyProvider, CopyRequest } from '../../src/copywriting';
import { openDatabase } from '../../src/db/dataSource';
import { BULK_PROVIDER_CONCURRENCY } from '../../src/graphql/copy/copyBulkJob';
import { createServices } from '../../src/graphql/services';
import { ForecastPool } from '../../src/forecasting';
import { startHttpServer } from '../../src/server/app';
import { ChatServer } from '../support/chatServer';
import { seedCatalogue } from '../support/fixtures';
import { createTestDatabase } from '../support/testDatabase';
import { startTestServer } from '../support/testServer';
import type { GraphQLResponse, TestServer } from '../support/testServer';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: GenerateCopyBulkInput!) {
    generateCopyBulk(input: $input) {
      id
      kind
      status
      total
    }
  }
`;

const JOB = /* GraphQL */ `
  query Job($id: ID!) {
    job(id: $id) {
      status
      total
      succeeded
      failed
      progress
      results {
        key
        ok
        resultId
        code
        message
      }
    }
  }
`;

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

/** Polls job(id) until it leaves the queued and running states. */
async function waitForJob(gql: Gql, id: string): Promise<Record<string, any>> {
  for (;;) {
    const result = await gql(JOB, { id });
    const job = result.data!.job;
    if (job.status !== 'QUEUED' && job.status !== 'RUNNING') {
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('generateCopyBulk with the builtin provider', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 3, days: 60 }),
    });
  });

  afterAll(() => server.stop());

  it('writes N variants for M products', async () => {
    const submitted = await server.gql(SUBMIT, {
      input: { productIds: ['1', '2', '3'], channel: 'SEARCH_AD', variants: 2, language: 'ZH' },
    });

    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.generateCopyBulk).toMatchObject({ kind: 'generateCopyBulk', total: 6 });
    const job = await waitForJob(server.gql, submitted.data!.generateCopyBulk.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', succeeded: 6, failed: 0, progress: 100 });
    expect(job.results.map((result: { key: string }) => result.key).sort()).toEqual([
      '1:0',
      '1:1',
      '2:0',
      '2:1',
      '3:0',
      '3:1',
    ]);

    const copies = await server.gql(
      `query($jobId: ID!) { generatedCopies(jobId: $jobId) { totalCount edges { node { id variant status batchId fields { name } product { sku } } } } }`,
      { jobId: submitted.data!.generateCopyBulk.id },
    );
    const nodes = copies.data!.generatedCopies.edges.map((edge: { node: any }) => edge.node);
    expect(copies.data!.generatedCopies.totalCount).toBe(6);
    expect(nodes.map((node: { id: string }) => node.id).sort()).toEqual(
      job.results.map((result: { resultId: string }) => result.resultId).sort(),
    );
    expect(new Set(nodes.map((node: { batchId: string }) => node.batchId)).size).toBe(1);
    for (const node of nodes) {
      expect(node.status).toBe('DRAFT');
      expect(node.fields).toHaveLength(5);
    }
  });

  it('rejects an unknown product before queueing', async () => {
    const result = await server.gql(SUBMIT, {
      input: { productIds: ['1', '77'], channel: 'SMS' },
    });

    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.productIds',
    });
    expect(result.errors![0].message).toBe('No product has id "77"; query products to find them.');
  });

  it('rejects more products than allowed', async () => {
    const productIds = Array.from({ length: 201 }, (_unused, index) => String(index + 1));

    const result = await server.gql(SUBMIT, { input: { productIds, channel: 'SMS' } });

    expect(result.errors![0].message).toBe(
      'Invalid productIds with 201 entries, expected 1 to 200 products.',
    );
  });

  it('reports another kind of job to generatedCopies', async () => {
    const result = await server.gql(`{ generatedCopies(jobId: "9999") { totalCount } }`);

    expect(result.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('generateCopyBulk with a failing language model', () => {
  let chat: ChatServer;
  let server: TestServer;

  beforeAll(async () => {
    chat = await ChatServer.start();
    server = await startTestServer({
      copyProvider: new HuggingFaceProvider({
        model: 'test-model',
        endpointUrl: chat.url,
        timeoutMs: 2000,
        retry: { maxAttempts: 1 },
      }),
      seed: (dataSource) => seedCatalogue(dataSource, { products: 3, days: 60 }),
    });
  });

  afterAll(async () => {
    await server.stop();
    await chat.close();
  });

  it('records a failed copy and goes on', async () => {
    // The test server runs one item at a time, so replies arrive in item order.
    chat.enqueue(
      { content: 'Light for every room.', usage: { prompt_tokens: 100, completion_tokens: 5 } },
      { status: 500, body: { error: 'model crashed' } },
      { content: 'A glow worth sharing.', usage: { prompt_tokens: 100, completion_tokens: 5 } },
    );

    const submitted = await server.gql(SUBMIT, {
      input: { productIds: ['1', '2', '3'], channel: 'SOCIAL_POST' },
    });
    const job = await waitForJob(server.gql, submitted.data!.generateCopyBulk.id);

    expect(job).toMatchObject({ status: 'PARTIAL', total: 3, succeeded: 2, failed: 1 });
    const failed = job.results.find((result: { ok: boolean }) => !result.ok);
    expect(failed).toMatchObject({ key: '2:0', code: 'PROVIDER_ERROR', resultId: null });
    const stored = await server.gql(
      `query($id: ID!) { copy(id: $id) { promptTokens completionTokens provider model latencyMs } }`,
      { id: job.results[0].resultId },
    );
    expect(stored.data!.copy).toMatchObject({
      promptTokens: 100,
      completionTokens: 5,
      provider: 'huggingface',
      model: 'test-model',
    });
  });
});

/** A provider that records how many calls are in flight at once. */
class CountingProvider implements CopyProvider {
  readonly name = 'builtin';
  readonly model = 'builtin-template-v1';
  inFlight = 0;
  maxInFlight = 0;
  private readonly inner = createCopyProvider();

  async generate(request: CopyRequest): Promise<CopyCompletion> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return await this.inner.generate(request);
    } finally {
      this.inFlight -= 1;
    }
  }
}

describe('generateCopyBulk concurrency', () => {
  it('bounds provider calls in flight', async () => {
    const database = await createTestDatabase();
    const { dataSource } = await openDatabase(database.location);
    await seedCatalogue(dataSource, { products: 6, days: 30 });
    const provider = new CountingProvider();
    const forecasts = new ForecastPool({ maxThreads: 1 });
    const services = createServices(
      { dataSource, forecasts, copyProvider: provider, logger: pino({ level: 'silent' }) },
      { jobConcurrency: 8 },
    );
    const http = await startHttpServer(services, { host: '127.0.0.1', port: 0 });
    const gql: Gql = async (query, variables) => {
      const response = await fetch(`http://127.0.0.1:${http.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    };

    try {
      const submitted = await gql(SUBMIT, {
        input: {
          productIds: ['1', '2', '3', '4', '5', '6'],
          channel: 'SOCIAL_POST',
          variants: 2,
        },
      });
      const job = await waitForJob(gql, submitted.data!.generateCopyBulk.id);

      expect(job).toMatchObject({ status: 'SUCCEEDED', succeeded: 12 });
      expect(provider.maxInFlight).toBeLessThanOrEqual(BULK_PROVIDER_CONCURRENCY);
      expect(provider.maxInFlight).toBeGreaterThan(1);
    } finally {
      await http.stop();
      await services.jobs.close(5000);
      await forecasts.destroy();
      await dataSource.destroy();
      await database.drop();
    }
  });
});
