/**
 * Realised unit prices and the price elasticity of demand, estimated by the log-log regression
 *   ln(units_t) = a + beta ln(price_t) + gamma t + sum_s delta_s D_{s,t} + e_t,
 * where t is the period index (trend control) and D_s are seasonal dummies (season position s,
 * position 0 is the baseline). beta is the elasticity: a 1% higher price goes with about beta%
 * more units. Its interval is b +- t_{df} SE(b), from the OLS standard error.
 */
import { badInput } from '../shared/errors';
import type { Decimal, MoneyInput } from './money';
import { divideRounded, formatMinorUnits, minorUnitsToNumber, toMinorUnits } from './money';
import type { Interval } from './stats';
import { fitOls, tCritical, tTwoSidedPValue, variance } from './stats';

/** Sales of one period: units sold and the revenue they brought. */
export interface SalesPeriod {
  /** Units sold, a non-negative integer. */
  units: number;
  /** Revenue of the period, at scale 4 (see `MoneyInput`). */
  revenue: MoneyInput;
}

/** A period's realised unit price: revenue / units, rounded half away from zero to scale 4. */
export interface UnitPricePeriod {
  units: number;
  revenue: Decimal;
  /** null when no unit was sold. */
  unitPrice: Decimal | null;
}

/**
 * Computes the realised unit price (revenue / units) of each period, exactly in minor units.
 * Throws `BAD_USER_INPUT` for units that are not a non-negative integer, a malformed or negative
 * revenue, or revenue in a period without units.
 */
export function computeUnitPrices(periods: readonly SalesPeriod[]): UnitPricePeriod[] {
  return periods.map((period, index) => {
    const { units, revenueMinor } = checkPeriod(period, index);
    return {
      units,
      revenue: formatMinorUnits(revenueMinor),
      unitPrice: units > 0 ? formatMinorUnits(divideRounded(revenueMinor, BigInt(units))) : null,
    };
  });
}

function checkPeriod(period: SalesPeriod, index: number): { units: number; revenueMinor: bigint } {
  const field = `periods[${index}]`;
  if (!Number.isSafeInteger(period.units) || period.units < 0) {
    throw badInput(
      `${field}.units`,
      `${field}.units must be a non-negative integer; received "${period.units}".`,
    );
  }
  const revenueMinor = toMinorUnits(period.revenue, `${field}.revenue`);
  if (period.units === 0 && revenueMinor !== 0n) {
    throw badInput(
      `${field}.revenue`,
      `${field}.revenue must be 0 when no units were sold; received "${formatMinorUnits(revenueMinor)}".`,
    );
  }
  return { units: period.units, revenueMinor };
}

export interface ElasticityOptions {
  /** Adds seasonal dummies for this season length when the history contains two full seasons. */
  seasonLength?: number;
  /** Adds a linear trend in the period index (default true). */
  trend?: boolean;
  /** Coverage of the interval in percent (default 95). */
  level?: number;
  /** Minimum number of distinct realised prices to attempt an estimate (default 4). */
  minDistinctPrices?: number;
  /** Smallest standard deviation of ln(price) to attempt an estimate (default 0.02, about 2%). */
  minLogPriceSd?: number;
}

/** Evidence behind an estimate: the data and the thresholds it was checked against. */
export interface ElasticityEvidence {
  /** Periods with units > 0, which enter the regression. */
  observations: number;
  distinctPrices: number;
  logPriceSd: number;
  minDistinctPrices: number;
  minLogPriceSd: number;
}

export interface EstimatedElasticity extends ElasticityEvidence {
  status: 'estimated';
  elasticity: number;
  standardError: number;
  interval: Interval;
  /** Two-sided p-value of H0: elasticity = 0. */
  pValue: number;
  dfResidual: number;
  rSquared: number;
  /** Residual variance of ln(units), for expected units under lognormal errors. */
  sigma2: number;
  controls: { trend: boolean; seasonalDummies: boolean };
  /** One sentence a marketer can read, with the numbers. */
  statement: string;
  warnings: string[];
}

