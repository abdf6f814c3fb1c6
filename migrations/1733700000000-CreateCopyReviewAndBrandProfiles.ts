import { Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Creates versioned brand profiles and the copy review log, and gives generated copy its
 * channel fields, check results, audience, brand profile version, bulk batch and review
 * status.
 * Copy stored before this migration becomes a draft with no fields. Written with TypeORM's
 * table API and the driver's own timestamp types so that it runs on SQLite and PostgreSQL.
 */
export class CreateCopyReviewAndBrandProfiles1733700000000 implements MigrationInterface {
  name = 'CreateCopyReviewAndBrandProfiles1733700000000';

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
    const createdAt: TableColumnOptions = {
      name: 'created_at',
      type: timestamp,
      default: String(types.createDateDefault),
    };

    await queryRunner.createTable(
      new Table({
        name: 'brand_profile',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'current_version', type: 'integer' },
          createdAt,
          {
            name: 'updated_at',
            type: String(types.updateDate),
            default: String(types.updateDateDefault),
          },
        ],
        indices: [
          new TableIndex({ name: 'uq_brand_profile_name', columnNames: ['name'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'brand_profile_version',
        columns: [
          id,
          { name: 'brand_profile_id', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'voice', type: 'text', default: "''" },
          { name: 'prefer_words', type: 'text' },
          { name: 'avoid_words', type: 'text' },
          { name: 'forbidden_claims', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '100', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'uq_brand_profile_version',
            columnNames: ['brand_profile_id', 'version'],
            isUnique: true,
          }),
        ],
        foreignKeys: [foreignKey('brand_profile', 'brand_profile_id', 'CASCADE')],
      }),
    );

    await queryRunner.addColumns('generated_copy', [
      new TableColumn({ name: 'fields', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'violations', type: 'text', default: "'[]'" }),
      new TableColumn({ name: 'audience', type: 'text', isNullable: true }),
      new TableColumn({ name: 'brand_profile_version_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'batch_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'status', type: 'varchar', length: '16', default: "'draft'" }),
      new TableColumn({ name: 'reviewed_by', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'review_reason', type: 'text', isNullable: true }),
      new TableColumn({ name: 'reviewed_at', type: timestamp, isNullable: true }),
      new TableColumn({ name: 'prompts', type: 'text', isNullable: true }),
      new TableColumn({ name: 'provider_calls', type: 'integer', default: 1 }),
    ]);
    await queryRunner.createForeignKey(
      'generated_copy',
      foreignKey('brand_profile_version', 'brand_profile_version_id', 'SET NULL'),
    );
    await queryRunner.createIndices('generated_copy', [
      new TableIndex({ name: 'ix_generated_copy_status', columnNames: ['status', 'id'] }),
      new TableIndex({ name: 'ix_generated_copy_batch', columnNames: ['batch_id'] }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'copy_status_change',
        columns: [
          id,
          { name: 'copy_id', type: 'integer' },
          { name: 'from_status', type: 'varchar', length: '16' },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'reviewer', type: 'varchar', length: '100' },
          { name: 'reviewer_key_id', type: 'integer', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({
            name: 'ix_copy_status_change_copy',
            columnNames: ['copy_id', 'id'],
          }),
        ],
        foreignKeys: [foreignKey('generated_copy', 'copy_id', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('copy_status_change');
    const table = await queryRunner.getTable('generated_copy');
    const foreignKeys = (table?.foreignKeys ?? []).filter((key) =>
      key.columnNames.includes('brand_profile_version_id'),
    );
    await queryRunner.dropForeignKeys('generated_copy', foreignKeys);
    await queryRunner.dropIndex('generated_copy', 'ix_generated_copy_status');
    await queryRunner.dropIndex('generated_copy', 'ix_generated_copy_batch');
    await queryRunner.dropColumns('generated_copy', [
      'fields',
      'violations',
      'audience',
      'brand_profile_version_id',
      'batch_id',
      'status',
      'reviewed_by',
      'review_reason',
      'reviewed_at',
      'prompts',
      'provider_calls',
    ]);
    await queryRunner.dropTable('brand_profile_version');
    await queryRunner.dropTable('brand_profile');
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
