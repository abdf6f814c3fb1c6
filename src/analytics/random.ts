/**
 * A seeded pseudo-random number generator and the samplers built on it, so that every Monte Carlo
 * and bootstrap result in the analytics module is reproducible from its seed.
 */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * Creates a mulberry32 generator: a 32-bit state advanced by a Weyl sequence and mixed by two
 * multiply-xorshift rounds. Its period of 2^32 exceeds the few million draws one analysis makes.
 * It is not cryptographic.
 */
export function createUniform(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws a standard normal variate by the Box-Muller transform. */
export function sampleNormal(uniform: Uniform): number {
  // 1 - u lies in (0, 1], so the logarithm stays finite.
  const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
  return radius * Math.cos(2 * Math.PI * uniform());
}

/**
 * Draws a Gamma(shape, 1) variate by Marsaglia and Tsang (2000), "A simple method for generating
 * gamma variables"; shapes below 1 use the boost Gamma(shape) = Gamma(shape + 1) * U^(1/shape).
 */
export function sampleGamma(uniform: Uniform, shape: number): number {
  if (shape < 1) {
    return sampleGamma(uniform, shape + 1) * Math.pow(1 - uniform(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
      return d * v;
    }
  }
}

/** Draws a Beta(alpha, beta) variate as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(uniform: Uniform, alpha: number, beta: number): number {
  const x = sampleGamma(uniform, alpha);
  const y = sampleGamma(uniform, beta);
  return x / (x + y);
}
