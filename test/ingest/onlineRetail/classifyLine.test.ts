import { classifyLine } from '../../../src/ingest/onlineRetail/classifyLine';
import type { TransactionLine } from '../../../src/ingest/onlineRetail/transactionLine';

function line(overrides: Partial<TransactionLine>): TransactionLine {
  return {
    line: 2,
    invoiceKind: 'sale',
    stockCode: '85123A',
    description: 'WHITE HANGING HEART T-LIGHT HOLDER',
    quantity: 6,
    date: '2010-12-01',
    unitPriceMinor: 25500,
    revenueMinor: 153000,
    ...overrides,
  };
}

describe('classifyLine', () => {
  it('imports a priced merchandise line', () => {
    expect(classifyLine(line({}))).toBeUndefined();
  });

  it('imports a cancellation', () => {
    expect(
      classifyLine(line({ invoiceKind: 'cancellation', quantity: -6, revenueMinor: -153000 })),
    ).toBeUndefined();
  });

  it('imports a priced line with blank description', () => {
    expect(classifyLine(line({ description: '  ' }))).toBeUndefined();
  });

  it('checks negative price first', () => {
    expect(
      classifyLine(line({ stockCode: 'B', invoiceKind: 'adjustment', unitPriceMinor: -110620600 })),
    ).toBe('negative_price');
  });

  it('checks the code before the invoice prefix', () => {
    expect(classifyLine(line({ stockCode: 'B', invoiceKind: 'adjustment' }))).toBe(
      'non_product_code',
    );
  });

  it('skips an adjustment invoice on a product', () => {
    expect(classifyLine(line({ invoiceKind: 'adjustment' }))).toBe('adjustment_invoice');
  });

  it('skips zero price with blank description', () => {
    expect(classifyLine(line({ unitPriceMinor: 0, description: '' }))).toBe('empty_description');
  });

  it('skips zero price with a note', () => {
    expect(classifyLine(line({ unitPriceMinor: 0, description: 'damaged' }))).toBe('zero_price');
  });

  it('skips a zero-price non-product line as non-product', () => {
    expect(classifyLine(line({ stockCode: 'DCGS0055', unitPriceMinor: 0, description: '' }))).toBe(
      'non_product_code',
    );
  });
});
