/**
 * Point forecasts and forecast distributions of a fitted ETS model (Hyndman et al. 2008,
 * chapter 6).
 *
 * Vocabulary: h is the step ahead (1-based); μ_h the point forecast; v_h the variance of the
 * h-step forecast error; c_j = α + β·φ_j + γ·[j mod m = 0] the weight of an innovation j steps
 * back in a linear model, with φ_j = φ + φ² + … + φ^j (j when undamped).
 */
import type { EtsFit } from './fit';
import type { EtsSpec } from './spec';

/**
 * Computes μ_1..μ_horizon from the final states: μ_h = l + φ_h·b, plus or times the seasonal
 * index of the target's phase.
 */
export function pointForecasts(fit: EtsFit, horizon: number): Float64Array {
  const { final, phi, spec } = fit;
  const n = fit.innovations.length;
  const m = fit.seasonLength;
  const mean = new Float64Array(horizon);
  let dampedSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= phi;
    dampedSum += phiPower;
    const trendPart = final.level + dampedSum * final.slope;
    const index = final.season[(n + h - 1) % m];
    mean[h - 1] = addSeason(spec.season, trendPart, index);
  }
  return mean;
}

/**
 * Computes v_1..v_horizon for the linear models with the closed forms of Hyndman et al. (2008,
 * section 6.3): class 1 (additive error) v_h = σ²·(1 + Σ_{j<h} c_j²); class 2 (multiplicative
 * error, additive components) v_h = (1 + σ²)·θ_h - μ_h², where θ_1 = μ_1² and
 * θ_h = μ_h² + σ²·Σ_{j<h} c_j²·θ_{h-j}. `sigma2` is the innovation variance (relative under
 * multiplicative error). Throws `TypeError` for a multiplicative season, which has no such form.
 */
export function analyticVariance(fit: EtsFit, mean: Float64Array, sigma2: number): Float64Array {
  if (fit.spec.season === 'M') {
    throw new TypeError(`analyticVariance: ETS models with multiplicative season need simulation.`);
  }
  const horizon = mean.length;
  const weights = innovationWeights(fit, horizon);
  const variance = new Float64Array(horizon);

  if (fit.spec.error === 'A') {
    let sum = 0;
    for (let h = 1; h <= horizon; h++) {
      variance[h - 1] = sigma2 * (1 + sum);
      sum += weights[h] * weights[h];
    }
    return variance;
  }

  const theta = new Float64Array(horizon + 1);
  for (let h = 1; h <= horizon; h++) {
    let sum = 0;
    for (let j = 1; j < h; j++) sum += weights[j] * weights[j] * theta[h - j];
    theta[h] = mean[h - 1] * mean[h - 1] + sigma2 * sum;
    variance[h - 1] = (1 + sigma2) * theta[h] - mean[h - 1] * mean[h - 1];
  }
  return variance;
}

/**
 * Simulates `paths` future sample paths of length `horizon` from the final states, with
 * Gaussian innovations of variance `sigma2` drawn from a generator seeded with `seed`, so equal
 * inputs give equal paths. Returns one array per step, each holding the `paths` simulated values
 * of that step. A path that leaves the model's domain (a level or seasonal index that turns
 * non-positive under multiplicative season) contains `NaN` from there on.
 *
 * NOTE: the paths take paths × horizon doubles of memory: 40 MB for 5000 paths at horizon 1000.
 */
export function simulatePaths(
  fit: EtsFit,
  horizon: number,
  sigma2: number,
  paths: number,
  seed: number,
): Float64Array[] {
  const { spec, alpha, beta, gamma, phi, final } = fit;
  const n = fit.innovations.length;
  const m = fit.seasonLength;
  const sigma = Math.sqrt(sigma2);
  const normal = createNormalGenerator(seed);
  const season = new Float64Array(m);
  const steps = Array.from({ length: horizon }, () => new Float64Array(paths));

  for (let path = 0; path < paths; path++) {
    season.set(final.season.subarray(0, m));
    let level = final.level;
    let slope = final.slope;
    let phase = (n % m) as number;
    for (let h = 0; h < horizon; h++) {
      const dampedSlope = phi * slope;
      const q = level + dampedSlope;
      const s = season[phase];
      const forecast = addSeason(spec.season, q, s);
      const innovation = sigma * normal();
      const value = spec.error === 'A' ? forecast + innovation : forecast * (1 + innovation);
      const raw = value - forecast;

      if (spec.season === 'M') {
        if (!(q > 0 && s > 0)) {
          for (let rest = h; rest < horizon; rest++) steps[rest][path] = NaN;
          break;
        }
        level = q + (alpha * raw) / s;
        slope = dampedSlope + (beta * raw) / s;
        season[phase] = s + (gamma * raw) / q;
      } else {
        level = q + alpha * raw;
        slope = dampedSlope + beta * raw;
        if (spec.season === 'A') season[phase] = s + gamma * raw;
      }
      steps[h][path] = value;
      phase = phase + 1 === m ? 0 : phase + 1;
    }
  }
  return steps;
}

