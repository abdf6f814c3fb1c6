import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A brand profile: a stable id and name whose rules live in numbered, immutable versions.
 * Creating and updating a profile each store a new `BrandProfileVersion`.
 */
@Entity({ name: 'brand_profile' })
export class BrandProfile {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('uq_brand_profile_name', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Number of the newest version, starting at 1. */
  @Column({ name: 'current_version', type: 'integer' })
  currentVersion!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
