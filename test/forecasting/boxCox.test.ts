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
});
