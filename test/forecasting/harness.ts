/** Shared fixtures and checks for the forecasting tests. */
import * as fs from 'fs';
import * as path from 'path';

import type { ForecastOutput } from '../../src/forecasting';

/** Reads the AirPassengers series (Box, Jenkins & Reinsel 1976, Series G), 1949-01 to 1960-12. */
export function loadAirPassengers(): number[] {
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'airpassengers.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
}

/**
 * Asserts the invariants every forecast keeps: `horizon` finite means, one interval per level
 * in the order requested, and lower95 <= lower80 <= mean <= upper80 <= upper95 at every step.
 */
export function expectValidForecast(
  output: ForecastOutput,
  horizon: number,
  levels = [80, 95],
): void {
  expect(output.mean).toHaveLength(horizon);
  expect(output.mean.every(Number.isFinite)).toBe(true);
  expect(output.intervals.map((bounds) => bounds.level)).toEqual(levels);
  const sorted = [...output.intervals].sort((a, b) => b.level - a.level);
  for (let i = 0; i < horizon; i++) {
    const chain = [
      ...sorted.map((bounds) => bounds.lower[i]),
      output.mean[i],
      ...[...sorted].reverse().map((bounds) => bounds.upper[i]),
    ];
    expect(chain.every(Number.isFinite)).toBe(true);
    for (let k = 1; k < chain.length; k++) {
      expect(chain[k]).toBeGreaterThanOrEqual(chain[k - 1] - 1e-9 * Math.abs(chain[k - 1]));
    }
  }
}

/** Builds a trending series with a period-4 seasonal pattern and deterministic noise. */
export function seasonalSeries(length: number, period = 4): number[] {
  const pattern = [10, -5, 3, -8, 6, -2, 4, -7, 1, 5, -3, 2].slice(0, period);
  return Array.from(
    { length },
    (_, t) => 100 + 0.8 * t + pattern[t % period] + 2 * Math.sin(t * 1.7),
  );
}

/** Returns `length` draws from a fixed-seed generator, uniform on [-1, 1] (mulberry32). */
export function noise(length: number, seed = 1): number[] {
  let state = seed >>> 0;
  return Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  });
}
