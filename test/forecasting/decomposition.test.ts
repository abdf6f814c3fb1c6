import { DomainError, ErrorCode } from '../../src/shared/errors';
import {
  autocorrelation,
  decomposeClassical,
  testSeasonality,
} from '../../src/forecasting/decomposition';

/** Uniform noise in [-0.5, 0.5) from a Park-Miller generator, so every run gets the same series. */
function noiseGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
}

describe('decomposeClassical', () => {
  it('recovers additive linear trend and season', () => {
    const season = [3, -1, -2, 0];
    const y = Array.from({ length: 20 }, (_, t) => 10 + 0.5 * t + season[t % 4]);

    const result = decomposeClassical(y, 4, 'additive');

    // A centred 2x4 moving average passes a line unchanged and cancels a zero-mean season.
    for (let t = 2; t < 18; t++) expect(result.trend[t]).toBeCloseTo(10 + 0.5 * t, 10);
    result.seasonalIndices.forEach((index, k) => expect(index).toBeCloseTo(season[k], 10));
    for (let t = 2; t < 18; t++) expect(result.remainder[t]).toBeCloseTo(0, 10);
  });

  it('leaves the trend undefined at both ends', () => {
    const y = Array.from({ length: 12 }, (_, t) => t + (t % 4));

    const result = decomposeClassical(y, 4, 'additive');

    expect(result.trend.slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(result.trend.slice(10).every(Number.isNaN)).toBe(true);
    expect(result.trend.slice(2, 10).every(Number.isFinite)).toBe(true);
    expect(Number.isNaN(result.remainder[0])).toBe(true);
  });

  it('recovers multiplicative trend times season', () => {
    const season = [1.2, 0.9, 0.8, 1.1];
    const y = Array.from({ length: 40 }, (_, t) => (100 + 2 * t) * season[t % 4]);

    const result = decomposeClassical(y, 4, 'multiplicative');

    // The moving average of trend x season is the trend plus a small cross term (slope 2
    // against a level of about 140), so the recovered parts agree to about 1%.
    result.seasonalIndices.forEach((index, k) => expect(index).toBeCloseTo(season[k], 2));
    for (let t = 2; t < 38; t++) {
      expect(Math.abs(result.trend[t] / (100 + 2 * t) - 1)).toBeLessThan(0.01);
    }
    const mean = result.seasonalIndices.reduce((sum, value) => sum + value, 0) / 4;
    expect(mean).toBeCloseTo(1, 12);
  });

  it('handles an odd season length', () => {
    const season = [5, -2, -3];
    const y = Array.from({ length: 9 }, (_, t) => 50 - t + season[t % 3]);

    const result = decomposeClassical(y, 3, 'additive');

    result.seasonalIndices.forEach((index, k) => expect(index).toBeCloseTo(season[k], 10));
    expect(Number.isNaN(result.trend[0])).toBe(true);
    expect(result.trend[1]).toBeCloseTo(49, 10);
    expect(result.seasonal).toHaveLength(9);
  });

  it('rejects a season length below 2', () => {
    expect(() => decomposeClassical([1, 2, 3, 4], 1, 'additive')).toThrow(
      'seasonLength is 1; decomposition needs an integer of at least 2.',
    );
  });

  it('rejects fewer than two cycles', () => {
    const error = captureError(() => decomposeClassical([1, 2, 3, 4, 5, 6, 7], 4, 'additive'));

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.BadUserInput);
    expect((error as DomainError).field).toBe('y');
    expect((error as DomainError).message).toBe(
      'The series has 7 observations; decomposition needs at least two full seasonal cycles (8).',
    );
  });

  it('rejects zero for multiplicative decomposition', () => {
    expect(() => decomposeClassical([1, 2, 0, 4, 5, 6, 7, 8], 4, 'multiplicative')).toThrow(
      'Observation 3 of the series is 0; multiplicative decomposition needs strictly positive values.',
    );
  });
});

describe('autocorrelation', () => {
  it('matches hand-computed values', () => {
    // Deviations from the mean 2.5 are -1.5, -0.5, 0.5, 1.5, whose squares sum to 5.
    // r_1 = (0.75 - 0.25 + 0.75) / 5 = 0.25; r_2 = (-0.75 - 0.75) / 5 = -0.3.
    const r = autocorrelation([1, 2, 3, 4], 2);

    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(0.25, 12);
    expect(r[2]).toBeCloseTo(-0.3, 12);
  });

  it('returns zeros for a constant series', () => {
    expect(Array.from(autocorrelation([5, 5, 5, 5], 3))).toEqual([1, 0, 0, 0]);
  });
});

describe('testSeasonality', () => {
  it('detects a clear quarterly pattern', () => {
    const noise = noiseGenerator(11);
    const y = Array.from({ length: 32 }, (_, t) => 100 + [20, -10, -15, 5][t % 4] + 2 * noise());

    const result = testSeasonality(y, 4);

    expect(result.seasonal).toBe(true);
    expect(result.autocorrelation).toBeGreaterThan(result.threshold);
  });

  it('finds no season in noise', () => {
    const noise = noiseGenerator(3);
    const y = Array.from({ length: 48 }, () => 50 + noise());

    expect(testSeasonality(y, 12).seasonal).toBe(false);
  });

  it('finds no season in a constant series', () => {
    expect(testSeasonality([4, 4, 4, 4, 4, 4, 4, 4, 4], 4).seasonal).toBe(false);
  });

  it('uses the Bartlett threshold', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const r = autocorrelation(y, 4);

    const result = testSeasonality(y, 4);

    const expected =
      1.6448536269514722 * Math.sqrt((1 + 2 * (r[1] ** 2 + r[2] ** 2 + r[3] ** 2)) / 12);
    expect(result.threshold).toBeCloseTo(expected, 12);
    expect(result.autocorrelation).toBe(r[4]);
  });

  it('rejects a series no longer than the season', () => {
    expect(() => testSeasonality([1, 2, 3, 4], 4)).toThrow(
      'The series has 4 observations; the seasonality test needs more than seasonLength (4).',
    );
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the action to throw.');
}
