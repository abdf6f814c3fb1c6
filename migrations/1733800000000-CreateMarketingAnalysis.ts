import { Table, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Creates the campaign, review and experiment tables. Written with TypeORM's table API and the
 * driver's own timestamp types so that it runs unchanged on SQLite and PostgreSQL.
 */
export class CreateMarketingAnalysis1733800000000 implements MigrationInterface {
  name = 'CreateMarketingAnalysis1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    const timestamp = String(types.createDate);
    const id: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const createdAt = (name: string): TableColumnOptions => ({
      name,
      type: timestamp,
      default: String(types.createDateDefault),
    });

    await queryRunner.createTable(
      new Table({
        name: 'campaign',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '255' },
          { name: 'channel', type: 'varchar', length: '32' },
          { name: 'start_date', type: 'date' },
          { name: 'end_date', type: 'date' },
          { name: 'product_id', type: 'integer', isNullable: true },
          { name: 'currency', type: 'varchar', length: '3' },
          { name: 'spend_minor', type: 'bigint', isNullable: true },
          { name: 'impressions', type: 'bigint', isNullable: true },
          { name: 'clicks', type: 'bigint', isNullable: true },
          { name: 'conversions', type: 'bigint', isNullable: true },
          { name: 'attributed_revenue_minor', type: 'bigint', isNullable: true },
          createdAt('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_campaign_name_channel_start',
            columnNames: ['name', 'channel', 'start_date'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_campaign_product', columnNames: ['product_id'] }),
        ],
        foreignKeys: [foreignKey('product', 'product_id', 'SET NULL')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'review',
        columns: [
          id,
          { name: 'product_id', type: 'integer' },
          { name: 'rating', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'language', type: 'varchar', length: '8' },
          { name: 'review_date', type: 'date', isNullable: true },
          { name: 'source_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'sentiment_label', type: 'varchar', length: '16' },
          { name: 'sentiment_score', type: 'double precision' },
          { name: 'sentiment_provider', type: 'varchar', length: '32' },
          { name: 'sentiment_model', type: 'varchar', length: '255' },
          createdAt('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_review_product', columnNames: ['product_id', 'id'] }),
          new TableIndex({
            name: 'uq_review_source_id',
            columnNames: ['source_id'],
            isUnique: true,
          }),
        ],
        foreignKeys: [foreignKey('product', 'product_id', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'experiment',
        columns: [
          id,
          { name: 'product_id', type: 'integer' },
          { name: 'name', type: 'varchar', length: '255' },
          { name: 'channel', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'planned_sample_size', type: 'integer', isNullable: true },
          createdAt('created_at'),
          { name: 'stopped_at', type: timestamp, isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_experiment_product', columnNames: ['product_id', 'id'] }),
        ],
        foreignKeys: [foreignKey('product', 'product_id', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'experiment_variant',
        columns: [
          id,
          { name: 'experiment_id', type: 'integer' },
          { name: 'copy_id', type: 'integer' },
          { name: 'position', type: 'integer' },
          { name: 'is_control', type: 'boolean', default: 'false' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_experiment_variant_copy',
            columnNames: ['experiment_id', 'copy_id'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          foreignKey('experiment', 'experiment_id', 'CASCADE'),
          foreignKey('generated_copy', 'copy_id', 'CASCADE'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'experiment_observation',
        columns: [
          id,
          { name: 'variant_id', type: 'integer' },
          { name: 'batch_key', type: 'varchar', length: '128', isNullable: true },
          { name: 'impressions', type: 'integer' },
          { name: 'conversions', type: 'integer' },
          createdAt('recorded_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_experiment_observation_batch',
            columnNames: ['variant_id', 'batch_key'],
            isUnique: true,
          }),
        ],
        foreignKeys: [foreignKey('experiment_variant', 'variant_id', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = [
      'experiment_observation',
      'experiment_variant',
      'experiment',
      'review',
      'campaign',
    ];
    for (const table of tables) {
      await queryRunner.dropTable(table);
    }
  }
}

function foreignKey(
  table: string,
  column: string,
  onDelete: 'CASCADE' | 'SET NULL',
): TableForeignKey {
  return new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });
}
