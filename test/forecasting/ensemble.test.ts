import { runForecast } from '../../src/forecasting';
import type { EnsembleSpec } from '../../src/forecasting';
import { combineMembers } from '../../src/forecasting/ensemble';
import { expectValidForecast, loadAirPassengers } from './harness';

const y = [12, 15, 14, 18, 17, 21, 19, 24, 22, 26, 25, 29];

describe('ENSEMBLE', () => {
  it('averages means and envelopes intervals', () => {
    const members = [{ kind: 'NAIVE' }, { kind: 'MEAN' }, { kind: 'DRIFT' }] as const;
    const single = members.map((model) =>
      runForecast({ y, horizon: 3, model: { ...model, calibrate: false } }),
    );
    const context = { horizon: 3, levels: [80, 95], seasonLength: 1 };

    const result = combineMembers({ kind: 'ENSEMBLE', members: [...members] }, y, context);

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

  it('calibrates the envelope by its backtest', () => {
    const members = [{ kind: 'NAIVE' }, { kind: 'MEAN' }, { kind: 'DRIFT' }] as const;
    const spec: EnsembleSpec = { kind: 'ENSEMBLE', members: [...members] };
    const context = { horizon: 3, levels: [80, 95], seasonLength: 1 };
    const envelope = combineMembers(spec, y, context);

    const result = runForecast({ y, horizon: 3, seasonLength: 1, model: spec });

    // Nesting never widens the lowest level, so its width is the factor times the envelope's.
    const scale = result.model.params.intervalScale80 as number;
    expect(scale).toBeGreaterThanOrEqual(0.85);
    expect(scale).toBeLessThanOrEqual(3);
    expect(result.model.params.intervalScale95).toEqual(expect.any(Number));
    for (let i = 0; i < 3; i++) {
      const width = result.intervals[0].upper[i] - result.intervals[0].lower[i];
      const envelopeWidth = envelope.intervals[0].upper[i] - envelope.intervals[0].lower[i];
      expect(width).toBeCloseTo(scale * envelopeWidth, 9);
    }
    expectValidForecast(result, 3);
  });

  it('skips calibration on three observations', () => {
    const result = runForecast({
      y: [4, 6, 5],
      horizon: 2,
      seasonLength: 1,
      model: { kind: 'ENSEMBLE', members: [{ kind: 'NAIVE' }, { kind: 'MEAN' }] },
    });

    expect(result.model.params.intervalScale95).toBeUndefined();
    expect(result.warnings).toContain(
      'ENSEMBLE intervals are not calibrated because the series has 3 observations, too few to backtest.',
    );
    expectValidForecast(result, 2);
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
    expect(result.model.params.members).toMatch(/OPTIMIZED_THETA\(optimized=true/);
  });

  it('leaves out OPTIMIZED_THETA without seasonality', () => {
    const result = runForecast({ y, horizon: 3, seasonLength: 1, model: { kind: 'ENSEMBLE' } });

    const members = String(result.model.params.members).split(' + ');
    expect(members.map((member) => member.split('(')[0])).toEqual(['ETS', 'ARIMA', 'THETA']);
    expect(members[2]).toMatch(/optimized=false/);
  });
});
