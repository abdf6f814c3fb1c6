import { DomainError, ErrorCode } from '../../src/shared/errors';
import { forecastAutoEts, forecastEts } from '../../src/forecasting/models/ets';
import { isAdmissible } from '../../src/forecasting/models/ets/admissible';
import { type FilterOutput, filterEts } from '../../src/forecasting/models/ets/filter';
import { type EtsFit, fitEts } from '../../src/forecasting/models/ets/fit';
import { selectionVariance } from '../../src/forecasting/models/ets/modelAveraging';
import { parameterVariance } from '../../src/forecasting/models/ets/parameterUncertainty';
import {
  analyticVariance,
  pointForecasts,
  simulatePaths,
} from '../../src/forecasting/models/ets/predict';
import type { EtsSpec } from '../../src/forecasting/models/ets/spec';
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
  expect(output.intervals.map((interval) => interval.level)).toEqual([80, 95]);
  const [i80, i95] = output.intervals;
  for (let h = 0; h < horizon; h++) {
    const chain = [i95.lower[h], i80.lower[h], output.mean[h], i80.upper[h], i95.upper[h]];
    expect(chain.every(Number.isFinite)).toBe(true);
    for (let k = 1; k < chain.length; k++) expect(chain[k - 1]).toBeLessThanOrEqual(chain[k]);
  }
}

function newOutput(): FilterOutput {
  return { sse: 0, sumLogForecast: 0, level: 0, slope: 0 };
}

function handFit(spec: EtsSpec, overrides: Partial<EtsFit>): EtsFit {
  return {
    spec,
    seasonLength: 1,
    alpha: 0.5,
    beta: 0,
    gamma: 0,
    phi: 1,
    initial: { level: 0, slope: 0, season: new Float64Array(1) },
    final: { level: 0, slope: 0, season: new Float64Array(1) },
    innovations: new Float64Array(3),
    sse: 0,
    logLik: 0,
    freeParameters: 2,
    ...overrides,
  };
}

const levels = [80, 95];

describe('filterEts', () => {
  it('runs SES with a fixed alpha by hand', () => {
    // alpha 0.5, l0 10, y = 12, 11, 13:
    // t1: forecast 10, error 2, level 11; t2: forecast 11, error 0, level 11;
    // t3: forecast 11, error 2, level 12. SSE = 4 + 0 + 4 = 8.
    const out = newOutput();
    const innovations = new Float64Array(3);
    const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N' };

    const ok = filterEts(
      Float64Array.from([12, 11, 13]),
      spec,
      0.5,
      0,
      0,
      1,
      10,
      0,
      new Float64Array(1),
      out,
      innovations,
    );

    expect(ok).toBe(true);
    expect(Array.from(innovations)).toEqual([2, 0, 2]);
    expect(out.sse).toBe(8);
    expect(out.level).toBe(12);
  });

  it("runs Holt's linear method by hand", () => {
    // alpha 0.5, beta 0.1, l0 10, b0 1, y = 11.5, 12:
    // t1: forecast 11, error 0.5, level 11 + 0.25 = 11.25, slope 1 + 0.05 = 1.05;
    // t2: forecast 12.3, error -0.3, level 12.15, slope 1.05 - 0.03 = 1.02.
    const out = newOutput();
    const spec: EtsSpec = { error: 'A', trend: 'A', season: 'N' };

    filterEts(Float64Array.from([11.5, 12]), spec, 0.5, 0.1, 0, 1, 10, 1, new Float64Array(1), out);

    expect(out.level).toBeCloseTo(12.15, 12);
    expect(out.slope).toBeCloseTo(1.02, 12);
    expect(out.sse).toBeCloseTo(0.25 + 0.09, 12);
  });

  it('uses relative errors under multiplicative error', () => {
    // MNN, alpha 0.5, l0 10, y = 12: forecast 10, relative error 0.2, level 10 * 1.1 = 11.
    const out = newOutput();
    const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N' };

    filterEts(Float64Array.from([12]), spec, 0.5, 0, 0, 1, 10, 0, new Float64Array(1), out);

    expect(out.sse).toBeCloseTo(0.04, 12);
    expect(out.level).toBeCloseTo(11, 12);
    expect(out.sumLogForecast).toBeCloseTo(Math.log(10), 12);
  });

  it('updates an additive season by its phase', () => {
    // ANA, m 2, alpha 0.5, gamma 0.2, l0 10, seasons (+1, -1), y = 12, 8:
    // t1: forecast 11, error 1, level 10.5, s0 1.2; t2: forecast 9.5, error -1.5,
    // level 9.75, s1 -1.3.
    const out = newOutput();
    const season = Float64Array.from([1, -1]);
    const spec: EtsSpec = { error: 'A', trend: 'N', season: 'A' };

    filterEts(Float64Array.from([12, 8]), spec, 0.5, 0, 0.2, 1, 10, 0, season, out);

    expect(out.level).toBeCloseTo(9.75, 12);
    expect(season[0]).toBeCloseTo(1.2, 12);
    expect(season[1]).toBeCloseTo(-1.3, 12);
  });

  it('rejects a non-positive forecast under multiplicative error', () => {
    const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N' };

    const ok = filterEts(
      Float64Array.from([1, 2]),
      spec,
      0.5,
      0,
      0,
      1,
      -1,
      0,
      new Float64Array(1),
      newOutput(),
    );

    expect(ok).toBe(false);
  });
});

