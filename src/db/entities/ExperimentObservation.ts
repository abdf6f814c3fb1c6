import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { ExperimentVariant } from './ExperimentVariant';

/**
 * Impressions and conversions of one variant reported in one batch. A variant's totals are the
 * sums over its rows. `batchKey` names the caller's batch: a batch key is recorded once per
 * variant, so a retried batch is not counted twice.
 */
@Entity({ name: 'experiment_observation' })
@Index('uq_experiment_observation_batch', ['variantId', 'batchKey'], { unique: true })
export class ExperimentObservation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'variant_id', type: 'integer' })
  variantId!: number;

  @ManyToOne(() => ExperimentVariant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id' })
  variant?: ExperimentVariant;

  @Column({ name: 'batch_key', type: 'varchar', length: 128, nullable: true })
  batchKey!: string | null;

  @Column({ type: 'integer' })
  impressions!: number;

  @Column({ type: 'integer' })
  conversions!: number;

  @CreateDateColumn({ name: 'recorded_at' })
  recordedAt!: Date;
}