export interface UnavailableElasticity extends ElasticityEvidence {
  /**
   * 'insufficient-variation': prices barely moved; 'insufficient-data': too few periods for the
   * model.
   */
  status: 'insufficient-variation' | 'insufficient-data';
  statement: string;
  warnings: string[];
}

export type ElasticityEstimate = EstimatedElasticity | UnavailableElasticity;

// Residual degrees of freedom below which the t interval is too wide to act on.
const MIN_RESIDUAL_DF = 5;

/**
 * Estimates the price elasticity of demand from equally spaced periods, oldest first, with no
 * period missing (a period without sales is given with units 0). Periods without units leave
 * the regression, because ln(0) is undefined, but keep their place in the trend and season.
 * Returns status 'insufficient-variation' when fewer than `minDistinctPrices` distinct realised
 * prices occur or the standard deviation of ln(price) is below `minLogPriceSd`, and
 * 'insufficient-data' when fewer than 5 residual degrees of freedom remain.
 * Throws `BAD_USER_INPUT` for the period problems `computeUnitPrices` rejects and bad options.
 */
export function estimateElasticity(
  periods: readonly SalesPeriod[],
  options: ElasticityOptions = {},
): ElasticityEstimate {
  const level = options.level ?? 95;
  if (!(level > 0 && level < 100)) {
    throw badInput(
      'level',
      `level must be a percentage between 0 and 100, such as 95; received "${level}".`,
    );
  }
  const warnings: string[] = [];
  const sample = collectSample(periods);
  if (sample.zeroPeriods > 0) {
    warnings.push(
      `${sample.zeroPeriods} periods without sales were left out of the regression because ln(0) is undefined; if they were caused by high prices, the elasticity is biased towards zero.`,
    );
  }

  const evidence = measureVariation(sample.prices, options);
  const variationProblem = describeVariationProblem(evidence);
  if (variationProblem) {
    return { status: 'insufficient-variation', ...evidence, statement: variationProblem, warnings };
  }

  const design = buildDesign(sample.indices, sample.prices, periods.length, options, warnings);
  const logUnits = sample.units.map(Math.log);
  const fit =
    design.rows.length - design.rows[0].length >= MIN_RESIDUAL_DF
      ? fitOls(design.rows, logUnits)
      : undefined;
  if (!fit) {
    const statement = `Price elasticity cannot be estimated: ${evidence.observations} periods with sales leave fewer than ${MIN_RESIDUAL_DF} residual degrees of freedom for ${design.rows[0].length} coefficients, or price moves in step with the trend or season.`;
    return { status: 'insufficient-data', ...evidence, statement, warnings };
  }

  const elasticity = fit.coefficients[1];
  const standardError = fit.standardErrors[1];
  const margin = tCritical(level, fit.dfResidual) * standardError;
  const interval = { level, lower: elasticity - margin, upper: elasticity + margin };
  if (interval.lower <= 0 && interval.upper >= 0) {
    warnings.push(
      `The ${level}% interval of the elasticity contains 0, so the data do not show that price affects units sold.`,
    );
  }
  if (elasticity > 0) {
    warnings.push(
      'The estimated elasticity is positive (units rise with price), which usually means price moved together with something else, such as promotions or stock-outs.',
    );
  }
  return {
    status: 'estimated',
    ...evidence,
    elasticity,
    standardError,
    interval,
    pValue: tTwoSidedPValue(elasticity / standardError, fit.dfResidual),
    dfResidual: fit.dfResidual,
    rSquared: fit.rSquared,
    sigma2: fit.sigma2,
    controls: design.controls,
    statement: describeEstimate(elasticity, interval, evidence),
    warnings,
  };
}

interface Sample {
  indices: number[];
  units: number[];
  prices: number[];
  zeroPeriods: number;
}

