import { Table, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the api_key table: hashed secrets with a role, a name and usage timestamps. */
export class CreateApiKey1733412000000 implements MigrationInterface {
  name = 'CreateApiKey1733412000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    await queryRunner.createTable(
      new Table({
        name: 'api_key',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'secret_hash', type: 'varchar', length: '64' },
          {
            name: 'created_at',
            type: String(types.createDate),
            default: String(types.createDateDefault),
          },
          { name: 'last_used_at', type: String(types.createDate), isNullable: true },
          { name: 'revoked_at', type: String(types.createDate), isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'uq_api_key_secret_hash',
            columnNames: ['secret_hash'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_key');
  }
}
