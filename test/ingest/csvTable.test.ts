import { readCsvTable } from '../../src/ingest/csvTable';
import type { ImportError, ImportProblem } from '../../src/ingest/importError';
import { ProblemLog } from '../../src/ingest/importError';

const SPEC = { required: ['a', 'b'] };

function read(text: string, spec: Parameters<typeof readCsvTable>[1] = SPEC) {
  const log = new ProblemLog('test.csv');
  const table = readCsvTable(text, spec, log);
  let problems: readonly ImportProblem[] = [];
  try {
    log.throwIfAny();
  } catch (error) {
    problems = (error as ImportError).problems;
  }
  return { table, problems };
}

function linesOf(text: string, spec = SPEC): number[] {
  return read(text, spec).table.rows.map((row) => row.line);
}

describe('readCsvTable', () => {
  it('keys fields by header name', () => {
    const { table } = read('b,a\n1,2\n');

    expect(table.rows[0].get('a')).toBe('2');
    expect(table.rows[0].require('b')).toBe('1');
  });

  it('numbers rows by physical line', () => {
    expect(linesOf('a,b\n1,2\n\n3,4\n')).toEqual([2, 4]);
  });

  it('numbers rows after a multi-line field', () => {
    expect(linesOf('a,b\n"x\ny",1\n3,4\n')).toEqual([2, 4]);
  });

  it('numbers rows after CRLF inside quotes', () => {
    // csv-parse 6.2 counts this record as ending on line 4; the file has it on lines 2-3.
    expect(linesOf('a,b\r\n"x\r\ny",1\r\n3,4\r\n')).toEqual([2, 4]);
  });

  it('numbers rows with CR line breaks', () => {
    expect(linesOf('a,b\r1,2\r3,4')).toEqual([2, 3]);
  });

  it('numbers rows after a byte order mark and multibyte text', () => {
    expect(linesOf('\uFEFFa,b\n"好\n评",1\n3,4\n')).toEqual([2, 4]);
  });

  it('strips the byte order mark from the header', () => {
    expect(read('\uFEFFa,b\n1,2\n').table.header).toEqual(['a', 'b']);
  });

  it('keeps field text unchanged', () => {
    const { table } = read('a,b\n" padded ","say ""hi"", ok"\n');

    expect(table.rows[0].fields).toEqual([' padded ', 'say "hi", ok']);
  });

  it('reports a wrong field count', () => {
    const { table, problems } = read('a,b\n1,2\n1,2,3\n');

    expect(table.rows.map((row) => row.line)).toEqual([2]);
    expect(problems).toEqual([
      {
        file: 'test.csv',
        line: 3,
        message:
          'The row has 3 fields but the header has 2; quote any field that contains a comma.',
      },
    ]);
  });

  it('reports an unclosed quote at its line', () => {
    const { problems } = read('a,b\n1,2\n3,"4\n5,6\n');

    expect(problems).toEqual([
      {
        file: 'test.csv',
        line: 3,
        message: 'A quoted field that starts on this line is never closed.',
      },
    ]);
  });

  it('reports text after a closing quote', () => {
    const { problems } = read('a,b\n1,2\n3,"4"x\n');

    expect(problems.map((problem) => problem.line)).toEqual([3]);
    expect(problems[0].message).toMatch(/^A closing quote is followed by a character/);
  });

  it('reports an empty file', () => {
    expect(read('').problems).toEqual([
      { file: 'test.csv', line: 1, message: 'The file is empty; expected a header row with a, b.' },
    ]);
  });

  it('reports missing, repeated and unknown columns', () => {
    const { table, problems } = read('a,a,c\n1,2,3\n');

    expect(table.rows).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'Column "a" appears more than once in the header.',
      'Column "c" is not expected; allowed columns are a, b.',
      'The header is missing the required column b; expected a, b.',
    ]);
  });

  it('allows unknown columns on request', () => {
    const { table, problems } = read('a,b,c\n1,2,3\n', {
      required: ['a', 'b'],
      allowUnknownColumns: true,
    });

    expect(problems).toEqual([]);
    expect(table.rows[0].get('c')).toBe('3');
  });

  it('reads an absent optional column as undefined', () => {
    const { table } = read('a,b\n1,2\n', { required: ['a', 'b'], optional: ['c'] });

    expect(table.rows[0].get('c')).toBeUndefined();
  });

  it('accepts an empty header name', () => {
    const { table } = read(',b\n0,x\n', { required: ['', 'b'] });

    expect(table.rows[0].get('')).toBe('0');
  });
});
