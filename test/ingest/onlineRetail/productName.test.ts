import {
  isMerchandiseCode,
  isProductName,
  normalizeDescription,
  skuOf,
} from '../../../src/ingest/onlineRetail/productName';

describe('isMerchandiseCode', () => {
  it.each(['85123A', '85123a', '22423', '15056bl', '84997B', '12345'])('accepts %s', (code) => {
    expect(isMerchandiseCode(code)).toBe(true);
  });

  it.each([
    'POST',
    'DOT',
    'M',
    'm',
    'C2',
    'D',
    'S',
    'B',
    'BANK CHARGES',
    'AMAZONFEE',
    'CRUK',
    'PADS',
    'gift_0001_20',
    'DCGS0003',
    'DCGSSBOY',
    '1234',
  ])('rejects %s', (code) => {
    expect(isMerchandiseCode(code)).toBe(false);
  });
});

describe('skuOf', () => {
  it('upper-cases the code', () => {
    expect(skuOf('85123a')).toBe('85123A');
    expect(skuOf('15056bl')).toBe('15056BL');
  });
});

describe('normalizeDescription', () => {
  it('trims and collapses whitespace', () => {
    expect(normalizeDescription('  3 TRADITIONAl BISCUIT CUTTERS  SET ')).toBe(
      '3 TRADITIONAl BISCUIT CUTTERS SET',
    );
  });

  it('keeps letter case and punctuation', () => {
    expect(normalizeDescription('PAPER CRAFT , LITTLE BIRDIE')).toBe('PAPER CRAFT , LITTLE BIRDIE');
  });
});

describe('isProductName', () => {
  it.each([
    'WHITE HANGING HEART T-LIGHT HOLDER',
    'BAG 125g SWIRLY MARBLES',
    'POLYESTER FILLER PAD 40x40cm',
    'FRENCH BLUE METAL DOOR SIGN No',
    '*USB Office Mirror Ball',
    "Dr. Jam's Arouzer Stress Ball",
  ])('accepts %j', (description) => {
    expect(isProductName(description)).toBe(true);
  });

  it.each([
    '',
    '?',
    '??',
    'check',
    'damaged',
    'Damaged',
    'Found',
    'amazon',
    'Unsaleable, destroyed.',
    'wrongly marked carton 22804',
    'Adjust bad debt',
    'incorrectly credited C550456 see 47',
  ])('rejects note %j', (description) => {
    expect(isProductName(description)).toBe(false);
  });
});
