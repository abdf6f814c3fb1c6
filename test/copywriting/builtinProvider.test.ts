import {
  BuiltinProvider,
  buildPrompt,
  composeCopy,
  COPY_CHANNELS,
  COPY_TONES,
  countGraphemes,
  generateCopy,
} from '../../src/copywriting';
import type { CopyChannel, Language } from '../../src/copywriting';
import { makeBrief } from './fixtures';

const LIMITS: Record<CopyChannel, number> = {
  EMAIL: 600,
  EMAIL_SUBJECT: 60,
  SOCIAL_POST: 280,
  SEARCH_AD: 150,
  PRODUCT_PAGE: 600,
  SMS: 160,
};

const RISING_WORDS: Record<Language, RegExp> = {
  en: /rising|rose|growing|up 24%/i,
  zh: /上升|增长|走高|上涨/,
};

describe('BuiltinProvider', () => {
  const provider = new BuiltinProvider();

  it('names itself builtin', async () => {
    const brief = makeBrief();

    const completion = await provider.generate({
      brief,
      variant: 0,
      messages: buildPrompt(brief, 0).messages,
    });

    expect(completion.provider).toBe('builtin');
    expect(completion.model).toBe('builtin-template-v1');
    expect(completion.prompt).toContain('<product_data>');
    expect(completion.usage).toBeUndefined();
  });

  describe.each(['en', 'zh'] as const)('in %s', (language) => {
    it.each(COPY_CHANNELS)('writes %s copy within its limit', (channel) => {
      const brief = makeBrief({ language, channel, maxLength: LIMITS[channel] });

      const text = composeCopy(brief, 0);

      expect(text.trim()).not.toBe('');
      expect(countGraphemes(text)).toBeLessThanOrEqual(LIMITS[channel]);
    });

    it.each(['EMAIL', 'SOCIAL_POST', 'PRODUCT_PAGE', 'SMS'] as const)(
      'mentions rising demand in %s',
      (channel) => {
        const brief = makeBrief({ language, channel, maxLength: LIMITS[channel] });

        for (let variant = 0; variant < 4; variant += 1) {
          expect(composeCopy(brief, variant)).toMatch(RISING_WORDS[language]);
        }
      },
    );

    it('states the exact price', () => {
      const text = composeCopy(makeBrief({ language, channel: 'PRODUCT_PAGE', maxLength: 600 }), 0);

      expect(text).toContain('£2.55');
    });

    it('names the forecast peak', () => {
      const text = composeCopy(makeBrief({ language, channel: 'EMAIL', maxLength: 600 }), 0);

      expect(text).toContain(language === 'zh' ? '2011年11月' : 'November 2011');
    });

    it.each(COPY_CHANNELS)('writes four distinct %s variants', async (channel) => {
      const brief = makeBrief({ language, channel, maxLength: LIMITS[channel], variants: 4 });

      const variants = await generateCopy(provider, brief);

      expect(new Set(variants.map((variant) => variant.text)).size).toBe(4);
    });

    it.each(['EMAIL', 'SOCIAL_POST', 'PRODUCT_PAGE'] as const)(
      'writes ten distinct %s variants',
      async (channel) => {
        const brief = makeBrief({ language, channel, maxLength: LIMITS[channel], variants: 10 });

        const variants = await generateCopy(provider, brief);

        expect(new Set(variants.map((variant) => variant.text)).size).toBe(10);
      },
    );

    it('varies with tone', () => {
      const texts = COPY_TONES.map((tone) => composeCopy(makeBrief({ language, tone }), 0));

      expect(new Set(texts).size).toBe(COPY_TONES.length);
    });
  });

  it('repeats itself for the same input', () => {
    const brief = makeBrief({ channel: 'EMAIL', maxLength: 600 });

    expect(composeCopy(brief, 2)).toBe(
      composeCopy(makeBrief({ channel: 'EMAIL', maxLength: 600 }), 2),
    );
  });

  it('does not advertise falling sales', () => {
    const brief = makeBrief({
      channel: 'PRODUCT_PAGE',
      maxLength: 600,
      sales: {
        trend: 'falling',
        changePercent: -18,
        recentUnits: 90,
        granularity: 'month',
        recentPeriods: 3,
      },
    });

    const text = composeCopy(brief, 0);

    expect(text).not.toMatch(/18|falling|down/i);
    expect(text).toMatch(/fresh look|Rediscover|second look/);
  });

  it('writes without sales or forecast', () => {
    const brief = makeBrief({
      channel: 'EMAIL',
      maxLength: 600,
      sales: undefined,
      forecast: undefined,
    });

    const text = composeCopy(brief, 0);

    expect(text).toContain('White Hanging Heart T-Light Holder');
    expect(text).toContain('£2.55');
    expect(text).not.toMatch(/%|forecast|peak/i);
  });

  it('keeps English descriptions out of Chinese copy', () => {
    const text = composeCopy(makeBrief({ language: 'zh', channel: 'EMAIL', maxLength: 600 }), 0);

    expect(text).not.toContain('A white metal heart');
  });

  it('uses a Chinese description in Chinese copy', () => {
    const brief = makeBrief({ language: 'zh', channel: 'PRODUCT_PAGE', maxLength: 600 });
    brief.product = {
      ...brief.product,
      name: '白色爱心烛台',
      description: '白色金属爱心造型，可放一枚茶蜡。挂在窗边或门上。',
    };

    const text = composeCopy(brief, 0);

    expect(text).toContain('白色爱心烛台');
    expect(text).toContain('白色金属爱心造型，可放一枚茶蜡。');
    expect(text).not.toContain('挂在窗边');
  });
});
