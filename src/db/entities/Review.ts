import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { dateAsIsoString } from '../columns';
import { Product } from './Product';

/**
 * A customer review of a product with the sentiment classified when it was stored. `sourceId`
 * is the source's id of the review: unique when present, so importing a file again replaces
 * those reviews instead of adding copies.
 */
@Entity({ name: 'review' })
@Index('ix_review_product', ['productId', 'id'])
@Index('uq_review_source_id', ['sourceId'], { unique: true })
export class Review {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  /** Stars from 1 (worst) to 5 (best). */
  @Column({ type: 'integer' })
  rating!: number;

  @Column({ type: 'text' })
  text!: string;

  /** `zh` or `en`. */
  @Column({ type: 'varchar', length: 8 })
  language!: string;

  /** Day the review was written; null when the source does not record it. */
  @Column({ name: 'review_date', type: 'date', nullable: true, transformer: dateAsIsoString })
  reviewDate!: string | null;

  @Column({ name: 'source_id', type: 'varchar', length: 128, nullable: true })
  sourceId!: string | null;

  /** `positive`, `neutral` or `negative`. */
  @Column({ name: 'sentiment_label', type: 'varchar', length: 16 })
  sentimentLabel!: string;

  /** Sentiment score in [-1, 1]: the lexicon score, or P(positive) - P(negative) from a model. */
  @Column({ name: 'sentiment_score', type: 'double precision' })
  sentimentScore!: number;

  /** Classifier of the sentiment: `builtin` or `huggingface`. */
  @Column({ name: 'sentiment_provider', type: 'varchar', length: 32 })
  sentimentProvider!: string;

  @Column({ name: 'sentiment_model', type: 'varchar', length: 255 })
  sentimentModel!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
