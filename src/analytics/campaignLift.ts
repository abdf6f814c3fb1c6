/**
 * Lift of a campaign: sales during the campaign against a counterfactual forecast made from the
 * data before it. Per period, lift_t = actual_t - mean_t. The forecast's interval at level L
 * gives sigma_t = (upper_t - lower_t) / (2 z_L), assuming a symmetric (normal) forecast
 * distribution. The total counterfactual sum(mean_t) then has standard deviation
 *   'independent': sqrt(sum sigma_t^2), for independent forecast errors;
 *   'comonotonic': sum sigma_t, for perfectly correlated errors, the widest any correlation gives.
 * Forecast errors over a horizon are usually positively correlated, so the truth lies between.
 */
import { badInput } from '../shared/errors';
import type { Interval } from './stats';
import { normalCritical, normalTwoSidedPValue } from './stats';

export interface CounterfactualForecast {
  mean: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  /** Coverage of lower..upper in percent, e.g. 95. */
  level: number;
}

export interface LiftOptions {
  /** Coverage of the lift interval in percent (default: the forecast's level). */
  level?: number;
  /** Correlation of forecast errors across periods (default 'independent'). */
  errorCorrelation?: 'independent' | 'comonotonic';
}

export interface CampaignLift {
  /** actual_t - mean_t per period. */
  perPeriod: number[];
  actualTotal: number;
  counterfactualTotal: number;
  /** actualTotal - counterfactualTotal. */
  lift: number;
  liftInterval: Interval;
  /** lift / counterfactualTotal, in percent; null when the counterfactual total is not positive. */
  relativeLift: number | null;
  /**
   * actual / counterfactual bounds - 1, in percent; a bound is null where the counterfactual bound
   * is not positive.
   */
  relativeLiftInterval: { level: number; lower: number | null; upper: number | null };
  /** Two-sided p-value of H0: no lift, under the normal approximation. */
  pValue: number;
  warnings: string[];
}

/**
 * Measures the lift of `actual` (units or revenue per campaign period, as numbers) over the
 * counterfactual `forecast` for the same periods. Throws `BAD_USER_INPUT` when the lengths
 * differ or are 0, a value is not finite, a lower bound exceeds its mean or an upper bound is
 * below it, or a level lies outside (0, 100).
 */
export function measureCampaignLift(
  actual: readonly number[],
  forecast: CounterfactualForecast,
  options: LiftOptions = {},
): CampaignLift {
  checkInputs(actual, forecast);
  const level = options.level ?? forecast.level;
  if (!(level > 0 && level < 100)) {
    throw badInput(
      'level',
      `level must be a percentage between 0 and 100, such as 95; received "${level}".`,
    );
  }
  const warnings: string[] = [];
  const zForecast = normalCritical(forecast.level);
  const sigmas = forecast.mean.map(
    (_, t) => (forecast.upper[t] - forecast.lower[t]) / (2 * zForecast),
  );
  const asymmetric = forecast.mean.some(
    (mean, t) =>
      Math.abs(forecast.upper[t] - mean - (mean - forecast.lower[t])) >
      0.05 * (forecast.upper[t] - forecast.lower[t]),
  );
  if (asymmetric) {
    warnings.push(
      'The forecast intervals are not symmetric around the mean, so the normal approximation behind the lift interval is rough.',
    );
  }

  const correlation = options.errorCorrelation ?? 'independent';
  const sigmaTotal =
    correlation === 'independent'
      ? Math.sqrt(sigmas.reduce((total, sigma) => total + sigma * sigma, 0))
      : sigmas.reduce((total, sigma) => total + sigma, 0);
  const actualTotal = actual.reduce((total, value) => total + value, 0);
  const counterfactualTotal = forecast.mean.reduce((total, value) => total + value, 0);
  const lift = actualTotal - counterfactualTotal;
  const margin = normalCritical(level) * sigmaTotal;

  const relative = (counterfactual: number) =>
    counterfactual > 0 ? (100 * actualTotal) / counterfactual - 100 : null;
  return {
    perPeriod: actual.map((value, t) => value - forecast.mean[t]),
    actualTotal,
    counterfactualTotal,
    lift,
    liftInterval: { level, lower: lift - margin, upper: lift + margin },
    relativeLift: relative(counterfactualTotal),
    relativeLiftInterval: {
      level,
      lower: relative(counterfactualTotal + margin),
      upper: relative(counterfactualTotal - margin),
    },
    pValue: pValueOfLift(lift, sigmaTotal),
    warnings,
  };
}

/** Returns the two-sided normal p-value of the lift; without forecast spread, 1 or 0. */
function pValueOfLift(lift: number, sigmaTotal: number): number {
  if (sigmaTotal > 0) {
    return normalTwoSidedPValue(lift / sigmaTotal);
  }
  return lift === 0 ? 1 : 0;
}

function checkInputs(actual: readonly number[], forecast: CounterfactualForecast): void {
  const n = actual.length;
  if (n === 0) {
    throw badInput(
      'actual',
      'actual must hold at least one period of the campaign; received an empty list.',
    );
  }
  for (const key of ['mean', 'lower', 'upper'] as const) {
    if (forecast[key].length !== n) {
      throw badInput(
        `forecast.${key}`,
        `forecast.${key} must hold one value per campaign period (${n}); received ${forecast[key].length}.`,
      );
    }
  }
  const series = {
    actual,
    'forecast.mean': forecast.mean,
    'forecast.lower': forecast.lower,
    'forecast.upper': forecast.upper,
  };
  for (const [field, values] of Object.entries(series)) {
    const badIndex = values.findIndex((value) => !Number.isFinite(value));
    if (badIndex >= 0) {
      throw badInput(
        field,
        `${field} must hold finite numbers; received "${values[badIndex]}" at index ${badIndex}.`,
      );
    }
  }
  const badBound = forecast.mean.findIndex(
    (mean, t) => forecast.lower[t] > mean || forecast.upper[t] < mean,
  );
  if (badBound >= 0) {
    throw badInput(
      'forecast',
      `forecast bounds must satisfy lower <= mean <= upper; received lower "${forecast.lower[badBound]}", mean "${forecast.mean[badBound]}", upper "${forecast.upper[badBound]}" at index ${badBound}.`,
    );
  }
  if (!(forecast.level > 0 && forecast.level < 100)) {
    throw badInput(
      'forecast.level',
      `forecast.level must be a percentage between 0 and 100, such as 95; received "${forecast.level}".`,
    );
  }
}