describe('ETS forecast distribution', () => {
  it('gives the SES variance by hand', () => {
    // ANN: v_h = sigma2 * (1 + (h - 1) * alpha^2); sigma2 4, alpha 0.5 gives 4, 5, 6.
    const fit = handFit(
      { error: 'A', trend: 'N', season: 'N' },
      { final: { level: 12, slope: 0, season: new Float64Array(1) } },
    );

    const mean = pointForecasts(fit, 3);
    const variance = analyticVariance(fit, mean, 4);

    expect(Array.from(mean)).toEqual([12, 12, 12]);
    expect(Array.from(variance)).toEqual([4, 5, 6]);
  });

  it("gives Holt's forecasts and variance by hand", () => {
    // AAN with alpha 0.5, beta 0.1, l 12.15, b 1.02: mean_h = 12.15 + 1.02 h;
    // c_1 = 0.6, c_2 = 0.7, so v = sigma2 * (1, 1.36, 1.85).
    const fit = handFit(
      { error: 'A', trend: 'A', season: 'N' },
      { beta: 0.1, final: { level: 12.15, slope: 1.02, season: new Float64Array(1) } },
    );

    const mean = pointForecasts(fit, 3);
    const variance = analyticVariance(fit, mean, 1);

    expect(mean[1]).toBeCloseTo(14.19, 12);
    expect(variance[1]).toBeCloseTo(1.36, 12);
    expect(variance[2]).toBeCloseTo(1.85, 12);
  });

  it('damps the trend by phi', () => {
    // AAdN with phi 0.9, l 10, b 1: mean_2 = 10 + (0.9 + 0.81) * 1 = 11.71.
    const fit = handFit(
      { error: 'A', trend: 'Ad', season: 'N' },
      { phi: 0.9, final: { level: 10, slope: 1, season: new Float64Array(1) } },
    );

    expect(pointForecasts(fit, 2)[1]).toBeCloseTo(11.71, 12);
  });

  it('matches simulation for multiplicative error', () => {
    // Class 2 (MAN): the closed-form variance should agree with 5000 simulated paths.
    const fit = handFit(
      { error: 'M', trend: 'A', season: 'N' },
      { alpha: 0.4, beta: 0.1, final: { level: 100, slope: 2, season: new Float64Array(1) } },
    );
    const sigma2 = 0.01;

    const mean = pointForecasts(fit, 4);
    const variance = analyticVariance(fit, mean, sigma2);
    const paths = simulatePaths(fit, 4, sigma2, 5000, 1);

    paths.forEach((values, h) => {
      const average = values.reduce((sum, value) => sum + value, 0) / values.length;
      const simulated =
        values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length;
      expect(Math.abs(simulated / variance[h] - 1)).toBeLessThan(0.1);
      expect(Math.abs(average / mean[h] - 1)).toBeLessThan(0.01);
    });
  });
});

describe('isAdmissible', () => {
  it('accepts usual seasonal parameters', () => {
    expect(isAdmissible(0.3, 0.05, 0.1, 0.95, 4)).toBe(true);
  });

  it('rejects a seasonal model outside the region', () => {
    // gamma above 1 + 1/phi - alpha fails the first seasonal condition.
    expect(isAdmissible(0.9, 0.1, 1.2, 0.95, 4)).toBe(false);
  });

  it('accepts the no-trend seasonal unit root', () => {
    // Without trend (beta 0, phi 1) the polynomial has a root at exactly 1.
    expect(isAdmissible(0.3, 0, 0.1, 1, 12)).toBe(true);
  });
});

