import { parseOnlineRetail } from '../../../src/ingest/onlineRetail/parseOnlineRetail';
import type { ImportReport, SkipReason } from '../../../src/ingest/onlineRetail/types';
import { catchImportError, readFixture } from '../harness';

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

function skipped(report: ImportReport, reason: SkipReason) {
  return report.skipped.find((entry) => entry.reason === reason);
}

describe('parseOnlineRetail', () => {
  describe('sales and cancellations', () => {
    const result = parseOnlineRetail(readFixture('sales_and_cancellations.csv'));

    it('sums sale lines per sku and date', () => {
      expect(result.sales).toEqual([
        // 6 x 1.85 = 11.10
        { sku: '22632', date: '2010-12-01', channel: 'all', units: 6, revenueMinor: 111000 },
        // cancellation C536400: -10 x 1.85 = -18.50
        { sku: '22632', date: '2010-12-02', channel: 'all', units: -10, revenueMinor: -185000 },
        // 6 x 2.55 + 4 x 2.95 - 2 x 2.55 = 15.30 + 11.80 - 5.10 = 22.00
        { sku: '85123A', date: '2010-12-01', channel: 'all', units: 8, revenueMinor: 220000 },
        // 12 x 2.55 = 30.60
        { sku: '85123A', date: '2010-12-02', channel: 'all', units: 12, revenueMinor: 306000 },
      ]);
    });

    it('counts cancellations netted', () => {
      expect(result.report.cancellations).toEqual({ lines: 2, units: -12, revenueMinor: -236000 });
    });

    it('counts lines read, imported and merged', () => {
      expect(result.report.linesRead).toBe(6);
      expect(result.report.imported).toBe(6);
      expect(result.report.merged).toBe(2);
      expect(result.report.dailyRecords).toBe(4);
    });

    it('counts days with negative net units', () => {
      expect(result.report.dailyRecordsWithNegativeUnits).toBe(1);
    });

    it('reports the sales date range', () => {
      expect(result.report.firstDate).toBe('2010-12-01');
      expect(result.report.lastDate).toBe('2010-12-02');
    });

    it('uses the modal order price as list price', () => {
      // 85123A orders: 2.55 on two lines, 2.95 on one; the cancellation's price is not an order.
      expect(result.products.map((product) => [product.sku, product.listPriceMinor])).toEqual([
        ['22632', 18500],
        ['85123A', 25500],
      ]);
    });

    it('passes no customer id on', () => {
      const output = JSON.stringify(result);

      expect(output).not.toContain('17850');
      expect(output).not.toContain('13047');
      expect(output).not.toContain('United Kingdom');
    });
  });

  describe('non-product codes', () => {
    const { products, sales, report } = parseOnlineRetail(readFixture('non_product_codes.csv'));

    it('keeps them out of products and sales', () => {
      expect(products.map((product) => product.sku)).toEqual(['22632']);
      expect(sales.map((record) => record.sku)).toEqual(['22632']);
    });

    it('reports each code with its revenue', () => {
      expect(report.nonProductCodes.map(({ code, revenueMinor }) => [code, revenueMinor])).toEqual([
        ['AMAZONFEE', -178364600],
        ['B', 110620600],
        ['BANK CHARGES', 150000],
        ['C2', 500000],
        ['CRUK', -16000],
        ['D', -275000],
        ['DCGSSBOY', 32900],
        ['DOT', 5697700],
        ['M', 8500],
        ['PADS', 10],
        ['POST', 540000],
        ['S', -35000],
        ['gift_0001_20', 170200],
        ['m', 25500],
      ]);
    });

    it('keeps the codes as written', () => {
      const manual = report.nonProductCodes.filter((code) => code.description === 'Manual');

      expect(manual.map((code) => code.code)).toEqual(['M', 'm']);
    });

    it('counts their lines under one reason', () => {
      expect(skipped(report, 'non_product_code')).toEqual({
        reason: 'non_product_code',
        lines: 14,
        // 3 - 1 + 1 + 1 + 1 + 1 - 1 + 1 - 1 - 1 + 1 + 1 + 1 + 1
        units: 8,
        // 54.00 - 27.50 + 569.77 + 0.85 + 2.55 + 50.00 - 3.50 + 15.00 - 17836.46 - 1.60
        // + 0.001 + 17.02 + 3.29 + 11062.06 = -6094.519
        revenueMinor: -60945190,
      });
    });

    it('does not count their cancellations', () => {
      expect(report.cancellations.lines).toBe(0);
    });

    it('reports no case variants for them', () => {
      expect(report.caseVariants).toEqual([]);
    });
  });

  describe('adjustment lines', () => {
    const { products, sales, report } = parseOnlineRetail(readFixture('adjustments.csv'));

    it('skips each for its reason', () => {
      expect(report.skipped.map(({ reason, lines }) => [reason, lines])).toEqual([
        ['negative_price', 1],
        ['non_product_code', 0],
        ['adjustment_invoice', 1],
        ['empty_description', 1],
        ['zero_price', 2],
      ]);
    });

    it('keeps units and revenue of skipped lines', () => {
      expect(skipped(report, 'negative_price')).toMatchObject({
        units: 1,
        revenueMinor: -110620600,
      });
      expect(skipped(report, 'zero_price')).toMatchObject({ units: -9599, revenueMinor: 0 });
      expect(skipped(report, 'empty_description')).toMatchObject({ units: 56, revenueMinor: 0 });
    });

    it('imports a priced line with a blank description', () => {
      expect(sales).toContainEqual({
        sku: '22139',
        date: '2010-12-05',
        channel: 'all',
        units: 3,
        revenueMinor: 148500,
      });
    });

    it('names a product without name by its sku', () => {
      expect(products.find((product) => product.sku === '22139')?.name).toBe('22139');
    });

    it('imports only priced merchandise lines', () => {
      expect(sales.map(({ sku, date }) => `${sku} ${date}`)).toEqual([
        '22139 2010-12-05',
        '22841 2010-12-05',
      ]);
    });
  });

  describe('descriptions', () => {
    const { products, sales, report } = parseOnlineRetail(readFixture('descriptions.csv'));
    const product = (sku: string) => products.find((candidate) => candidate.sku === sku);

    it('names by the most frequent normalized description', () => {
      expect(product('21212')?.name).toBe('PACK OF 72 RETROSPOT CAKE CASES');
    });

    it('never names a product after a note', () => {
      expect(product('22386')?.name).toBe('JUMBO BAG PINK POLKADOT');
      expect(report.noteDescriptionLines).toBe(2);
    });

    it('keeps commas and quotes in names', () => {
      expect(product('23843')?.name).toBe('PAPER CRAFT , LITTLE BIRDIE');
      expect(product('84879')?.name).toBe('RECORD FRAME 7" SINGLE SIZE');
    });

    it('breaks price ties toward the lower price', () => {
      expect(product('22960')?.listPriceMinor).toBe(37500);
    });

    it('derives category and tags from the name', () => {
      expect(product('22386')).toMatchObject({ category: 'Bags', tags: ['pink', 'polka dot'] });
      expect(product('21212')).toMatchObject({
        category: 'Kitchen and dining',
        tags: ['polka dot'],
      });
      expect(product('23843')).toMatchObject({ category: 'Gift ware', tags: ['paper'] });
    });

    it('describes sale lines in one sentence', () => {
      expect(product('21212')?.description).toBe(
        'Ordered on 3 invoice lines from 2011-01-04 to 2011-01-05, most often at £0.55 per unit.',
      );
      expect(product('23843')?.description).toBe(
        'Ordered on 1 invoice line and cancelled or returned on 1 line on 2011-12-09, most often at £2.08 per unit.',
      );
    });

    it('keeps a day whose cancellation cancels out', () => {
      expect(sales).toContainEqual({
        sku: '23843',
        date: '2011-12-09',
        channel: 'all',
        units: 0,
        revenueMinor: 0,
      });
    });

    it('sets the currency to GBP', () => {
      expect(new Set(products.map((candidate) => candidate.currency))).toEqual(new Set(['GBP']));
    });
  });

  describe('exact duplicate lines', () => {
    const { sales, report } = parseOnlineRetail(readFixture('duplicates.csv'));

    it('counts them', () => {
      expect(report.exactDuplicates).toEqual({ lines: 1, units: 1, revenueMinor: 12500 });
      expect(report.exactDuplicateSales).toEqual({ lines: 1, units: 1, revenueMinor: 12500 });
    });

    it('keeps them as separate sales', () => {
      expect(sales).toEqual([
        { sku: '21866', date: '2010-12-01', channel: 'all', units: 2, revenueMinor: 25000 },
        { sku: '22866', date: '2010-12-01', channel: 'all', units: 5, revenueMinor: 105000 },
      ]);
      expect(report.merged).toBe(3);
    });
  });

  describe('case-variant codes', () => {
    const { products, sales, report } = parseOnlineRetail(readFixture('case_variants.csv'));

    it('merges them under the upper-case sku', () => {
      expect(sales).toEqual([
        { sku: '84997B', date: '2010-12-04', channel: 'all', units: 3, revenueMinor: 248700 },
        // 6 x 2.95 + 37 x 6.77 = 17.70 + 250.49 = 268.19
        { sku: '85123A', date: '2010-12-03', channel: 'all', units: 43, revenueMinor: 2681900 },
      ]);
      expect(products.map((product) => product.sku)).toEqual(['84997B', '85123A']);
    });

    it('reports which codes were merged', () => {
      expect(report.caseVariants).toEqual([
        { sku: '84997B', spellings: ['84997b'], lines: 1 },
        { sku: '85123A', spellings: ['85123a'], lines: 2 },
      ]);
    });

    it('names by the description across spellings', () => {
      expect(products[1].name).toBe('WHITE HANGING HEART T-LIGHT HOLDER');
    });
  });

  describe('with a products file', () => {
    const { products, report } = parseOnlineRetail(
      readFixture('adjustments.csv'),
      readFixture('products.csv'),
    );
    const product = (sku: string) => products.find((candidate) => candidate.sku === sku);

    it('names a sku without name from the file', () => {
      expect(product('22139')?.name).toBe('RETROSPOT TEA SET CERAMIC 11 PC');
    });

    it('prefers the sales file for products with sales', () => {
      expect(product('22841')).toMatchObject({ listPriceMinor: 79500 });
      expect(product('22841')?.description).toMatch(/^Ordered on 1 invoice line/);
    });

    it('adds catalogue products without sales', () => {
      expect(products.map((candidate) => candidate.sku)).toEqual([
        '10002',
        '18098C',
        '20954',
        '22139',
        '22841',
        '85123A',
      ]);
      expect(product('10002')).toEqual({
        sku: '10002',
        name: 'INFLATABLE POLITICAL GLOBE',
        description: '',
        category: 'Gift ware',
        listPriceMinor: 8500,
        currency: 'GBP',
        tags: [],
      });
    });

    it('prefers the upper-case row of a code', () => {
      expect(product('85123A')?.listPriceMinor).toBe(29500);
      expect(product('18098C')?.listPriceMinor).toBe(50600);
    });

    it('reports what the file contributed', () => {
      expect(report.catalogue).toEqual({
        rowsRead: 10,
        nonMerchandiseRows: 1,
        rowsSkipped: 2,
        productsAdded: 4,
      });
      expect(report.products).toBe(6);
      expect(report.productsFromCatalogueOnly).toBe(4);
    });
  });

  describe('reconciliation', () => {
    it.each([
      'sales_and_cancellations.csv',
      'non_product_codes.csv',
      'adjustments.csv',
      'descriptions.csv',
      'duplicates.csv',
      'case_variants.csv',
    ])('accounts for every line of %s', (name) => {
      const { report } = parseOnlineRetail(readFixture(name));
      const skippedLines = report.skipped.reduce((sum, entry) => sum + entry.lines, 0);
      const skippedRevenue = report.skipped.reduce((sum, entry) => sum + entry.revenueMinor, 0);

      expect(report.imported + skippedLines).toBe(report.linesRead);
      expect(report.importedTotals.revenueMinor + skippedRevenue).toBe(report.fileRevenueMinor);
    });
  });

  describe('malformed lines', () => {
    const error = catchImportError(() => parseOnlineRetail(readFixture('malformed.csv')));

    it('lists each bad line with its problem', () => {
      expect(error.problems.map(({ line, column, message }) => [line, column, message])).toEqual([
        [
          3,
          undefined,
          'The row has 7 fields but the header has 8; quote any field that contains a comma.',
        ],
        [6, 'Quantity', 'Quantity "6.5" is not a whole number.'],
        [
          7,
          'InvoiceDate',
          'InvoiceDate "2010-13-01 08:35:00" is not a valid date and time; expected YYYY-MM-DD HH:MM:SS.',
        ],
        [8, 'UnitPrice', 'UnitPrice "£3.75" is not a decimal number such as 2.55.'],
        [
          9,
          'Quantity',
          'Quantity "24" is positive on cancellation invoice "C536371"; cancellation lines must have a negative quantity.',
        ],
        [
          10,
          'InvoiceNo',
          'InvoiceNo "X536372" is invalid; expected digits, optionally after the prefix C (cancellation) or A (adjustment).',
        ],
        [11, 'UnitPrice', 'UnitPrice "3.75555" has more than 4 decimal places.'],
        [12, 'StockCode', 'StockCode is missing.'],
      ]);
    });

    it('fails with IMPORT_FAILED', () => {
      expect(error.code).toBe('IMPORT_FAILED');
      expect(error.problemCount).toBe(8);
      expect(error.message).toMatch(
        /^Import failed with 8 problems, so nothing was imported\. transactions\.csv line 3: /,
      );
    });

    it('keeps line numbers with CRLF line breaks', () => {
      const crlf = readFixture('malformed.csv').replace(/\n/g, '\r\n');

      const crlfError = catchImportError(() => parseOnlineRetail(crlf));

      expect(crlfError.problems.map((problem) => problem.line)).toEqual([
        3, 6, 7, 8, 9, 10, 11, 12,
      ]);
    });

    it('labels problems with the given file name', () => {
      const labelled = catchImportError(() =>
        parseOnlineRetail(readFixture('malformed.csv'), undefined, {
          transactionsFile: 'mine.csv',
        }),
      );

      expect(labelled.problems[0].file).toBe('mine.csv');
    });

    it('reports an unclosed quote', () => {
      const quoteError = catchImportError(() =>
        parseOnlineRetail(readFixture('unclosed_quote.csv')),
      );

      expect(quoteError.problems).toEqual([
        {
          file: 'transactions.csv',
          line: 3,
          message: 'A quoted field that starts on this line is never closed.',
        },
      ]);
    });

    it('reports problems of both files together', () => {
      const badProducts =
        'StockCode,Description,modal_unit_price\n22139,TEA SET,4.95\n22139,TEA SET,4.95\n10002,GLOBE,-1\n';

      const both = catchImportError(() =>
        parseOnlineRetail(readFixture('malformed.csv'), badProducts),
      );

      expect(both.problemCount).toBe(10);
      expect(both.problems.slice(8).map(({ file, line }) => [file, line])).toEqual([
        ['products.csv', 3],
        ['products.csv', 4],
      ]);
    });

    it.each([
      [
        '0 quantity',
        '536365,22632,HAND WARMER,0,2010-12-01 08:26:00,1.85,,UK',
        'Quantity "0" is invalid; an invoice line must move at least one unit.',
      ],
      [
        'a date without time',
        '536365,22632,HAND WARMER,1,2010-12-01,1.85,,UK',
        'InvoiceDate "2010-12-01" is not a valid date and time; expected YYYY-MM-DD HH:MM:SS.',
      ],
      [
        'an impossible day',
        '536365,22632,HAND WARMER,1,2011-02-29 10:00:00,1.85,,UK',
        'InvoiceDate "2011-02-29 10:00:00" is not a valid date and time; expected YYYY-MM-DD HH:MM:SS.',
      ],
      [
        'hour 24',
        '536365,22632,HAND WARMER,1,2011-02-28 24:00:00,1.85,,UK',
        'InvoiceDate "2011-02-28 24:00:00" is not a valid date and time; expected YYYY-MM-DD HH:MM:SS.',
      ],
      [
        'a day-first date',
        '536365,22632,HAND WARMER,1,01/12/2010 08:26,1.85,,UK',
        'InvoiceDate "01/12/2010 08:26" is not a valid date and time; expected YYYY-MM-DD HH:MM:SS.',
      ],
      [
        'an empty price',
        '536365,22632,HAND WARMER,1,2010-12-01 08:26:00,,,UK',
        'UnitPrice is missing; expected a decimal amount such as 2.55.',
      ],
      [
        'a decimal comma',
        '536365,22632,HAND WARMER,1,2010-12-01 08:26:00,"1,85",,UK',
        'UnitPrice "1,85" is not a decimal number such as 2.55.',
      ],
      [
        'a huge quantity',
        '536365,22632,HAND WARMER,99999999999999999999,2010-12-01 08:26:00,1.85,,UK',
        'Quantity "99999999999999999999" is not a whole number.',
      ],
      [
        'a revenue beyond range',
        '536365,22632,HAND WARMER,100000000,2010-12-01 08:26:00,90071992.5474,,UK',
        'Quantity x UnitPrice is too large to store exactly: Amount 90071992.5474 x 100000000 is beyond the maximum amount 900719925474.0991.',
      ],
      [
        'a long StockCode',
        `536365,${'1'.repeat(65)},HAND WARMER,1,2010-12-01 08:26:00,1.85,,UK`,
        `StockCode "${'1'.repeat(40)}..." is longer than the maximum of 64 characters.`,
      ],
    ])('rejects %s', (_case, row, message) => {
      const lineError = catchImportError(() => parseOnlineRetail(`${HEADER}\n${row}\n`));

      expect(lineError.problems.map((problem) => [problem.line, problem.message])).toEqual([
        [2, message],
      ]);
    });

    it('accepts a time without seconds', () => {
      const { sales } = parseOnlineRetail(
        `${HEADER}\n536365,22632,HAND WARMER,1,2010-12-01 08:26,1.85,,UK\n`,
      );

      expect(sales[0].date).toBe('2010-12-01');
    });

    it('rejects a header from another format', () => {
      const headerError = catchImportError(() =>
        parseOnlineRetail(
          'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n',
        ),
      );

      expect(headerError.problems.map((problem) => problem.line)).toEqual([1, 1, 1, 1]);
      expect(headerError.problems[3].message).toBe(
        'The header is missing the required columns InvoiceNo, UnitPrice, CustomerID; expected InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country.',
      );
    });
  });

  it('returns nothing for a header-only file', () => {
    const { products, sales, report } = parseOnlineRetail(`${HEADER}\n`);

    expect(products).toEqual([]);
    expect(sales).toEqual([]);
    expect(report.linesRead).toBe(0);
    expect(report.firstDate).toBeNull();
  });
});
