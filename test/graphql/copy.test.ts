import { countGoogleAdsLength, HuggingFaceProvider } from '../../src/copywriting';
import { GeneratedCopy, Review } from '../../src/db/entities';
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
      prompts
      providerCalls
      status
      fields {
        name
        index
        text
        length
        limit
        unit
        truncated
        shortenRounds
      }
      violations {
        rule
        severity
        text
        field
      }
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
    const result = await server.gql(
      `mutation { generateCopy(productId: "1", channel: SMS, variants: 11) { id } }`,
    );

    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe(
      'Invalid variants 11, expected a whole number from 1 to 10.',
    );
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

  it('cuts an answer still too long after shortening', async () => {
    const long = 'A lantern for long winter nights and cosy summer evenings alike.';
    chat.enqueue({ content: long }, { content: long }, { content: long });

    const result = await server.gql(GENERATE, {
      productId: '1',
      language: 'EN',
      variants: 1,
      maxLength: 30,
    });

    const [copy] = result.data!.generateCopy;
    expect(copy.truncated).toBe(true);
    expect(copy.length).toBeLessThanOrEqual(30);
    expect(copy.fields[0]).toMatchObject({ name: 'post', shortenRounds: 2, truncated: true });
    expect(copy.providerCalls).toBe(3);
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

describe('channels query', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(() => server.stop());

  it('lists every preset with limits and counting', async () => {
    // NOTE: the cost rules price unknown lists at 10 items, so the subfields are split in two.
    const result = await server.gql(`{
      channels { channel fields { name defaultCount minCount maxCount limit unit } }
    }`);
    const counting = await server.gql(`{
      channels { fields { counting enforcedByPlatform gsm7Capacity ucs2Capacity } }
    }`);

    expect(result.errors).toBeUndefined();
    const channels = result.data!.channels as {
      channel: string;
      fields: Record<string, unknown>[];
    }[];
    expect(channels.map((preset) => preset.channel)).toEqual([
      'SEARCH_AD',
      'SOCIAL_POST',
      'EMAIL_SUBJECT',
      'EMAIL',
      'PRODUCT_PAGE',
      'SMS',
    ]);
    const searchAd = channels.find((preset) => preset.channel === 'SEARCH_AD')!;
    expect(searchAd.fields).toEqual([
      expect.objectContaining({
        name: 'headline',
        limit: 30,
        unit: 'GOOGLE_ADS',
        minCount: 3,
        maxCount: 15,
      }),
      expect.objectContaining({ name: 'description', limit: 90, unit: 'GOOGLE_ADS', maxCount: 4 }),
    ]);
    const sms = channels.find((preset) => preset.channel === 'SMS')!.fields[0];
    expect(sms).toMatchObject({ limit: 1, unit: 'SMS' });
    const rules = counting.data!.channels as { fields: Record<string, unknown>[] }[];
    expect(rules[0].fields[0].counting).toMatch(/CJK.*count(s)? two/);
    expect(rules[0].fields[0].enforcedByPlatform).toBe(true);
    expect(rules[5].fields[0]).toMatchObject({ gsm7Capacity: 160, ucs2Capacity: 70 });
    expect(rules[3].fields[0]).toMatchObject({ enforcedByPlatform: false, gsm7Capacity: null });
    const subject = channels.find((preset) => preset.channel === 'EMAIL_SUBJECT')!;
    expect(subject.fields.map((field) => [field.name, field.limit])).toEqual([
      ['subject', 60],
      ['preheader', 100],
    ]);
  });
});

describe('generateCopy per-field output', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) => seedCatalogue(dataSource, { products: 1, days: 200 }),
    });
  });

  afterAll(() => server.stop());

  it.each(['EN', 'ZH'])('writes %s search ad fields within Google Ads limits', async (language) => {
    const result = await server.gql(
      `mutation($language: Language!) {
        generateCopy(productId: "1", channel: SEARCH_AD, language: $language,
          fieldCounts: [{ field: "headline", count: 5 }]) {
          text status fields { name index text length limit unit truncated }
        }
      }`,
      { language },
    );

    expect(result.errors).toBeUndefined();
    const [copy] = result.data!.generateCopy;
    expect(copy.status).toBe('DRAFT');
    const headlines = copy.fields.filter((field: { name: string }) => field.name === 'headline');
    const descriptions = copy.fields.filter(
      (field: { name: string }) => field.name === 'description',
    );
    expect(headlines.map((field: { index: number }) => field.index)).toEqual([0, 1, 2, 3, 4]);
    expect(descriptions).toHaveLength(2);
    for (const field of copy.fields) {
      expect(field.unit).toBe('GOOGLE_ADS');
      expect(field.length).toBe(countGoogleAdsLength(field.text));
      expect(field.length).toBeLessThanOrEqual(field.limit);
    }
    expect(headlines[0].limit).toBe(30);
    expect(descriptions[0].limit).toBe(90);
    expect(copy.text).toBe(copy.fields.map((field: { text: string }) => field.text).join('\n'));
  });

  it('counts an SMS in segments', async () => {
    const result = await server.gql(`mutation {
      generateCopy(productId: "1", channel: SMS, language: ZH) {
        fields { name length limit unit encoding segments }
      }
    }`);

    const [field] = result.data!.generateCopy[0].fields;
    expect(field).toMatchObject({ name: 'message', unit: 'SMS', encoding: 'UCS-2', segments: 1 });
    expect(field.limit).toBe(70);
    expect(field.length).toBeLessThanOrEqual(70);
  });

  it('rejects a field count outside the preset', async () => {
    const result = await server.gql(`mutation {
      generateCopy(productId: "1", channel: SEARCH_AD, fieldCounts: [{ field: "headline", count: 16 }]) { id }
    }`);

    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fieldCounts.headline',
    });
    expect(result.errors![0].message).toBe(
      'Invalid count 16 for field "headline" of channel SEARCH_AD, expected a whole number from 3 to 15.',
    );
  });
});