/**
 * Returns the `probability` quantile of `sorted` (ascending, `NaN`s last and skipped) with
 * linear interpolation between order statistics (R's type 7).
 */
export function quantileOfSorted(sorted: Float64Array, probability: number): number {
  let count = sorted.length;
  while (count > 0 && Number.isNaN(sorted[count - 1])) count--;
  if (count === 0) return NaN;
  const position = probability * (count - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, count - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Returns the forecast from its trend part and seasonal index under the seasonal form. */
function addSeason(season: EtsSpec['season'], trendPart: number, index: number): number {
  if (season === 'A') return trendPart + index;
  if (season === 'M') return trendPart * index;
  return trendPart;
}

/** c_0..c_horizon (c_0 unused): the weight of an innovation j steps back. */
function innovationWeights(fit: EtsFit, horizon: number): Float64Array {
  const { alpha, beta, gamma, phi } = fit;
  const m = fit.seasonLength;
  const weights = new Float64Array(horizon + 1);
  let dampedSum = 0;
  let phiPower = 1;
  for (let j = 1; j <= horizon; j++) {
    phiPower *= phi;
    dampedSum += phiPower;
    weights[j] = alpha + beta * dampedSum + (m > 1 && j % m === 0 ? gamma : 0);
  }
  return weights;
}

/**
 * Creates a standard normal generator: Mulberry32 uniforms (32-bit state) turned into normals
 * by the Box-Muller transform. Deterministic for a seed; not for cryptographic use.
 */
function createNormalGenerator(seed: number): () => number {
  let state = seed >>> 0;
  let spare = NaN;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = NaN;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Sample paths behind simulated intervals, as R's `forecast.ets` (`npaths = 5000`). */
const SIMULATED_PATHS = 5000;

/** Fixed seed of the simulated intervals, so a forecast is reproducible. */
const SIMULATION_SEED = 2008;

/** Lower and upper bounds at one level, in the units of the fit. */
export interface ScaledInterval {
  level: number;
  lower: Float64Array;
  upper: Float64Array;
}

/** Allowances that widen the intervals beyond the model's own forecast variance. */
export interface IntervalWidening {
  /** Variance added to v_h: parameter and model-choice uncertainty of the point forecast. */
  extraVariance?: Float64Array;
  /** In-sample h-step mean squared errors ({@link insampleErrorMeanSquares}): a floor for v_h. */
  empiricalMeanSquares?: Float64Array;
}

/**
 * Builds the prediction intervals at each level (percent): mean ± z·sqrt(v_h) for the linear
 * models, and quantiles of {@link simulatePaths} for a multiplicative season, stretched about
 * the point forecast where `widening` calls for a larger variance.
 */
export function predictionIntervals(
  fit: EtsFit,
  mean: Float64Array,
  sigma2: number,
  levels: readonly number[],
  quantile: (level: number) => number,
  widening: IntervalWidening = {},
): ScaledInterval[] {
  const horizon = mean.length;
  if (fit.spec.season !== 'M') {
    const variance = widenedVariance(analyticVariance(fit, mean, sigma2), widening);
    return levels.map((level) => {
      const z = quantile(level);
      const lower = new Float64Array(horizon);
      const upper = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        const margin = z * Math.sqrt(Math.max(variance[h], 0));
        lower[h] = mean[h] - margin;
        upper[h] = mean[h] + margin;
      }
      return { level, lower, upper };
    });
  }

  const steps = simulatePaths(fit, horizon, sigma2, SIMULATED_PATHS, SIMULATION_SEED);
  const simulated = Float64Array.from(steps, (values, h) => meanSquareAround(values, mean[h]));
  const variance = widenedVariance(simulated, widening);
  for (const values of steps) values.sort();
  return levels.map((level) => {
    const tail = (100 - level) / 200;
    const stretch = (h: number, value: number) => {
      const factor = simulated[h] > 0 ? Math.sqrt(variance[h] / simulated[h]) : 1;
      return mean[h] + factor * (value - mean[h]);
    };
    return {
      level,
      lower: Float64Array.from(steps, (values, h) => stretch(h, quantileOfSorted(values, tail))),
      upper: Float64Array.from(steps, (values, h) =>
        stretch(h, quantileOfSorted(values, 1 - tail)),
      ),
    };
  });
}

/**
 * Returns v_h plus the extra variance, raised to the empirical mean square where that is larger.
 * Steps beyond the empirical horizon keep the last step's ratio of empirical to model variance.
 */
function widenedVariance(variance: Float64Array, widening: IntervalWidening): Float64Array {
  const widened = Float64Array.from(
    variance,
    (value, h) => value + (widening.extraVariance?.[h] ?? 0),
  );
  const factors = wideningFactors(widened, widening.empiricalMeanSquares);
  return widened.map((value, h) => value * factors[h]);
}

/**
 * Returns max(1, empirical_h / v_h) per step. Steps without an empirical value reuse the ratio
 * of the last step that has one; without any, every factor is 1.
 */
function wideningFactors(
  variance: Float64Array,
  empirical: Float64Array | undefined,
): Float64Array {
  const factors = new Float64Array(variance.length).fill(1);
  if (empirical === undefined) return factors;
  let last = 1;
  for (let h = 0; h < variance.length; h++) {
    if (h < empirical.length && !Number.isNaN(empirical[h]) && variance[h] > 0) {
      last = Math.max(1, empirical[h] / variance[h]);
    }
    factors[h] = last;
  }
  return factors;
}

/** Mean of (value - centre)² over the finite values. */
function meanSquareAround(values: Float64Array, centre: number): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    sum += (value - centre) ** 2;
    count++;
  }
  return count > 0 ? sum / count : NaN;
}

