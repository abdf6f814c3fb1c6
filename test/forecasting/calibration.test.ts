import { calibrationFactors, scaleIntervals } from '../../src/forecasting/calibration';
import { normalQuantile } from '../../src/forecasting/intervals';
import type { ForecastOutput } from '../../src/forecasting';

const Z95 = normalQuantile(0.975);

/** Builds a forecast of 0 whose 95% interval implies a standard error of `se` at every step. */
function flatForecast(horizon: number, se: number): ForecastOutput {
  return {
    mean: Array(horizon).fill(0),
    intervals: [
      {
        level: 95,
        lower: Array(horizon).fill(-Z95 * se),
        upper: Array(horizon).fill(Z95 * se),
      },
    ],
    model: { kind: 'TEST', params: {} },
    fit: {},
    warnings: [],
  };
}

describe('calibrationFactors', () => {
  it('applies the t quantile to matching errors', () => {
    // Errors of ±1 against se = 1: sqrt(mean r²) = 1, so the factor is t_6(0.975) / z.
    const windows = [{ actual: [1, -1, 1, -1, 1, -1], output: flatForecast(6, 1) }];

    const [factor] = calibrationFactors(windows, [95]);

    expect(factor).toBeCloseTo(2.446912 / Z95, 5);
  });

  it('bounds the factor to [0.85, 3]', () => {
    const tiny = [{ actual: Array(16).fill(0.01), output: flatForecast(16, 1) }];
    const huge = [{ actual: Array(16).fill(100), output: flatForecast(16, 1) }];

    expect(calibrationFactors(tiny, [95])).toEqual([0.85]);
    expect(calibrationFactors(huge, [95])).toEqual([3]);
  });

  it('returns 1 without positive widths', () => {
    const windows = [{ actual: [5, 5], output: flatForecast(2, 0) }];

    expect(calibrationFactors(windows, [95])).toEqual([1]);
  });
});

describe('scaleIntervals', () => {
  it('nests levels after scaling', () => {
    const output: ForecastOutput = {
      mean: [10],
      intervals: [
        { level: 80, lower: [8], upper: [12] },
        { level: 95, lower: [7], upper: [13] },
      ],
      model: { kind: 'TEST', params: {} },
      fit: {},
      warnings: [],
    };

    const scaled = scaleIntervals(output, [2, 1]);

    expect(scaled.intervals[0]).toEqual({ level: 80, lower: [6], upper: [14] });
    expect(scaled.intervals[1]).toEqual({ level: 95, lower: [6], upper: [14] });
  });

  it('keeps a non-negative lower bound non-negative', () => {
    const output: ForecastOutput = {
      mean: [4],
      intervals: [{ level: 95, lower: [1], upper: [7] }],
      model: { kind: 'TEST', params: {} },
      fit: {},
      warnings: [],
    };

    expect(scaleIntervals(output, [2]).intervals[0]).toEqual({
      level: 95,
      lower: [0],
      upper: [10],
    });
    expect(scaleIntervals(output, [2], false).intervals[0]).toEqual({
      level: 95,
      lower: [-2],
      upper: [10],
    });
  });
});
