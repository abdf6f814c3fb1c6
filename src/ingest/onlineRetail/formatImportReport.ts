import { addMoney, formatMoney } from '../../shared/money';
import type { ImportReport, LineTotals, SkipReason } from './types';

const COUNT_FORMAT = new Intl.NumberFormat('en-GB');

const SKIP_REASON_LABELS: Readonly<Record<SkipReason, string>> = {
  negative_price: 'negative unit price (bad debt)',
  non_product_code: 'non-product code',
  adjustment_invoice: 'adjustment invoice (A prefix)',
  empty_description: 'zero price, empty description',
  zero_price: 'zero price',
};

/**
 * Formats an import report as plain text for a terminal: the headline counts, a table of skipped
 * lines per reason and per non-product code with units and revenue, cancellations, case-variant
 * merges, duplicates and the revenue reconciliation. Amounts are in pounds with 2 to 4 decimals.
 */
export function formatImportReport(report: ImportReport): string {
  const skippedRevenue = report.skipped.reduce(
    (sum, skipped) => addMoney(sum, skipped.revenueMinor),
    0,
  );
  const sections = [
    [
      'Import report',
      ...alignRows(HEADLINE_ALIGNMENT, [
        ['Lines read', count(report.linesRead)],
        ['Imported as sales', count(report.imported)],
        ['Merged into a daily record', count(report.merged)],
        [
          'Daily sales records',
          count(report.dailyRecords),
          `${count(report.dailyRecordsWithNegativeUnits)} with negative net units`,
        ],
        [
          'Products',
          count(report.products),
          `${count(report.productsFromCatalogueOnly)} from the products file only`,
        ],
      ]),
      `  Sales dates: ${report.firstDate === null ? 'none' : `${report.firstDate} to ${report.lastDate}`}`,
    ],
    [
      'Skipped lines',
      ...totalsTable(
        report.skipped.map((skipped) => [SKIP_REASON_LABELS[skipped.reason], skipped]),
      ),
    ],
    [
      'Non-product codes (kept out of product sales)',
      ...totalsTable(
        report.nonProductCodes.map((code) => [code.code, code]),
        report.nonProductCodes.map((code) => code.description),
      ),
    ],
    [
      `Cancellations netted: ${totalsSentence(report.cancellations)}`,
      `Case variants merged: ${describeCaseVariants(report)}`,
      `Exact duplicate lines, kept: ${totalsSentence(report.exactDuplicates)}; of them sale lines: ${totalsSentence(report.exactDuplicateSales)}`,
      `Sale lines with a note as description: ${count(report.noteDescriptionLines)}`,
      `Revenue: imported ${pounds(report.importedTotals.revenueMinor)} + skipped ${pounds(skippedRevenue)} = file total ${pounds(report.fileRevenueMinor)}`,
    ],
  ];
  if (report.catalogue !== undefined) {
    const { rowsRead, nonMerchandiseRows, rowsSkipped, productsAdded } = report.catalogue;
    sections.push([
      `Products file: ${count(rowsRead)} rows read, ${count(nonMerchandiseRows)} non-merchandise, ${count(rowsSkipped)} without a price or name, ${count(productsAdded)} products added`,
    ]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function totalsTable(rows: [string, LineTotals][], notes: string[] = []): string[] {
  if (rows.length === 0) {
    return ['  none'];
  }
  const header = ['', 'lines', 'units', 'revenue'];
  const body = rows.map(([label, totals], index) => [
    label,
    count(totals.lines),
    count(totals.units),
    pounds(totals.revenueMinor),
    notes[index] ?? '',
  ]);
  return alignRows(TOTALS_ALIGNMENT, [header, ...body]);
}

/** Padding of a column: flush left, flush right, or none for a trailing note. */
type Alignment = 'left' | 'right' | 'none';

const HEADLINE_ALIGNMENT: readonly Alignment[] = ['left', 'right', 'none'];
const TOTALS_ALIGNMENT: readonly Alignment[] = ['left', 'right', 'right', 'right', 'none'];

/** Pads each column to its widest cell, indents rows by two spaces and trims trailing spaces. */
function alignRows(alignment: readonly Alignment[], rows: string[][]): string[] {
  const widths = alignment.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) => {
    const cells = row.map((cell, column) => {
      switch (alignment[column]) {
        case 'left':
          return cell.padEnd(widths[column]);
        case 'right':
          return cell.padStart(widths[column]);
        default:
          return cell;
      }
    });
    return `  ${cells.join('  ')}`.trimEnd();
  });
}

function describeCaseVariants(report: ImportReport): string {
  if (report.caseVariants.length === 0) {
    return 'none';
  }
  return report.caseVariants
    .map(
      ({ sku, spellings, lines }) =>
        `${spellings.join(', ')} -> ${sku} (${countOf(lines, 'line')})`,
    )
    .join('; ');
}

function totalsSentence(totals: LineTotals): string {
  return `${countOf(totals.lines, 'line')}, ${countOf(totals.units, 'unit')}, ${pounds(totals.revenueMinor)}`;
}

function count(value: number): string {
  return COUNT_FORMAT.format(value);
}

function countOf(value: number, noun: string): string {
  return `${count(value)} ${Math.abs(value) === 1 ? noun : `${noun}s`}`;
}

function pounds(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  return `${sign}£${formatMoney(Math.abs(minor), { grouping: true })}`;
}