function collectSample(periods: readonly SalesPeriod[]): Sample {
  const sample: Sample = { indices: [], units: [], prices: [], zeroPeriods: 0 };
  periods.forEach((period, index) => {
    const { units, revenueMinor } = checkPeriod(period, index);
    if (units === 0) {
      sample.zeroPeriods += 1;
      return;
    }
    if (revenueMinor === 0n) {
      throw badInput(
        `periods[${index}].revenue`,
        `periods[${index}].revenue must be positive when units were sold, because the price enters as ln(price); received "0.0000".`,
      );
    }
    sample.indices.push(index);
    sample.units.push(units);
    sample.prices.push(minorUnitsToNumber(divideRounded(revenueMinor, BigInt(units))));
  });
  return sample;
}

function measureVariation(
  prices: readonly number[],
  options: ElasticityOptions,
): ElasticityEvidence {
  const logPriceSd = prices.length >= 2 ? Math.sqrt(variance(prices.map(Math.log))) : 0;
  return {
    observations: prices.length,
    distinctPrices: new Set(prices).size,
    logPriceSd,
    minDistinctPrices: options.minDistinctPrices ?? 4,
    minLogPriceSd: options.minLogPriceSd ?? 0.02,
  };
}

function describeVariationProblem(evidence: ElasticityEvidence): string | undefined {
  const tooFewPrices = evidence.distinctPrices < evidence.minDistinctPrices;
  const tooLittleSpread = evidence.logPriceSd < evidence.minLogPriceSd;
  if (!tooFewPrices && !tooLittleSpread) {
    return undefined;
  }
  return `Price elasticity cannot be estimated because the price varied too little: ${evidence.distinctPrices} distinct realised prices (at least ${evidence.minDistinctPrices} needed) with a standard deviation of ln(price) of ${evidence.logPriceSd.toFixed(4)} (at least ${evidence.minLogPriceSd} needed, about ${Math.round(evidence.minLogPriceSd * 100)}% price variation).`;
}

interface Design {
  rows: number[][];
  controls: { trend: boolean; seasonalDummies: boolean };
}

/** Builds regressor rows [1, ln p, t / (n - 1)?, D_1..D_{L-1}?] for the periods with sales. */
function buildDesign(
  indices: readonly number[],
  prices: readonly number[],
  totalPeriods: number,
  options: ElasticityOptions,
  warnings: string[],
): Design {
  const trend = options.trend ?? true;
  const seasonLength = options.seasonLength;
  let seasonalDummies = false;
  if (seasonLength !== undefined) {
    if (!Number.isInteger(seasonLength) || seasonLength < 2) {
      throw badInput(
        'seasonLength',
        `seasonLength must be an integer of at least 2; received "${seasonLength}".`,
      );
    }
    seasonalDummies = totalPeriods >= 2 * seasonLength;
    if (!seasonalDummies) {
      warnings.push(
        `Seasonal dummies were left out because the history holds fewer than two full seasons (${2 * seasonLength} periods for seasonLength ${seasonLength}).`,
      );
    }
  }

  // The trend enters scaled to 0..1 so that its column has the size of the others.
  const scale = Math.max(totalPeriods - 1, 1);
  const rows = indices.map((t, i) => {
    const row = [1, Math.log(prices[i])];
    if (trend) {
      row.push(t / scale);
    }
    if (seasonalDummies && seasonLength !== undefined) {
      for (let s = 1; s < seasonLength; s++) {
        row.push(t % seasonLength === s ? 1 : 0);
      }
    }
    return row;
  });
  return { rows, controls: { trend, seasonalDummies } };
}

function describeEstimate(
  elasticity: number,
  interval: Interval,
  evidence: ElasticityEvidence,
): string {
  const percent = (value: number) => `${value.toFixed(2)}%`;
  return `A 1% higher price goes with ${percent(elasticity)} change in units sold (${interval.level}% interval ${percent(interval.lower)} to ${percent(interval.upper)}), estimated from ${evidence.observations} periods with ${evidence.distinctPrices} distinct prices.`;
}
