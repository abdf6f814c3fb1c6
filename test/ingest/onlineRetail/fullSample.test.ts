import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseOnlineRetail } from '../../../src/ingest/onlineRetail/parseOnlineRetail';
import { SAMPLE_DIR } from '../harness';

/*
 * The shipped sample, checked against figures computed without this code. Shell commands run
 * in data/sample/online_retail/. Awk splits on every comma, so it is used only on rows whose
 * description has none.
 */
describe('parseOnlineRetail on the shipped sample', () => {
  const transactions = readFileSync(join(SAMPLE_DIR, 'online_retail', 'transactions.csv'), 'utf8');
  const products = readFileSync(join(SAMPLE_DIR, 'online_retail', 'products.csv'), 'utf8');
  const result = parseOnlineRetail(transactions);
  const { report } = result;
  const day = (sku: string, date: string) =>
    result.sales.find((record) => record.sku === sku && record.date === date);
  const skippedLines = (reason: string) =>
    report.skipped.find((entry) => entry.reason === reason)?.lines;

  it('reads every line', () => {
    // tail -n +2 transactions.csv | wc -l  ->  46269 (no quoted field spans two lines)
    expect(report.linesRead).toBe(46269);
  });

  it('accounts for every line', () => {
    const skipped = report.skipped.reduce((sum, entry) => sum + entry.lines, 0);

    expect(report.imported + skipped).toBe(46269);
  });

  it('counts exact duplicate lines', () => {
    // tail -n +2 transactions.csv | sort | uniq -d -c | awk '{s += $1 - 1} END {print s}'  ->  337
    expect(report.exactDuplicates.lines).toBe(337);
  });

  it('totals duplicates among sale lines', () => {
    // python3 over csv.DictReader: rows equal to an earlier row with a merchandise code, a price
    // above 0 and no A prefix  ->  326 lines, 932 units, 1971.19
    expect(report.exactDuplicateSales).toEqual({ lines: 326, units: 932, revenueMinor: 19711900 });
  });

  it('sums 85123A on 2010-12-03', () => {
    // grep -iE '^C?[0-9]+,85123a,' transactions.csv | grep ',2010-12-03 '  ->  8 lines, one of them
    // written 85123a: 2 + 2 + 2 + 7 + 6 + 1 = 20 units at 2.95, 5 at 5.91 and 35 at 6.77, so
    // 60 units and 59.00 + 29.55 + 236.95 = 325.50.
    expect(day('85123A', '2010-12-03')).toEqual({
      sku: '85123A',
      date: '2010-12-03',
      channel: 'all',
      units: 60,
      revenueMinor: 3255000,
    });
  });

  it('nets a cancellation into 85123A on 2010-12-17', () => {
    // grep -iE '^C?[0-9]+,85123a,' transactions.csv | grep ',2010-12-17 ' \
    //   | awk -F, '{u += $4; r += $4 * $6} END {printf "%d %.2f\n", u, r}'  ->  -442 -1026.94
    // 32 units at 2.95 and 26 at 5.91, less C539329's 500 at 2.55: 94.40 + 153.66 - 1275.00.
    expect(day('85123A', '2010-12-17')).toEqual({
      sku: '85123A',
      date: '2010-12-17',
      channel: 'all',
      units: -442,
      revenueMinor: -10269400,
    });
  });

  it('nets every product cancellation', () => {
    // grep -cE '^C[0-9]+,[0-9]{5}' transactions.csv  ->  920 (none has UnitPrice 0)
    expect(report.cancellations.lines).toBe(920);
  });

  it('skips empty descriptions of products', () => {
    // grep -cE '^[0-9]+,[0-9]{5}[^,]*,,' transactions.csv  ->  1415, all at UnitPrice 0.0
    expect(skippedLines('empty_description')).toBe(1415);
  });

  it('skips all non-merchandise lines', () => {
    // grep -vcE '^[CA]?[0-9]+,[0-9]{5}' transactions.csv  ->  2996, the header included; two of
    // the 2995 lines are the negative-price bad-debt lines of code B.
    expect(skippedLines('non_product_code')).toBe(2993);
    expect(skippedLines('negative_price')).toBe(2);
  });

  it('merges the lower-case codes', () => {
    // grep -c ',85123a,' transactions.csv  ->  67; grep -c ',18098c,' transactions.csv  ->  12
    expect(report.caseVariants).toEqual([
      { sku: '18098C', spellings: ['18098c'], lines: 12 },
      { sku: '85123A', spellings: ['85123a'], lines: 67 },
    ]);
    expect(result.sales.some((record) => record.sku !== record.sku.toUpperCase())).toBe(false);
  });

  it('reconciles revenue with the whole file', () => {
    // python3 -c "import csv, decimal; print(sum(decimal.Decimal(r['Quantity']) *
    //   decimal.Decimal(r['UnitPrice']) for r in csv.DictReader(open('transactions.csv'))))"
    //   ->  1161920.574
    const skippedRevenue = report.skipped.reduce((sum, entry) => sum + entry.revenueMinor, 0);

    expect(report.fileRevenueMinor).toBe(11619205740);
    expect(report.importedTotals.revenueMinor + skippedRevenue).toBe(11619205740);
  });

  it('keeps every sku in the catalogue', () => {
    const skus = new Set(result.products.map((product) => product.sku));

    expect(result.sales.every((record) => skus.has(record.sku))).toBe(true);
    expect(skus.size).toBe(result.products.length);
  });

  it('keeps one record per sku, date and channel', () => {
    const keys = new Set(
      result.sales.map((record) => `${record.sku} ${record.date} ${record.channel}`),
    );

    expect(keys.size).toBe(result.sales.length);
    expect(report.merged).toBe(report.imported - result.sales.length);
  });

  it('covers the whole date range', () => {
    expect(report.firstDate).toBe('2010-12-01');
    expect(report.lastDate).toBe('2011-12-09');
  });

  it('names 85123A after its main description', () => {
    expect(result.products.find((product) => product.sku === '85123A')).toMatchObject({
      name: 'WHITE HANGING HEART T-LIGHT HOLDER',
      listPriceMinor: 29500,
      category: 'Candles and lighting',
      tags: ['white', 'heart'],
    });
  });

  it('passes no customer id on', () => {
    expect(JSON.stringify(result)).not.toMatch(/\d{5}\.0\b/);
  });

  it('adds catalogue products from products.csv', () => {
    const withCatalogue = parseOnlineRetail(transactions, products);

    // tail -n +2 products.csv | wc -l  ->  4005
    expect(withCatalogue.report.catalogue?.rowsRead).toBe(4005);
    expect(withCatalogue.report.products).toBe(
      report.products + withCatalogue.report.productsFromCatalogueOnly,
    );
    expect(withCatalogue.sales).toEqual(result.sales);
  });
});