describe('fitEts', () => {
  it('recovers a level for SES data', () => {
    const noise = noiseGenerator(5);
    const y = Float64Array.from({ length: 60 }, () => 1 + 0.05 * noise());

    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N' }, 1);

    expect(fit).toBeDefined();
    expect(Math.abs(fit!.final.level - 1)).toBeLessThan(0.03);
    expect(fit!.freeParameters).toBe(2);
  });
});

describe('parameterVariance', () => {
  it('grows with the horizon for a trend', () => {
    const noise = noiseGenerator(59);
    const y = Float64Array.from({ length: 20 }, (_, t) => 1 + 0.05 * t + 0.05 * noise());
    const fit = fitEts(y, { error: 'A', trend: 'A', season: 'N' }, 1)!;

    const variance = parameterVariance(fit, 6);

    expect(variance).toBeDefined();
    expect(variance!.every((value) => value > 0 && Number.isFinite(value))).toBe(true);
    for (let h = 1; h < 6; h++) expect(variance![h]).toBeGreaterThan(variance![h - 1]);
  });

  it('needs a fitted estimate', () => {
    const fit = handFit({ error: 'A', trend: 'N', season: 'N' }, {});

    expect(parameterVariance(fit, 3)).toBeUndefined();
  });
});

describe('selectionVariance', () => {
  it('adds the spread of candidate forecasts', () => {
    // Equal AICc gives weights 1/2 each; forecasts 10 (chosen) and 12 give 0.5 · 2² = 2.
    const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N' };
    const chosen = handFit(spec, { final: { level: 10, slope: 0, season: new Float64Array(1) } });
    const other = handFit(spec, { final: { level: 12, slope: 0, season: new Float64Array(1) } });

    const extra = selectionVariance(
      [
        { fit: chosen, aicc: 5 },
        { fit: other, aicc: 5 },
      ],
      pointForecasts(chosen, 3),
      undefined,
    );

    expect(Array.from(extra!)).toEqual([2, 2, 2]);
  });

  it('ignores a lone candidate', () => {
    const fit = handFit({ error: 'A', trend: 'N', season: 'N' }, {});

    expect(selectionVariance([{ fit, aicc: 0 }], new Float64Array(2), undefined)).toBeUndefined();
  });
});

