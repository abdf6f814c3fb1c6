/**
 * Derivative-free minimisers for the model fits in this folder.
 *
 * Vocabulary:
 * - objective: the function minimised; it may return `Infinity` to reject a point (a penalty);
 * - simplex: the d + 1 vertices Nelder-Mead keeps in d dimensions;
 * - evaluation: one call of the objective (the budget is counted in evaluations).
 *
 * Both minimisers write into preallocated `Float64Array`s, so an objective that allocates
 * nothing keeps the whole fit free of garbage.
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Lower box bound per coordinate; `-Infinity` leaves a coordinate unbounded below. */
  lower?: ArrayLike<number>;
  /** Upper box bound per coordinate; `Infinity` leaves a coordinate unbounded above. */
  upper?: ArrayLike<number>;
  /** Edge length of the first simplex per coordinate; default 10% of |start|, or 0.1 at 0. */
  step?: ArrayLike<number>;
  /** Maximum number of objective evaluations over all restarts; default 200 · (d + 1). */
  maxEvaluations?: number;
  /**
   * Relative tolerance: a run stops when the worst and best vertex values differ by at most
   * `tolerance · (|best| + tolerance)`. Default 1e-8, as R's `optim` (`reltol` ≈ 1.5e-8).
   */
  tolerance?: number;
  /**
   * Number of times to rebuild the simplex around the best point after a run converges.
   * The search ends early when a restart improves the value by less than the tolerance.
   * Default 1.
   */
  restarts?: number;
}

/** Outcome of {@link nelderMead}. */
export interface NelderMeadResult {
  /** Best point found, inside the box bounds. */
  x: Float64Array;
  /** Objective at `x`. */
  value: number;
  evaluations: number;
  /** False when the evaluation budget ran out before the last run met the tolerance. */
  converged: boolean;
}

/**
 * Minimises `objective` from `start` with the Nelder-Mead simplex method (Nelder & Mead 1965),
 * using the dimension-adapted coefficients of Gao & Han (2012) above two dimensions.
 *
 * Box bounds are kept by projecting every trial point onto the box. Any other constraint
 * belongs in the objective, which returns `Infinity` where the point is not allowed.
 * `objective` receives a scratch array that it must not keep. Throws `TypeError` when the
 * bounds or steps do not match `start` in length.
 */
export function nelderMead(
  objective: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const d = start.length;
  const lower = expandBound(options.lower, d, -Infinity, 'lower');
  const upper = expandBound(options.upper, d, Infinity, 'upper');
  const step = defaultSteps(start, options.step, d);
  const tolerance = options.tolerance ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 200 * (d + 1);
  const restarts = options.restarts ?? 1;

  const best = new Float64Array(d);
  for (let i = 0; i < d; i++) best[i] = clamp(start[i], lower[i], upper[i]);
  const search = new SimplexSearch(objective, lower, upper, step, tolerance);
  let bestValue = objective(best);
  let evaluations = 1;
  if (d === 0 || !Number.isFinite(bestValue)) {
    return { x: best, value: bestValue, evaluations, converged: d === 0 };
  }

  let converged = false;
  for (let run = 0; run <= restarts && evaluations < maxEvaluations; run++) {
    const outcome = search.run(best, bestValue, maxEvaluations - evaluations);
    evaluations += outcome.evaluations;
    converged = outcome.converged;
    const improvement = bestValue - outcome.value;
    search.copyBest(best);
    bestValue = outcome.value;

    // A restart that barely moves the value means the first run had found the minimum.
    if (run > 0 && improvement <= tolerance * (Math.abs(bestValue) + tolerance)) break;
  }
  return { x: best, value: bestValue, evaluations, converged };
}

/** Options of {@link minimizeScalar}. */
export interface ScalarMinimizeOptions {
  /** Absolute tolerance on the argument; default 1e-8. */
  tolerance?: number;
  /** Maximum number of iterations; default 100. */
  maxIterations?: number;
}

/**
 * Minimises a function of one variable on `[lower, upper]` with Brent's method (golden-section
 * search with parabolic interpolation; Brent 1973, ch. 5). Finds a local minimum only: callers
 * with a multimodal objective should bracket the best grid point first. Returns the argument
 * and the value there.
 */
