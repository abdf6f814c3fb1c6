import { loadReviewSummary } from '../../src/db/queries/reviews';
import { HuggingFaceSentimentClassifier } from '../../src/sentiment';
import { TextClassificationServer } from '../sentiment/textClassificationServer';
import { startTestServer } from '../support/testServer';
import type { TestServer } from '../support/testServer';
import { seedProduct } from './analysisFixtures';

const REVIEWS_CSV = [
  'sku,rating,text,language,date,review_id',
  'REV-1,5,"Love it, great quality",en,2022-01-05,r1',
  'REV-1,1,"Terrible, it broke after a day",en,2022-01-20,r2',
  'REV-1,4,质量很好，很喜欢,zh,2022-02-03,r3',
  'REV-1,2,太差了，很失望,zh,,r4',
  'REV-1,3,,en,2022-02-10,r5',
].join('\n');

const IMPORT = /* GraphQL */ `
  mutation Import($csv: String!, $format: ReviewFileFormat, $create: Boolean) {
    importReviews(csv: $csv, format: $format, createMissingProducts: $create) {
      reviews
      inserted
      updated
      productsCreated
      labels {
        positive
        neutral
        negative
      }
      sentimentProvider
      sentimentModel
    }
  }
`;

const SENTIMENT = /* GraphQL */ `
  {
    product(sku: "REV-1") {
      reviews(first: 10) {
        totalCount
        edges {
          node {
            sourceId
            rating
            date
            sentiment {
              label
              score
              provider
            }
          }
        }
      }
      sentiment(granularity: MONTH) {
        overall {
          count
          negative
          negativeShare
          negativeShareInterval {
            lower
            upper
          }
          meanRating
        }
        byPeriod {
          period
          count
          negative
        }
        undated
      }
    }
  }
`;

describe('reviews with the builtin classifier', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      seed: (dataSource) =>
        seedProduct(dataSource, 'REV-1', 1, () => ({ units: 1, priceMinor: 10_000 })),
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('rejects a malformed file with line numbers', async () => {
    const csv = `${REVIEWS_CSV}\nREV-1,6,Too many stars,en,2022-03-01,r6\nREV-1,4,Fine,fr,2022-03-01,r7`;

    const { errors } = await server.gql(IMPORT, { csv });

    expect(errors![0].extensions!.code).toBe('IMPORT_FAILED');
    expect(errors![0].message).toContain('reviews.csv line 7 (rating)');
    expect(errors![0].message).toContain('reviews.csv line 8 (language)');
  });

  it('names skus missing from the catalogue', async () => {
    const { errors } = await server.gql(IMPORT, {
      csv: 'sku,rating,text,language,date\nNOPE-1,5,Great,en,2022-01-01',
    });

    expect(errors![0].message).toBe(
      '1 skus of the file are not in the catalogue: "NOPE-1"; create those products first or import with createMissingProducts.',
    );
  });

  it('classifies and aggregates review sentiment', async () => {
    const imported = await server.gql(IMPORT, { csv: REVIEWS_CSV });
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importReviews).toEqual({
      reviews: 5,
      inserted: 5,
      updated: 0,
      productsCreated: 0,
      labels: { positive: 2, neutral: 1, negative: 2 },
      sentimentProvider: 'builtin',
      sentimentModel: 'lexicon-afinn165-zh-v1',
    });

    const { data, errors } = await server.gql(SENTIMENT);

    expect(errors).toBeUndefined();
    const labels = Object.fromEntries(
      data!.product.reviews.edges.map(
        (edge: { node: { sourceId: string; sentiment: { label: string } } }) => [
          edge.node.sourceId,
          edge.node.sentiment.label,
        ],
      ),
    );
    expect(labels).toEqual({
      r1: 'POSITIVE',
      r2: 'NEGATIVE',
      r3: 'POSITIVE',
      r4: 'NEGATIVE',
      r5: 'NEUTRAL',
    });
    const overall = data!.product.sentiment.overall;
    expect(overall.count).toBe(5);
    expect(overall.negative).toBe(2);
    expect(overall.negativeShare).toBe(0.4);
    // Wilson 95% interval of 2 of 5: 0.117621 to 0.769276.
    expect(overall.negativeShareInterval.lower).toBeCloseTo(0.117621, 5);
    expect(overall.negativeShareInterval.upper).toBeCloseTo(0.769276, 5);
    expect(overall.meanRating).toBe(3);
    expect(data!.product.sentiment.byPeriod).toEqual([
      { period: '2022-01-01', count: 2, negative: 1 },
      { period: '2022-02-01', count: 2, negative: 0 },
    ]);
    expect(data!.product.sentiment.undated).toBe(1);
  });

  it('summarises reviews for copy briefs', async () => {
    const summary = await loadReviewSummary(server.dataSource, 1);

    expect(summary).toEqual({ count: 5, negative: 2, negativeShare: 0.4, meanRating: 3 });
    expect(await loadReviewSummary(server.dataSource, 999)).toBeNull();
  });

  it('replaces reviews with a known source id', async () => {
    const { data } = await server.gql(IMPORT, { csv: REVIEWS_CSV });

    expect(data!.importReviews).toMatchObject({ inserted: 0, updated: 5 });
  });
});

