/**
 * Forecast variance from the choice among candidate models, after the model-averaged
 * (unconditional) variance of Burnham & Anderson (2002, "Model Selection and Multimodel
 * Inference", section 4.3). With Akaike weights w_i ∝ exp(-ΔAICc_i / 2), the mixture of the
 * candidates' forecast distributions has, about the chosen model's forecast μ_h, the variance
 *   Σ_i w_i·(v_i,h + (μ_i,h - μ_h)²).
 * The extra variance over the chosen model's own v_h is what this file computes.
 */
import type { EtsFit } from './fit';
import { analyticVariance, pointForecasts } from './predict';

/** A fitted candidate and its AICc. */
export interface ScoredFit {
  fit: EtsFit;
  aicc: number;
}

/**
 * Computes Σ_i w_i·((μ_i,h - μ_h)² + v_i,h - v_h) for h = 1..mean.length, floored at 0 so that
 * the term never narrows the chosen model's interval. `mean` and `variance` are the chosen
 * model's forecasts and forecast variances. Candidates with a multiplicative season, which have
 * no closed-form variance, contribute their spread of forecasts only, as do all candidates when
 * `variance` is undefined. Returns undefined for fewer than two candidates.
 */
export function selectionVariance(
  candidates: readonly ScoredFit[],
  mean: Float64Array,
  variance: Float64Array | undefined,
): Float64Array | undefined {
  if (candidates.length < 2) return undefined;
  const horizon = mean.length;
  const best = Math.min(...candidates.map((candidate) => candidate.aicc));
  const weights = candidates.map((candidate) => Math.exp(-(candidate.aicc - best) / 2));
  const total = weights.reduce((sum, weight) => sum + weight, 0);

  const extra = new Float64Array(horizon);
  candidates.forEach(({ fit }, i) => {
    const weight = weights[i] / total;
    const forecast = pointForecasts(fit, horizon);
    const own =
      variance !== undefined && fit.spec.season !== 'M'
        ? analyticVariance(fit, forecast, fit.sse / (fit.innovations.length - fit.freeParameters))
        : undefined;
    for (let h = 0; h < horizon; h++) {
      const spread = (forecast[h] - mean[h]) ** 2;
      extra[h] += weight * (spread + (own !== undefined ? own[h] - variance![h] : 0));
    }
  });
  return extra.map((value) => Math.max(value, 0));
}
