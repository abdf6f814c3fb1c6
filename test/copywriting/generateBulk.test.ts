import {
  BuiltinProvider,
  generateBulk,
  generateCopyBulk,
  HuggingFaceProvider,
  ProviderError,
} from '../../src/copywriting';
import type { BulkProgress, CopyVariant } from '../../src/copywriting';
import { DomainError } from '../../src/shared/errors';
import { ChatServer } from '../support/chatServer';
import { makeBrief } from './fixtures';

describe('generateBulk', () => {
  it('bounds the calls in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const work = async (item: number): Promise<number> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return item * 2;
    };

    const outcomes = await generateBulk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], work, { concurrency: 3 });

    expect(maxInFlight).toBe(3);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.result : undefined))).toEqual([
      2, 4, 6, 8, 10, 12, 14, 16, 18, 20,
    ]);
  });

  it('reports progress and failures as values', async () => {
    const progress: BulkProgress[] = [];

    const outcomes = await generateBulk(
      ['a', 'bad', 'c'],
      async (item) => {
        if (item === 'bad') {
          throw new Error('item failed');
        }
        return item.toUpperCase();
      },
      { concurrency: 1, didProgress: (event) => progress.push(event) },
    );

    expect(outcomes[1]).toMatchObject({ index: 1, ok: false });
    expect(outcomes[2]).toMatchObject({ index: 2, ok: true, result: 'C' });
    expect(progress).toEqual([
      { completed: 1, failed: 0, total: 3 },
      { completed: 1, failed: 1, total: 3 },
      { completed: 2, failed: 1, total: 3 },
    ]);
  });

  it('rejects an invalid concurrency', async () => {
    await expect(generateBulk([1], async (item) => item, { concurrency: 0 })).rejects.toThrow(
      'Invalid concurrency 0, expected a whole number from 1 to 64.',
    );
  });
});

describe('generateCopyBulk', () => {
  it('writes N variants for M products', async () => {
    const briefs = ['A1', 'B2', 'C3'].map((sku) => {
      const brief = makeBrief({ variants: 2 });
      brief.product = { ...brief.product, sku };
      return brief;
    });
    const progress: BulkProgress[] = [];

    const results = await generateCopyBulk(new BuiltinProvider(), briefs, {
      concurrency: 2,
      didProgress: (event) => progress.push(event),
    });

    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result.variants).toHaveLength(2);
      const [first, second] = result.variants as CopyVariant[];
      expect(first.variant).toBe(0);
      expect(second.variant).toBe(1);
      expect(first.text).not.toBe(second.text);
    }
    expect(progress).toHaveLength(6);
    expect(progress[5]).toEqual({ completed: 6, failed: 0, total: 6 });
  });

  it('fails only the invalid brief', async () => {
    const results = await generateCopyBulk(new BuiltinProvider(), [
      makeBrief({ variants: 1000 }),
      makeBrief(),
    ]);

    expect(results[0].variants).toHaveLength(1);
    expect(results[0].variants[0]).toBeInstanceOf(DomainError);
    expect((results[1].variants[0] as CopyVariant).provider).toBe('builtin');
  });

  it('keeps going after a provider failure', async () => {
    const server = await ChatServer.start();
    server.enqueue({ status: 500, body: { error: 'down' } }, { content: 'Second.' });
    const provider = new HuggingFaceProvider({ model: 'tgi', endpointUrl: server.url });

    try {
      const [result] = await generateCopyBulk(provider, [makeBrief({ variants: 2 })], {
        concurrency: 1,
      });

      expect(result.variants[0]).toBeInstanceOf(ProviderError);
      expect((result.variants[1] as CopyVariant).text).toBe('Second.');
    } finally {
      await server.close();
    }
  });
});
