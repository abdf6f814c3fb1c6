/**
 * Checks a `ForecastTask` from an untrusted caller before any model runs. Each failure is a
 * BAD_USER_INPUT error naming the field, the value received and what is allowed. Checks that
 * depend on the model and the series together (minimum lengths) happen in the models.
 */
import { badInput } from '../shared/errors';
import { LAMBDA_RANGE } from './boxCox';
import { DEFAULT_LEVELS, MAX_HORIZON, MAX_SEASON_LENGTH } from './task';
import type {
  BacktestOptions,
  EnsembleSpec,
  ForecastTask,
  MetricName,
  ModelSpec,
  SingleModelSpec,
} from './task';

/** Most observations a series may have; bounds the work one task can cause. */
export const MAX_OBSERVATIONS = 100_000;
/** Most interval levels one task may request. */
export const MAX_LEVELS = 10;
/** Most backtest windows one task may request; each refits the model. */
export const MAX_BACKTEST_WINDOWS = 50;
/** Most members an ensemble may have and candidates AUTO may try. */
export const MAX_MEMBERS = 20;

const ORDER_LIMITS = { p: 10, d: 2, q: 10, P: 4, D: 2, Q: 4 } as const;

const SINGLE_KINDS: readonly SingleModelSpec['kind'][] = [
  'ARIMA',
  'SARIMA',
  'AUTO_ARIMA',
  'ETS',
  'AUTO_ETS',
  'THETA',
  'OPTIMIZED_THETA',
  'NAIVE',
  'SEASONAL_NAIVE',
  'DRIFT',
  'MEAN',
  'CROSTON',
  'SBA',
  'TSB',
];
const ALL_KINDS: readonly ModelSpec['kind'][] = [...SINGLE_KINDS, 'ENSEMBLE', 'AUTO'];
const METRICS: readonly MetricName[] = ['mae', 'rmse', 'mape', 'smape', 'mase', 'wape', 'pinball'];

/** A task whose every field has been checked, with defaults filled in. */
export interface ValidatedTask {
  y: number[];
  horizon: number;
  levels: number[];
  seasonLength?: number;
  naturalSeasonLength?: number;
  model: ModelSpec;
  backtest?: BacktestOptions;
}

/** Checks `task` and returns it with defaults applied. Throws BAD_USER_INPUT on the first problem. */
export function validateTask(task: ForecastTask): ValidatedTask {
  const y = checkSeries(task.y);
  checkInteger('horizon', task.horizon, 1, MAX_HORIZON);
  const levels = checkLevels(task.levels ?? [...DEFAULT_LEVELS]);
  if (task.seasonLength !== undefined) {
    checkInteger('seasonLength', task.seasonLength, 1, MAX_SEASON_LENGTH);
    checkSeasonFits('seasonLength', task.seasonLength, y.length);
  }
  if (task.naturalSeasonLength !== undefined) {
    checkInteger('naturalSeasonLength', task.naturalSeasonLength, 1, MAX_SEASON_LENGTH);
  }
  checkModel('model', task.model, y.length);
  if (task.backtest !== undefined) {
    checkBacktest(task.backtest);
  }
  return {
    y,
    horizon: task.horizon,
    levels,
    seasonLength: task.seasonLength,
    naturalSeasonLength: task.naturalSeasonLength,
    model: task.model,
    backtest: task.backtest,
  };
}

function checkSeries(y: unknown): number[] {
  if (!Array.isArray(y) || y.length === 0) {
    throw badInput('y', 'y must contain at least 1 observation; received none.');
  }
  if (y.length > MAX_OBSERVATIONS) {
    throw badInput(
      'y',
      `y must contain at most ${MAX_OBSERVATIONS} observations; received ${y.length}.`,
    );
  }
  const index = y.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
  if (index !== -1) {
    throw badInput(
      'y',
      `y[${index}] must be a finite number (fill missing periods before forecasting); received ${String(y[index])}.`,
    );
  }
  return y as number[];
}

function checkLevels(levels: unknown): number[] {
  if (!Array.isArray(levels) || levels.length < 1 || levels.length > MAX_LEVELS) {
    const count = Array.isArray(levels) ? levels.length : 0;
    throw badInput(
      'levels',
      `levels must list between 1 and ${MAX_LEVELS} levels; received ${count}.`,
    );
  }
  levels.forEach((level, i) => {
    if (typeof level !== 'number' || !(level > 0 && level < 100)) {
      throw badInput(
        'levels',
        `levels[${i}] must be greater than 0 and less than 100; received ${String(level)}.`,
      );
    }
    if (levels.indexOf(level) !== i) {
      throw badInput('levels', `levels must not repeat a level; received ${level} twice.`);
    }
  });
  return levels as number[];
}

function checkInteger(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(
      field,
      `${field} must be an integer between ${min} and ${max}; received ${String(value)}.`,
    );
  }
}

function checkSeasonFits(field: string, seasonLength: number, length: number): void {
  if (seasonLength > length) {
    throw badInput(
      field,
      `${field} ${seasonLength} is longer than the series, which has ${length} observations; use at most ${length}.`,
    );
  }
}

function checkModel(field: string, spec: ModelSpec, length: number): void {
  if (!spec || !ALL_KINDS.includes(spec.kind)) {
    const received = spec ? JSON.stringify(spec.kind) : 'nothing';
    throw badInput(
      `${field}.kind`,
      `${field}.kind must be one of ${ALL_KINDS.join(', ')}; received ${received}.`,
    );
  }
  switch (spec.kind) {
    case 'ENSEMBLE':
      checkEnsemble(field, spec, length);
      return;
    case 'AUTO':
      if (spec.candidates !== undefined) {
        checkMemberList(`${field}.candidates`, spec.candidates, 1, true, length);
      }
      return;
    default:
      checkSingleModel(field, spec, length);
  }
}

