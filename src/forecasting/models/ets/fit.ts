/**
 * Maximum-likelihood fit of one ETS model (Hyndman et al. 2008, chapter 5; FPP3 section 8.6).
 *
 * The smoothing parameters and the initial states are estimated jointly by Nelder-Mead from
 * the heuristic start of `estimateInitialStates`, as R's `forecast::ets` does. The objective
 * is -2·log-likelihood up to a constant, with the error variance concentrated out:
 *   additive error:        n·log(Σ e_t²)
 *   multiplicative error:  n·log(Σ e_t²) + 2·Σ log|μ_t|
 *
 * Parameters live in the usual region of R's `forecast::ets` (alpha, beta, gamma in
 * [1e-4, 0.9999], beta <= alpha, gamma <= 1 - alpha, phi in [0.8, 0.98]) intersected with the
 * admissible region. The optimiser works on beta and gamma as fractions of their upper limits,
 * beta = β*·alpha and gamma = γ*·(1 - alpha), which turns the region into a box.
 */
import { nelderMead } from '../../optimize';
import { isAdmissible } from './admissible';
import { type FilterOutput, filterEts } from './filter';
import { type InitialStates, estimateInitialStates } from './initialStates';
import { type EtsSpec, countFreeParameters } from './spec';

const SMOOTHING_LOWER = 1e-4;
const SMOOTHING_UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;

/** First simplex step of every smoothing parameter; see `EtsObjective.initialSteps`. */
const SMOOTHING_STEP = 0.01;

/**
 * Smallest Σe² per observation the objective uses. A perfect fit (a straight line fitted by
 * a trend model) would otherwise send log(Σe²) to -Infinity.
 */
const MIN_MEAN_SQUARED_ERROR = 1e-20;

/**
 * Relative tolerance of the Nelder-Mead runs. The objective, -2·log-likelihood, is of order n,
 * so a run stops once its vertices agree to about 1e-4, well below an AICc difference that
 * matters.
 */
const OPTIMISER_TOLERANCE = 1e-6;

/**
 * Evaluation budget of a fit per optimised coordinate. Damped and seasonal models often use it
 * up. On M3, 100 instead of 60 changed the AutoETS sMAPE by under 0.3 in either direction.
 */
const EVALUATIONS_PER_COORDINATE = 60;

/** A fitted ETS model; states are in the units of the series passed to {@link fitEts}. */
export interface EtsFit {
  spec: EtsSpec;
  /** Seasonal period of the states; 1 without season. */
  seasonLength: number;
  alpha: number;
  /** 0 without trend. */
  beta: number;
  /** 0 without season. */
  gamma: number;
  /** 1 without damping. */
  phi: number;
  initial: InitialStates;
  /** States after the last observation: the origin of the forecasts. */
  final: InitialStates;
  /** One-step innovations: y - μ (additive error) or (y - μ)/μ (multiplicative). */
  innovations: Float64Array;
  /** Σ innovations². */
  sse: number;
  /** Gaussian log-likelihood at the variance MLE σ̂² = sse / n, with all constants. */
  logLik: number;
  /** Parameters estimated (smoothing parameters and initial states); excludes σ². */
  freeParameters: number;
  /** Optimiser vector at the optimum with its objective; absent for fits built by hand. */
  estimate?: { vector: Float64Array; objective: EtsLikelihood };
}

/** The objective of one fit, as `parameterUncertainty.ts` perturbs it. */
export interface EtsLikelihood {
  /** Computes -2·log-likelihood up to a constant; `Infinity` outside the parameter region. */
  evaluate(x: Float64Array): number;
  /** Decodes a vector into a fit, or undefined where the likelihood is not defined. */
  describe(x: Float64Array): EtsFit | undefined;
  lowerBounds(): number[];
  upperBounds(): number[];
  /** First simplex steps, a scale per coordinate. */
  initialSteps(x: Float64Array): Float64Array;
}

/** Options of {@link fitEts}. */
export interface FitEtsOptions {
  /**
   * Initial states to keep fixed instead of estimating them: the fit then estimates only the
   * smoothing parameters (used for series too short to estimate the states).
   */
  fixedInitialStates?: InitialStates;
  /** Objective evaluations allowed; default 60 per optimised coordinate. */
  maxEvaluations?: number;
  /** Simplex rebuilds after convergence, as {@link nelderMead}'s `restarts`; default 1. */
  restarts?: number;
}

/**
 * Fits `spec` to `y` by maximum likelihood. `seasonLength` is ignored without season. Seasonal
 * models need y.length >= 2·seasonLength, and multiplicative forms strictly positive data:
 * callers check both. Returns undefined when no admissible starting point exists or the
 * likelihood cannot be evaluated (for instance a multiplicative model whose forecasts reach 0).
 */
