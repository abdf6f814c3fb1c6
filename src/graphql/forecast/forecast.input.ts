import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';

/** Every model runForecast accepts. */
export enum ForecastModelKind {
  AUTO = 'AUTO',
  ARIMA = 'ARIMA',
  SARIMA = 'SARIMA',
  AUTO_ARIMA = 'AUTO_ARIMA',
  ETS = 'ETS',
  AUTO_ETS = 'AUTO_ETS',
  THETA = 'THETA',
  OPTIMIZED_THETA = 'OPTIMIZED_THETA',
  NAIVE = 'NAIVE',
  SEASONAL_NAIVE = 'SEASONAL_NAIVE',
  DRIFT = 'DRIFT',
  MEAN = 'MEAN',
  CROSTON = 'CROSTON',
  SBA = 'SBA',
  TSB = 'TSB',
  ENSEMBLE = 'ENSEMBLE',
}

registerEnumType(ForecastModelKind, {
  name: 'ForecastModelKind',
  description: 'Forecasting models. The README lists each with its parameters and references.',
  valuesConfig: {
    AUTO: { description: 'Backtests the candidates and forecasts with the best one.' },
    ARIMA: { description: 'ARIMA(p,d,q) with the order given in `order`.' },
    SARIMA: { description: 'Seasonal ARIMA with `order` and `seasonalOrder`.' },
    AUTO_ARIMA: { description: 'ARIMA with the order chosen by a stepwise AICc search.' },
    ETS: { description: 'Exponential smoothing with the components given in `ets`.' },
    AUTO_ETS: { description: 'Exponential smoothing with the components chosen by AICc.' },
    THETA: { description: 'The standard Theta method.' },
    OPTIMIZED_THETA: { description: 'Theta with the theta coefficient fitted.' },
    NAIVE: { description: 'The last observation.' },
    SEASONAL_NAIVE: { description: 'The observation one season back.' },
    DRIFT: { description: 'The line through the first and last observations.' },
    MEAN: { description: 'The mean of all observations.' },
    CROSTON: { description: "Croston's method for intermittent demand." },
    SBA: { description: 'Syntetos-Boylan approximation: Croston with its bias corrected.' },
    TSB: { description: 'Teunter-Syntetos-Babai: intermittent demand with obsolescence.' },
    ENSEMBLE: { description: 'The mean or median of the `members` forecasts.' },
  },
});

export enum EnsembleCombination {
  MEAN = 'mean',
  MEDIAN = 'median',
}

registerEnumType(EnsembleCombination, { name: 'EnsembleCombination' });

export enum AccuracyMetric {
  MAE = 'mae',
  RMSE = 'rmse',
  MAPE = 'mape',
  SMAPE = 'smape',
  MASE = 'mase',
  WAPE = 'wape',
  PINBALL = 'pinball',
}

registerEnumType(AccuracyMetric, { name: 'AccuracyMetric' });

export enum EtsError {
  A = 'A',
  M = 'M',
}

export enum EtsTrend {
  N = 'N',
  A = 'A',
}

export enum EtsSeason {
  N = 'N',
  A = 'A',
  M = 'M',
}

registerEnumType(EtsError, { name: 'EtsError', description: 'A: additive, M: multiplicative.' });
registerEnumType(EtsTrend, { name: 'EtsTrend', description: 'N: none, A: additive.' });
registerEnumType(EtsSeason, {
  name: 'EtsSeason',
  description: 'N: none, A: additive, M: multiplicative.',
});

export enum ArimaMethod {
  CSS_ML = 'CSS-ML',
  CSS = 'CSS',
}

registerEnumType(ArimaMethod, {
  name: 'ArimaMethod',
  description: 'How ARIMA coefficients are estimated, as R’s `arima` names the methods.',
  valuesConfig: {
    CSS_ML: { description: 'Exact maximum likelihood, started from the CSS estimates.' },
    CSS: { description: 'Conditional sum of squares only: faster, less exact on short series.' },
  },
});

