import { HuggingFaceProvider } from '../../src/copywriting';
import { GeneratedCopy } from '../../src/db/entities';
import { ChatServer } from '../support/chatServer';
import { seedCatalogue } from '../support/fixtures';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';

const GENERATE = /* GraphQL */ `
  mutation Generate($productId: ID!, $language: Language!, $variants: Int!, $maxLength: Int!) {
    generateCopy(
      productId: $productId
      channel: SOCIAL_POST
      tone: FRIENDLY
      language: $language
      variants: $variants
      maxLength: $maxLength
    ) {
      id
      text
      length
      maxLength
      truncated
      variant
      provider
      model
      prompt
      promptTokens
      completionTokens
      product {
        sku
      }
    }
  }
`;

describe('generateCopy with the builtin provider', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) =>
        seedCatalogue(dataSource, { products: 1, days: 200, withForecastsAndCopies: true }),
    });
  });

  afterAll(() => server.stop());

  it.each(['EN', 'ZH'])('writes and stores %s variants', async (language) => {
    const before = await server.dataSource.getRepository(GeneratedCopy).count();

    const result = await server.gql(GENERATE, {
      productId: '1',
      language,
      variants: 3,
      maxLength: 200,
    });

    expect(result.errors).toBeUndefined();
    const copies = result.data!.generateCopy;
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((copy: { text: string }) => copy.text)).size).toBe(3);
    for (const copy of copies) {
      expect(copy.provider).toBe('builtin');
      expect(copy.length).toBeLessThanOrEqual(200);
      expect(copy.product.sku).toBe('SKU-001');
    }
    expect(await server.dataSource.getRepository(GeneratedCopy).count()).toBe(before + 3);
  });

  it('rejects an unknown product', async () => {
    const result = await server.gql(GENERATE, {
      productId: '42',
      language: 'EN',
      variants: 1,
      maxLength: 100,
    });

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe('No product has id "42"; query products to find one.');
  });

  it('rejects too many variants', async () => {
    const result = await server.gql(GENERATE, {
      productId: '1',
      language: 'EN',
      variants: 99,
      maxLength: 100,
    });

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/11/);
  });
});

describe('generateCopy with a language model', () => {
  let chat: ChatServer;
  let server: TestServer;

  beforeAll(async () => {
    chat = await ChatServer.start();
    const provider = new HuggingFaceProvider({
      model: 'test-model',
      endpointUrl: chat.url,
      timeoutMs: 2000,
      retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 50 },
    });
    server = await startTestServer({
      copyProvider: provider,
      seed: (dataSource) =>
        seedCatalogue(dataSource, { products: 1, days: 200, withForecastsAndCopies: true }),
    });
  });

  afterAll(async () => {
    await server.stop();
    await chat.close();
  });

  it('sends the product data and stores the answer', async () => {
    chat.enqueue({
      content: 'Light up your evenings with Product 1.',
      usage: { prompt_tokens: 120, completion_tokens: 9 },
    });

    const result = await server.gql(GENERATE, {
      productId: '1',
      language: 'EN',
      variants: 1,
      maxLength: 100,
    });

    expect(result.errors).toBeUndefined();
    const [copy] = result.data!.generateCopy;
    expect(copy).toMatchObject({
      text: 'Light up your evenings with Product 1.',
      provider: 'huggingface',
      model: 'test-model',
      promptTokens: 120,
      completionTokens: 9,
      truncated: false,
    });
    const sent = JSON.stringify(chat.requests.at(-1)!.body.messages);
    expect(sent).toContain('Product 1');
    expect(sent).toContain('2.50');
  });

  it('retries a 503, then stores the answer', async () => {
    chat.enqueue({ status: 503, body: { error: 'loading' } }, { content: 'Second try wins.' });

    const result = await server.gql(GENERATE, {
      productId: '1',
      language: 'EN',
      variants: 1,
      maxLength: 100,
    });

    expect(result.errors).toBeUndefined();
    expect(result.data!.generateCopy[0].text).toBe('Second try wins.');
  });

  it('trims an answer over the limit at a word boundary', async () => {
    chat.enqueue({ content: 'A lantern for long winter nights and cosy summer evenings alike.' });

    const result = await server.gql(GENERATE, {
      productId: '1',
      language: 'EN',
      variants: 1,
      maxLength: 30,
    });

    const [copy] = result.data!.generateCopy;
    expect(copy.truncated).toBe(true);
    expect(copy.length).toBeLessThanOrEqual(30);
    expect(
      'A lantern for long winter nights and cosy summer evenings alike.'.startsWith(
        copy.text.replace(/…$/, ''),
      ),
    ).toBe(true);
  });

  it('reports a failing provider and stores nothing', async () => {
    chat.enqueue({ status: 500, body: { error: 'boom' } });
    const before = await server.dataSource.getRepository(GeneratedCopy).count();

    const result = await server.gql(GENERATE, {
      productId: '1',
      language: 'EN',
      variants: 1,
      maxLength: 100,
    });

    expect(result.errors![0].extensions!.code).toBe('PROVIDER_ERROR');
    expect(await server.dataSource.getRepository(GeneratedCopy).count()).toBe(before);
  });
});
