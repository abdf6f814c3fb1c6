import { CsvError, parse } from 'csv-parse/sync';

import type { ProblemLog } from './importError';

/** The columns a CSV file must have, may have, and whether other columns are allowed. */
export interface CsvTableSpec {
  /** Header names that must each appear exactly once, in any order. */
  required: readonly string[];
  /** Header names that may appear; a missing optional column reads as absent. */
  optional?: readonly string[];
  /** Whether header names outside `required` and `optional` are ignored (true) or rejected. */
  allowUnknownColumns?: boolean;
}

/** One data record of a CSV file with the physical line where it starts. */
export class CsvRow {
  constructor(
    /** Physical line where the record starts, 1-based, with the header as line 1. */
    readonly line: number,
    /** Field values in file order, exactly as parsed (not trimmed). */
    readonly fields: readonly string[],
    private readonly columnIndex: ReadonlyMap<string, number>,
  ) {}

  /** Returns the value of a column, or `undefined` when an optional column is absent. */
  get(column: string): string | undefined {
    const index = this.columnIndex.get(column);
    return index === undefined ? undefined : this.fields[index];
  }

  /** Returns the value of a required column. Throws `TypeError` for a column the spec never required. */
  require(column: string): string {
    const value = this.get(column);
    if (value === undefined) {
      throw new TypeError(
        `Column ${JSON.stringify(column)} is not a required column of this table.`,
      );
    }
    return value;
  }
}

/** A parsed CSV file: its header names and its data rows. */
export interface CsvTable {
  header: readonly string[];
  rows: CsvRow[];
}

/**
 * Reads CSV text (RFC 4180 quoting, `,` delimiter, LF, CRLF or CR line breaks, optional UTF-8
 * byte order mark) into rows keyed by header name. Blank lines are skipped.
 *
 * Problems are recorded in `log` instead of thrown:
 * - a missing, duplicate or unexpected header name, after which no rows are returned;
 * - a row whose field count differs from the header's, which is left out of the result;
 * - a CSV syntax error (an unclosed or misplaced quote), after which csv-parse cannot continue.
 */
export function readCsvTable(text: string, spec: CsvTableSpec, log: ProblemLog): CsvTable {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineIndex(bytes);
  const records: { fields: string[]; line: number }[] = [];

  // csv-parse reports `lines` at the end of a record and miscounts CRLF inside quoted fields,
  // so each record's start line is derived from the byte offset where the previous one ended.
  let previousEnd = 0;
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        records.push({ fields: record, line: lines.lineOfRecordStartingAfter(previousEnd) });
        previousEnd = context.bytes;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) {
      throw error;
    }
    log.add(lines.lineOfRecordStartingAfter(previousEnd), describeCsvError(error));
  }

  const [headerRecord, ...dataRecords] = records;
  if (headerRecord === undefined) {
    if (log.count === 0) {
      log.add(1, `The file is empty; expected a header row with ${spec.required.join(', ')}.`);
    }
    return { header: [], rows: [] };
  }

  const header = headerRecord.fields.map((name) => name.trim());
  const columnIndex = indexHeader(header, spec, log);
  if (columnIndex === undefined) {
    return { header, rows: [] };
  }

  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    if (record.fields.length !== header.length) {
      log.add(
        record.line,
        `The row has ${countOf(record.fields.length, 'field')} but the header has ${header.length}; quote any field that contains a comma.`,
      );
      continue;
    }
    rows.push(new CsvRow(record.line, record.fields, columnIndex));
  }
  return { header, rows };
}

function indexHeader(
  header: readonly string[],
  spec: CsvTableSpec,
  log: ProblemLog,
): Map<string, number> | undefined {
  const known = new Set([...spec.required, ...(spec.optional ?? [])]);
  const index = new Map<string, number>();
  const problemsBefore = log.count;

  header.forEach((name, position) => {
    if (index.has(name)) {
      log.add(1, `Column ${JSON.stringify(name)} appears more than once in the header.`);
    } else if (!known.has(name) && !spec.allowUnknownColumns) {
      log.add(
        1,
        `Column ${JSON.stringify(name)} is not expected; allowed columns are ${[...known].join(', ')}.`,
      );
    }
    index.set(name, position);
  });
  const missing = spec.required.filter((name) => !index.has(name));
  if (missing.length > 0) {
    log.add(
      1,
      `The header is missing the required ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}; expected ${spec.required.join(', ')}.`,
    );
  }

  return log.count === problemsBefore ? index : undefined;
}

function countOf(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field that starts on this line is never closed.';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A closing quote is followed by a character other than a comma or a line break; double any quote inside a quoted field.';
    case 'INVALID_OPENING_QUOTE':
      return 'A quote appears inside an unquoted field; quote the whole field and double the quotes inside it.';
    default:
      return `The CSV is invalid from this line on (csv-parse ${error.code}).`;
  }
}

/** Line numbers of byte offsets, counting LF, CRLF and lone CR as line breaks. */
class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly bytes: Buffer) {
    const LF = 0x0a;
    const CR = 0x0d;
    for (let offset = 0; offset < bytes.length; offset += 1) {
      const byte = bytes[offset];
      if (byte === LF || (byte === CR && bytes[offset + 1] !== LF)) {
        this.lineStarts.push(offset + 1);
      }
    }
  }

  /**
   * Returns the 1-based line of the first record byte at or after `offset`, skipping the line
   * breaks of blank lines that csv-parse drops.
   */
  lineOfRecordStartingAfter(offset: number): number {
    let start = offset;
    while (
      start < this.bytes.length &&
      (this.bytes[start] === 0x0a || this.bytes[start] === 0x0d)
    ) {
      start += 1;
    }
    return this.lineAt(start);
  }

  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low + 1;
  }
}
