import { countGraphemes, trimToLength } from '../../src/copywriting';

describe('trimToLength', () => {
  it('keeps text that fits', () => {
    expect(trimToLength('  Short and sweet.  ', 20, { language: 'en' })).toEqual({
      text: 'Short and sweet.',
      length: 16,
      truncated: false,
    });
  });

  it('cuts at a sentence end', () => {
    const result = trimToLength('First sentence here. Second sentence is longer.', 30, {
      language: 'en',
    });

    expect(result).toEqual({ text: 'First sentence here.', length: 20, truncated: true });
  });

  it('cuts at a word with an ellipsis', () => {
    const result = trimToLength('A remarkably long sentence without any early stop', 20, {
      language: 'en',
    });

    expect(result.text).toBe('A remarkably long…');
    expect(result.truncated).toBe(true);
    expect(result.length).toBe(18);
  });

  it('prefers a word cut to a short sentence', () => {
    const result = trimToLength('Hi. This sentence runs well past the limit given', 30, {
      language: 'en',
    });

    expect(result.text).toBe('Hi. This sentence runs well…');
  });

  it('cuts Chinese at punctuation', () => {
    const text = '这款白色爱心烛台，适合挂在窗边，冬天点亮整个房间，现在就来选购吧';

    const result = trimToLength(text, 20, { language: 'zh' });

    expect(result.text).toBe('这款白色爱心烛台，适合挂在窗边…');
    expect(result.length).toBeLessThanOrEqual(20);
  });

  it('keeps a whole Chinese sentence', () => {
    const result = trimToLength('白色爱心烛台。适合挂在窗边，冬天点亮整个房间。', 12, {
      language: 'zh',
    });

    expect(result.text).toBe('白色爱心烛台。');
  });

  it('never splits an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${family}${family}${family}${family}`;

    const result = trimToLength(text, 3, { language: 'en' });

    expect(result.text).toBe(`${family}${family}…`);
    expect(countGraphemes(result.text)).toBe(3);
  });

  it('never splits a combining mark', () => {
    const text = 'e\u0301'.repeat(10);

    const result = trimToLength(text, 5, { language: 'en' });

    expect(result.text).toBe(`${'e\u0301'.repeat(4)}…`);
    expect(result.text.normalize('NFC')).toBe(`${'é'.repeat(4)}…`);
  });

  it('counts graphemes, not code units', () => {
    const text = '🎁🎁🎁 Gifts';

    expect(trimToLength(text, 9, { language: 'en' }).truncated).toBe(false);
  });

  it('drops the ellipsis under a tiny limit', () => {
    expect(trimToLength('Hello world', 1, { language: 'en' }).text).toBe('H');
  });

  it('uses a custom measure', () => {
    const doubleWidth = (text: string): number => countGraphemes(text) * 2;

    const result = trimToLength('one two three four', 16, { language: 'en', measure: doubleWidth });

    expect(result.text).toBe('one two…');
    expect(result.length).toBe(16);
  });

  it('handles very long text quickly', () => {
    const text = 'word '.repeat(20_000);

    const result = trimToLength(text, 50, { language: 'en' });

    expect(result.length).toBeLessThanOrEqual(50);
    expect(result.text.endsWith('word…')).toBe(true);
  });
});
