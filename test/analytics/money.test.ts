import { divideRounded, formatMinorUnits, toMinorUnits } from '../../src/analytics';

describe('toMinorUnits', () => {
  it('reads decimal strings at scale 4', () => {
    expect(toMinorUnits('12.5', 'price')).toBe(125_000n);
    expect(toMinorUnits('0.0001', 'price')).toBe(1n);
    expect(toMinorUnits('-3.25', 'revenue', true)).toBe(-32_500n);
  });

  it('takes integers as minor units', () => {
    expect(toMinorUnits(125_000, 'price')).toBe(125_000n);
    expect(toMinorUnits(7n, 'price')).toBe(7n);
  });
});

describe('formatMinorUnits', () => {
  it('writes four fractional digits', () => {
    expect(formatMinorUnits(125_000n)).toBe('12.5000');
    expect(formatMinorUnits(-1n)).toBe('-0.0001');
  });
});

describe('divideRounded', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
  });
});
