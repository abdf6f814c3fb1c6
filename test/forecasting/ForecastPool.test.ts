import { ForecastPool, runForecast } from '../../src/forecasting';
import type { ForecastTask } from '../../src/forecasting';
import { DomainError, ErrorCode } from '../../src/shared/errors';
import { loadAirPassengers } from './harness';

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
