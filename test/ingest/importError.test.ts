import { ImportError, ProblemLog, quoteValue } from '../../src/ingest/importError';

describe('ImportError', () => {
  it('carries the code and every problem', () => {
    const log = new ProblemLog('test.csv');
    log.add(3, 'Second.', 'b');
    log.add(2, 'First.');

    expect(() => log.throwIfAny()).toThrow(ImportError);
    try {
      log.throwIfAny();
    } catch (error) {
      const importError = error as ImportError;
      expect(importError.code).toBe('IMPORT_FAILED');
      expect(importError.problemCount).toBe(2);
      expect(importError.problems.map((problem) => problem.line)).toEqual([2, 3]);
      expect(importError.message).toBe(
        'Import failed with 2 problems, so nothing was imported. test.csv line 2: First. test.csv line 3 (b): Second.',
      );
    }
  });

  it('keeps at most 1000 problems but counts all', () => {
    const log = new ProblemLog('test.csv');
    for (let line = 2; line < 1502; line += 1) {
      log.add(line, 'Bad.');
    }

    let caught: ImportError | undefined;
    try {
      log.throwIfAny();
    } catch (error) {
      caught = error as ImportError;
    }

    expect(caught?.problems).toHaveLength(1000);
    expect(caught?.problemCount).toBe(1500);
    expect(caught?.message).toMatch(/ \.\.\. and 1490 more\.$/);
  });

  it('does not throw without problems', () => {
    expect(() => new ProblemLog('test.csv').throwIfAny()).not.toThrow();
  });
});

describe('quoteValue', () => {
  it('quotes and shortens long values', () => {
    expect(quoteValue('abc')).toBe('"abc"');
    expect(quoteValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}..."`);
  });
});