describe('reviews with a Hugging Face classifier', () => {
  let classifierServer: TextClassificationServer;
  let server: TestServer;

  beforeAll(async () => {
    // Negative for texts with "broke" or "差", positive otherwise.
    classifierServer = await TextClassificationServer.start((text) => ({
      scores: /broke|差/.test(text)
        ? [
            { label: 'negative', score: 0.9 },
            { label: 'positive', score: 0.1 },
          ]
        : [
            { label: 'positive', score: 0.75 },
            { label: 'negative', score: 0.25 },
          ],
    }));
    server = await startTestServer({
      sentiment: new HuggingFaceSentimentClassifier({
        model: 'test-sentiment',
        endpointUrl: classifierServer.url,
        retry: { initialDelayMs: 1, maxDelayMs: 5 },
      }),
      seed: (dataSource) =>
        seedProduct(dataSource, 'REV-1', 1, () => ({ units: 1, priceMinor: 10_000 })),
    });
  });

  afterAll(async () => {
    await server.stop();
    await classifierServer.close();
  });

  it('stores the model sentiment of each review', async () => {
    const imported = await server.gql(IMPORT, { csv: REVIEWS_CSV });

    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importReviews).toMatchObject({
      labels: { positive: 2, neutral: 1, negative: 2 },
      sentimentProvider: 'huggingface',
      sentimentModel: 'test-sentiment',
    });
    // The empty review r5 is never sent.
    expect(classifierServer.requests).toHaveLength(4);
    const { data } = await server.gql(SENTIMENT);
    const r2 = data!.product.reviews.edges.find(
      (edge: { node: { sourceId: string } }) => edge.node.sourceId === 'r2',
    ).node;
    expect(r2.sentiment).toEqual({ label: 'NEGATIVE', score: -0.8, provider: 'huggingface' });
  });

  it('writes nothing when the model fails', async () => {
    classifierServer.enqueue(
      { scores: [{ label: 'positive', score: 1 }] },
      { status: 400, body: { error: 'Input too long' } },
    );

    const { errors } = await server.gql(IMPORT, {
      csv: 'sku,rating,text,language,date,review_id\nREV-1,5,Nice,en,2022-03-01,n1\nREV-1,5,Also nice,en,2022-03-02,n2',
    });

    expect(errors![0].extensions!.code).toBe('PROVIDER_ERROR');
    expect(errors![0].message).toMatch(
      /^Sentiment model "test-sentiment" failed with HTTP status 400 after 1 attempt/,
    );
    const { data } = await server.gql('{ product(sku: "REV-1") { reviews { totalCount } } }');
    expect(data!.product.reviews.totalCount).toBe(5);
  });
});

describe('the clothing reviews sample', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('creates the missing clothing products on request', async () => {
    const csv = [
      ',Clothing ID,Age,Title,Review Text,Rating,Recommended IND,Positive Feedback Count,Division Name,Department Name,Class Name',
      '0,767,33,,Absolutely wonderful - silky and sexy and comfortable,4,1,0,Initmates,Intimate,Intimates',
      '1,1080,34,Disappointed,"The fabric was cheap and it ripped.",1,0,0,General,Dresses,Dresses',
    ].join('\n');

    const { data, errors } = await server.gql(IMPORT, {
      csv,
      format: 'CLOTHING_REVIEWS',
      create: true,
    });

    expect(errors).toBeUndefined();
    expect(data!.importReviews).toMatchObject({ reviews: 2, inserted: 2, productsCreated: 2 });
    const product = await server.gql(
      '{ product(sku: "CLOTHING-1080") { category listPrice { amount } sentiment { overall { negative } undated } } }',
    );
    expect(product.data!.product).toEqual({
      category: 'Clothing',
      listPrice: { amount: '0.00' },
      sentiment: { overall: { negative: 1 }, undated: 1 },
    });
  });
});
