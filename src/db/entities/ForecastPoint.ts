import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { dateAsIsoString } from '../columns';
import { Forecast } from './Forecast';

/** One forecast period: the point forecast and its 80% and 95% prediction interval bounds. */
@Entity({ name: 'forecast_point' })
@Index('uq_forecast_point_step', ['forecastId', 'step'], { unique: true })
export class ForecastPoint {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'forecast_id', type: 'integer' })
  forecastId!: number;

  @ManyToOne(() => Forecast, (forecast) => forecast.points, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forecast_id' })
  forecast?: Forecast;

  /** 1 for the first period after the training range. */
  @Column({ type: 'integer' })
  step!: number;

  @Column({ type: 'date', transformer: dateAsIsoString })
  period!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ name: 'lower80', type: 'double precision' })
  lower80!: number;

  @Column({ name: 'upper80', type: 'double precision' })
  upper80!: number;

  @Column({ name: 'lower95', type: 'double precision' })
  lower95!: number;

  @Column({ name: 'upper95', type: 'double precision' })
  upper95!: number;
}
