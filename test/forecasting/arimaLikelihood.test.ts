import { fitSarima } from '../../src/forecasting/models/arimaEngine';
import {
  exactLogLikelihood,
  rootsOutsideRadius,
} from '../../src/forecasting/models/arimaLikelihood';
import { loadAirPassengers } from './harness';

/** Applies (1 - B)(1 - B^12) to `y`. */
function airlineDifference(y: number[]): number[] {
  const once = y.slice(1).map((value, t) => value - y[t]);
  return once.slice(12).map((value, t) => value - once[t]);
}

describe('exactLogLikelihood', () => {
  const logPassengers = loadAirPassengers().map(Math.log);
  const airline = { p: 0, q: 1, P: 0, Q: 1, s: 12 };

  it('matches R on the airline model', () => {
    // R: arima(log(AirPassengers), c(0,1,1), seasonal = c(0,1,1)) reports ma1 = -0.4018,
    // sma1 = -0.5569, sigma^2 = 0.001348, log likelihood = 244.7.
    const result = exactLogLikelihood(
      airlineDifference(logPassengers),
      airline,
      { ma1: -0.4018, sma1: -0.5569 },
      0,
    );

    expect(result?.logLik).toBeCloseTo(244.7, 1);
    expect(result?.sigma2).toBeCloseTo(0.001348, 5);
  });

  it('matches the arima package', () => {
    const order = { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, s: 0 };
    const fit = fitSarima(logPassengers, order, 1);
    const differenced = logPassengers.slice(1).map((value, t) => value - logPassengers[t]);
    const { intercept = 0, ...arma } = fit.coefficients;

    const result = exactLogLikelihood(differenced, order, arma, intercept);

    expect(result?.logLik).toBeCloseTo(fit.logLik, 2);
  });

  it('is highest near the maximum-likelihood estimates', () => {
    const w = airlineDifference(logPassengers);
    const at = (ma1: number, sma1: number) =>
      exactLogLikelihood(w, airline, { ma1, sma1 }, 0)!.logLik;

    const best = at(-0.4018, -0.5569);
    expect(best).toBeGreaterThan(at(-0.2, -0.5569));
    expect(best).toBeGreaterThan(at(-0.4018, -0.3));
  });

  it('rejects an AR root on the unit circle', () => {
    const w = [1, 2, 1, 3, 2, 4, 3, 5];

    expect(exactLogLikelihood(w, { p: 1, q: 0, P: 0, Q: 0, s: 0 }, { ar1: 1 }, 0)).toBeUndefined();
  });
});

describe('rootsOutsideRadius', () => {
  const ma1 = { p: 0, q: 1, P: 0, Q: 0, s: 0 };

  it('measures the MA root against the radius', () => {
    // 1 + θB has its root at -1/θ: modulus 1/0.995 ≈ 1.005 for θ = -0.995.
    expect(rootsOutsideRadius(ma1, { ma1: -0.995 }, 1)).toBe(true);
    expect(rootsOutsideRadius(ma1, { ma1: -0.995 }, 1.01)).toBe(false);
    expect(rootsOutsideRadius(ma1, { ma1: -0.9 }, 1.01)).toBe(true);
  });

  it('checks the expanded seasonal AR polynomial', () => {
    const order = { p: 1, q: 0, P: 1, Q: 0, s: 4 };

    expect(rootsOutsideRadius(order, { ar1: 0.5, sar1: 0.5 }, 1.01)).toBe(true);
    // Φ = 0.999: the roots of 1 - 0.999·B^4 have modulus 0.999^(-1/4) ≈ 1.00025.
    expect(rootsOutsideRadius(order, { ar1: 0.5, sar1: 0.999 }, 1.01)).toBe(false);
  });
});