export function fitEts(
  y: Float64Array,
  spec: EtsSpec,
  seasonLength: number,
  options: FitEtsOptions = {},
): EtsFit | undefined {
  const m = spec.season === 'N' ? 1 : seasonLength;
  const start = options.fixedInitialStates ?? estimateInitialStates(y, spec, m);
  const objective = new EtsObjective(y, spec, m, options.fixedInitialStates);
  const x0 = objective.encode(start);
  const search = nelderMead(objective.evaluate, x0, {
    lower: objective.lowerBounds(),
    upper: objective.upperBounds(),
    step: objective.initialSteps(x0),
    maxEvaluations: options.maxEvaluations ?? EVALUATIONS_PER_COORDINATE * x0.length,
    tolerance: OPTIMISER_TOLERANCE,
    restarts: options.restarts ?? 1,
  });
  if (!Number.isFinite(search.value)) return undefined;
  const fit = objective.describe(search.x);
  if (fit !== undefined) fit.estimate = { vector: Float64Array.from(search.x), objective };
  return fit;
}

/** Computes AIC, AICc and BIC of a log-likelihood with k parameters (σ² included), n points. */
export function informationCriteria(
  logLik: number,
  k: number,
  n: number,
): { aic: number; aicc: number; bic: number } {
  const aic = -2 * logLik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return { aic, aicc, bic: -2 * logLik + k * Math.log(n) };
}

/**
 * The likelihood as a function of the optimiser's vector
 *   [alpha, β*, γ*, phi, level, slope, season phases 1..m-1],
 * with only the entries the model has, and no states when they are fixed. Phase 0's index is
 * implied because the indices sum to 0 (additive) or m (multiplicative), as in R.
 */
class EtsObjective implements EtsLikelihood {
  private readonly hasTrend: boolean;
  private readonly hasSeason: boolean;
  private readonly damped: boolean;
  private readonly season: Float64Array;
  private readonly polynomial: Float64Array;
  private readonly output: FilterOutput = { sse: 0, sumLogForecast: 0, level: 0, slope: 0 };
  /** Initial level and slope decoded by the last `readStates` call. */
  private level = 0;
  private slope = 0;

  constructor(
    private readonly y: Float64Array,
    private readonly spec: EtsSpec,
    private readonly m: number,
    private readonly fixedStates: InitialStates | undefined,
  ) {
    this.hasTrend = spec.trend !== 'N';
    this.hasSeason = spec.season !== 'N';
    this.damped = spec.trend === 'Ad';
    this.season = new Float64Array(m);
    this.polynomial = new Float64Array(m + 2);
  }

