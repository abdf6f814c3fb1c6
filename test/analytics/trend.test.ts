import { analyseTrend, summarizeTrend, testMannKendall } from '../../src/analytics';
import { createUniform, sampleNormal } from '../../src/analytics/random';

function seasonalSeries(seed: number, slope: number): number[] {
  const uniform = createUniform(seed);
  // Peak at position 3 (sin = 1), trough at position 9 (sin = -1).
  return Array.from(
    { length: 96 },
    (_, t) => 200 + slope * t + 20 * Math.sin((2 * Math.PI * t) / 12) + 2 * sampleNormal(uniform),
  );
}

describe('analyseTrend', () => {
  it('finds a rising trend with its slope', () => {
    const result = analyseTrend(seasonalSeries(1, 0.8), { seasonLength: 12 });

    expect(result.slope.direction).toBe('rising');
    expect(result.slope.interval.lower).toBeLessThan(0.8);
    expect(result.slope.interval.upper).toBeGreaterThan(0.8);
    expect(result.mannKendall.pValue).toBeLessThan(0.001);
  });

  it('calls a trendless series flat', () => {
    const result = analyseTrend(seasonalSeries(2, 0), { seasonLength: 12 });

    expect(result.slope.direction).toBe('flat');
    expect(result.strength.trend).toBeLessThan(0.5);
  });

  it('measures strong seasonality', () => {
    const result = analyseTrend(seasonalSeries(3, 0.8), { seasonLength: 12 });

    // Var(S) = 20^2 / 2 = 200 against noise variance 4: F_S near 1 - 4 / 204.
    expect(result.strength.seasonal).toBeGreaterThan(0.9);
    expect(result.strength.trend).toBeGreaterThan(0.9);
    expect(result.strength.seasonal).toBeLessThanOrEqual(1);
  });

  it('locates peak and trough of the season', () => {
    const result = analyseTrend(seasonalSeries(4, 0.8), { seasonLength: 12 });

    expect(result.season.peakPosition).toBe(3);
    expect(result.season.troughPosition).toBe(9);
    expect(result.season.amplitude).toBeGreaterThan(35);
    expect(result.season.amplitude).toBeLessThan(45);
  });

  it('flags an injected spike as the only anomaly', () => {
    const y = seasonalSeries(5, 0.8);
    y[50] += 30;

    const result = analyseTrend(y, { seasonLength: 12 });

    expect(result.anomalies.map((anomaly) => anomaly.index)).toEqual([50]);
    expect(result.anomalies[0].size).toBeGreaterThan(20);
    expect(result.anomalies[0].expected + result.anomalies[0].size).toBeCloseTo(y[50], 9);
  });

  it('flags the spike with the MAD rule', () => {
    const y = seasonalSeries(5, 0.8);
    y[50] -= 30;

    const result = analyseTrend(y, { seasonLength: 12, anomalyMethod: 'mad', anomalyThreshold: 5 });

    expect(result.anomalies.map((anomaly) => anomaly.index)).toEqual([50]);
    expect(result.anomalies[0].score).toBeLessThan(-5);
  });

  it('warns below four seasons', () => {
    const result = analyseTrend(seasonalSeries(6, 0.8).slice(0, 36), { seasonLength: 12 });

    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('fewer than 4 full seasons');
  });
});

describe('testMannKendall', () => {
  it('matches a hand computation', () => {
    // 1..5 rising: S = 10 pairs, Var(S) = 5 * 4 * 15 / 18 = 16.667, Z = (10 - 1) / 4.0825 = 2.2045.
    const result = testMannKendall([1, 2, 3, 4, 5]);

    expect(result.s).toBe(10);
    expect(result.tau).toBe(1);
    expect(result.z).toBeCloseTo(2.2045, 4);
    expect(result.pValue).toBeCloseTo(0.0275, 4);
  });

  it('corrects the variance for ties', () => {
    // [1, 1, 2]: S = 2, one tie group of 2: Var(S) = (3 * 2 * 11 - 2 * 1 * 9) / 18 = 2.6667.
    const result = testMannKendall([1, 1, 2]);

    expect(result.s).toBe(2);
    expect(result.z).toBeCloseTo(1 / Math.sqrt(48 / 18), 10);
  });
});

describe('summarizeTrend', () => {
  it('reports the percent change of a line', () => {
    // 100, 102, ..., 122: the fitted line runs from 100 to 122, +22%.
    const y = Array.from({ length: 12 }, (_, t) => 100 + 2 * t);

    const summary = summarizeTrend(y);

    expect(summary.direction).toBe('rising');
    expect(summary.percentChange).toBeCloseTo(22, 9);
    expect(summary.start).toBeCloseTo(100, 9);
    expect(summary.end).toBeCloseTo(122, 9);
  });

  it('calls small changes flat', () => {
    const y = Array.from({ length: 12 }, (_, t) => 100 + 0.2 * t);

    expect(summarizeTrend(y).direction).toBe('flat');
  });

  it('removes the season first when asked', () => {
    const y = Array.from({ length: 48 }, (_, t) => 100 - t + 30 * Math.sin((2 * Math.PI * t) / 12));

    const summary = summarizeTrend(y, { seasonLength: 12 });

    expect(summary.direction).toBe('falling');
    expect(summary.percentChange).toBeCloseTo(-47, 0);
  });

  it('omits the percentage from a non-positive start', () => {
    const summary = summarizeTrend([-5, 0, 5, 10]);

    expect(summary.percentChange).toBeNull();
    expect(summary.warnings).toEqual([
      'The fitted start value is not positive, so no percent change is given.',
    ]);
  });
});
