import { runForecast } from '../../src/forecasting';
import { backtestOrigins } from '../../src/forecasting/backtest';

describe('backtest', () => {
  it('places origins from the end', () => {
    const origins = backtestOrigins(20, {
      horizon: 3,
      levels: [80],
      seasonLength: 1,
      windows: 3,
      step: 2,
    });

    expect(origins).toEqual([13, 15, 17]);
  });

  it('scores NAIVE on a straight line', () => {
    const y = Array.from({ length: 20 }, (_, t) => 100 + 2 * t);

    const result = runForecast({
      y,
      horizon: 3,
      model: { kind: 'NAIVE' },
      backtest: { windows: 2, step: 3 },
    });

    // Each window misses by 2, 4 and 6; the in-sample naive MAE is 2, so MASE = 4 / 2.
    const report = result.backtest!;
    expect(report.windows.map((window) => window.trainLength)).toEqual([14, 17]);
    expect(report.scores.mae).toBeCloseTo(4, 12);
    expect(report.scores.rmse).toBeCloseTo(Math.sqrt((4 + 16 + 36) / 3), 12);
    expect(report.scores.mase).toBeCloseTo(2, 12);
    expect(report.windows[0].scores.mae).toBeCloseTo(4, 12);
  });

  it('reports coverage per level', () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + Math.sin(t * 2.1));

    const result = runForecast({
      y,
      horizon: 2,
      levels: [50, 99],
      model: { kind: 'MEAN' },
      backtest: { windows: 5, step: 2 },
    });

    const coverage = result.backtest!.scores.coverage;
    expect(coverage.map((entry) => entry.level)).toEqual([50, 99]);
    expect(coverage[1].coverage).toBeGreaterThanOrEqual(coverage[0].coverage);
    expect(coverage[1].coverage).toBe(1);
  });
});
