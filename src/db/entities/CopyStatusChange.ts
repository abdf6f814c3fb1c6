import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { CopyStatus } from './GeneratedCopy';
import { GeneratedCopy } from './GeneratedCopy';

/** One review decision on a generated copy: the status it left and entered, who and why. */
@Entity({ name: 'copy_status_change' })
@Index('ix_copy_status_change_copy', ['copyId', 'id'])
export class CopyStatusChange {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'copy_id', type: 'integer' })
  copyId!: number;

  @ManyToOne(() => GeneratedCopy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'copy_id' })
  copy?: GeneratedCopy;

  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus!: CopyStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: CopyStatus;

  /** Name of the reviewer's API key, or `development` for an anonymous development request. */
  @Column({ type: 'varchar', length: 100 })
  reviewer!: string;

  @Column({ name: 'reviewer_key_id', type: 'integer', nullable: true })
  reviewerKeyId!: number | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
