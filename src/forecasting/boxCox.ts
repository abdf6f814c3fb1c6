/**
 * Box-Cox transform (Box & Cox 1964), as in R's `forecast::BoxCox`:
 *   w = log(y)              when lambda = 0,
 *   w = (y^lambda - 1) / lambda  otherwise.
 * Forecasts are transformed back without bias adjustment, so a back-transformed point forecast
 * is the forecast median (FPP3 section 5.6); interval bounds transform back exactly because
 * the transform is monotone.
 */
import { badInput } from '../shared/errors';

/**
 * Range of a Box-Cox lambda a task may give, which is also the range Guerrero's search covers
 * (the default of R's `BoxCox.lambda`).
 */
export const LAMBDA_RANGE = [-1, 2] as const;

/** Transforms `y` with parameter `lambda`; the caller has checked the values are in range. */
export function boxCox(y: number[], lambda: number): number[] {
  if (lambda === 0) {
    return y.map(Math.log);
  }
  return y.map((value) => (Math.pow(value, lambda) - 1) / lambda);
}

/**
 * Transforms `w` back to the original scale. Where `lambda · w + 1 <= 0` no original value
 * exists: the transform of a positive lambda never reaches below -1/lambda, so the result is
 * 0, the bottom of the domain, and that of a negative lambda never reaches -1/lambda or above,
 * so the result is Infinity, the top.
 */
export function inverseBoxCox(w: number[], lambda: number): number[] {
  if (lambda === 0) {
    return w.map(Math.exp);
  }
  const beyond = lambda > 0 ? 0 : Infinity;
  return w.map((value) => {
    const base = lambda * value + 1;
    return base <= 0 ? beyond : Math.pow(base, 1 / lambda);
  });
}

/**
 * Checks that every value of `y` lies in the domain of the transform: positive for
 * `lambda <= 0` (the log and negative powers of 0 are undefined) and non-negative otherwise.
 * Throws BAD_USER_INPUT naming the first value outside it.
 */
export function checkBoxCoxDomain(y: number[], lambda: number): void {
  const index = y.findIndex((value) => (lambda <= 0 ? value <= 0 : value < 0));
  if (index === -1) {
    return;
  }
  const allowed = lambda <= 0 ? 'positive' : 'zero or positive';
  throw badInput(
    'model.lambda',
    `Box-Cox lambda ${lambda} needs every value of the series to be ${allowed}, but observation ${index + 1} is ${y[index]}; choose lambda automatically (which skips the transform for such a series) or fit without a transform.`,
  );
}

/**
 * Chooses lambda by Guerrero's (1993) method, as R's `BoxCox.lambda(method = "guerrero")`:
 * split `y` into blocks of `period` values (2 when non-seasonal) and pick the lambda in
 * [-1, 2] that minimises the coefficient of variation of `sd / mean^(1 - lambda)` across blocks.
 * Returns `null` when `y` has a zero or negative value, or fewer than two full blocks.
 */
export function guerreroLambda(y: number[], seasonLength: number): number | null {
  if (y.some((value) => value <= 0)) {
    return null;
  }
  const period = Math.max(seasonLength, 2);
  const blockCount = Math.floor(y.length / period);
  if (blockCount < 2) {
    return null;
  }

  // The oldest values that do not fill a block are dropped, so the blocks end with the series.
  const offset = y.length - blockCount * period;
  const means: number[] = [];
  const sds: number[] = [];
  for (let b = 0; b < blockCount; b++) {
    const block = y.slice(offset + b * period, offset + (b + 1) * period);
    const mean = block.reduce((sum, value) => sum + value, 0) / period;
    const variance = block.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (period - 1);
    means.push(mean);
    sds.push(Math.sqrt(variance));
  }
  if (sds.every((sd) => sd === 0)) {
    return null;
  }

  const variation = (lambda: number): number => {
    const ratios = sds.map((sd, b) => sd / Math.pow(means[b], 1 - lambda));
    const mean = ratios.reduce((sum, value) => sum + value, 0) / ratios.length;
    const sd = Math.sqrt(
      ratios.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (ratios.length - 1),
    );
    return sd / mean;
  };
  return goldenSectionMinimum(variation, LAMBDA_RANGE[0], LAMBDA_RANGE[1]);
}

/** Returns the argument minimising a unimodal `f` on [a, b] to within 1e-4. */
function goldenSectionMinimum(f: (x: number) => number, a: number, b: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = a;
  let high = b;
  while (high - low > 1e-4) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (f(left) < f(right)) {
      high = right;
    } else {
      low = left;
    }
  }
  return (low + high) / 2;
}
