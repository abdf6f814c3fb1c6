import {
  addMoney,
  formatMoney,
  MINOR_UNITS_PER_UNIT,
  multiplyMoney,
  parseMoney,
} from '../../src/shared/money';

describe('parseMoney', () => {
  it.each([
    ['2.55', 25500],
    ['2.1', 21000],
    ['0.0', 0],
    ['-0.0', 0],
    ['0.001', 10],
    ['3', 30000],
    ['-11062.06', -110620600],
    ['17836.46', 178364600],
    ['1.2345', 12345],
    ['2.550000', 25500],
    ['007.50', 75000],
  ])('parses %s exactly', (text, minor) => {
    expect(parseMoney(text)).toEqual({ ok: true, minor });
  });

  it('never returns negative zero', () => {
    // toEqual distinguishes 0 from -0.
    expect(parseMoney('-0.00')).toEqual({ ok: true, minor: 0 });
  });

  it.each(['', '2,55', '£2.55', '2.', '.5', '1e3', '+2.55', ' 2.55', 'NaN', '1,000.00', '--1'])(
    'rejects %j',
    (text) => {
      expect(parseMoney(text)).toEqual({
        ok: false,
        reason: 'is not a decimal number such as 2.55',
      });
    },
  );

  it('rejects a fifth nonzero decimal place', () => {
    expect(parseMoney('3.75555')).toEqual({ ok: false, reason: 'has more than 4 decimal places' });
  });

  it('accepts the maximum safe amount', () => {
    expect(parseMoney('900719925474.0991')).toEqual({ ok: true, minor: Number.MAX_SAFE_INTEGER });
  });

  it('rejects one minor unit more', () => {
    expect(parseMoney('900719925474.0992')).toEqual({
      ok: false,
      reason: 'is beyond the maximum amount 900719925474.0991',
    });
  });

  it('rejects very long digit strings', () => {
    expect(parseMoney('1'.repeat(40)).ok).toBe(false);
  });
});

describe('formatMoney', () => {
  it.each([
    [25500, '2.55'],
    [10, '0.001'],
    [0, '0.00'],
    [-110620600, '-11062.06'],
    [12345, '1.2345'],
    [30000, '3.00'],
    [-5, '-0.0005'],
  ])('formats %d as %s', (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });

  it('groups thousands on request', () => {
    expect(formatMoney(12064830700, { grouping: true })).toBe('1,206,483.07');
  });

  it('honours minFractionDigits', () => {
    expect(formatMoney(30000, { minFractionDigits: 0 })).toBe('3');
  });

  it.each(['2.55', '0.001', '-11062.06', '1.2345', '900719925474.0991'])(
    'round-trips %s',
    (text) => {
      const parsed = parseMoney(text);
      const minor = parsed.ok ? parsed.minor : Number.NaN;

      expect(formatMoney(minor)).toBe(text);
    },
  );

  it('rejects a non-integer amount', () => {
    expect(() => formatMoney(2.55)).toThrow(TypeError);
  });
});

describe('multiplyMoney', () => {
  it('multiplies a price by a quantity exactly', () => {
    // 2.55 x 3 = 7.65, while the floating-point product 2.55 * 3 is 7.6499999999999995.
    expect(multiplyMoney(25500, 3)).toBe(76500);
    expect(multiplyMoney(20800, -80995)).toBe(-1684696000);
  });

  it('rejects a product beyond the safe range', () => {
    expect(() => multiplyMoney(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });

  it('rejects a non-integer quantity', () => {
    expect(() => multiplyMoney(25500, 1.5)).toThrow(TypeError);
  });
});

describe('addMoney', () => {
  it('adds amounts', () => {
    expect(addMoney(25500, -10)).toBe(25490);
  });

  it('rejects a sum beyond the safe range', () => {
    expect(() => addMoney(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });

  it('uses a scale of 4 decimal places', () => {
    expect(MINOR_UNITS_PER_UNIT).toBe(10_000);
  });
});