describe('forecastAutoEts', () => {
  it('picks a trend model on a clear trend', () => {
    const noise = noiseGenerator(7);
    const y = Array.from({ length: 30 }, (_, t) => 100 + 5 * t + 4 * noise());

    const output = forecastAutoEts(y, { horizon: 5, levels, seasonLength: 1 });

    expect(['A', 'Ad']).toContain(output.model.params.trend);
    expect(output.model.params.season).toBe('N');
    expect(output.mean[4]).toBeGreaterThan(y[29] + 10);
    expectValidForecast(output, 5);
  });

  it('picks a seasonal model on a clear season', () => {
    const noise = noiseGenerator(9);
    const pattern = [1.2, 0.8, 0.9, 1.1];
    const y = Array.from({ length: 40 }, (_, t) => (200 + t) * pattern[t % 4] + 3 * noise());

    const output = forecastAutoEts(y, { horizon: 8, levels, seasonLength: 4 });

    expect(['A', 'M']).toContain(output.model.params.season);
    // Phase of step h is (40 + h - 1) mod 4, so step 1 is a high quarter and step 2 a low one.
    expect(output.mean[0]).toBeGreaterThan(output.mean[1]);
    expectValidForecast(output, 8);
  });

  it('reports the fit statistics', () => {
    const noise = noiseGenerator(13);
    const y = Array.from({ length: 25 }, (_, t) => 50 + t + 3 * noise());

    const { fit } = forecastAutoEts(y, { horizon: 3, levels, seasonLength: 1 });

    expect(fit.sigma2).toBeGreaterThan(0);
    expect(Number.isFinite(fit.logLik)).toBe(true);
    expect(fit.aicc).toBeGreaterThan(fit.aic!);
    expect(fit.bic).toBeGreaterThan(fit.aic!);
  });

  it('keeps multiplicative forms off negative data', () => {
    const noise = noiseGenerator(17);
    const y = Array.from({ length: 32 }, (_, t) => -20 + 0.5 * t + [6, -3, -4, 1][t % 4] + noise());

    const output = forecastAutoEts(y, { horizon: 4, levels, seasonLength: 4 });

    expect(output.model.params.error).toBe('A');
    expect(output.model.params.season).not.toBe('M');
    expectValidForecast(output, 4);
  });

  it('skips multiplicative forms when not allowed', () => {
    const noise = noiseGenerator(19);
    const y = Array.from({ length: 30 }, (_, t) => 10 * 1.05 ** t * (1 + 0.02 * noise()));

    const output = forecastAutoEts(y, {
      horizon: 3,
      levels,
      seasonLength: 1,
      allowMultiplicative: false,
    });

    expect(output.model.params.error).toBe('A');
  });

  it('forecasts a constant series flat', () => {
    const output = forecastAutoEts([7, 7, 7, 7, 7, 7, 7, 7], {
      horizon: 3,
      levels,
      seasonLength: 1,
    });

    expect(output.mean).toEqual([7, 7, 7]);
    expect(output.intervals[1].lower).toEqual([7, 7, 7]);
    expect(output.intervals[1].upper).toEqual([7, 7, 7]);
    expect(output.fit.sigma2).toBe(0);
    expect(output.warnings).toEqual([
      'The series is constant (every value is 7); the forecast repeats the value with zero-width intervals.',
    ]);
  });

  it('forecasts all zeros as zero', () => {
    const output = forecastAutoEts(new Array(12).fill(0), { horizon: 2, levels, seasonLength: 4 });

    expect(output.mean).toEqual([0, 0]);
    expectValidForecast(output, 2);
  });

  it('handles a single non-zero value', () => {
    const output = forecastAutoEts([0, 0, 0, 5, 0, 0, 0, 0, 0, 0], {
      horizon: 3,
      levels,
      seasonLength: 1,
    });

    expect(output.model.params.error).toBe('A');
    expect(output.mean.every((value) => value >= 0 && value <= 5)).toBe(true);
    expectValidForecast(output, 3);
  });

  it('falls back to non-seasonal on a short series', () => {
    const noise = noiseGenerator(23);
    const y = Array.from(
      { length: 20 },
      (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12) + noise(),
    );

    const output = forecastAutoEts(y, { horizon: 6, levels, seasonLength: 12 });

    expect(output.model.params.season).toBe('N');
    expect(output.warnings).toEqual([
      'The series has 20 observations, fewer than two seasonal cycles (24) for seasonLength 12; a non-seasonal model was fitted.',
    ]);
    expectValidForecast(output, 6);
  });

  it('ignores seasons longer than 24', () => {
    const y = Array.from({ length: 120 }, (_, t) => 100 + (t % 52));

    const output = forecastAutoEts(y, { horizon: 4, levels, seasonLength: 52 });

    expect(output.model.params.season).toBe('N');
    expect(output.warnings[0]).toBe(
      'seasonLength 52 is above 24, the maximum for ETS; a non-seasonal model was fitted.',
    );
  });

  it('stays accurate at 1e12', () => {
    const noise = noiseGenerator(29);
    const y = Array.from({ length: 24 }, (_, t) => 1e12 * (1 + 0.02 * t + 0.01 * noise()));

    const output = forecastAutoEts(y, { horizon: 4, levels, seasonLength: 1 });

    expectValidForecast(output, 4);
    expect(output.mean[0] / 1e12).toBeGreaterThan(1.4);
    expect(output.mean[0] / 1e12).toBeLessThan(1.55);
  });

  it('forecasts one step ahead', () => {
    const noise = noiseGenerator(31);
    const y = Array.from({ length: 15 }, () => 20 + noise());

    expectValidForecast(forecastAutoEts(y, { horizon: 1, levels, seasonLength: 1 }), 1);
  });

  it('forecasts three seasons ahead', () => {
    const noise = noiseGenerator(37);
    const y = Array.from({ length: 36 }, (_, t) => 80 + [10, -5, -8, 3][t % 4] + 2 * noise());

    const output = forecastAutoEts(y, { horizon: 12, levels, seasonLength: 4 });

    expectValidForecast(output, 12);
    // The seasonal pattern repeats: steps h and h + 4 share a phase.
    expect(Math.abs(output.mean[0] - output.mean[4])).toBeLessThan(3);
  });

  it('fits tiny series from fixed states', () => {
    const output = forecastAutoEts([3, 4, 6, 7], { horizon: 2, levels, seasonLength: 1 });

    expect(output.warnings).toHaveLength(1);
    expect(output.warnings[0]).toMatch(
      /^The series has 4 observations, too few to estimate the initial states/,
    );
    expectValidForecast(output, 2);
  });
});

