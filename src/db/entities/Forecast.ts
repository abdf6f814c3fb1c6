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

import { dateAsIsoString } from '../columns';
import { ForecastPoint } from './ForecastPoint';
import { Product } from './Product';

/** A stored forecast of one product's units: the model, its training range and fit. */
@Entity({ name: 'forecast' })
@Index('ix_forecast_product', ['productId', 'id'])
export class Forecast {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;

  /** The model requested, e.g. `AUTO`; `modelKind` is the model that was fitted. */
  @Column({ name: 'requested_kind', type: 'varchar', length: 32 })
  requestedKind!: string;

  @Column({ name: 'model_kind', type: 'varchar', length: 32 })
  modelKind!: string;

  /** Resolved model parameters, e.g. `{ p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 }`. */
  @Column({ name: 'model_params', type: 'simple-json' })
  modelParams!: Record<string, number | string | boolean | null>;

  @Column({ type: 'varchar', length: 8 })
  granularity!: string;

  @Column({ type: 'integer' })
  horizon!: number;

  @Column({ name: 'season_length', type: 'integer', nullable: true })
  seasonLength!: number | null;

  @Column({ name: 'train_from', type: 'date', transformer: dateAsIsoString })
  trainFrom!: string;

  @Column({ name: 'train_to', type: 'date', transformer: dateAsIsoString })
  trainTo!: string;

  @Column({ name: 'train_points', type: 'integer' })
  trainPoints!: number;

  @Column({ type: 'varchar', length: 32, default: 'all' })
  channel!: string;

  /** Fit statistics the model reports (sigma2, logLik, aic, aicc, bic), absent ones omitted. */
  @Column({ name: 'fit_statistics', type: 'simple-json' })
  fitStatistics!: Record<string, number>;

  @Column({ type: 'simple-json' })
  warnings!: string[];

  /** Candidates tried by automatic selection, with their backtest scores; null otherwise. */
  @Column({ type: 'simple-json', nullable: true })
  candidates!: unknown[] | null;

  @Column({ type: 'simple-json', nullable: true })
  backtest!: unknown | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @OneToMany(() => ForecastPoint, (point) => point.forecast)
  points?: ForecastPoint[];
}
