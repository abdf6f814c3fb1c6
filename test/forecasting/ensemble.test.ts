import { runForecast } from '../../src/forecasting';
import { expectValidForecast, loadAirPassengers } from './harness';

const y = [12, 15, 14, 18, 17, 21, 19, 24, 22, 26, 25, 29];

describe('ENSEMBLE', () => {
  it('averages means and envelopes intervals', () => {
    const members = [{ kind: 'NAIVE' }, { kind: 'MEAN' }, { kind: 'DRIFT' }] as const;
    const single = members.map((model) => runForecast({ y, horizon: 3, model }));

    const result = runForecast({
      y,
      horizon: 3,
      model: { kind: 'ENSEMBLE', members: [...members] },
    });

    for (let i = 0; i < 3; i++) {
      const average = single.reduce((sum, output) => sum + output.mean[i], 0) / 3;
      expect(result.mean[i]).toBeCloseTo(average, 12);
      const lower = Math.min(...single.map((output) => output.intervals[1].lower[i]));
      const upper = Math.max(...single.map((output) => output.intervals[1].upper[i]));
      expect(result.intervals[1].lower[i]).toBe(lower);
      expect(result.intervals[1].upper[i]).toBe(upper);
    }
    expect(result.model.kind).toBe('ENSEMBLE');
    expect(result.model.params.members).toMatch(/^NAIVE.* \+ MEAN.* \+ DRIFT/);
  });

  it('takes the median when asked', () => {
    const members = [{ kind: 'NAIVE' }, { kind: 'MEAN' }, { kind: 'DRIFT' }] as const;
    const means = members.map((model) => runForecast({ y, horizon: 1, model }).mean[0]);

    const result = runForecast({
      y,
      horizon: 1,
      model: { kind: 'ENSEMBLE', members: [...members], combination: 'median' },
    });

    expect(result.mean[0]).toBe([...means].sort((a, b) => a - b)[1]);
  });

  it('leaves out a failing member with a warning', () => {
    const result = runForecast({
      y,
      horizon: 2,
      model: {
        kind: 'ENSEMBLE',
        members: [{ kind: 'NAIVE' }, { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 }],
      },
    });

    expect(result.mean).toEqual([29, 29]);
    expect(result.warnings[0]).toMatch(/^ENSEMBLE left out SARIMA because it failed: /);
  });

  it('combines the default members on AirPassengers', () => {
    const result = runForecast({
      y: loadAirPassengers(),
      horizon: 12,
      seasonLength: 12,
      model: { kind: 'ENSEMBLE' },
    });

    expectValidForecast(result, 12);
    expect(result.model.params.members).toMatch(/ETS/);
    expect(result.model.params.members).toMatch(/ARIMA/);
  });
});
