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

/**
 * Converts the GraphQL model input to the forecasting module's `ModelSpec`.
 * Throws BAD_USER_INPUT when an option the kind requires is missing.
 */
export function toModelSpec(input: ForecastModelInput): ModelSpec {
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
  const field = error.field === 'y' ? undefined : (API_FIELDS[error.field] ?? error.field);
  if (field === error.field) return error;
  return new DomainError(error.code, error.message, field);
}