describe('explainForecast', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) =>
        seedCatalogue(dataSource, { products: 1, days: 400, withForecastsAndCopies: true }),
    });
  });

  afterAll(() => server.stop());

  it.each([
    ['EN', /^This forecast was made by ARIMA\(1,1,0\)/],
    ['ZH', /^该预测由ARIMA\(1,1,0\)模型/],
  ])('explains a stored forecast in %s', async (language, opening) => {
    const result = await server.gql(
      `query($language: Language!) {
        explainForecast(forecastId: "1", language: $language) {
          forecastId language text sentences changePercent intervalHalfWidthPercent
        }
      }`,
      { language },
    );

    expect(result.errors).toBeUndefined();
    const explanation = result.data!.explainForecast;
    expect(explanation.text).toMatch(opening);
    expect(explanation.sentences.length).toBeGreaterThanOrEqual(4);
    // Points 101-103 with 95% bounds 80 and 121-123: half-widths 20.30%, 20.59%, 20.87%.
    expect(explanation.intervalHalfWidthPercent).toBe(20.6);
  });

  it('reports an unknown forecast', async () => {
    const result = await server.gql(`{ explainForecast(forecastId: "99") { text } }`);

    expect(result.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(result.errors![0].message).toBe(
      "Forecast 99 was not found; query a product's forecasts to find one.",
    );
  });
});

describe('generateCopy brief from the data', () => {
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
      seed: async (dataSource) => {
        await seedCatalogue(dataSource, { products: 2, days: 800, withForecastsAndCopies: true });
        await dataSource.getRepository(Review).insert(
          [5, 4, 1].map((rating, index) => ({
            productId: 1,
            rating,
            text: `Review ${index}`,
            language: 'en',
            reviewDate: '2024-01-0' + (index + 1),
            sourceId: `r-${index}`,
            sentimentLabel: rating >= 4 ? 'positive' : 'negative',
            sentimentScore: rating >= 4 ? 0.8 : -0.7,
            sentimentProvider: 'builtin',
            sentimentModel: 'lexicon',
          })),
        );
      },
    });
  });

  afterAll(async () => {
    await server.stop();
    await chat.close();
  });

  async function promptFor(productId: string, audience?: object): Promise<string> {
    chat.enqueue({ content: 'A warm light for the evening.' });
    const result = await server.gql(
      `mutation($productId: ID!, $audience: AudienceInput) {
        generateCopy(productId: $productId, channel: SOCIAL_POST, audience: $audience) {
          id audience { customerType country description }
        }
      }`,
      { productId, audience },
    );
    expect(result.errors).toBeUndefined();
    return chat.requests.at(-1)!.body.messages![1].content;
  }

  it('states price, trend, seasonality, forecast and reviews', async () => {
    const prompt = await promptFor('1');

    expect(prompt).toContain('Price: £2.50.');
    // 800 days from 2022-01-03 end on 2024-03-12, so March 2024 is incomplete and left out.
    expect(prompt).toMatch(/Sales are steady: [\d,]+ units in the last 3 months/);
    expect(prompt).toMatch(
      /The sales trend line over the last 24 months is flat \(\+\d+%\), seasonally adjusted\./,
    );
    // Daily units repeat weekly, so monthly totals follow the days in a month: 28-day February is lowest.
    expect(prompt).toMatch(
      /Seasonality is strong \(strength 0\.\d\d over 2 years\): sales are highest in \w+ and lowest in February\./,
    );
    expect(prompt).toContain('Forecast (ARIMA): demand peaks in March 2023 at about 103 units');
    expect(prompt).toContain('Reviews: 3 reviews, 33% negative, average rating 3.3 of 5.');
    expect(prompt).toContain('Promise nothing that these reviews contradict.');
  });

  it('leaves out reviews for a product without them', async () => {
    const prompt = await promptFor('2');

    expect(prompt).not.toContain('Reviews:');
  });

  it('writes for an audience segment', async () => {
    const prompt = await promptFor('2', {
      customerType: 'RETURNING',
      country: 'DE',
      description: 'gift buyers',
    });

    expect(prompt).toContain(
      'Audience: returning customers, in the country with ISO code DE, described as {"segment":"gift buyers"}.',
    );
  });
});
