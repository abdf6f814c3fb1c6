import { ForecastPool, runForecast } from '../../src/forecasting';
import type { ForecastTask } from '../../src/forecasting';
import { DomainError, ErrorCode } from '../../src/shared/errors';
import { loadAirPassengers, noise } from './harness';

describe('ForecastPool', () => {
  let pool: ForecastPool;

  beforeAll(() => {
    pool = new ForecastPool({ maxThreads: 1 });
  });

  afterAll(async () => {
    await pool.destroy();
  });

  it('returns what runForecast returns', async () => {
    const task: ForecastTask = {
      y: loadAirPassengers(),
      horizon: 12,
      model: { kind: 'SARIMA', p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12, lambda: 0 },
    };

    const pooled = await pool.run(task);

    expect(pooled).toEqual(runForecast(task));
  });

  it('keeps the code of a BAD_USER_INPUT error', async () => {
    const failure = pool.run({ y: [1, 2, 3], horizon: 400, model: { kind: 'NAIVE' } });

    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toMatchObject({
      code: ErrorCode.BadUserInput,
      field: 'horizon',
      message: 'horizon must be an integer between 1 and 366; received 400.',
    });
  });

  it('counts tasks in flight and settled', async () => {
    const before = pool.stats();
    const tasks = [1, 2, 3].map((horizon) =>
      pool.run({ y: [5, 6, 7, 8], horizon, model: { kind: 'NAIVE' } }),
    );

    expect(pool.inFlight).toBe(3);
    const results = await Promise.all(tasks);

    expect(results.map((result) => result.mean.length)).toEqual([1, 2, 3]);
    expect(pool.inFlight).toBe(0);
    expect(pool.stats().completed).toBe(before.completed + 3);
  });
});

describe('ForecastPool time limit', () => {
  let pool: ForecastPool;

  beforeAll(async () => {
    pool = new ForecastPool({ maxThreads: 1 });
    // Starting the worker is not part of a task's running time in the checks below.
    await pool.run({ y: [1, 2, 3], horizon: 1, model: { kind: 'NAIVE' } });
  });

  afterAll(async () => {
    await pool.destroy();
  });

  // SARIMA(5,1,5)(2,1,2)7 on two years of days, fitted three times (once more for each
  // calibration window), keeps a worker busy for about 3 s on a 2-core machine.
  const jitter = noise(730, 3);
  const slow: ForecastTask = {
    y: jitter.map((e, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 7) + 5 * e + 0.02 * t),
    horizon: 7,
    model: { kind: 'SARIMA', p: 5, d: 1, q: 5, P: 2, D: 1, Q: 2, s: 7 },
  };

  it('stops a task that runs past its limit', async () => {
    const started = Date.now();

    const failure = pool.run(slow, { timeoutMs: 500 });

    await expect(failure).rejects.toMatchObject({
      code: ErrorCode.ForecastFailed,
      message: expect.stringMatching(
        /^The SARIMA forecast ran longer than its limit of 500 ms and was stopped; try a model with fewer terms/,
      ),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(pool.stats().timedOut).toBe(1);
  });

  it('runs the next task on a fresh worker', async () => {
    const result = await pool.run({ y: [5, 6, 7, 8], horizon: 2, model: { kind: 'NAIVE' } });

    expect(result.mean).toEqual([8, 8]);
  });

  it('excludes time spent queued', async () => {
    const started = Date.now();
    const first = pool.run(slow);
    const second = pool.run(
      { y: [1, 2, 3, 4], horizon: 1, model: { kind: 'NAIVE' } },
      { timeoutMs: 1000 },
    );

    expect(pool.stats().queued).toBe(1);
    await expect(first).resolves.toMatchObject({ horizon: 7 });
    // The second task waited for the first, longer than its own limit, and still ran.
    await expect(second).resolves.toMatchObject({ mean: [4] });
    expect(Date.now() - started).toBeGreaterThan(1000);
  });
});
