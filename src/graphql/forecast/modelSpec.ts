import { LAMBDA_RANGE } from '../../forecasting';
import type { ModelSpec, SingleModelSpec } from '../../forecasting';
import { DomainError, badInput } from '../../shared/errors';
import { ForecastModelKind } from './forecast.input';
import type { ForecastModelInput } from './forecast.input';

/** Kinds that need no options, so they may be named as ensemble members or AUTO candidates. */
const OPTIONLESS_KINDS = new Set<ForecastModelKind>([
  ForecastModelKind.AUTO_ARIMA,
  ForecastModelKind.AUTO_ETS,
  ForecastModelKind.THETA,
  ForecastModelKind.OPTIMIZED_THETA,
  ForecastModelKind.NAIVE,
  ForecastModelKind.SEASONAL_NAIVE,
  ForecastModelKind.DRIFT,
  ForecastModelKind.MEAN,
  ForecastModelKind.CROSTON,
  ForecastModelKind.SBA,
  ForecastModelKind.TSB,
]);

/** Options of the model input and the kinds that use them. */
const OPTION_KINDS: [keyof ForecastModelInput, ForecastModelKind[]][] = [
  ['order', [ForecastModelKind.ARIMA, ForecastModelKind.SARIMA]],
  ['seasonalOrder', [ForecastModelKind.SARIMA]],
  ['ets', [ForecastModelKind.ETS]],
  ['alpha', [ForecastModelKind.CROSTON, ForecastModelKind.SBA, ForecastModelKind.TSB]],
  ['beta', [ForecastModelKind.TSB]],
  ['members', [ForecastModelKind.ENSEMBLE]],
  ['candidates', [ForecastModelKind.AUTO]],
];

/** Kinds that combine other models and take no transform or season length of their own. */
const COMBINING_KINDS = new Set([ForecastModelKind.ENSEMBLE, ForecastModelKind.AUTO]);

/**
 * Converts the GraphQL model input to the forecasting module's `ModelSpec`. Throws
 * BAD_USER_INPUT when an option the kind requires is missing, when an option is given that the
 * kind does not use, or when boxCoxLambda is out of range or given with autoBoxCox.
 */
export function toModelSpec(input: ForecastModelInput): ModelSpec {
  checkOptions(input);
  const lambda = input.autoBoxCox ? ('auto' as const) : (input.boxCoxLambda ?? undefined);
  const options = {
    lambda,
    seasonLength: input.seasonLength ?? undefined,
    calibrate: input.calibrateIntervals,
  };

  switch (input.kind) {
    case ForecastModelKind.ARIMA: {
      const order = required(input.order, 'model.order', 'ARIMA');
      return { kind: 'ARIMA', ...order, ...options };
    }
    case ForecastModelKind.SARIMA: {
      const order = required(input.order, 'model.order', 'SARIMA');
      const seasonal = required(input.seasonalOrder, 'model.seasonalOrder', 'SARIMA');
      return { kind: 'SARIMA', ...order, ...seasonal, lambda, calibrate: input.calibrateIntervals };
    }
    case ForecastModelKind.ETS: {
      const ets = required(input.ets, 'model.ets', 'ETS');
      return { kind: 'ETS', ...ets, ...options };
    }
    case ForecastModelKind.CROSTON:
    case ForecastModelKind.SBA:
    case ForecastModelKind.TSB:
      return {
        kind: input.kind,
        alpha: input.alpha ?? undefined,
        beta: input.beta ?? undefined,
        ...options,
      };
    case ForecastModelKind.ENSEMBLE:
      return {
        kind: 'ENSEMBLE',
        members: input.members ? toSimpleSpecs('model.members', input.members) : undefined,
        combination: input.combination,
      };
    case ForecastModelKind.AUTO:
      return {
        kind: 'AUTO',
        candidates: input.candidates
          ? toSimpleSpecs('model.candidates', input.candidates)
          : undefined,
      };
    default:
      return { kind: input.kind, ...options } as SingleModelSpec;
  }
}

