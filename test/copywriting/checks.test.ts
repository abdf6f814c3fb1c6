import {
  checkBrandProfile,
  findPersonalData,
  findUnsupportedNumbers,
  redactPersonalData,
} from '../../src/copywriting';
import { makeBrief } from './fixtures';

describe('checkBrandProfile', () => {
  it('passes clean copy', () => {
    expect(checkBrandProfile('A warm heart for your window, just £2.55.', undefined)).toEqual([]);
  });

  it.each([
    ['The cheapest heart in town.', 'cheapest'],
    ['Satisfaction guaranteed.', 'guaranteed'],
    ['Lowest price anywhere.', 'Lowest price'],
    ['全网最低，快来买。', '全网最低'],
  ])('flags the claim in %j', (text, claim) => {
    const [violation] = checkBrandProfile(text, undefined);

    expect(violation.rule).toBe('FORBIDDEN_CLAIM');
    expect(violation.severity).toBe('error');
    expect(violation.text).toBe(claim);
  });

  it.each([
    ['This candle cures insomnia.', 'cures'],
    ['Clinically proven to calm you.', 'Clinically proven'],
    ['能治疗失眠。', '治疗'],
  ])('flags the medical claim in %j', (text, claim) => {
    const [violation] = checkBrandProfile(text, undefined);

    expect(violation.rule).toBe('MEDICAL_CLAIM');
    expect(violation.text).toBe(claim);
  });

  it('allows "treat yourself"', () => {
    expect(checkBrandProfile('Treat yourself to a heart today.', undefined)).toEqual([]);
  });

  it('flags avoided words as whole words', () => {
    const profile = { name: 'Hearth & Co', avoidWords: ['cheap', '便宜'] };

    const violations = checkBrandProfile('Not cheap, never cheapskate. 不便宜。', profile);

    expect(violations.map((violation) => violation.text)).toEqual(['cheap', '便宜']);
    expect(violations[0].message).toBe(
      'The text uses "cheap", a word the brand profile "Hearth & Co" avoids.',
    );
  });

  it('flags profile claims', () => {
    const profile = { name: 'Hearth & Co', forbiddenClaims: ['handmade'] };

    expect(checkBrandProfile('Handmade in Britain.', profile)[0].rule).toBe('FORBIDDEN_CLAIM');
  });

  it('warns when no preferred word appears', () => {
    const profile = { name: 'Hearth & Co', preferWords: ['cosy', 'warm'] };

    const [warning] = checkBrandProfile('A bright heart.', profile);

    expect(warning.rule).toBe('MISSING_PREFERRED_WORD');
    expect(warning.severity).toBe('warning');
    expect(checkBrandProfile('A warm heart.', profile)).toEqual([]);
  });
});

describe('findUnsupportedNumbers', () => {
  const brief = makeBrief();

  it('accepts numbers from the data', () => {
    const text =
      'Just £2.55. Sales up 24% in the last 3 months, 412 units. Peaks in November 2011 at 539, 1,903 over 6 months.';

    expect(findUnsupportedNumbers(text, brief)).toEqual([]);
  });

  it('flags an invented discount', () => {
    const violations = findUnsupportedNumbers('Now 30% off, only £1.99!', brief);

    expect(violations.map((violation) => violation.text)).toEqual(['30', '1.99']);
    expect(violations[0].message).toBe(
      "The text states the number 30, which is not in the product's data.",
    );
  });

  it('flags invented stock and ratings', () => {
    const texts = findUnsupportedNumbers('Only 5 left! Rated 4.8 stars.', brief).map(
      (violation) => violation.text,
    );

    expect(texts).toEqual(['5', '4.8']);
  });

  it('accepts numbers in product text', () => {
    const withPack = makeBrief();
    withPack.product = { ...withPack.product, name: 'Tea Lights, Pack of 24' };

    expect(findUnsupportedNumbers('A pack of 24 tea lights.', withPack)).toEqual([]);
  });

  it('reads full-width digits', () => {
    expect(findUnsupportedNumbers('仅售９９元', brief).map((violation) => violation.text)).toEqual([
      '99',
    ]);
  });
});

describe('findPersonalData', () => {
  it.each([
    ['Write to jane.doe@example.com today', 'EMAIL', 'jane.doe@example.com'],
    ['Call +44 20 7946 0958 now', 'PHONE', '+44 20 7946 0958'],
    ['联系13812345678', 'PHONE', '13812345678'],
    ['Order for customer id 17850', 'CUSTOMER_ID', 'customer id 17850'],
    ['客户编号：12583', 'CUSTOMER_ID', '客户编号：12583'],
    ['A gift for Mrs Eleanor Rigby', 'NAME', 'Mrs Eleanor Rigby'],
    ['Dear Sam, thanks', 'NAME', 'Dear Sam'],
    ['感谢王先生的支持', 'NAME', '王先生'],
    ['Paid with 4111 1111 1111 1111', 'CARD_NUMBER', '4111 1111 1111 1111'],
  ])('finds personal data in %j', (text, kind, found) => {
    const matches = findPersonalData(text);

    expect(matches).toHaveLength(1);
    expect(matches[0].kind).toBe(kind);
    expect(matches[0].text).toBe(found);
  });

  it.each([
    'White Hanging Heart T-Light Holder, £2.55',
    'Forecast for 2011-11-01: 539 units',
    'SKU 85123A, pack of 24',
    'Sales rose 24% in 3 months, 1,903 units expected',
  ])('finds nothing in %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('redacts each match', () => {
    expect(redactPersonalData('Mail jane@example.com or call +44 20 7946 0958.')).toBe(
      'Mail [removed email] or call [removed phone].',
    );
  });
});
