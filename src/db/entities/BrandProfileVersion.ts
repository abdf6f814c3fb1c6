import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { BrandProfile } from './BrandProfile';

/** One version of a brand profile's voice and word rules, never changed once stored. */
@Entity({ name: 'brand_profile_version' })
@Index('uq_brand_profile_version', ['brandProfileId', 'version'], { unique: true })
export class BrandProfileVersion {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'brand_profile_id', type: 'integer' })
  brandProfileId!: number;

  @ManyToOne(() => BrandProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_profile_id' })
  brandProfile?: BrandProfile;

  /** 1 for the profile as created, then one more per update. */
  @Column({ type: 'integer' })
  version!: number;

  /** The profile's name when this version was stored. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text', default: '' })
  voice!: string;

  @Column({ name: 'prefer_words', type: 'simple-json' })
  preferWords!: string[];

  @Column({ name: 'avoid_words', type: 'simple-json' })
  avoidWords!: string[];

  @Column({ name: 'forbidden_claims', type: 'simple-json' })
  forbiddenClaims!: string[];

  /** Name of the API key that stored the version; null for an anonymous development request. */
  @Column({ name: 'created_by', type: 'varchar', length: 100, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