describe('forecastEts', () => {
  it('fits the requested model', () => {
    const noise = noiseGenerator(41);
    const y = Array.from({ length: 30 }, (_, t) => 50 + 2 * t + noise());

    const output = forecastEts(y, {
      horizon: 3,
      levels,
      seasonLength: 1,
      error: 'A',
      trend: 'Ad',
      season: 'N',
    });

    expect(output.model).toEqual({
      kind: 'ETS',
      params: expect.objectContaining({
        error: 'A',
        trend: 'Ad',
        season: 'N',
        damped: true,
        gamma: null,
        seasonLength: 1,
      }),
    });
    const { alpha, beta, phi } = output.model.params as {
      alpha: number;
      beta: number;
      phi: number;
    };
    expect(beta).toBeLessThanOrEqual(alpha);
    expect(phi).toBeGreaterThanOrEqual(0.8);
    expect(phi).toBeLessThanOrEqual(0.98);
    expectValidForecast(output, 3);
  });

  it('chooses the components left out', () => {
    const noise = noiseGenerator(43);
    const y = Array.from({ length: 30 }, (_, t) => 50 + 2 * t + noise());

    const output = forecastEts(y, { horizon: 3, levels, seasonLength: 1, error: 'A' });

    expect(output.model.params.error).toBe('A');
    expect(output.model.params.trend).not.toBe('N');
  });

  it('replaces multiplicative forms on negative data', () => {
    const noise = noiseGenerator(47);
    const y = Array.from({ length: 24 }, (_, t) => -50 + t + [3, -3, 2, -2][t % 4] + noise());

    const output = forecastEts(y, {
      horizon: 4,
      levels,
      seasonLength: 4,
      error: 'M',
      trend: 'N',
      season: 'M',
    });

    expect(output.model.params.error).toBe('A');
    expect(output.model.params.season).toBe('A');
    expect(output.warnings).toEqual([
      'error "M" needs strictly positive data, but the series contains values <= 0; the additive form "A" was fitted instead.',
      'season "M" needs strictly positive data, but the series contains values <= 0; the additive form "A" was fitted instead.',
    ]);
    expectValidForecast(output, 4);
  });

  it('simulates intervals reproducibly', () => {
    const noise = noiseGenerator(53);
    const y = Array.from(
      { length: 40 },
      (_, t) => (100 + t) * [1.3, 0.7, 0.9, 1.1][t % 4] * (1 + 0.03 * noise()),
    );
    const options = {
      horizon: 8,
      levels,
      seasonLength: 4,
      error: 'M',
      trend: 'A',
      season: 'M',
    } as const;

    const first = forecastEts(y, options);
    const second = forecastEts(y, options);

    expect(first.model.params.season).toBe('M');
    expect(second.intervals).toEqual(first.intervals);
    expectValidForecast(first, 8);
  });

  it('warns when a season needs seasonLength above 1', () => {
    const y = Array.from({ length: 12 }, (_, t) => 10 + t);

    const output = forecastEts(y, { horizon: 2, levels, seasonLength: 1, season: 'A' });

    expect(output.model.params.season).toBe('N');
    expect(output.warnings).toEqual([
      'season "A" needs seasonLength of at least 2, but seasonLength is 1; a non-seasonal model was fitted.',
    ]);
  });

  it('overrides the requested model on constant data', () => {
    const output = forecastEts([2, 2, 2, 2], { horizon: 2, levels, seasonLength: 1, trend: 'A' });

    expect(output.mean).toEqual([2, 2]);
    expect(output.warnings[0]).toMatch(
      /ETS\(A,N,N\) was fitted instead of the requested components/,
    );
  });

  it.each([
    ['y', [1, 2], { horizon: 1 }, 'The series has 2 observations; ETS needs at least 3.'],
    ['y', [1, NaN, 3], { horizon: 1 }, 'y[1] is NaN; every observation must be a finite number.'],
    ['horizon', [1, 2, 3], { horizon: 0 }, 'horizon is 0; expected an integer of at least 1.'],
    ['horizon', [1, 2, 3], { horizon: 1.5 }, 'horizon is 1.5; expected an integer of at least 1.'],
    [
      'seasonLength',
      [1, 2, 3],
      { horizon: 1, seasonLength: 0 },
      'seasonLength is 0; expected an integer of at least 1.',
    ],
    [
      'levels',
      [1, 2, 3],
      { horizon: 1, levels: [100] },
      'levels contains 100; each level must be a percentage strictly between 0 and 100.',
    ],
    [
      'trend',
      [1, 2, 3],
      { horizon: 1, trend: 'M' },
      'trend is "M"; expected one of "N", "A", "Ad".',
    ],
  ])('rejects invalid %s', (field, y, overrides, message) => {
    const options = { levels, seasonLength: 1, ...overrides } as Parameters<typeof forecastEts>[1];

    const error = captureError(() => forecastEts(y as number[], options));

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.BadUserInput);
    expect((error as DomainError).field).toBe(field);
    expect((error as DomainError).message).toBe(message);
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
