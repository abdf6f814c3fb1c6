import { DomainError, ErrorCode } from '../../src/shared/errors';
import { forecastTheta } from '../../src/forecasting/models/theta';
import type { ForecastOutput } from '../../src/forecasting/types';

/** Uniform noise in [-0.5, 0.5) from a Park-Miller generator, so every run gets the same series. */
function noiseGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
}

/** Checks length, finiteness and the nesting lower95 <= lower80 <= mean <= upper80 <= upper95. */
function expectValidForecast(output: ForecastOutput, horizon: number): void {
  expect(output.mean).toHaveLength(horizon);
  const [i80, i95] = output.intervals;
  for (let h = 0; h < horizon; h++) {
    const chain = [i95.lower[h], i80.lower[h], output.mean[h], i80.upper[h], i95.upper[h]];
    expect(chain.every(Number.isFinite)).toBe(true);
    for (let k = 1; k < chain.length; k++) expect(chain[k - 1]).toBeLessThanOrEqual(chain[k]);
  }
}

const levels = [80, 95];
const linear = Array.from({ length: 20 }, (_, t) => 10 + 2 * t);

describe('forecastTheta', () => {
  it('extends a line at half its slope', () => {
    // SES on a line keeps alpha at its upper bound 0.999, so l_n is the last value 48 (less
    // 2·0.001/0.999), and the drift B/2 = 1 adds (h - 1) + (1 - 0.001^20)/0.999.
    const output = forecastTheta(linear, { horizon: 3, levels, seasonLength: 1 });

    expect(output.model.params.alpha).toBeCloseTo(0.999, 6);
    const lastLevel = 48 - (2 * 0.001) / 0.999;
    output.mean.forEach((value, h) => expect(value).toBeCloseTo(lastLevel + h + 1 / 0.999, 6));
    expect(output.model.params.theta).toBe(2);
    expectValidForecast(output, 3);
  });

  it('follows the full slope when optimised', () => {
    // The one-step errors vanish as theta grows, so OTM extrapolates the line itself.
    const output = forecastTheta(linear, { horizon: 3, levels, seasonLength: 1, optimized: true });

    output.mean.forEach((value, h) => expect(value).toBeCloseTo(50 + 2 * h, 4));
    expect(output.model.params.theta).toBeGreaterThan(100);
    expect(output.fit.sigma2).toBeLessThan(1e-6);
  });

  it('widens intervals with the SES-with-drift variance', () => {
    const noise = noiseGenerator(3);
    const y = Array.from({ length: 30 }, (_, t) => 100 + t + 5 * noise());

    const output = forecastTheta(y, { horizon: 4, levels: [95], seasonLength: 1 });

    // Half-width at step h is 1.96·sqrt(sigma2·(1 + (h - 1)·alpha²)).
    const alpha = output.model.params.alpha as number;
    const sigma2 = output.fit.sigma2!;
    const interval = output.intervals[0];
    for (let h = 0; h < 4; h++) {
      const halfWidth = (interval.upper[h] - interval.lower[h]) / 2;
      expect(halfWidth).toBeCloseTo(
        1.959963984540054 * Math.sqrt(sigma2 * (1 + h * alpha * alpha)),
        8,
      );
    }
  });

  it('adjusts a seasonal series multiplicatively', () => {
    const noise = noiseGenerator(7);
    const pattern = [1.3, 0.8, 0.7, 1.2];
    const y = Array.from(
      { length: 32 },
      (_, t) => (100 + t) * pattern[t % 4] * (1 + 0.02 * noise()),
    );

    const output = forecastTheta(y, { horizon: 8, levels, seasonLength: 4 });

    expect(output.model.params.seasonalAdjustment).toBe('multiplicative');
    // Step 1 has phase 32 mod 4 = 0 (factor 1.3) and step 2 phase 1 (factor 0.8).
    expect(output.mean[0] / output.mean[1]).toBeCloseTo(1.3 / 0.8, 1);
    expectValidForecast(output, 8);
  });

  it('keeps a non-seasonal series unadjusted', () => {
    const noise = noiseGenerator(11);
    const y = Array.from({ length: 40 }, () => 30 + noise());

    const output = forecastTheta(y, { horizon: 4, levels, seasonLength: 4 });

    expect(output.model.params.seasonalAdjustment).toBeNull();
    expect(output.warnings).toEqual([]);
  });

  it('adjusts additively when values are negative', () => {
    const noise = noiseGenerator(13);
    const y = Array.from(
      { length: 32 },
      (_, t) => -5 + 0.1 * t + [8, -4, -6, 2][t % 4] + 0.5 * noise(),
    );

    const output = forecastTheta(y, { horizon: 4, levels, seasonLength: 4 });

    expect(output.model.params.seasonalAdjustment).toBe('additive');
    expect(output.warnings).toEqual([
      'The series contains values <= 0, so the seasonal adjustment is additive instead of multiplicative.',
    ]);
    expectValidForecast(output, 4);
  });

  it('skips the season test on short series', () => {
    const y = Array.from({ length: 10 }, (_, t) => 10 + t + (t % 4));

    const output = forecastTheta(y, { horizon: 2, levels, seasonLength: 12 });

    expect(output.model.params.seasonalAdjustment).toBeNull();
    expect(output.warnings).toEqual([
      'The series has 10 observations, fewer than two seasonal cycles (24) for seasonLength 12; the Theta method ran without seasonal adjustment.',
    ]);
  });

  it('forecasts a constant series flat', () => {
    const output = forecastTheta([0, 0, 0, 0, 0], { horizon: 2, levels, seasonLength: 1 });

    expect(output.mean).toEqual([0, 0]);
    expect(output.intervals[0].upper).toEqual([0, 0]);
    expect(output.warnings).toHaveLength(1);
  });

  it('handles a single non-zero value', () => {
    const output = forecastTheta([0, 0, 0, 5, 0, 0, 0, 0], {
      horizon: 3,
      levels,
      seasonLength: 1,
      optimized: true,
    });

    expectValidForecast(output, 3);
  });

  it('stays accurate at 1e12', () => {
    const noise = noiseGenerator(17);
    const y = Array.from({ length: 24 }, (_, t) => 1e12 * (1 + 0.02 * t + 0.01 * noise()));

    for (const optimized of [false, true]) {
      const output = forecastTheta(y, { horizon: 3, levels, seasonLength: 1, optimized });
      expectValidForecast(output, 3);
      expect(output.mean[0] / 1e12).toBeGreaterThan(1.4);
      expect(output.mean[0] / 1e12).toBeLessThan(1.55);
    }
  });

  it('forecasts one step and three seasons', () => {
    const noise = noiseGenerator(19);
    const y = Array.from({ length: 36 }, (_, t) => 80 + [10, -5, -8, 3][t % 4] + 2 * noise());

    expectValidForecast(forecastTheta(y, { horizon: 1, levels, seasonLength: 4 }), 1);
    expectValidForecast(
      forecastTheta(y, { horizon: 12, levels, seasonLength: 4, optimized: true }),
      12,
    );
  });

  it('rejects too short a series', () => {
    let caught: unknown;
    try {
      forecastTheta([1, 2], { horizon: 1, levels, seasonLength: 1 });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(ErrorCode.BadUserInput);
    expect((caught as DomainError).message).toBe(
      'The series has 2 observations; Theta needs at least 3.',
    );
  });
});
