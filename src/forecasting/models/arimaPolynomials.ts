/**
 * Polynomial helpers of ARIMA models in the backshift operator B (B y_t = y_{t-1}). A polynomial
 * is an array of coefficients of B^0, B^1, ...; differencing (1 - B)^d (1 - B^s)^D is written
 * as y_t = Σ δ_j y_{t-j} + w_t.
 */
import type { SarimaOrder } from './arimaEngine';

/**
 * Reports whether 1 - φ_1 z - ... - φ_p z^p has every root outside the unit circle, by the
 * step-down (reverse Durbin-Levinson) recursion: the polynomial qualifies exactly when every
 * partial autocorrelation it implies has modulus below 1.
 */
export function hasRootsOutsideUnitCircle(phi: number[]): boolean {
  let current = [...phi];
  for (let k = current.length; k >= 1; k--) {
    const a = current[k - 1];
    if (!(Math.abs(a) < 1)) {
      return false;
    }
    const next: number[] = [];
    for (let j = 1; j < k; j++) {
      next.push((current[j - 1] + a * current[k - j - 1]) / (1 - a * a));
    }
    current = next;
  }
  return true;
}

/**
 * Returns the AR polynomial φ(B)Φ(B^s) and the MA polynomial θ(B)Θ(B^s) of `coefficients`
 * (named `ar1`, `sar1`, `ma1`, `sma1`, ... in R's sign convention) as coefficient arrays of
 * B^0, B^1, ...; the AR array carries the minus signs of 1 - Σ φ_i B^i.
 */
export function armaPolynomials(
  coefficients: Record<string, number>,
  order: Pick<SarimaOrder, 'p' | 'q' | 'P' | 'Q' | 's'>,
): { ar: number[]; ma: number[] } {
  const lagPolynomial = (
    prefix: string,
    count: number,
    spacing: number,
    sign: number,
  ): number[] => {
    const polynomial = new Array<number>(count * spacing + 1).fill(0);
    polynomial[0] = 1;
    for (let i = 1; i <= count; i++) {
      polynomial[i * spacing] = sign * (coefficients[`${prefix}${i}`] ?? 0);
    }
    return polynomial;
  };
  return {
    ar: multiplyPolynomials(
      lagPolynomial('ar', order.p, 1, -1),
      lagPolynomial('sar', order.P, order.s, -1),
    ),
    ma: multiplyPolynomials(
      lagPolynomial('ma', order.q, 1, 1),
      lagPolynomial('sma', order.Q, order.s, 1),
    ),
  };
}

/** Returns D, or 0 when the order has no seasonal part (ctsa then ignores s). */
export function seasonalDifferences(order: SarimaOrder): number {
  return order.P + order.D + order.Q > 0 ? order.D : 0;
}

/**
 * Returns ψ_0..ψ_{h-1} of the MA(∞) form y_t = Σ ψ_j ε_{t-j}: with the AR side
 * a(B) = φ(B) Φ(B^s) (1 - Σ δ_j B^j) and the MA side m(B) = θ(B) Θ(B^s),
 * ψ_0 = 1 and ψ_j = m_j - Σ_i a_i ψ_{j-i}.
 */
export function psiWeights(
  coefficients: Record<string, number>,
  order: SarimaOrder,
  delta: number[],
  horizon: number,
): number[] {
  const arma = armaPolynomials(coefficients, order);
  const ar = multiplyPolynomials(arma.ar, [1, ...delta.map((coefficient) => -coefficient)]);
  const { ma } = arma;

  const psi = [1];
  for (let j = 1; j < horizon; j++) {
    let weight = ma[j] ?? 0;
    for (let i = 1; i <= Math.min(j, ar.length - 1); i++) {
      weight -= ar[i] * psi[j - i];
    }
    psi.push(weight);
  }
  return psi;
}

export function multiplyPolynomials(a: number[], b: number[]): number[] {
  const product = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((x, i) => b.forEach((y, j) => (product[i + j] += x * y)));
  return product;
}

/** Applies the differencing δ: w_t = y_t - Σ δ_j y_{t-j}, for t from δ's length on. */
export function difference(y: number[], delta: number[]): number[] {
  return y.slice(delta.length).map((value, t) => {
    const i = t + delta.length;
    return delta.reduce((rest, coefficient, j) => rest - coefficient * y[i - j - 1], value);
  });
}

export function isConstant(values: number[]): boolean {
  return values.every((value) => value === values[0]);
}

/** Expands (1 - B)^d (1 - B^s)^D and returns δ_1..δ_m with y_t = Σ δ_j y_{t-j} + w_t. */
export function differencingCoefficients(order: SarimaOrder): number[] {
  let polynomial = [1];
  for (let i = 0; i < order.d; i++) {
    polynomial = multiplyPolynomials(polynomial, [1, -1]);
  }
  for (let i = 0; i < seasonalDifferences(order); i++) {
    const factor = new Array<number>(order.s + 1).fill(0);
    factor[0] = 1;
    factor[order.s] = -1;
    polynomial = multiplyPolynomials(polynomial, factor);
  }
  return polynomial.slice(1).map((coefficient) => -coefficient);
}

/** Extends `y` by the forecasts `w` of the differenced series, undoing the differencing δ. */
export function integrate(y: number[], delta: number[], w: number[]): number[] {
  const path = [...y];
  for (const value of w) {
    const t = path.length;
    path.push(delta.reduce((sum, coefficient, j) => sum + coefficient * path[t - j - 1], value));
  }
  return path.slice(y.length);
}
