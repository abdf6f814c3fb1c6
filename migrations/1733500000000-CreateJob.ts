import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the job table for long-running work such as catalogue forecasts and bulk copy. */
export class CreateJob1733500000000 implements MigrationInterface {
  name = 'CreateJob1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    const timestamp = String(types.createDate);
    await queryRunner.createTable(
      new Table({
        name: 'job',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'kind', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'input', type: 'text' },
          { name: 'items', type: 'text' },
          { name: 'total', type: 'integer' },
          { name: 'succeeded', type: 'integer', default: 0 },
          { name: 'failed', type: 'integer', default: 0 },
          { name: 'results', type: 'text' },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'created_at', type: timestamp, default: String(types.createDateDefault) },
          { name: 'started_at', type: timestamp, isNullable: true },
          { name: 'finished_at', type: timestamp, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_job_status', columnNames: ['status'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job');
  }
}
