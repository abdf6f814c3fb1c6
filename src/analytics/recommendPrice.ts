/**
 * Price recommendation under constant-elasticity demand: at price p, period t is expected to
 * sell units_t(p) = baseline_t * (p / p0)^beta, where baseline_t is the forecast at the current
 * price p0 and beta the price elasticity. Each period's objective is
 *   revenue: units_t(p) * p,      margin: units_t(p) * (p - c)   (c = unit cost).
 * Both have the same maximiser p* in every period: for beta < -1, margin peaks at
 * p* = c * beta / (1 + beta) and revenue falls with p (p* is the lower bound); for -1 <= beta < 0
 * both rise with p (p* is the upper bound, since at beta = -1 revenue is flat in p).
 * With a maximum change per step the best path moves towards p* as fast as allowed and stays.
 */
import { badInput } from '../shared/errors';
import type { ElasticityEstimate } from './elasticity';
import type { Decimal, MoneyInput } from './money';
import { formatMinorUnits, roundToMinorUnits, toMinorUnits } from './money';
import type { Interval } from './stats';

export interface PriceRecommendationInput {
  /** An estimate from `estimateElasticity`, or a known elasticity (must be negative). */
  elasticity: ElasticityEstimate | number;
  currentPrice: MoneyInput;
  /** Expected units per period of the horizon at the current price, e.g. a forecast's mean. */
  baselineUnits: readonly number[];
  minPrice: MoneyInput;
  maxPrice: MoneyInput;
  /**
   * Largest relative change from one period's price to the next, e.g. 0.1 for 10% (default: no
   * limit).
   */
  maxChangePerStep?: number;
  /** When given, the margin (price - unit cost) * units is maximised instead of revenue. */
  unitCost?: MoneyInput;
  /** Prices are multiples of this increment where the bounds allow (default "0.01"). */
  priceIncrement?: MoneyInput;
}

/** Expected outcome of one horizon period at a price. */
export interface PriceStep {
  price: Decimal;
  units: number;
  revenue: Decimal;
  /** Present when a unit cost was given. */
  margin?: Decimal;
}

/** Totals over the horizon. */
export interface PriceOutcome {
  units: number;
  revenue: Decimal;
  margin?: Decimal;
}

export interface PriceRecommendation {
  objective: 'revenue' | 'margin';
  elasticity: number;
  /** The price to set for the first period of the horizon. */
  recommendedPrice: Decimal;
  /** The best price within the bounds when no step limit applies. */
  targetPrice: Decimal;
  /** The recommended price path, one step per horizon period. */
  steps: PriceStep[];
  current: PriceOutcome;
  recommended: PriceOutcome;
  /**
   * Total units on the recommended path at the ends of the elasticity's interval, when an estimate
   * with an interval was given.
   */
  unitsRange?: { interval: Interval; atLower: number; atUpper: number };
  warnings: string[];
}

interface Prices {
  current: bigint;
  min: bigint;
  max: bigint;
  cost: bigint | undefined;
  increment: bigint;
}

/**
 * Recommends the price that maximises expected revenue, or margin when a unit cost is given,
 * over the horizon of `baselineUnits`. Every price on the path lies within [minPrice, maxPrice];
 * when the current price lies outside them, the first step jumps to the nearer bound even if
 * that exceeds `maxChangePerStep`, with a warning.
 * Throws `BAD_USER_INPUT` when the estimate is unavailable (the message repeats its statement),
 * the elasticity is not negative, the baseline is empty or contains a negative or non-finite value,
 * a price is not positive, minPrice exceeds maxPrice, or maxChangePerStep is not positive.
 */
