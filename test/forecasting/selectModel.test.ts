import { runForecast } from '../../src/forecasting';
import type { EnsembleSpec } from '../../src/forecasting';
import { isIntermittent } from '../../src/forecasting/selectModel';
import { expectValidForecast, loadAirPassengers, noise } from './harness';

describe('AUTO', () => {
  it('records every candidate, best first', () => {
    const result = runForecast({
      y: loadAirPassengers(),
      horizon: 12,
      seasonLength: 12,
      model: { kind: 'AUTO' },
    });

    // An ENSEMBLE ranks by 0.8 times its score.
    const candidates = result.candidates!;
    const scores = candidates.map(
      (candidate) =>
        (candidate.scores?.mase ?? Infinity) * (candidate.model.kind === 'ENSEMBLE' ? 0.8 : 1),
    );
    expect(result.selectionMetric).toBe('mase');
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(result.model.kind).toBe(candidates[0].model.kind);
    expect(result.backtest!.windows).toHaveLength(2);
    expectValidForecast(result, 12);
  });

  it('ranks by the metric requested', () => {
    const result = runForecast({
      y: loadAirPassengers(),
      horizon: 6,
      seasonLength: 12,
      model: { kind: 'AUTO', candidates: [{ kind: 'NAIVE' }, { kind: 'SEASONAL_NAIVE' }] },
      backtest: { windows: 3, step: 6, metric: 'rmse' },
    });

    const [first, second] = result.candidates!;
    expect(result.selectionMetric).toBe('rmse');
    expect(first.scores!.rmse).toBeLessThanOrEqual(second.scores!.rmse);
    expect(result.backtest!.windows).toHaveLength(3);
  });

  it('uses intermittent methods on sparse demand', () => {
    const y = [0, 0, 3, 0, 0, 1, 0, 0, 0, 2, 0, 4, 0, 0, 1, 0, 0, 0, 5, 0, 0, 2, 0, 0];

    const result = runForecast({ y, horizon: 4, model: { kind: 'AUTO' } });

    const kinds = result.candidates!.map((candidate) => candidate.model.kind).sort();
    expect(kinds).toEqual(['CROSTON', 'MEAN', 'NAIVE', 'SBA', 'TSB']);
    expect(result.selectionMetric).toBe('rmse');
    expectValidForecast(result, 4);
  });

  it('records a candidate that cannot fit', () => {
    const y = Array.from({ length: 20 }, (_, t) => 10 + t + (t % 3));

    const result = runForecast({
      y,
      horizon: 2,
      model: {
        kind: 'AUTO',
        candidates: [
          { kind: 'NAIVE' },
          { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 },
        ],
      },
    });

    const failed = result.candidates!.find((candidate) => candidate.scores === null)!;
    expect(failed.model.kind).toBe('SARIMA');
    expect(failed.error).toMatch(/needs at least/);
    expect(result.model.kind).toBe('NAIVE');
  });

  it('prefers an ensemble within 20%', () => {
    const result = runForecast({
      y: loadAirPassengers(),
      horizon: 12,
      seasonLength: 12,
      model: {
        kind: 'AUTO',
        candidates: [
          { kind: 'SEASONAL_NAIVE' },
          { kind: 'ENSEMBLE', members: [{ kind: 'SEASONAL_NAIVE' }, { kind: 'DRIFT' }] },
        ],
      },
    });

    const [first, second] = result.candidates!;
    const ensembleFirst = first.model.kind === 'ENSEMBLE';
    const ensemble = ensembleFirst ? first : second;
    const single = ensembleFirst ? second : first;
    expect(ensembleFirst).toBe(ensemble.scores!.mase! * 0.8 <= single.scores!.mase!);
  });

  it('widens intervals by the backtest errors', () => {
    // A steep trend: NAIVE's one-step residuals are small, its multi-step errors are not.
    const jitter = noise(40, 5);
    const y = jitter.map((value, t) => 100 + 10 * t + value);
    const naive = runForecast({ y, horizon: 4, model: { kind: 'NAIVE', calibrate: false } });

    const result = runForecast({
      y,
      horizon: 4,
      model: { kind: 'AUTO', candidates: [{ kind: 'NAIVE' }] },
    });

    const scale = result.model.params.intervalScale80 as number;
    expect(scale).toBeGreaterThan(1);
    expect(scale).toBeLessThanOrEqual(3);
    const width = result.intervals[0].upper[3] - result.mean[3];
    expect(width).toBeCloseTo(scale * (naive.intervals[0].upper[3] - naive.mean[3]), 9);
    expect(result.model.params.ensembleEnvelope).toBeUndefined();
  });

  it('envelopes a single model with the ensemble', () => {
    const y = loadAirPassengers();
    // MEAN and NAIVE ignore the season, so SEASONAL_NAIVE beats their combination.
    const ensemble: EnsembleSpec = {
      kind: 'ENSEMBLE',
      members: [{ kind: 'MEAN' }, { kind: 'NAIVE' }],
    };
    const task = { y, horizon: 12, seasonLength: 12 };
    const alone = runForecast({ ...task, model: ensemble });

    const result = runForecast({
      ...task,
      model: { kind: 'AUTO', candidates: [{ kind: 'SEASONAL_NAIVE' }, ensemble] },
    });

    expect(result.model.kind).toBe('SEASONAL_NAIVE');
    expect(result.model.params.ensembleEnvelope).toBe(true);
    for (let i = 0; i < 12; i++) {
      expect(result.intervals[1].lower[i]).toBeLessThanOrEqual(alone.intervals[1].lower[i]);
      expect(result.intervals[1].upper[i]).toBeGreaterThanOrEqual(alone.intervals[1].upper[i]);
    }
    expectValidForecast(result, 12);
  });

  it('falls back to MEAN on three observations', () => {
    const result = runForecast({ y: [4, 6, 5], horizon: 2, model: { kind: 'AUTO' } });

    expect(result.model.kind).toBe('MEAN');
    expect(result.candidates).toEqual([]);
    expect(result.warnings.join(' ')).toMatch(/without a backtest/);
  });
});

describe('isIntermittent', () => {
  it('applies the ADI cut-off of 1.32', () => {
    expect(isIntermittent([1, 0, 1, 1, 1])).toBe(false);
    expect(isIntermittent([1, 0, 0, 1, 1])).toBe(true);
    expect(isIntermittent([0, 0, 0])).toBe(true);
  });
});