/**
 * Computes the mean squared k-step-ahead in-sample forecast error for k = 1..horizon: the
 * filter runs over `y` from the fitted initial states and, after each observation, forecasts
 * the next `horizon` observations from its current states. Entry k - 1 is `NaN` when fewer
 * than `minCount` forecasts reach k steps ahead.
 */
export function insampleErrorMeanSquares(
  fit: EtsFit,
  y: Float64Array,
  horizon: number,
  minCount: number,
): Float64Array {
  const { spec, alpha, beta, gamma, phi } = fit;
  const n = y.length;
  const m = fit.seasonLength;
  const season = Float64Array.from(fit.initial.season);
  let level = fit.initial.level;
  let slope = fit.initial.slope;
  const sums = new Float64Array(horizon);
  const counts = new Float64Array(horizon);

  for (let t = 0; t < n; t++) {
    const q = level + phi * slope;
    const s = season[t % m];
    const forecast = addSeason(spec.season, q, s);
    const raw = y[t] - forecast;
    if (spec.season === 'M') {
      level = q + (alpha * raw) / s;
      slope = phi * slope + (beta * raw) / s;
      season[t % m] = s + (gamma * raw) / q;
    } else {
      level = q + alpha * raw;
      slope = phi * slope + beta * raw;
      if (spec.season === 'A') season[t % m] = s + gamma * raw;
    }

    let dampedSum = 0;
    let phiPower = 1;
    for (let k = 1; k <= horizon && t + k < n; k++) {
      phiPower *= phi;
      dampedSum += phiPower;
      const trendPart = level + dampedSum * slope;
      const index = season[(t + k) % m];
      const ahead = addSeason(spec.season, trendPart, index);
      const error = y[t + k] - ahead;
      sums[k - 1] += error * error;
      counts[k - 1] += 1;
    }
  }
  return sums.map((sum, k) => (counts[k] >= minCount ? sum / counts[k] : NaN));
}