  /** Builds the start vector, with R's starting smoothing parameters (`forecast:::initparam`). */
  encode(states: InitialStates): Float64Array {
    const values: number[] = [
      SMOOTHING_LOWER + (0.2 * (SMOOTHING_UPPER - SMOOTHING_LOWER)) / this.m,
    ];
    if (this.hasTrend) values.push(0.1);
    if (this.hasSeason) values.push(0.05);
    if (this.damped) values.push(PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER));
    if (this.fixedStates === undefined) {
      values.push(states.level);
      if (this.hasTrend) values.push(states.slope);
      if (this.hasSeason) for (let k = 1; k < this.m; k++) values.push(states.season[k]);
    }
    return Float64Array.from(values);
  }

  lowerBounds(): number[] {
    return this.bounds(SMOOTHING_LOWER, PHI_LOWER, -Infinity);
  }

  upperBounds(): number[] {
    return this.bounds(SMOOTHING_UPPER, PHI_UPPER, Infinity);
  }

  /**
   * Sizes the first simplex. Every smoothing parameter steps by 0.01 (phi downwards, away
   * from its bound). A level state steps by the mean absolute one-step change of the series (a
   * rough noise scale), a slope by a quarter of that, and a multiplicative seasonal factor by
   * 0.05.
   *
   * NOTE: the small smoothing step keeps the search in the local optimum nearest R's starting
   * values. Wider first steps reach optima of higher likelihood, often with beta at its bound
   * alpha, and those forecast worse. On M3, AutoETS with a step of 0.1 scored sMAPE 17.46
   * (yearly), 9.60 (quarterly) and 4.36 (other), against 16.44, 9.46 and 4.35 at 0.01.
   */
  initialSteps(x0: Float64Array): Float64Array {
    const steps = new Float64Array(x0.length);
    const smoothingCount = this.smoothingCount();
    const noise = meanAbsoluteChange(this.y);
    for (let i = 0; i < smoothingCount; i++) steps[i] = SMOOTHING_STEP;
    if (this.damped) steps[smoothingCount - 1] = -SMOOTHING_STEP;
    if (this.fixedStates !== undefined) return steps;

    let i = smoothingCount;
    steps[i++] = noise;
    if (this.hasTrend) steps[i++] = noise / 4;
    for (; i < x0.length; i++) steps[i] = this.spec.season === 'M' ? 0.05 : noise;
    return steps;
  }

  readonly evaluate = (x: Float64Array): number => {
    const { spec, m, season, output } = this;
    const alpha = x[0];
    let i = 1;
    const beta = this.hasTrend ? x[i++] * alpha : 0;
    const gamma = this.hasSeason ? x[i++] * (1 - alpha) : 0;
    const phi = this.damped ? x[i++] : 1;
    if (this.hasSeason && !isAdmissible(alpha, beta, gamma, phi, m, this.polynomial)) {
      return Infinity;
    }
    if (!this.readStates(x, i)) return Infinity;

    const ok = filterEts(
      this.y,
      spec,
      alpha,
      beta,
      gamma,
      phi,
      this.level,
      this.slope,
      season,
      output,
    );
    if (!ok) return Infinity;
    const n = this.y.length;
    const sse = Math.max(output.sse, n * MIN_MEAN_SQUARED_ERROR);
    const jacobian = spec.error === 'M' ? 2 * output.sumLogForecast : 0;
    return n * Math.log(sse) + jacobian;
  };

  /** Decodes a vector and reruns the filter to collect the final states and innovations. */
  describe(x: Float64Array): EtsFit | undefined {
    const { y, spec, m } = this;
    const alpha = x[0];
    let i = 1;
    const beta = this.hasTrend ? x[i++] * alpha : 0;
    const gamma = this.hasSeason ? x[i++] * (1 - alpha) : 0;
    const phi = this.damped ? x[i++] : 1;
    if (!this.readStates(x, i)) return undefined;

    const initial = {
      level: this.level,
      slope: this.slope,
      season: Float64Array.from(this.season),
    };
    const innovations = new Float64Array(y.length);
    const output: FilterOutput = { sse: 0, sumLogForecast: 0, level: 0, slope: 0 };
    const ok = filterEts(
      y,
      spec,
      alpha,
      beta,
      gamma,
      phi,
      this.level,
      this.slope,
      this.season,
      output,
      innovations,
    );
    if (!ok) return undefined;

    const n = y.length;
    const sse = Math.max(output.sse, n * MIN_MEAN_SQUARED_ERROR);
    const jacobian = spec.error === 'M' ? output.sumLogForecast : 0;
    const logLik = -0.5 * n * (Math.log((2 * Math.PI * sse) / n) + 1) - jacobian;
    return {
      spec,
      seasonLength: m,
      alpha,
      beta,
      gamma,
      phi,
      initial,
      final: { level: output.level, slope: output.slope, season: Float64Array.from(this.season) },
      innovations,
      sse: output.sse,
      logLik,
      freeParameters:
        this.fixedStates === undefined ? countFreeParameters(spec, m) : this.smoothingCount(),
    };
  }

  /**
   * Decodes the initial states from `x` at `offset` (or takes the fixed ones) into `level`,
   * `slope` and `season`. Returns false when a multiplicative seasonal index is negative.
   */
  private readStates(x: Float64Array, offset: number): boolean {
    const { season, m } = this;
    if (this.fixedStates !== undefined) {
      season.set(this.fixedStates.season.subarray(0, m));
      this.level = this.fixedStates.level;
      this.slope = this.fixedStates.slope;
      return true;
    }

    let i = offset;
    this.level = x[i++];
    this.slope = this.hasTrend ? x[i++] : 0;
    if (!this.hasSeason) return true;
    let sum = 0;
    for (let k = 1; k < m; k++) {
      season[k] = x[i++];
      sum += season[k];
    }
    season[0] = (this.spec.season === 'M' ? m : 0) - sum;
    if (this.spec.season === 'M') {
      for (let k = 0; k < m; k++) if (season[k] < 0) return false;
    }
    return true;
  }

  private smoothingCount(): number {
    return 1 + Number(this.hasTrend) + Number(this.hasSeason) + Number(this.damped);
  }

  private bounds(smoothing: number, phi: number, state: number): number[] {
    const values = [smoothing];
    if (this.hasTrend) values.push(smoothing);
    if (this.hasSeason) values.push(smoothing);
    if (this.damped) values.push(phi);
    if (this.fixedStates === undefined) {
      const stateCount = 1 + Number(this.hasTrend) + (this.hasSeason ? this.m - 1 : 0);
      for (let k = 0; k < stateCount; k++) values.push(state);
    }
    return values;
  }
}

/** Mean |y_t - y_{t-1}|; 1e-3 of the mean level when the series barely moves. */
function meanAbsoluteChange(y: Float64Array): number {
  let change = 0;
  let level = 0;
  for (let t = 0; t < y.length; t++) {
    level += Math.abs(y[t]);
    if (t > 0) change += Math.abs(y[t] - y[t - 1]);
  }
  change /= Math.max(y.length - 1, 1);
  level /= y.length;
  return Math.max(change, 1e-3 * level, 1e-12);
}