export function recommendPrice(input: PriceRecommendationInput): PriceRecommendation {
  const warnings: string[] = [];
  const elasticity = resolveElasticity(input.elasticity, warnings);
  checkBaseline(input.baselineUnits);
  const prices = resolvePrices(input, warnings);
  const maxChange = input.maxChangePerStep ?? Infinity;
  if (!(maxChange > 0)) {
    throw badInput(
      'maxChangePerStep',
      `maxChangePerStep must be a positive fraction such as 0.1 for 10%; received "${input.maxChangePerStep}".`,
    );
  }

  const model = new DemandModel(elasticity, prices.current, prices.cost);
  const target = bestPriceWithin(model, prices.min, prices.max, prices.increment);
  const path: bigint[] = [];
  let previous = prices.current;
  for (let t = 0; t < input.baselineUnits.length; t++) {
    let lower = prices.min;
    let upper = prices.max;
    if (Number.isFinite(maxChange)) {
      const stepLower = ceilTo(Number(previous) * (1 - maxChange), 1n);
      const stepUpper = floorTo(Number(previous) * (1 + maxChange), 1n);
      lower = stepLower > lower ? stepLower : lower;
      upper = stepUpper < upper ? stepUpper : upper;
    }
    if (lower > upper) {
      // The current price lies outside the bounds by more than one step allows.
      [lower, upper] = previous < prices.min ? [prices.min, prices.min] : [prices.max, prices.max];
      warnings.push(
        `The current price ${formatMinorUnits(prices.current)} lies outside [${formatMinorUnits(prices.min)}, ${formatMinorUnits(prices.max)}] by more than maxChangePerStep ${maxChange} allows, so the first step moves to the nearest bound.`,
      );
    }
    const price = bestPriceWithin(model, lower, upper, prices.increment);
    path.push(price);
    previous = price;
  }

  const steps = path.map((price, t) => model.step(price, input.baselineUnits[t]));
  const currentSteps = input.baselineUnits.map((base) => model.step(prices.current, base));
  return {
    objective: prices.cost === undefined ? 'revenue' : 'margin',
    elasticity,
    recommendedPrice: formatMinorUnits(path[0]),
    targetPrice: formatMinorUnits(target),
    steps: steps.map((step) => step.view),
    current: totalOf(currentSteps, prices.cost !== undefined),
    recommended: totalOf(steps, prices.cost !== undefined),
    unitsRange: rangeOfUnits(input.elasticity, prices.current, path, input.baselineUnits),
    warnings,
  };
}

function resolveElasticity(elasticity: ElasticityEstimate | number, warnings: string[]): number {
  let value: number;
  if (typeof elasticity === 'number') {
    value = elasticity;
  } else if (elasticity.status !== 'estimated') {
    throw badInput('elasticity', `No price can be recommended: ${elasticity.statement}`);
  } else {
    value = elasticity.elasticity;
    warnings.push(...elasticity.warnings);
  }
  if (!Number.isFinite(value) || value >= 0) {
    throw badInput(
      'elasticity',
      `No price can be recommended because the elasticity must be negative (demand falling as price rises); received "${value}".`,
    );
  }
  return value;
}

function checkBaseline(baseline: readonly number[]): void {
  if (baseline.length === 0) {
    throw badInput(
      'baselineUnits',
      'baselineUnits must hold at least one expected value per horizon period; received an empty list.',
    );
  }
  const badIndex = baseline.findIndex((units) => !(Number.isFinite(units) && units >= 0));
  if (badIndex >= 0) {
    throw badInput(
      'baselineUnits',
      `baselineUnits must be non-negative finite numbers; received "${baseline[badIndex]}" at index ${badIndex}.`,
    );
  }
}

function resolvePrices(input: PriceRecommendationInput, warnings: string[]): Prices {
  const positive = (value: MoneyInput, field: string): bigint => {
    const minor = toMinorUnits(value, field);
    if (minor <= 0n) {
      throw badInput(
        field,
        `${field} must be a positive price; received "${formatMinorUnits(minor)}".`,
      );
    }
    return minor;
  };
  const prices: Prices = {
    current: positive(input.currentPrice, 'currentPrice'),
    min: positive(input.minPrice, 'minPrice'),
    max: positive(input.maxPrice, 'maxPrice'),
    cost: input.unitCost === undefined ? undefined : toMinorUnits(input.unitCost, 'unitCost'),
    increment: positive(input.priceIncrement ?? '0.01', 'priceIncrement'),
  };
  if (prices.min > prices.max) {
    throw badInput(
      'minPrice',
      `minPrice must not exceed maxPrice; received minPrice "${formatMinorUnits(prices.min)}" and maxPrice "${formatMinorUnits(prices.max)}".`,
    );
  }
  if (prices.cost !== undefined && prices.cost >= prices.max) {
    warnings.push(
      `The unit cost ${formatMinorUnits(prices.cost)} is at least maxPrice ${formatMinorUnits(prices.max)}, so every allowed price loses money on each unit.`,
    );
  }
  return prices;
}