export function minimizeScalar(
  objective: (x: number) => number,
  lower: number,
  upper: number,
  options: ScalarMinimizeOptions = {},
): { x: number; value: number } {
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const golden = 0.381966011250105; // (3 - sqrt(5)) / 2

  let a = lower;
  let b = upper;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = objective(x);
  let fw = fx;
  let fv = fx;
  let stepNow = 0;
  let stepBefore = 0;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const middle = 0.5 * (a + b);
    const tol1 = tolerance + 1e-10 * Math.abs(x);
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) break;

    // Try a parabola through x, w and v. Take a golden-section step instead when the parabola
    // would leave the bracket or would not shrink the step enough.
    let useGolden = true;
    if (Math.abs(stepBefore) > tol1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      if (Math.abs(p) < Math.abs(0.5 * q * stepBefore) && p > q * (a - x) && p < q * (b - x)) {
        stepBefore = stepNow;
        stepNow = p / q;
        const u = x + stepNow;
        if (u - a < tol2 || b - u < tol2) stepNow = x < middle ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      stepBefore = x < middle ? b - x : a - x;
      stepNow = golden * stepBefore;
    }

    const u = Math.abs(stepNow) >= tol1 ? x + stepNow : x + (stepNow > 0 ? tol1 : -tol1);
    const fu = objective(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx };
}

/** One Nelder-Mead run at a time, reusing its buffers across restarts. */
class SimplexSearch {
  private readonly d: number;
  private readonly vertices: Float64Array;
  private readonly values: Float64Array;
  private readonly centroid: Float64Array;
  private readonly trial: Float64Array;
  private readonly second: Float64Array;
  private readonly reflection: number = 1;
  private readonly expansion: number;
  private readonly contraction: number;
  private readonly shrink: number;
  private bestIndex = 0;
  /** Vertex indices found by the last `rank` call. */
  private best = 0;
  private worst = 0;
  private nextWorst = 0;

  constructor(
    private readonly objective: (x: Float64Array) => number,
    private readonly lower: Float64Array,
    private readonly upper: Float64Array,
    private readonly step: Float64Array,
    private readonly tolerance: number,
  ) {
    const d = lower.length;
    this.d = d;
    this.vertices = new Float64Array((d + 1) * d);
    this.values = new Float64Array(d + 1);
    this.centroid = new Float64Array(d);
    this.trial = new Float64Array(d);
    this.second = new Float64Array(d);

    // Gao & Han (2012): the standard coefficients stall in higher dimensions.
    const adaptive = d > 2;
    this.expansion = adaptive ? 1 + 2 / d : 2;
    this.contraction = adaptive ? 0.75 - 1 / (2 * d) : 0.5;
    this.shrink = adaptive ? 1 - 1 / d : 0.5;
  }

  copyBest(target: Float64Array): void {
    target.set(this.vertices.subarray(this.bestIndex * this.d, (this.bestIndex + 1) * this.d));
  }

  /** Runs from a fresh simplex at `start`; returns the best value and the evaluations used. */
  run(
    start: Float64Array,
    startValue: number,
    budget: number,
  ): { value: number; evaluations: number; converged: boolean } {
    const { d, vertices, values } = this;
    let evaluations = this.buildSimplex(start, startValue);

    while (evaluations < budget) {
      this.rank();
      const { best, worst, nextWorst } = this;
      this.bestIndex = best;
      const spread = values[worst] - values[best];
      if (spread <= this.tolerance * (Math.abs(values[best]) + this.tolerance)) {
        return { value: values[best], evaluations, converged: true };
      }
      this.computeCentroid(worst);

      const reflected = this.evaluateAlong(worst, this.reflection, this.trial);
      evaluations++;
      if (reflected < values[best]) {
        // Keep whichever of the reflected and the expanded point is lower.
        const expanded = this.evaluateAlong(worst, this.reflection * this.expansion, this.second);
        evaluations++;
        if (expanded < reflected) this.replace(worst, this.second, expanded);
        else this.replace(worst, this.trial, reflected);
        continue;
      }
      if (reflected < values[nextWorst]) {
        this.replace(worst, this.trial, reflected);
        continue;
      }

      // Contract towards the centroid on the better side of it, or shrink the whole simplex.
      const outside = reflected < values[worst];
      const coefficient = outside ? this.reflection * this.contraction : -this.contraction;
      const contracted = this.evaluateAlong(worst, coefficient, this.second);
      evaluations++;
      if (outside ? contracted <= reflected : contracted < values[worst]) {
        this.replace(worst, this.second, contracted);
        continue;
      }
      for (let j = 0; j <= d; j++) {
        if (j === best) continue;
        for (let i = 0; i < d; i++) {
          const fromBest = vertices[j * d + i] - vertices[best * d + i];
          vertices[j * d + i] = vertices[best * d + i] + this.shrink * fromBest;
        }
        values[j] = this.objective(vertices.subarray(j * d, (j + 1) * d));
        evaluations++;
      }
    }
    this.rank();
    this.bestIndex = this.best;
    return { value: values[this.bestIndex], evaluations, converged: false };
  }

