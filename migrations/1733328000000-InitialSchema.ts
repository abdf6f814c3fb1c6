import { Table, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Creates the catalogue, sales, forecast and copy tables. Written with TypeORM's table API and
 * the driver's own timestamp types so that it runs unchanged on SQLite and PostgreSQL.
 */
export class InitialSchema1733328000000 implements MigrationInterface {
  name = 'InitialSchema1733328000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    const id: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const createdAt: TableColumnOptions = {
      name: 'created_at',
      type: String(types.createDate),
      default: String(types.createDateDefault),
    };

    await queryRunner.createTable(
      new Table({
        name: 'product',
        columns: [
          id,
          { name: 'sku', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '255' },
          { name: 'description', type: 'text', default: "''" },
          { name: 'category', type: 'varchar', length: '128', default: "''" },
          { name: 'list_price_minor', type: 'bigint' },
          { name: 'currency', type: 'varchar', length: '3' },
          { name: 'tags', type: 'text' },
          createdAt,
          {
            name: 'updated_at',
            type: String(types.updateDate),
            default: String(types.updateDateDefault),
          },
        ],
        indices: [
          new TableIndex({ name: 'uq_product_sku', columnNames: ['sku'], isUnique: true }),
          new TableIndex({ name: 'ix_product_category', columnNames: ['category'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sales_observation',
        columns: [
          id,
          { name: 'product_id', type: 'integer' },
          { name: 'period', type: 'date' },
          { name: 'channel', type: 'varchar', length: '32', default: "'all'" },
          { name: 'units', type: 'integer' },
          { name: 'revenue_minor', type: 'bigint' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_sales_product_period_channel',
            columnNames: ['product_id', 'period', 'channel'],
            isUnique: true,
          }),
        ],
        foreignKeys: [cascadeTo('product', 'product_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'forecast',
        columns: [
          id,
          { name: 'product_id', type: 'integer' },
          { name: 'requested_kind', type: 'varchar', length: '32' },
          { name: 'model_kind', type: 'varchar', length: '32' },
          { name: 'model_params', type: 'text' },
          { name: 'granularity', type: 'varchar', length: '8' },
          { name: 'horizon', type: 'integer' },
          { name: 'season_length', type: 'integer', isNullable: true },
          { name: 'train_from', type: 'date' },
          { name: 'train_to', type: 'date' },
          { name: 'train_points', type: 'integer' },
          { name: 'channel', type: 'varchar', length: '32', default: "'all'" },
          { name: 'fit_statistics', type: 'text' },
          { name: 'warnings', type: 'text' },
          { name: 'candidates', type: 'text', isNullable: true },
          { name: 'backtest', type: 'text', isNullable: true },
          { name: 'duration_ms', type: 'integer' },
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'ix_forecast_product', columnNames: ['product_id', 'id'] }),
        ],
        foreignKeys: [cascadeTo('product', 'product_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'forecast_point',
        columns: [
          id,
          { name: 'forecast_id', type: 'integer' },
          { name: 'step', type: 'integer' },
          { name: 'period', type: 'date' },
          { name: 'value', type: 'double precision' },
          { name: 'lower80', type: 'double precision' },
          { name: 'upper80', type: 'double precision' },
          { name: 'lower95', type: 'double precision' },
          { name: 'upper95', type: 'double precision' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_forecast_point_step',
            columnNames: ['forecast_id', 'step'],
            isUnique: true,
          }),
        ],
        foreignKeys: [cascadeTo('forecast', 'forecast_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'generated_copy',
        columns: [
          id,
          { name: 'product_id', type: 'integer' },
          { name: 'channel', type: 'varchar', length: '32' },
          { name: 'tone', type: 'varchar', length: '32' },
          { name: 'language', type: 'varchar', length: '8' },
          { name: 'text', type: 'text' },
          { name: 'variant', type: 'integer', default: 0 },
          { name: 'max_length', type: 'integer' },
          { name: 'truncated', type: 'boolean', default: 'false' },
          { name: 'provider', type: 'varchar', length: '32' },
          { name: 'model', type: 'varchar', length: '255' },
          { name: 'prompt', type: 'text' },
          { name: 'latency_ms', type: 'integer' },
          { name: 'prompt_tokens', type: 'integer', isNullable: true },
          { name: 'completion_tokens', type: 'integer', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'ix_generated_copy_product', columnNames: ['product_id', 'id'] }),
        ],
        foreignKeys: [cascadeTo('product', 'product_id')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = ['generated_copy', 'forecast_point', 'forecast', 'sales_observation', 'product'];
    for (const table of tables) {
      await queryRunner.dropTable(table);
    }
  }
}

function cascadeTo(table: string, column: string): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
}
