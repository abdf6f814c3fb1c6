/**
 * The ETS recursions in innovations form (Hyndman et al. 2008, table 2.3; FPP3 table 8.7), for
 * additive or multiplicative error, trend N/A/Ad and season N/A/M.
 *
 * With q = l + φ·b (φ = 1 undamped, b = 0 without trend) and s the seasonal index of the
 * observation's phase, the one-step forecast is μ = q, q + s or q·s. With raw error
 * r = y - μ, the states update as
 *   additive or no season:  l' = q + α·r,    b' = φ·b + β·r,    s' = s + γ·r
 *   multiplicative season:  l' = q + α·r/s,  b' = φ·b + β·r/s,  s' = s + γ·r/q
 * which is the same for both error forms: the error form changes only the innovation,
 * e = r (additive) or e = r/μ (multiplicative), and so the likelihood.
 */
import type { EtsSpec } from './spec';

/** Bound on the running product of forecasts before its log is added to the sum. */
const PRODUCT_LIMIT = 1e100;

/** Results of one pass of {@link filterEts}; the caller owns the object and reuses it. */
export interface FilterOutput {
  /** Σ e_t², with e_t the additive or relative innovation. */
  sse: number;
  /** Σ log|μ_t|, the Jacobian term of the multiplicative-error likelihood. */
  sumLogForecast: number;
  /** Level after the last observation. */
  level: number;
  /** Slope after the last observation; 0 without trend. */
  slope: number;
}

/**
 * Runs the recursions over `y` from the given initial states and reports the sums the
 * likelihood needs. `season` contains the initial seasonal index of each phase on entry and the
 * final ones on exit (untouched when the model has no season). Writes innovations into
 * `innovations` when given.
 *
 * Returns false, leaving `out` partly written, when the path leaves the model's domain: a
 * forecast μ <= 0 under multiplicative error, a level term q <= 0 or a seasonal index <= 0
 * under multiplicative season, or a sum that overflows.
 */
export function filterEts(
  y: Float64Array,
  spec: EtsSpec,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level: number,
  slope: number,
  season: Float64Array,
  out: FilterOutput,
  innovations?: Float64Array,
): boolean {
  const n = y.length;
  const m = season.length;
  const multiplicativeError = spec.error === 'M';
  const additiveSeason = spec.season === 'A';
  const multiplicativeSeason = spec.season === 'M';
  const damping = spec.trend === 'Ad' ? phi : 1;
  const slopeGain = spec.trend === 'N' ? 0 : beta;
  const seasonGain = spec.season === 'N' ? 0 : gamma;

  let l = level;
  let b = spec.trend === 'N' ? 0 : slope;
  let sse = 0;
  let sumLogForecast = 0;
  // Σ log|μ_t| is taken as the log of a running product, flushed before it can overflow or
  // underflow: one Math.log per flush instead of one per observation.
  let forecastProduct = 1;
  let phase = 0;
  for (let t = 0; t < n; t++) {
    const dampedSlope = damping * b;
    const q = l + dampedSlope;
    let s = 0;
    let forecast = q;
    if (additiveSeason) {
      s = season[phase];
      forecast = q + s;
    } else if (multiplicativeSeason) {
      s = season[phase];
      if (!(q > 0 && s > 0)) return false;
      forecast = q * s;
    }

    const raw = y[t] - forecast;
    let innovation = raw;
    if (multiplicativeError) {
      if (!(forecast > 0)) return false;
      innovation = raw / forecast;
      forecastProduct *= forecast;
      if (forecastProduct > PRODUCT_LIMIT || forecastProduct < 1 / PRODUCT_LIMIT) {
        sumLogForecast += Math.log(forecastProduct);
        forecastProduct = 1;
      }
    }
    sse += innovation * innovation;
    if (innovations !== undefined) innovations[t] = innovation;

    if (multiplicativeSeason) {
      l = q + (alpha * raw) / s;
      b = dampedSlope + (slopeGain * raw) / s;
      season[phase] = s + (seasonGain * raw) / q;
    } else {
      l = q + alpha * raw;
      b = dampedSlope + slopeGain * raw;
      if (additiveSeason) season[phase] = s + seasonGain * raw;
    }
    phase = phase + 1 === m ? 0 : phase + 1;
  }

  out.sse = sse;
  out.sumLogForecast = sumLogForecast + Math.log(forecastProduct);
  out.level = l;
  out.slope = b;
  return Number.isFinite(sse) && Number.isFinite(l) && Number.isFinite(b);
}
