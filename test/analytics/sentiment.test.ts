import { aggregateSentiment, classifySentiment, detectLanguage } from '../../src/analytics';

describe('classifySentiment', () => {
  it('labels plain English', () => {
    expect(classifySentiment('I love this dress, it is beautiful').label).toBe('positive');
    expect(classifySentiment('Terrible quality, I am disappointed').label).toBe('negative');
    expect(classifySentiment('The box arrived on Tuesday').label).toBe('neutral');
  });

  it('handles English negation', () => {
    const notGood = classifySentiment('This is not good');
    const notBad = classifySentiment("It isn't bad at all");

    // "not good" is an AFINN-165 phrase (-2); "bad" (-3) negated gives -3 * -0.75 = 2.25.
    expect(notGood.rawScore).toBe(-2);
    expect(notGood.label).toBe('negative');
    expect(notBad.rawScore).toBeCloseTo(2.25, 12);
    expect(notBad.label).toBe('positive');
  });

  it('ends negation at punctuation', () => {
    expect(classifySentiment('Not what I ordered. Great fabric though').label).toBe('positive');
  });

  it('weighs the clause after but', () => {
    const result = classifySentiment('The colour is nice but the fabric is cheap and flimsy');

    // nice 3 * 0.5 = 1.5; cheap -1 * 1.5 and flimsy -2 * 1.5: raw -3.
    expect(result.rawScore).toBeCloseTo(-3, 12);
    expect(result.label).toBe('negative');
  });

  it('reads like after looks as a preposition', () => {
    expect(classifySentiment('It looks like a tent').matches).toEqual([]);
  });

  it('normalises the score into -1..1', () => {
    const result = classifySentiment('good');

    // raw 3: 3 / sqrt(9 + 15) = 0.612372.
    expect(result.score).toBeCloseTo(0.612372, 6);
  });

  it('labels plain Chinese', () => {
    expect(classifySentiment('质量很好，非常满意，推荐购买').label).toBe('positive');
    expect(classifySentiment('太差了，很失望，退货').label).toBe('negative');
  });

  it('handles Chinese negation', () => {
    const result = classifySentiment('不好');

    // 好 (+2) after 不: 2 * -0.75 = -1.5.
    expect(result.language).toBe('zh');
    expect(result.rawScore).toBeCloseTo(-1.5, 12);
    expect(result.label).toBe('negative');
    expect(classifySentiment('没有问题').label).toBe('positive');
    expect(classifySentiment('不是很满意').label).toBe('negative');
  });

  it('keeps compounds whole in Chinese', () => {
    // 不错 is one positive entry, not 不 + 错; 好像 carries no sentiment.
    expect(classifySentiment('还不错').label).toBe('positive');
    expect(classifySentiment('好像是昨天到的').label).toBe('neutral');
  });

  it('weighs the clause after 但是', () => {
    expect(classifySentiment('外观漂亮，但是质量很差').label).toBe('negative');
  });

  it('reads English words inside Chinese text', () => {
    expect(classifySentiment('这个手机 great').label).toBe('positive');
  });
});

describe('detectLanguage', () => {
  it('picks Chinese from Han characters', () => {
    expect(detectLanguage('质量不错')).toBe('zh');
    expect(detectLanguage('Nice shirt')).toBe('en');
    expect(detectLanguage('iPhone 手机壳')).toBe('zh');
  });
});

describe('aggregateSentiment', () => {
  const reviews = [
    { productId: 'p1', date: '2024-01-03', label: 'positive' as const, score: 0.6 },
    { productId: 'p1', date: '2024-01-20', label: 'negative' as const, score: -0.4 },
    { productId: 'p2', date: '2024-02-02', label: 'neutral' as const, score: 0 },
    { productId: 'p1', date: '2024-02-10', label: 'positive' as const, score: 0.5 },
  ];

  it('summarises per product', () => {
    const { byProduct } = aggregateSentiment(reviews);

    expect(byProduct.map((row) => row.productId)).toEqual(['p1', 'p2']);
    expect(byProduct[0]).toMatchObject({ count: 3, positive: 2, negative: 1, neutral: 0 });
    expect(byProduct[0].negativeShare).toBeCloseTo(1 / 3, 12);
    expect(byProduct[0].meanScore).toBeCloseTo(0.7 / 3, 12);
  });

  it('summarises per month', () => {
    const { byPeriod } = aggregateSentiment(reviews, 'month');

    expect(byPeriod.map((row) => [row.period, row.count])).toEqual([
      ['2024-01-01', 2],
      ['2024-02-01', 2],
    ]);
  });

  it('counts undated reviews per product only', () => {
    const { byProduct, byPeriod, undated } = aggregateSentiment([
      { productId: 'p1', date: '2024-01-03', label: 'negative', score: -0.5, rating: 1 },
      { productId: 'p1', date: null, label: 'positive', score: 0.5, rating: 4 },
    ]);

    expect(byProduct[0].count).toBe(2);
    expect(byProduct[0].meanRating).toBe(2.5);
    expect(byPeriod.map((row) => [row.period, row.count])).toEqual([['2024-01-01', 1]]);
    expect(undated).toBe(1);
  });

  it('leaves the mean rating null without ratings', () => {
    expect(aggregateSentiment(reviews).byProduct[0].meanRating).toBeNull();
  });

  it('rejects a rating outside 1 to 5', () => {
    expect(() =>
      aggregateSentiment([{ productId: 'p1', date: null, label: 'neutral', score: 0, rating: 6 }]),
    ).toThrow('reviews[0].rating must be a whole number from 1 to 5; received "6".');
  });
});