/** Constant-elasticity demand around the current price, with the per-period objective. */
class DemandModel {
  constructor(
    readonly elasticity: number,
    readonly currentPrice: bigint,
    readonly unitCost: bigint | undefined,
  ) {}

  /** Units at `price` per unit of baseline: (price / currentPrice)^elasticity. */
  unitFactor(price: bigint): number {
    return Math.pow(Number(price) / Number(this.currentPrice), this.elasticity);
  }

  /** Objective per unit of baseline, in minor units. */
  objective(price: bigint): number {
    return this.unitFactor(price) * Number(price - (this.unitCost ?? 0n));
  }

  /** Computes the unconstrained maximiser in minor units, +-Infinity where the objective is monotone. */
  optimum(): number {
    if (this.elasticity >= -1) {
      return Infinity;
    }
    const cost = Number(this.unitCost ?? 0n);
    return cost > 0 ? (cost * this.elasticity) / (1 + this.elasticity) : -Infinity;
  }

  step(
    price: bigint,
    baseline: number,
  ): { view: PriceStep; units: number; revenue: bigint; margin?: bigint } {
    const units = baseline * this.unitFactor(price);
    const revenue = roundToMinorUnits(units * Number(price));
    const view: PriceStep = {
      price: formatMinorUnits(price),
      units,
      revenue: formatMinorUnits(revenue),
    };
    if (this.unitCost === undefined) {
      return { view, units, revenue };
    }
    const margin = revenue - roundToMinorUnits(units * Number(this.unitCost));
    view.margin = formatMinorUnits(margin);
    return { view, units, revenue, margin };
  }
}

/**
 * Returns the price in [lower, upper] with the highest objective among the multiples of
 * `increment`. When no multiple lies in the range, any price in minor units may be chosen.
 */
function bestPriceWithin(
  model: DemandModel,
  lower: bigint,
  upper: bigint,
  increment: bigint,
): bigint {
  const optimum = model.optimum();
  const gridLower = ceilTo(Number(lower), increment);
  const gridUpper = floorTo(Number(upper), increment);
  const [low, high, step] =
    gridLower <= gridUpper ? [gridLower, gridUpper, increment] : [lower, upper, 1n];
  const clampedOptimum = Math.min(Math.max(optimum, Number(low)), Number(high));
  // The objective is unimodal, so the best grid price is one of the two neighbours of p*.
  const below = floorTo(clampedOptimum, step);
  const candidates = [below < low ? low : below, below + step > high ? high : below + step];
  return model.objective(candidates[1]) > model.objective(candidates[0])
    ? candidates[1]
    : candidates[0];
}

function ceilTo(value: number, increment: bigint): bigint {
  return BigInt(Math.ceil(value / Number(increment) - 1e-9)) * increment;
}

function floorTo(value: number, increment: bigint): bigint {
  return BigInt(Math.floor(value / Number(increment) + 1e-9)) * increment;
}

function totalOf(
  steps: ReadonlyArray<{ units: number; revenue: bigint; margin?: bigint }>,
  withMargin: boolean,
): PriceOutcome {
  const outcome: PriceOutcome = {
    units: steps.reduce((total, step) => total + step.units, 0),
    revenue: formatMinorUnits(steps.reduce((total, step) => total + step.revenue, 0n)),
  };
  if (withMargin) {
    outcome.margin = formatMinorUnits(
      steps.reduce((total, step) => total + (step.margin ?? 0n), 0n),
    );
  }
  return outcome;
}

function rangeOfUnits(
  elasticity: ElasticityEstimate | number,
  currentPrice: bigint,
  path: readonly bigint[],
  baseline: readonly number[],
): PriceRecommendation['unitsRange'] {
  if (typeof elasticity === 'number' || elasticity.status !== 'estimated') {
    return undefined;
  }
  const unitsAt = (beta: number) =>
    path.reduce(
      (total, price, t) =>
        total + baseline[t] * Math.pow(Number(price) / Number(currentPrice), beta),
      0,
    );
  const { interval } = elasticity;
  return { interval, atLower: unitsAt(interval.lower), atUpper: unitsAt(interval.upper) };
}
