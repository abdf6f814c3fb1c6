import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { bigintAsNumber, dateAsIsoString } from '../columns';
import { Product } from './Product';

/**
 * Units and revenue of one product on one UTC calendar day in one channel.
 * The key (product, period, channel) is unique: recording it again updates the row.
 */
@Entity({ name: 'sales_observation' })
@Index('uq_sales_product_period_channel', ['productId', 'period', 'channel'], { unique: true })
export class SalesObservation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  /** The UTC calendar date, `YYYY-MM-DD`. */
  @Column({ type: 'date', transformer: dateAsIsoString })
  period!: string;

  @Column({ type: 'varchar', length: 32, default: 'all' })
  channel!: string;

  @Column({ type: 'integer' })
  units!: number;

  @Column({ name: 'revenue_minor', type: 'bigint', transformer: bigintAsNumber })
  revenueMinor!: number;
}
