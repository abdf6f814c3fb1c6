import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { BrandProfileVersion } from './BrandProfileVersion';
import { Product } from './Product';

/** Review state of a copy: written (`draft`), cleared for use (`approved`) or turned down. */
export type CopyStatus = 'draft' | 'approved' | 'rejected';

/** One field of a channel preset as written, e.g. the second search ad headline. */
export interface StoredCopyField {
  name: string;
  index: number;
  text: string;
  /** Length in `unit`: grapheme clusters, Google Ads or X weighted characters, SMS units. */
  length: number;
  limit: number;
  unit: string;
  truncated: boolean;
  shortenRounds: number;
  encoding?: string;
  segments?: number;
}

/** A rule the final text breaks, as the copywriting checks reported it. */
export interface StoredViolation {
  rule: string;
  severity: 'error' | 'warning';
  text: string;
  field?: string;
  message: string;
}

/** The audience segment the copy was written for; never a person. */
export interface StoredAudience {
  customerType?: string;
  country?: string;
  description?: string;
}

/**
 * One variant of marketing copy written for a product: its fields, the checks' findings, the
 * prompts and who wrote it, and its review status.
 */
@Entity({ name: 'generated_copy' })
@Index('ix_generated_copy_product', ['productId', 'id'])
@Index('ix_generated_copy_status', ['status', 'id'])
@Index('ix_generated_copy_batch', ['batchId'])
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

  /** The fields joined by line breaks, in preset order. */
  @Column({ type: 'text' })
  text!: string;

  /** Every field of the channel preset; empty for copy stored before fields existed. */
  @Column({ type: 'simple-json', default: '[]' })
  fields!: StoredCopyField[];

  @Column({ type: 'simple-json', default: '[]' })
  violations!: StoredViolation[];

  @Column({ type: 'simple-json', nullable: true })
  audience!: StoredAudience | null;

  /** The brand profile version the copy was written and checked against. */
  @Column({ name: 'brand_profile_version_id', type: 'integer', nullable: true })
  brandProfileVersionId!: number | null;

  @ManyToOne(() => BrandProfileVersion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'brand_profile_version_id' })
  brandProfileVersion?: BrandProfileVersion;

  /**
   * Id shared by the copies of one bulk job, stored in the job's input as `batchId`; null for
   * copy from `generateCopy`. Job handlers are not told their job's id, hence this id.
   */
  @Column({ name: 'batch_id', type: 'varchar', length: 36, nullable: true })
  batchId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: CopyStatus;

  /** Name of the API key that made the last review decision. */
  @Column({ name: 'reviewed_by', type: 'varchar', length: 100, nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  reviewReason!: string | null;

  @Column({ name: 'reviewed_at', type: Date, nullable: true })
  reviewedAt!: Date | null;

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

  /** The first prompt sent, the one that wrote the copy. */
  @Column({ type: 'text' })
  prompt!: string;

  /** Every prompt sent, regeneration and shorten rounds included; null for older copy. */
  @Column({ type: 'simple-json', nullable: true })
  prompts!: string[] | null;

  /** Calls made to the provider for this copy, retries not counted. */
  @Column({ name: 'provider_calls', type: 'integer', default: 1 })
  providerCalls!: number;

  /** Sum of the provider calls' wall-clock times, retries included. */
  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs!: number;

  @Column({ name: 'prompt_tokens', type: 'integer', nullable: true })
  promptTokens!: number | null;

  @Column({ name: 'completion_tokens', type: 'integer', nullable: true })
  completionTokens!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