@InputType({ description: 'Non-seasonal ARIMA order; each term 0 to 10.' })
export class ArimaOrderInput {
  @Field(() => Int)
  p!: number;

  @Field(() => Int)
  d!: number;

  @Field(() => Int)
  q!: number;

  @Field({
    defaultValue: false,
    description:
      'Add a drift, a constant in the differenced series (a linear trend); needs d + D = 1.',
  })
  drift!: boolean;

  @Field(() => ArimaMethod, { defaultValue: ArimaMethod.CSS_ML })
  method!: ArimaMethod;
}

@InputType({ description: 'Seasonal ARIMA order and period s (at least 2).' })
export class SeasonalOrderInput {
  @Field(() => Int)
  P!: number;

  @Field(() => Int)
  D!: number;

  @Field(() => Int)
  Q!: number;

  @Field(() => Int)
  s!: number;
}

@InputType({ description: 'ETS components in the notation of Hyndman et al. (2008).' })
export class EtsComponentsInput {
  @Field(() => EtsError)
  error!: EtsError;

  @Field(() => EtsTrend)
  trend!: EtsTrend;

  @Field(() => EtsSeason)
  season!: EtsSeason;

  @Field({ defaultValue: false, description: 'Damp the trend (additive trends only).' })
  damped!: boolean;
}

@InputType({ description: 'The model to fit and its options.' })
export class ForecastModelInput {
  @Field(() => ForecastModelKind)
  kind!: ForecastModelKind;

  @Field(() => ArimaOrderInput, { nullable: true, description: 'Required for ARIMA and SARIMA.' })
  order?: ArimaOrderInput | null;

  @Field(() => SeasonalOrderInput, { nullable: true, description: 'Required for SARIMA.' })
  seasonalOrder?: SeasonalOrderInput | null;

  @Field(() => EtsComponentsInput, { nullable: true, description: 'Required for ETS.' })
  ets?: EtsComponentsInput | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Box-Cox lambda applied before fitting (0 = log); needs positive data.',
  })
  boxCoxLambda?: number | null;

  @Field({
    defaultValue: false,
    description: 'Choose lambda by Guerrero’s method; skipped when the series has zeros.',
  })
  autoBoxCox!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Observations per season; detected from the data when absent.',
  })
  seasonLength?: number | null;

  @Field({
    defaultValue: true,
    description:
      'Widen a single model’s intervals where a two-window backtest of the fitted model shows larger errors than they allow. CROSTON, SBA and TSB keep their empirical intervals; ENSEMBLE and AUTO always calibrate.',
  })
  calibrateIntervals!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Smoothing of demand sizes (CROSTON, SBA, TSB).',
  })
  alpha?: number | null;

  @Field(() => Float, { nullable: true, description: 'Smoothing of demand probability (TSB).' })
  beta?: number | null;

  @Field(() => [ForecastModelKind], {
    nullable: true,
    description:
      'ENSEMBLE members, models without required options; default AUTO_ETS, AUTO_ARIMA, THETA.',
  })
  members?: ForecastModelKind[] | null;

  @Field(() => EnsembleCombination, { defaultValue: EnsembleCombination.MEAN })
  combination!: EnsembleCombination;

  @Field(() => [ForecastModelKind], {
    nullable: true,
    description:
      'AUTO candidates, models without required options; a documented default when absent.',
  })
  candidates?: ForecastModelKind[] | null;
}

@InputType({ description: 'Rolling-origin backtest settings.' })
export class BacktestInput {
  @Field(() => Int, { defaultValue: 3, description: 'Number of forecast origins.' })
  windows!: number;

  @Field(() => Int, { defaultValue: 1, description: 'Periods between origins.' })
  step!: number;

  @Field(() => AccuracyMetric, {
    defaultValue: AccuracyMetric.MASE,
    description: 'Metric AUTO ranks by.',
  })
  metric!: AccuracyMetric;
}
