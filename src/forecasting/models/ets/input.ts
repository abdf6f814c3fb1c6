/**
 * Checks of the arguments every model in this folder and the Theta method take, and the
 * normal quantiles their intervals use.
 */
import { badInput } from '../../../shared/errors';

/** jStat's normal distribution, the only part of the untyped `jstat` package used here. */
interface JStatNormal {
  normal: { inv(p: number, mean: number, sd: number): number };
  studentt: { inv(p: number, dof: number): number };
}
const jStat = require('jstat') as JStatNormal;

/** Minimum number of observations the ETS and Theta fits accept. */
export const MIN_OBSERVATIONS = 3;

/**
 * Throws `BAD_USER_INPUT` unless `y` is an array of at least {@link MIN_OBSERVATIONS} finite
 * numbers, `horizon` and `seasonLength` are positive integers and every level is in (0, 100).
 * `model` names the method in the messages, e.g. "ETS".
 */
export function checkForecastInput(
  y: readonly number[],
  horizon: number,
  levels: readonly number[],
  seasonLength: number,
  model: string,
): void {
  if (!Array.isArray(y)) {
    throw badInput('y', `y is ${typeof y}; expected an array of numbers.`);
  }
  if (y.length < MIN_OBSERVATIONS) {
    throw badInput(
      'y',
      `The series has ${y.length} observations; ${model} needs at least ${MIN_OBSERVATIONS}.`,
    );
  }
  for (let t = 0; t < y.length; t++) {
    if (typeof y[t] !== 'number' || !Number.isFinite(y[t])) {
      throw badInput('y', `y[${t}] is ${String(y[t])}; every observation must be a finite number.`);
    }
  }
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw badInput('horizon', `horizon is ${horizon}; expected an integer of at least 1.`);
  }
  if (!Number.isInteger(seasonLength) || seasonLength < 1) {
    throw badInput(
      'seasonLength',
      `seasonLength is ${seasonLength}; expected an integer of at least 1.`,
    );
  }
  if (!Array.isArray(levels)) {
    throw badInput('levels', `levels is ${typeof levels}; expected an array of percentages.`);
  }
  for (const level of levels) {
    if (typeof level !== 'number' || !(level > 0 && level < 100)) {
      throw badInput(
        'levels',
        `levels contains ${String(level)}; each level must be a percentage strictly between 0 and 100.`,
      );
    }
  }
}

/** Returns the standard normal quantile that a central interval at `level` percent reaches. */
export function normalQuantile(level: number): number {
  return jStat.normal.inv(0.5 + level / 200, 0, 1);
}

/** Returns the Student t quantile (dof degrees of freedom) a central interval at `level` percent reaches. */
export function tQuantile(level: number, dof: number): number {
  return jStat.studentt.inv(0.5 + level / 200, dof);
}

/** Returns whether every value is strictly positive, as multiplicative forms need. */
export function isStrictlyPositive(y: ArrayLike<number>): boolean {
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) return false;
  return true;
}

/** Returns whether every value equals the first. */
export function isConstant(y: ArrayLike<number>): boolean {
  for (let t = 1; t < y.length; t++) if (y[t] !== y[0]) return false;
  return true;
}
