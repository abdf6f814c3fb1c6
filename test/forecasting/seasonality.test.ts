import { detectSeasonLength } from '../../src/forecasting';
import { loadAirPassengers, noise } from './harness';

/** Builds a trend plus a sine of `period` plus deterministic noise. */
function periodic(length: number, period: number): number[] {
  const jitter = noise(length);
  return Array.from(
    { length },
    (_, t) => 50 + 0.3 * t + 10 * Math.sin((2 * Math.PI * t) / period) + jitter[t],
  );
}

describe('detectSeasonLength', () => {
  it('finds 12 in AirPassengers', () => {
    expect(detectSeasonLength(loadAirPassengers())).toBe(12);
  });

  it('accepts the natural period first', () => {
    expect(detectSeasonLength(periodic(60, 4), 4)).toBe(4);
  });

  it('finds a period without a hint', () => {
    expect(detectSeasonLength(periodic(84, 7))).toBe(7);
  });

  it('rejects a natural period absent from the data', () => {
    expect(detectSeasonLength(periodic(84, 7), 12)).toBe(7);
  });

  it('returns 1 for a trend without season', () => {
    const jitter = noise(40, 7);
    const y = Array.from({ length: 40 }, (_, t) => 10 + t + 3 * jitter[t]);

    expect(detectSeasonLength(y)).toBe(1);
  });

  it('returns 1 for short or constant series', () => {
    expect(detectSeasonLength([1, 2, 3])).toBe(1);
    expect(detectSeasonLength(new Array(30).fill(4), 12)).toBe(1);
  });

  it('ignores a natural period beyond half the series', () => {
    expect(detectSeasonLength(periodic(20, 4), 12)).not.toBe(12);
  });
});