  private buildSimplex(start: Float64Array, startValue: number): number {
    const { d, vertices, values, lower, upper, step } = this;
    for (let j = 0; j <= d; j++) vertices.set(start, j * d);
    values[0] = startValue;
    for (let i = 0; i < d; i++) {
      const j = i + 1;
      let moved = clamp(start[i] + step[i], lower[i], upper[i]);
      // A start on its upper bound steps the other way.
      if (moved === start[i]) moved = clamp(start[i] - step[i], lower[i], upper[i]);
      vertices[j * d + i] = moved;
      values[j] = this.objective(vertices.subarray(j * d, (j + 1) * d));
    }
    return d;
  }

  /** Finds the best, worst and second-worst vertices (fields, to spare an allocation). */
  private rank(): void {
    const values = this.values;
    let best = 0;
    let worst = 0;
    for (let j = 1; j <= this.d; j++) {
      if (values[j] < values[best]) best = j;
      if (values[j] >= values[worst]) worst = j;
    }
    let nextWorst = best;
    for (let j = 0; j <= this.d; j++) {
      if (j !== worst && values[j] >= values[nextWorst]) nextWorst = j;
    }
    this.best = best;
    this.worst = worst;
    this.nextWorst = nextWorst;
  }

  private computeCentroid(worst: number): void {
    const { d, vertices, centroid } = this;
    centroid.fill(0);
    for (let j = 0; j <= d; j++) {
      if (j === worst) continue;
      for (let i = 0; i < d; i++) centroid[i] += vertices[j * d + i];
    }
    for (let i = 0; i < d; i++) centroid[i] /= d;
  }

  /** Evaluates centroid + coefficient · (centroid - worst vertex), projected on the box. */
  private evaluateAlong(worst: number, coefficient: number, target: Float64Array): number {
    const { d, vertices, centroid, lower, upper } = this;
    for (let i = 0; i < d; i++) {
      const point = centroid[i] + coefficient * (centroid[i] - vertices[worst * d + i]);
      target[i] = clamp(point, lower[i], upper[i]);
    }
    return this.objective(target);
  }

  private replace(index: number, point: Float64Array, value: number): void {
    this.vertices.set(point, index * this.d);
    this.values[index] = value;
  }
}

function clamp(value: number, lower: number, upper: number): number {
  if (value < lower) return lower;
  if (value > upper) return upper;
  return value;
}

function expandBound(
  bound: ArrayLike<number> | undefined,
  d: number,
  fill: number,
  name: string,
): Float64Array {
  const out = new Float64Array(d).fill(fill);
  if (bound === undefined) return out;
  if (bound.length !== d) {
    throw new TypeError(`nelderMead: ${name} has length ${bound.length}; expected ${d}.`);
  }
  for (let i = 0; i < d; i++) out[i] = bound[i];
  return out;
}

function defaultSteps(start: ArrayLike<number>, step: ArrayLike<number> | undefined, d: number) {
  if (step !== undefined && step.length !== d) {
    throw new TypeError(`nelderMead: step has length ${step.length}; expected ${d}.`);
  }
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    if (step !== undefined) out[i] = step[i];
    else out[i] = start[i] !== 0 ? 0.1 * Math.abs(start[i]) : 0.1;
  }
  return out;
}
