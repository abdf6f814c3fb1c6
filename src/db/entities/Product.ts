import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { bigintAsNumber } from '../columns';

/** A catalogue product. Its list price is exact: minor units at scale 4 plus an ISO currency. */
@Entity({ name: 'product' })
export class Product {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('uq_product_sku', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Index('ix_product_category')
  @Column({ type: 'varchar', length: 128, default: '' })
  category!: string;

  @Column({ name: 'list_price_minor', type: 'bigint', transformer: bigintAsNumber })
  listPriceMinor!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'simple-json' })
  tags!: string[];

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
