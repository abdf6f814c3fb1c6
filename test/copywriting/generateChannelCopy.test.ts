import {
  BuiltinProvider,
  COPY_CHANNELS,
  generateChannelCopy,
  HuggingFaceProvider,
  listTargets,
  measureField,
} from '../../src/copywriting';
import { DomainError } from '../../src/shared/errors';
import { ChatServer } from '../support/chatServer';
import { makeBrief } from './fixtures';

describe('generateChannelCopy with HuggingFaceProvider', () => {
  let server: ChatServer;
  let provider: HuggingFaceProvider;

  beforeEach(async () => {
    server = await ChatServer.start();
    provider = new HuggingFaceProvider({ model: 'tgi', endpointUrl: server.url });
  });

  afterEach(async () => {
    await server.close();
  });

  it('asks the model to shorten a long field', async () => {
    server.enqueue(
      { content: 'Light up your window. '.repeat(10) },
      { content: 'Light up your window.' },
    );

    const [copy] = await generateChannelCopy(provider, makeBrief({ channel: 'SMS' }));

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].body.messages?.[1].content).toContain(
      'Shorten the text in the data block below to at most 160 plain Latin characters',
    );
    expect(copy.fields[0]).toMatchObject({
      name: 'message',
      text: 'Light up your window.',
      length: 21,
      limit: 160,
      unit: 'SMS',
      encoding: 'GSM-7',
      segments: 1,
      truncated: false,
      shortenRounds: 1,
    });
    expect(copy.prompts).toHaveLength(2);
  });

  it('cuts after the last shorten round', async () => {
    const long = 'Light up your window with a white heart. '.repeat(6);
    server.enqueue({ content: long }, { content: long }, { content: long });

    const [copy] = await generateChannelCopy(provider, makeBrief({ channel: 'SMS' }), {
      maxShortenRounds: 2,
    });

    const [field] = copy.fields;
    expect(server.requests).toHaveLength(3);
    expect(field.shortenRounds).toBe(2);
    expect(field.truncated).toBe(true);
    expect(field.length).toBeLessThanOrEqual(160);
    expect(field.segments).toBe(1);
    expect(field.text.endsWith('heart.')).toBe(true);
    expect(copy.truncated).toBe(true);
  });

  it('writes a field again after a violation', async () => {
    server.enqueue(
      { content: 'The cheapest heart, now 30% off.' },
      { content: 'A warm heart for £2.55.' },
    );

    const [copy] = await generateChannelCopy(provider, makeBrief({ channel: 'SMS' }));

    const retry = server.requests[1].body.messages?.[1].content ?? '';
    expect(retry).toContain('An earlier text broke these rules');
    expect(retry).toContain('cheapest');
    expect(retry).toContain('30');
    expect(copy.fields[0].text).toBe('A warm heart for £2.55.');
    expect(copy.violations).toEqual([]);
  });

  it('reports violations it could not remove', async () => {
    server.enqueue({ content: 'Guaranteed to glow.' }, { content: 'Guaranteed to glow.' });

    const [copy] = await generateChannelCopy(provider, makeBrief({ channel: 'SMS' }));

    expect(copy.violations).toHaveLength(1);
    expect(copy.violations[0]).toMatchObject({
      rule: 'FORBIDDEN_CLAIM',
      text: 'Guaranteed',
      field: 'message',
    });
  });

  it('sums token usage over calls', async () => {
    server.enqueue(
      { content: 'x'.repeat(200), usage: { prompt_tokens: 100, completion_tokens: 60 } },
      { content: 'A warm heart.', usage: { prompt_tokens: 80, completion_tokens: 5 } },
    );

    const [copy] = await generateChannelCopy(provider, makeBrief({ channel: 'SMS' }));

    expect(copy.usage).toEqual({ promptTokens: 180, completionTokens: 65 });
    expect(copy.provider).toBe('huggingface');
  });
});

describe('generateChannelCopy with BuiltinProvider', () => {
  const provider = new BuiltinProvider();

  describe.each(['en', 'zh'] as const)('in %s', (language) => {
    it.each(COPY_CHANNELS)('keeps every %s field within its limit', async (channel) => {
      const brief = makeBrief({ language, channel, maxLength: 2000, variants: 2 });

      const copies = await generateChannelCopy(provider, brief);

      expect(copies).toHaveLength(2);
      for (const copy of copies) {
        expect(copy.fields.length).toBeGreaterThan(0);
        for (const field of copy.fields) {
          const measured = measureField(
            field.text,
            field.unit === 'SMS' ? 1 : field.limit,
            field.unit,
          );
          expect(field.text.trim()).not.toBe('');
          expect(field.length).toBe(measured.length);
          expect(measured.fits).toBe(true);
        }
        expect(copy.violations.filter((violation) => violation.severity === 'error')).toEqual([]);
      }
    });
  });

  it('writes three headlines and two descriptions', async () => {
    const [copy] = await generateChannelCopy(provider, makeBrief({ channel: 'SEARCH_AD' }));

    expect(copy.fields.map((field) => `${field.name}:${field.index}`)).toEqual([
      'headline:0',
      'headline:1',
      'headline:2',
      'description:0',
      'description:1',
    ]);
    expect(copy.fields.every((field) => field.unit === 'GOOGLE_ADS')).toBe(true);
    expect(copy.fields[0].limit).toBe(30);
    expect(copy.fields[3].limit).toBe(90);
    expect(new Set(copy.fields.slice(0, 3).map((field) => field.text)).size).toBe(3);
  });

  it('counts Chinese headlines double', async () => {
    const brief = makeBrief({ channel: 'SEARCH_AD', language: 'zh' });
    brief.product = { ...brief.product, name: '白色爱心挂饰烛台' };

    const [copy] = await generateChannelCopy(provider, brief);

    const headline = copy.fields[0];
    expect(headline.length).toBeLessThanOrEqual(30);
    expect(headline.length).toBeGreaterThan([...headline.text].length);
  });

  it('holds grapheme fields to maxLength', async () => {
    const [copy] = await generateChannelCopy(
      provider,
      makeBrief({ channel: 'EMAIL', maxLength: 150 }),
    );

    expect(copy.fields[0].limit).toBe(150);
    expect(copy.fields[0].length).toBeLessThanOrEqual(150);
  });
});

describe('listTargets', () => {
  it('takes requested field counts', () => {
    const targets = listTargets(makeBrief({ channel: 'SEARCH_AD' }), {
      headline: 15,
      description: 4,
    });

    expect(targets).toHaveLength(19);
    expect(targets[14]).toEqual({
      name: 'headline',
      index: 14,
      count: 15,
      limit: 30,
      unit: 'GOOGLE_ADS',
    });
  });

  it('rejects a count outside the platform bounds', () => {
    expect(() => listTargets(makeBrief({ channel: 'SEARCH_AD' }), { headline: 16 })).toThrow(
      'Invalid count 16 for field "headline" of channel SEARCH_AD, expected a whole number from 3 to 15.',
    );
  });

  it('rejects an unknown field', () => {
    const error = (() => {
      try {
        listTargets(makeBrief({ channel: 'SMS' }), { headline: 3 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe('fieldCounts.headline');
    expect((error as DomainError).message).toBe(
      'Invalid field "headline" for channel SMS, expected one of message.',
    );
  });
});
