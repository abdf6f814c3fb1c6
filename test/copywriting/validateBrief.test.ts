import { DomainError, ErrorCode } from '../../src/shared/errors';
import { validateBrief } from '../../src/copywriting';
import type { CopyBrief } from '../../src/copywriting';
import { makeBrief } from './fixtures';

function rejection(brief: CopyBrief): DomainError {
  try {
    validateBrief(brief);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('validateBrief accepted an invalid brief.');
}

describe('validateBrief', () => {
  it('accepts a complete brief', () => {
    expect(() => validateBrief(makeBrief())).not.toThrow();
  });

  it.each([
    [
      { channel: 'FAX' },
      'channel',
      'Invalid channel "FAX", expected one of EMAIL, EMAIL_SUBJECT, SOCIAL_POST, SEARCH_AD, PRODUCT_PAGE, SMS.',
    ],
    [
      { tone: 'ANGRY' },
      'tone',
      'Invalid tone "ANGRY", expected one of FRIENDLY, PROFESSIONAL, PLAYFUL, URGENT, LUXURY.',
    ],
    [{ language: 'fr' }, 'language', 'Invalid language "fr", expected one of zh, en.'],
    [{ maxLength: 0 }, 'maxLength', 'Invalid maxLength 0, expected a whole number from 1 to 5000.'],
    [
      { maxLength: 2.5 },
      'maxLength',
      'Invalid maxLength 2.5, expected a whole number from 1 to 5000.',
    ],
    [{ variants: 11 }, 'variants', 'Invalid variants 11, expected a whole number from 1 to 10.'],
  ])('rejects %j', (overrides, field, message) => {
    const error = rejection(makeBrief(overrides as Partial<CopyBrief>));

    expect(error.code).toBe(ErrorCode.BadUserInput);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });

  it('rejects an inexact price', () => {
    const brief = makeBrief();
    brief.product = { ...brief.product, price: { amount: '2.5e3', currency: 'GBP' } };

    expect(rejection(brief).message).toBe(
      'Invalid price amount "2.5e3", expected a non-negative decimal string such as "12.50".',
    );
  });

  it('rejects a lowercase currency', () => {
    const brief = makeBrief();
    brief.product = { ...brief.product, price: { amount: '2.55', currency: 'gbp' } };

    expect(rejection(brief).field).toBe('product.price.currency');
  });

  it('rejects a product without a name', () => {
    const brief = makeBrief();
    brief.product = { ...brief.product, name: '  ' };

    expect(rejection(brief).message).toBe(
      'Missing product name for SKU "85123A", a product needs a name before copy can be written.',
    );
  });

  it('rejects non-finite sales figures', () => {
    const brief = makeBrief();
    brief.sales = { ...brief.sales!, changePercent: Number.NaN };

    expect(rejection(brief).field).toBe('sales');
  });

  it('rejects a malformed peak period', () => {
    const brief = makeBrief();
    brief.forecast = { ...brief.forecast!, nextPeak: { period: 'November', value: 10 } };

    expect(rejection(brief).field).toBe('forecast');
  });
});
