import { ProviderError } from '../../src/copywriting/providerError';
import {
  HuggingFaceSentimentClassifier,
  readClassScores,
  readSentimentLabel,
} from '../../src/sentiment';
import { TextClassificationServer } from './textClassificationServer';

describe('readSentimentLabel', () => {
  it('reads names, stars and indexes', () => {
    expect(readSentimentLabel('POSITIVE', 2)).toBe('positive');
    expect(readSentimentLabel('neutral', 3)).toBe('neutral');
    expect(readSentimentLabel('1 star', 5)).toBe('negative');
    expect(readSentimentLabel('3 stars', 5)).toBe('neutral');
    expect(readSentimentLabel('LABEL_1', 3)).toBe('neutral');
    expect(readSentimentLabel('LABEL_1', 2)).toBe('positive');
    expect(readSentimentLabel('joy', 6)).toBeUndefined();
  });
});

describe('readClassScores', () => {
  it('scores positive minus negative probability', () => {
    const read = readClassScores([
      { label: 'positive', score: 0.7 },
      { label: 'neutral', score: 0.2 },
      { label: 'negative', score: 0.1 },
    ]);

    expect(read).toEqual({ label: 'positive', score: expect.closeTo(0.6, 12) });
  });
});

describe('HuggingFaceSentimentClassifier', () => {
  let server: TextClassificationServer;

  beforeEach(async () => {
    server = await TextClassificationServer.start();
  });

  afterEach(async () => {
    await server.close();
  });

  const classifier = (maxAttempts = 3) =>
    new HuggingFaceSentimentClassifier({
      model: 'test-sentiment',
      endpointUrl: server.url,
      accessToken: 'hf_secret_token',
      concurrency: 1,
      retry: { maxAttempts, initialDelayMs: 1, maxDelayMs: 5 },
    });

  it('posts each text and reads the classes', async () => {
    server.enqueue(
      {
        scores: [
          { label: 'POSITIVE', score: 0.9 },
          { label: 'NEGATIVE', score: 0.1 },
        ],
      },
      {
        scores: [
          { label: 'NEGATIVE', score: 0.8 },
          { label: 'POSITIVE', score: 0.2 },
        ],
      },
    );

    const outputs = await classifier().classify([
      { text: 'Lovely mug', language: 'en' },
      { text: '太差了', language: 'zh' },
    ]);

    expect(outputs[0].label).toBe('positive');
    expect(outputs[0].score).toBeCloseTo(0.8, 12);
    expect(outputs[1].label).toBe('negative');
    expect(outputs[1].score).toBeCloseTo(-0.6, 12);
    expect(server.requests.map((request) => request.body.inputs)).toEqual(['Lovely mug', '太差了']);
    expect(server.requests[0].authorization).toBe('Bearer hf_secret_token');
  });

  it('retries a 503 and then succeeds', async () => {
    server.enqueue(
      { status: 503, body: { error: 'Model is loading' }, headers: { 'retry-after': '0' } },
      {
        scores: [
          { label: 'neutral', score: 0.6 },
          { label: 'positive', score: 0.4 },
        ],
      },
    );

    const [output] = await classifier().classify([{ text: 'It is a mug', language: 'en' }]);

    expect(output).toEqual({ label: 'neutral', score: 0.4 });
    expect(server.requests).toHaveLength(2);
  });

  it('fails with the status after the last attempt', async () => {
    server.enqueue(
      { status: 503, body: { error: 'busy' } },
      { status: 503, body: { error: 'busy' } },
    );

    const error = await classifier(2)
      .classify([{ text: 'x', language: 'en' }])
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('PROVIDER_ERROR');
    expect((error as ProviderError).status).toBe(503);
    expect((error as ProviderError).message).toMatch(
      /^Sentiment model "test-sentiment" failed with HTTP status 503 after 2 attempts \(request id "cls-2"\)/,
    );
    expect((error as ProviderError).message).not.toContain('hf_secret_token');
  });

  it('rejects classes it cannot map', async () => {
    server.enqueue({
      scores: [
        { label: 'joy', score: 0.9 },
        { label: 'anger', score: 0.1 },
      ],
    });

    const error = await classifier()
      .classify([{ text: 'x', language: 'en' }])
      .catch((caught: unknown) => caught);

    expect((error as ProviderError).message).toBe(
      'Sentiment model "test-sentiment" returned the class "joy", which is not positive, neutral, negative, a star rating or LABEL_0 to LABEL_2; choose a sentiment model.',
    );
  });
});
