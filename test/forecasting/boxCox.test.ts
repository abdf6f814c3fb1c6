import { boxCox, guerreroLambda, inverseBoxCox } from '../../src/forecasting/boxCox';
import { runForecast } from '../../src/forecasting';
import { expectValidForecast, loadAirPassengers } from './harness';

describe('boxCox', () => {
  it('round-trips for several lambdas', () => {
    const y = [0.5, 1, 2, 10, 250];

    for (const lambda of [-1, -0.5, 0, 0.5, 1, 2]) {
      const back = inverseBoxCox(boxCox(y, lambda), lambda);

      back.forEach((value, i) => expect(value).toBeCloseTo(y[i], 10));
    }
  });

  it('maps values below the domain to zero', () => {
    expect(inverseBoxCox([-3], 0.5)).toEqual([0]);
  });

  it('maps values above a negative lambda’s range to Infinity', () => {
    // With lambda = -1 the transform 1 - 1/y stays below 1 for every positive y.
    expect(inverseBoxCox([1.5], -1)).toEqual([Infinity]);
  });

  it('chooses a lambda near 0 for AirPassengers', () => {
    // R's BoxCox.lambda(AirPassengers) (Guerrero) gives -0.29.
    const lambda = guerreroLambda(loadAirPassengers(), 12)!;

    expect(lambda).toBeGreaterThan(-0.5);
    expect(lambda).toBeLessThan(0.2);
  });

  it('returns null for non-positive data', () => {
    expect(guerreroLambda([3, 0, 4, 5, 6, 7], 2)).toBeNull();
  });

  it('applies an automatic lambda in runForecast', () => {
    const result = runForecast({
      y: loadAirPassengers(),
      horizon: 24,
      seasonLength: 12,
      model: { kind: 'SEASONAL_NAIVE', lambda: 'auto' },
    });

    expect(typeof result.model.params.lambda).toBe('number');
    expectValidForecast(result, 24);
  });

  describe('negative lambdas with unbounded intervals', () => {
    // Levels rise and the spread grows with the square of the level, so Guerrero's method
    // chooses a lambda of about -1, under which NAIVE's upper bounds have no finite value.
    const y = Array.from({ length: 24 }, (_, t) => {
      const level = 10 + 2 * Math.floor(t / 2);
      const spread = 0.02 * level * level;
      return t % 2 === 0 ? level - spread : level + spread;
    });

    it('rejects a given lambda', () => {
      const run = () => runForecast({ y, horizon: 12, model: { kind: 'NAIVE', lambda: -1 } });

      expect(run).toThrow(
        'Box-Cox lambda -1 leaves an interval bound at step 1 without a finite value, because on the transformed scale the bound passes -1/lambda; use a lambda of 0 or above.',
      );
    });

    it('falls back to the log for lambda auto', () => {
      const result = runForecast({ y, horizon: 12, model: { kind: 'NAIVE', lambda: 'auto' } });

      expect(result.model.params.lambda).toBe(0);
      expect(result.warnings[0]).toBe(
        "Guerrero's method chose lambda -1.000, under which an interval bound at step 1 has no finite value; the log transform (lambda 0) was used instead.",
      );
      expectValidForecast(result, 12);
    });
  });
});
