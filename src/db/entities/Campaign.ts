import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { bigintAsNumber, dateAsIsoString } from '../columns';
import { Product } from './Product';

/**
 * A marketing campaign and its results over its whole run. A measure is null when the source did
 * not record it, which differs from a recorded 0. Money is in minor units at scale 4 of
 * `currency`. (name, channel, start date) is unique: importing the same campaign again replaces
 * its measures.
 */
@Entity({ name: 'campaign' })
@Index('uq_campaign_name_channel_start', ['name', 'channel', 'startDate'], { unique: true })
@Index('ix_campaign_product', ['productId'])
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** One of the ingest module's `CAMPAIGN_CHANNELS`, e.g. `email` or `phone`. */
  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  /** First day of the campaign, included. */
  @Column({ name: 'start_date', type: 'date', transformer: dateAsIsoString })
  startDate!: string;

  /** Last day of the campaign, included. */
  @Column({ name: 'end_date', type: 'date', transformer: dateAsIsoString })
  endDate!: string;

  /** The product whose sales the campaign promotes, for lift; null when it promotes none. */
  @Column({ name: 'product_id', type: 'integer', nullable: true })
  productId!: number | null;

  @ManyToOne(() => Product, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ name: 'spend_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  spendMinor!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  impressions!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  clicks!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  conversions!: number | null;

  @Column({
    name: 'attributed_revenue_minor',
    type: 'bigint',
    nullable: true,
    transformer: bigintAsNumber,
  })
  attributedRevenueMinor!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
