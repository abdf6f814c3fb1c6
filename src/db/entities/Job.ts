import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { JobItemResult, JobStatus } from '../../shared/jobQueue';

/** A long-running job: its input, progress and the outcome of each item. */
@Entity({ name: 'job' })
export class Job {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Handler kind, e.g. `forecastCatalogue`. */
  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStatus;

  @Column({ type: 'simple-json' })
  input!: unknown;

  /** Item keys planned when the job was submitted, e.g. product ids. */
  @Column({ type: 'simple-json' })
  items!: string[];

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  succeeded!: number;

  @Column({ type: 'integer', default: 0 })
  failed!: number;

  /** Outcome of each finished item, in the order items finished. */
  @Column({ type: 'simple-json' })
  results!: JobItemResult[];

  /** Reason the whole job failed, when it did. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  // `type: Date` maps to the driver's timestamp type: datetime on SQLite, timestamp on PostgreSQL.
  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
