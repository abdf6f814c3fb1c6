import { MetricsAccumulator, naiveScale, pinball } from '../../src/forecasting/metrics';
import type { ForecastOutput } from '../../src/forecasting';

function output(mean: number[], lower: number[], upper: number[]): ForecastOutput {
  return {
    mean,
    intervals: [{ level: 80, lower, upper }],
    model: { kind: 'TEST', params: {} },
    fit: {},
    warnings: [],
  };
}

describe('MetricsAccumulator', () => {
  it('scores a hand-checked window', () => {
    const metrics = new MetricsAccumulator([80]);

    metrics.add([10, 0], output([8, 1], [7, -1], [9, 0.5]), [1, 2, 4], 1);
    const scores = metrics.result();

    expect(scores.mae).toBeCloseTo(1.5, 12);
    expect(scores.rmse).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(scores.mape).toBeNull();
    expect(scores.smape).toBeCloseTo((200 * 2) / 18 / 2 + 100, 10);
    expect(scores.mase).toBeCloseTo(1, 12);
    expect(scores.wape).toBeCloseTo(30, 12);
    expect(scores.coverage).toEqual([{ level: 80, coverage: 0.5 }]);
    expect(scores.pinball).toBeCloseTo((0.3 + 0.9 + 0.1 + 0.05) / 4, 12);
  });

  it('reports MAPE when no actual is zero', () => {
    const metrics = new MetricsAccumulator([80]);

    metrics.add([10, 20], output([8, 25], [0, 0], [100, 100]), [1, 2, 4], 1);

    expect(metrics.result().mape).toBeCloseTo((20 + 25) / 2, 12);
  });

  it('reports null MASE and WAPE when undefined', () => {
    const metrics = new MetricsAccumulator([80]);

    metrics.add([0, 0], output([1, 1], [0, 0], [2, 2]), [5, 5, 5], 1);
    const scores = metrics.result();

    expect(scores.mase).toBeNull();
    expect(scores.wape).toBeNull();
    expect(scores.smape).toBe(200);
  });

  it('scores an exact zero forecast as zero sMAPE', () => {
    const metrics = new MetricsAccumulator([80]);

    metrics.add([0], output([0], [0], [0]), [1, 2], 1);

    expect(metrics.result().smape).toBe(0);
  });
});

describe('naiveScale', () => {
  it('uses the seasonal lag when possible', () => {
    expect(naiveScale([1, 2, 3, 5, 4, 6], 2)).toBeCloseTo((2 + 3 + 1 + 1) / 4, 12);
  });

  it('falls back to lag 1 on short data', () => {
    expect(naiveScale([1, 3, 2], 4)).toBeCloseTo(1.5, 12);
  });
});

describe('pinball', () => {
  it('weights under- and over-forecasts by tau', () => {
    expect(pinball(10, 8, 0.9)).toBeCloseTo(1.8, 12);
    expect(pinball(10, 12, 0.9)).toBeCloseTo(0.2, 12);
  });
});
