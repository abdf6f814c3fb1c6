import { isMerchandiseCode } from './productName';
import type { TransactionLine } from './transactionLine';
import type { SkipReason } from './types';

/**
 * Returns why a line is kept out of daily sales, or `undefined` for a sale line. The rules are
 * checked in this order and the first that applies is the reason:
 * 1. `negative_price`: UnitPrice below 0, such as the `Adjust bad debt` lines of code `B`;
 * 2. `non_product_code`: the StockCode is not a merchandise code (POST, DOT, M, AMAZONFEE, ...);
 * 3. `adjustment_invoice`: the InvoiceNo has the `A` prefix, an accounting adjustment;
 * 4. `empty_description`: UnitPrice 0 and a blank description, a stock adjustment without a note;
 * 5. `zero_price`: UnitPrice 0, such as stock write-offs with a note (`damaged`, `check`) and
 *    goods given away.
 * A merchandise line with a price above 0 and a blank description is a sale line.
 */
export function classifyLine(line: TransactionLine): SkipReason | undefined {
  if (line.unitPriceMinor < 0) {
    return 'negative_price';
  }
  if (!isMerchandiseCode(line.stockCode)) {
    return 'non_product_code';
  }
  if (line.invoiceKind === 'adjustment') {
    return 'adjustment_invoice';
  }
  if (line.unitPriceMinor === 0) {
    return line.description.trim() === '' ? 'empty_description' : 'zero_price';
  }
  return undefined;
}
