/**
 * A two-number summary of a series for copy briefs: is it rising, falling or flat, and by how
 * many percent over the observed span.
 */
import { badInput } from '../shared/errors';
import { mean } from './stats';
import { decomposeStl } from './stl';
import type { TrendDirection } from './trend';
import { fitTrendSlope } from './trend';

export interface TrendSummaryOptions {
  /** When set and the series contains two full seasons, the season is removed by STL first. */
  seasonLength?: number;
  /** Coverage of the slope interval in percent (default 95). */
  level?: number;
  /** Changes smaller than this many percent count as flat (default 5). */
  flatThreshold?: number;
}

export interface TrendSummary {
  direction: TrendDirection;
  /**
   * Change of the fitted line from the first to the last period, in percent of the first. It is
   * null when the first fitted value is not positive.
   */
  percentChange: number | null;
  /** Fitted line at the first and last period, in units of y. */
  start: number;
  end: number;
  periods: number;
  warnings: string[];
}

/**
 * Summarises `y` (equally spaced, oldest first) by a least-squares line. The direction is 'flat'
 * when the slope's interval contains zero or the change is below `flatThreshold` percent.
 * Throws `BAD_USER_INPUT` for fewer than 3 values or a non-finite value.
 */
export function summarizeTrend(
  y: readonly number[],
  options: TrendSummaryOptions = {},
): TrendSummary {
  if (y.length < 3) {
    throw badInput('y', `A trend summary needs at least 3 observations; received ${y.length}.`);
  }
  const badIndex = y.findIndex((value) => !Number.isFinite(value));
  if (badIndex >= 0) {
    throw badInput(
      'y',
      `Every observation must be a finite number; received "${y[badIndex]}" at index ${badIndex}.`,
    );
  }
  const flatThreshold = options.flatThreshold ?? 5;
  const warnings: string[] = [];

  let adjusted = [...y];
  const { seasonLength } = options;
  if (seasonLength !== undefined && y.length >= 2 * seasonLength) {
    const { seasonal } = decomposeStl(y, { seasonLength, robust: true });
    adjusted = y.map((value, i) => value - seasonal[i]);
  } else if (seasonLength !== undefined) {
    warnings.push(
      `The series has fewer than two seasons (${2 * seasonLength} observations), so the summary is not seasonally adjusted.`,
    );
  }

  const slope = fitTrendSlope(adjusted, options.level ?? 95);
  const intercept = mean(adjusted) - slope.perPeriod * ((y.length - 1) / 2);
  const start = intercept;
  const end = intercept + slope.perPeriod * (y.length - 1);
  let percentChange: number | null = null;
  if (start > 0) {
    percentChange = (100 * (end - start)) / start;
  } else {
    warnings.push('The fitted start value is not positive, so no percent change is given.');
  }

  let direction = slope.direction;
  if (percentChange !== null && Math.abs(percentChange) < flatThreshold) {
    direction = 'flat';
  }
  return { direction, percentChange, start, end, periods: y.length, warnings };
}
