import { formatImportReport } from '../../../src/ingest/onlineRetail/formatImportReport';
import { parseOnlineRetail } from '../../../src/ingest/onlineRetail/parseOnlineRetail';
import { readFixture } from '../harness';

describe('formatImportReport', () => {
  it('prints the report of a small file', () => {
    const { report } = parseOnlineRetail(readFixture('case_variants.csv'));

    expect(formatImportReport(report)).toBe(
      [
        'Import report',
        '  Lines read                  4',
        '  Imported as sales           4',
        '  Merged into a daily record  2',
        '  Daily sales records         2  0 with negative net units',
        '  Products                    2  0 from the products file only',
        '  Sales dates: 2010-12-03 to 2010-12-04',
        '',
        'Skipped lines',
        '                                  lines  units  revenue',
        '  negative unit price (bad debt)      0      0    £0.00',
        '  non-product code                    0      0    £0.00',
        '  adjustment invoice (A prefix)       0      0    £0.00',
        '  zero price, empty description       0      0    £0.00',
        '  zero price                          0      0    £0.00',
        '',
        'Non-product codes (kept out of product sales)',
        '  none',
        '',
        'Cancellations netted: 0 lines, 0 units, £0.00',
        'Case variants merged: 84997b -> 84997B (1 line); 85123a -> 85123A (2 lines)',
        'Exact duplicate lines, kept: 0 lines, 0 units, £0.00; of them sale lines: 0 lines, 0 units, £0.00',
        'Sale lines with a note as description: 0',
        // 6 x 2.95 + 37 x 6.77 + 3 x 8.29 = 17.70 + 250.49 + 24.87
        'Revenue: imported £293.06 + skipped £0.00 = file total £293.06',
        '',
      ].join('\n'),
    );
  });

  it('prints non-product codes and negative amounts', () => {
    const { report } = parseOnlineRetail(readFixture('non_product_codes.csv'));

    const text = formatImportReport(report);

    expect(text).toContain('  AMAZONFEE         1     -1  -£17,836.46  AMAZON FEE\n');
    expect(text).toContain(
      '  PADS              1      1       £0.001  PADS TO MATCH ALL CUSHIONS\n',
    );
  });

  it('prints the products file line', () => {
    const { report } = parseOnlineRetail(
      readFixture('adjustments.csv'),
      readFixture('products.csv'),
    );

    expect(formatImportReport(report)).toContain(
      'Products file: 10 rows read, 1 non-merchandise, 2 without a price or name, 4 products added\n',
    );
  });
});
