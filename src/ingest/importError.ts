import { DomainError, ErrorCode } from '../shared/errors';

/** One reason an input file cannot be imported, at a physical line of that file. */
export interface ImportProblem {
  /** Label of the file, e.g. `transactions.csv`. */
  file: string;
  /** Physical line where the CSV record starts, 1-based, with the header as line 1. */
  line: number;
  /** Header name of the column at fault, when one column is. */
  column?: string;
  /** One sentence naming the value received and what is allowed. */
  message: string;
}

/** Problems kept on an `ImportError`; the rest are only counted, so a wrong file cannot flood memory. */
export const MAX_KEPT_PROBLEMS = 1000;

/** Problems quoted in the error message itself. */
const PROBLEMS_IN_MESSAGE = 10;

/**
 * An `IMPORT_FAILED` error: at least one input line is malformed, so nothing was imported.
 * `problems` lists the first `MAX_KEPT_PROBLEMS` problems in file and line order, and
 * `problemCount` counts them all.
 */
export class ImportError extends DomainError {
  readonly problems: readonly ImportProblem[];
  readonly problemCount: number;

  constructor(problems: readonly ImportProblem[], problemCount: number = problems.length) {
    super(ErrorCode.ImportFailed, describeProblems(problems, problemCount));
    this.name = 'ImportError';
    this.problems = problems;
    this.problemCount = problemCount;
  }
}

/** Formats one problem as `file line N (Column): message`. */
export function formatProblem(problem: ImportProblem): string {
  const column = problem.column ? ` (${problem.column})` : '';
  return `${problem.file} line ${problem.line}${column}: ${problem.message}`;
}

function describeProblems(problems: readonly ImportProblem[], problemCount: number): string {
  const listed = problems.slice(0, PROBLEMS_IN_MESSAGE).map(formatProblem);
  const more = problemCount - listed.length;
  const tail = more > 0 ? ` ... and ${more} more.` : '';
  const noun = problemCount === 1 ? 'problem' : 'problems';
  return `Import failed with ${problemCount} ${noun}, so nothing was imported. ${listed.join(' ')}${tail}`;
}

/**
 * A collector of problems for one input file. Parsers record every problem they find and
 * call `throwIfAny` once the whole file is read, so the user sees all bad lines at once.
 */
export class ProblemLog {
  private readonly kept: ImportProblem[] = [];
  private total = 0;

  constructor(readonly file: string) {}

  /** Records a problem at `line`; `column` names the header of the column at fault. */
  add(line: number, message: string, column?: string): void {
    this.total += 1;
    if (this.kept.length < MAX_KEPT_PROBLEMS) {
      this.kept.push(
        column === undefined
          ? { file: this.file, line, message }
          : { file: this.file, line, column, message },
      );
    }
  }

  /** Number of problems recorded, including those beyond `MAX_KEPT_PROBLEMS`. */
  get count(): number {
    return this.total;
  }

  /** Throws an `ImportError` over this log and `others` when any of them recorded a problem. */
  throwIfAny(...others: ProblemLog[]): void {
    const logs = [this, ...others];
    const total = logs.reduce((sum, log) => sum + log.total, 0);
    if (total === 0) {
      return;
    }
    const problems = logs.flatMap((log) => [...log.kept].sort((a, b) => a.line - b.line));
    throw new ImportError(problems.slice(0, MAX_KEPT_PROBLEMS), total);
  }
}

/** Quotes a received value for a message, shortening long ones so a message stays one line. */
export function quoteValue(value: string): string {
  const maxLength = 40;
  const shown = value.length > maxLength ? `${value.slice(0, maxLength)}...` : value;
  return JSON.stringify(shown);
}
