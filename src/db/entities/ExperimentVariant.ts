import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Experiment } from './Experiment';
import { GeneratedCopy } from './GeneratedCopy';

/** One arm of an experiment: a generated copy, shown and counted on its own. */
@Entity({ name: 'experiment_variant' })
@Index('uq_experiment_variant_copy', ['experimentId', 'copyId'], { unique: true })
export class ExperimentVariant {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'experiment_id', type: 'integer' })
  experimentId!: number;

  @ManyToOne(() => Experiment, (experiment) => experiment.variants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id' })
  experiment?: Experiment;

  @Column({ name: 'copy_id', type: 'integer' })
  copyId!: number;

  @ManyToOne(() => GeneratedCopy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'copy_id' })
  copy?: GeneratedCopy;

  /** 0-based order of the variant in the experiment. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'is_control', type: 'boolean', default: false })
  isControl!: boolean;
}
