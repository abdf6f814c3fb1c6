import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { ExperimentVariant } from './ExperimentVariant';
import { Product } from './Product';

/** Status of an experiment: results are still being recorded, or the test was stopped. */
export type ExperimentStatus = 'running' | 'stopped';

/** An A/B test of generated copies of one product in one copy channel. */
@Entity({ name: 'experiment' })
@Index('ix_experiment_product', ['productId', 'id'])
export class Experiment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** The copy channel every variant was written for, e.g. `EMAIL_SUBJECT`. */
  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ExperimentStatus;

  /** Impressions per variant the test was planned for; null when no size was planned. */
  @Column({ name: 'planned_sample_size', type: 'integer', nullable: true })
  plannedSampleSize!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'stopped_at', type: Date, nullable: true })
  stoppedAt!: Date | null;

  @OneToMany(() => ExperimentVariant, (variant) => variant.experiment)
  variants?: ExperimentVariant[];
}
