import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { Product } from './Product';

/** One variant of marketing copy written for a product, with the prompt and who wrote it. */
@Entity({ name: 'generated_copy' })
@Index('ix_generated_copy_product', ['productId', 'id'])
export class GeneratedCopy {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'varchar', length: 32 })
  tone!: string;

  /** `zh` or `en`. */
  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'text' })
  text!: string;

  /** 0-based position of this variant within one generation request. */
  @Column({ type: 'integer', default: 0 })
  variant!: number;

  @Column({ name: 'max_length', type: 'integer' })
  maxLength!: number;

  @Column({ type: 'boolean', default: false })
  truncated!: boolean;

  @Column({ type: 'varchar', length: 32 })
  provider!: string;

  @Column({ type: 'varchar', length: 255 })
  model!: string;

  @Column({ type: 'text' })
  prompt!: string;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs!: number;

  @Column({ name: 'prompt_tokens', type: 'integer', nullable: true })
  promptTokens!: number | null;

  @Column({ name: 'completion_tokens', type: 'integer', nullable: true })
  completionTokens!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
