import type { Logger as TypeOrmLogger } from 'typeorm';

/** A TypeORM logger that records every SQL statement the data source runs. */
export class QueryCounter implements TypeOrmLogger {
  statements: string[] = [];

  logQuery(query: string): void {
    this.statements.push(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** Counts statements other than transaction control, then starts counting afresh. */
  take(): number {
    const count = this.statements.filter(
      (statement) =>
        !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION)/i.test(statement),
    ).length;
    this.statements = [];
    return count;
  }
}
