import { decomposeStl } from '../../src/analytics';
import { createUniform, sampleNormal } from '../../src/analytics/random';

/**
 * 72 months: level 50, slope 0.3, amplitude 8, a deterministic wobble, a spike of +30 at t = 40.
 */
function referenceSeries(): number[] {
  return Array.from({ length: 72 }, (_, t) => {
    const wobble = (3 * (((t * 7919) % 11) - 5)) / 5;
    return 50 + 0.3 * t + 8 * Math.sin((2 * Math.PI * t) / 12) + wobble + (t === 40 ? 30 : 0);
  });
}

function maxAbsDifference(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((value, i) => Math.abs(value - b[i])));
}

describe('decomposeStl', () => {
  // Reference values: statsmodels 0.13.5, STL(y, period=12, robust=...).fit() with its defaults.
  it('matches statsmodels without robustness', () => {
    const { trend, seasonal, remainder } = decomposeStl(referenceSeries(), { seasonLength: 12 });

    expect(trend[0]).toBeCloseTo(49.2457229438, 8);
    expect(trend[35]).toBeCloseTo(62.1832743156, 8);
    expect(trend[71]).toBeCloseTo(70.8506233206, 8);
    expect(seasonal[0]).toBeCloseTo(-0.1914333449, 8);
    expect(seasonal[6]).toBeCloseTo(0.406409294, 8);
    expect(remainder[40]).toBeCloseTo(19.703556635, 8);
  });

  it('matches statsmodels with robustness', () => {
    const { trend, seasonal, remainder } = decomposeStl(referenceSeries(), {
      seasonLength: 12,
      robust: true,
    });

    expect(trend[0]).toBeCloseTo(50.9423577455, 6);
    expect(trend[35]).toBeCloseTo(60.5886314746, 6);
    expect(seasonal[40]).toBeCloseTo(6.2060191816, 6);
    expect(remainder[40]).toBeCloseTo(30.031413259, 6);
  });

  it('adds components back to the series', () => {
    const y = referenceSeries();

    const { trend, seasonal, remainder } = decomposeStl(y, { seasonLength: 12, robust: true });

    const rebuilt = y.map((_, t) => trend[t] + seasonal[t] + remainder[t]);
    expect(maxAbsDifference(rebuilt, y)).toBeLessThan(1e-9);
  });

  it('recovers known trend and season', () => {
    const uniform = createUniform(42);
    const trueTrend = Array.from({ length: 120 }, (_, t) => 100 + 0.5 * t);
    const trueSeason = Array.from({ length: 120 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12));
    const y = trueTrend.map((value, t) => value + trueSeason[t] + sampleNormal(uniform));

    const { trend, seasonal } = decomposeStl(y, { seasonLength: 12 });

    // Noise has standard deviation 1; the components must stay well inside a few of those.
    expect(maxAbsDifference(trend, trueTrend)).toBeLessThan(1.5);
    expect(maxAbsDifference(seasonal, trueSeason)).toBeLessThan(2);
  });

  it('keeps a periodic season identical across cycles', () => {
    const { seasonal } = decomposeStl(referenceSeries(), {
      seasonLength: 12,
      seasonalWindow: 'periodic',
    });

    for (let t = 12; t < 72; t++) {
      expect(seasonal[t]).toBeCloseTo(seasonal[t - 12], 12);
    }
  });

  it('resolves default windows', () => {
    const { parameters } = decomposeStl(referenceSeries(), { seasonLength: 12 });

    // trend: smallest odd > 1.5 * 12 / (1 - 1.5 / 7) = 22.9; low-pass: smallest odd > 12.
    expect(parameters.trendWindow).toBe(23);
    expect(parameters.lowPassWindow).toBe(13);
    expect(parameters.innerIterations).toBe(5);
    expect(parameters.outerIterations).toBe(0);
  });

  it('warns when raising an even window', () => {
    const result = decomposeStl(referenceSeries(), { seasonLength: 12, seasonalWindow: 8 });

    expect(result.parameters.seasonalWindow).toBe(9);
    expect(result.warnings).toEqual([
      'seasonalWindow 8 is even; STL uses 9 because loess windows must be odd.',
    ]);
  });
});