function checkEnsemble(field: string, spec: EnsembleSpec, length: number): void {
  if (spec.members !== undefined) {
    checkMemberList(`${field}.members`, spec.members, 2, false, length);
  }
  if (
    spec.combination !== undefined &&
    spec.combination !== 'mean' &&
    spec.combination !== 'median'
  ) {
    throw badInput(
      `${field}.combination`,
      `${field}.combination must be "mean" or "median"; received ${JSON.stringify(spec.combination)}.`,
    );
  }
}

function checkMemberList(
  field: string,
  members: ModelSpec[],
  min: number,
  allowEnsemble: boolean,
  length: number,
): void {
  if (!Array.isArray(members) || members.length < min || members.length > MAX_MEMBERS) {
    const count = Array.isArray(members) ? members.length : 0;
    throw badInput(
      field,
      `${field} must list between ${min} and ${MAX_MEMBERS} models; received ${count}.`,
    );
  }
  members.forEach((member, i) => {
    const memberField = `${field}[${i}]`;
    const allowed = allowEnsemble
      ? member?.kind !== 'AUTO'
      : SINGLE_KINDS.includes(member?.kind as never);
    if (member && ALL_KINDS.includes(member.kind) && !allowed) {
      throw badInput(
        `${memberField}.kind`,
        `${memberField}.kind must name a single model${allowEnsemble ? ' or an ENSEMBLE' : ''}; received "${member.kind}".`,
      );
    }
    checkModel(memberField, member, length);
  });
}

function checkSingleModel(field: string, spec: SingleModelSpec, length: number): void {
  if (spec.lambda !== undefined && spec.lambda !== 'auto') {
    const [min, max] = LAMBDA_RANGE;
    if (typeof spec.lambda !== 'number' || !(spec.lambda >= min && spec.lambda <= max)) {
      throw badInput(
        `${field}.lambda`,
        `${field}.lambda must be "auto" or a number between ${min} and ${max}; received ${JSON.stringify(spec.lambda)}.`,
      );
    }
  }
  checkFlag(field, 'calibrate', spec.calibrate);
  if ('seasonLength' in spec && spec.seasonLength !== undefined) {
    checkInteger(`${field}.seasonLength`, spec.seasonLength, 1, MAX_SEASON_LENGTH);
    checkSeasonFits(`${field}.seasonLength`, spec.seasonLength, length);
  }

  switch (spec.kind) {
    case 'ARIMA':
      checkOrders(field, spec, ['p', 'd', 'q']);
      checkFlag(field, 'drift', spec.drift);
      if (spec.method !== undefined) checkChoice(field, 'method', spec.method, ['CSS-ML', 'CSS']);
      return;
    case 'SARIMA':
      checkOrders(field, spec, ['p', 'd', 'q', 'P', 'D', 'Q']);
      checkFlag(field, 'drift', spec.drift);
      if (spec.method !== undefined) checkChoice(field, 'method', spec.method, ['CSS-ML', 'CSS']);
      checkInteger(`${field}.s`, spec.s, 2, MAX_SEASON_LENGTH);
      checkSeasonFits(`${field}.s`, spec.s, length);
      return;
    case 'ETS':
      checkChoice(field, 'error', spec.error, ['A', 'M']);
      checkChoice(field, 'trend', spec.trend, ['N', 'A']);
      checkChoice(field, 'season', spec.season, ['N', 'A', 'M']);
      checkFlag(field, 'damped', spec.damped);
      return;
    case 'CROSTON':
    case 'SBA':
    case 'TSB':
      checkSmoothing(field, 'alpha', spec.alpha);
      checkSmoothing(field, 'beta', spec.beta);
      return;
    default:
      return;
  }
}

function checkOrders(
  field: string,
  spec: Partial<Record<keyof typeof ORDER_LIMITS, unknown>>,
  names: (keyof typeof ORDER_LIMITS)[],
): void {
  for (const name of names) {
    checkInteger(`${field}.${name}`, spec[name], 0, ORDER_LIMITS[name]);
  }
}

function checkChoice(field: string, name: string, value: unknown, choices: string[]): void {
  if (typeof value !== 'string' || !choices.includes(value)) {
    throw badInput(
      `${field}.${name}`,
      `${field}.${name} must be one of ${choices.join(', ')}; received ${JSON.stringify(value)}.`,
    );
  }
}

function checkFlag(field: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw badInput(
      `${field}.${name}`,
      `${field}.${name} must be true or false; received ${JSON.stringify(value)}.`,
    );
  }
}

function checkSmoothing(field: string, name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !(value > 0 && value <= 1))) {
    throw badInput(
      `${field}.${name}`,
      `${field}.${name} must be greater than 0 and at most 1; received ${JSON.stringify(value)}.`,
    );
  }
}

function checkBacktest(options: BacktestOptions): void {
  checkInteger('backtest.windows', options.windows, 1, MAX_BACKTEST_WINDOWS);
  checkInteger('backtest.step', options.step, 1, MAX_HORIZON);
  if (options.metric !== undefined && !METRICS.includes(options.metric)) {
    throw badInput(
      'backtest.metric',
      `backtest.metric must be one of ${METRICS.join(', ')}; received ${JSON.stringify(options.metric)}.`,
    );
  }
}