function checkOptions(input: ForecastModelInput): void {
  for (const [option, kinds] of OPTION_KINDS) {
    if (input[option] != null && !kinds.includes(input.kind)) {
      throw badInput(
        `model.${option}`,
        `model.${option} applies only to ${kinds.join(', ')}; remove it for model.kind ${input.kind}.`,
      );
    }
  }
  if (COMBINING_KINDS.has(input.kind)) {
    for (const option of ['boxCoxLambda', 'seasonLength'] as const) {
      if (input[option] != null) {
        throw badInput(
          `model.${option}`,
          `model.${option} applies to single models; ${input.kind} fits its models on the series as it is, so remove it.`,
        );
      }
    }
    if (input.autoBoxCox) {
      throw badInput(
        'model.autoBoxCox',
        `model.autoBoxCox applies to single models; ${input.kind} fits its models on the series as it is, so remove it.`,
      );
    }
  }
  if (input.boxCoxLambda != null) {
    const [min, max] = LAMBDA_RANGE;
    if (!(input.boxCoxLambda >= min && input.boxCoxLambda <= max)) {
      throw badInput(
        'model.boxCoxLambda',
        `model.boxCoxLambda must be between ${min} and ${max}; received ${input.boxCoxLambda}. Set autoBoxCox: true instead to choose it from the data.`,
      );
    }
    if (input.autoBoxCox) {
      throw badInput(
        'model.boxCoxLambda',
        'model.boxCoxLambda and autoBoxCox: true both choose the Box-Cox lambda; give only one of them.',
      );
    }
  }
}

function required<T>(value: T | null | undefined, field: string, kind: string): T {
  if (value == null) {
    throw badInput(field, `${field} is required when model.kind is ${kind}.`);
  }
  return value;
}

function toSimpleSpecs(field: string, kinds: ForecastModelKind[]): SingleModelSpec[] {
  if (kinds.length === 0) {
    throw badInput(field, `${field} must name at least one model.`);
  }
  return kinds.map((kind) => {
    if (!OPTIONLESS_KINDS.has(kind)) {
      throw badInput(
        field,
        `${field} may only name models without required options (${[...OPTIONLESS_KINDS].join(', ')}); received ${kind}.`,
      );
    }
    return { kind } as SingleModelSpec;
  });
}

/** GraphQL argument path of each forecasting task field whose name differs. */
const API_FIELDS: Record<string, string> = {
  seasonLength: 'model.seasonLength',
  'model.lambda': 'model.boxCoxLambda',
  'model.calibrate': 'model.calibrateIntervals',
  'model.p': 'model.order.p',
  'model.d': 'model.order.d',
  'model.q': 'model.order.q',
  'model.drift': 'model.order.drift',
  'model.method': 'model.order.method',
  'model.P': 'model.seasonalOrder.P',
  'model.D': 'model.seasonalOrder.D',
  'model.Q': 'model.seasonalOrder.Q',
  'model.s': 'model.seasonalOrder.s',
  'model.error': 'model.ets.error',
  'model.trend': 'model.ets.trend',
  'model.season': 'model.ets.season',
  'model.damped': 'model.ets.damped',
};

/**
 * Returns `error` with its `field` renamed from the forecasting task's vocabulary to the
 * GraphQL arguments' (`model.lambda` to `model.boxCoxLambda`, for example). The series `y` is
 * built from the product's sales, not sent, so an error about it names no field. Other errors
 * are returned unchanged.
 */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.field === undefined) return error;
  if (error.field === 'y') {
    const tooShort = /\b\d+ observations?\b/.test(error.message);
    const hint = tooShort
      ? ' Widen the training range (from, to), use a finer granularity, or pick a model that needs fewer observations.'
      : '';
    return new DomainError(error.code, `${error.message}${hint}`);
  }
  const field = API_FIELDS[error.field] ?? error.field;
  if (field === error.field) return error;
  return new DomainError(error.code, error.message, field);
}
