import { ConfigError, loadConfig } from '../../src/server/config';

describe('loadConfig auth and limits', () => {
  it('defaults to development on the sample database', () => {
    const config = loadConfig({}, 1);

    expect(config.auth).toEqual({ mode: 'development', modeSource: 'default' });
  });

  it('requires keys for any other database', () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite:/tmp/shop.sqlite' }, 1);

    expect(config.auth).toEqual({ mode: 'required', modeSource: 'default' });
  });

  it('requires keys on a non-loopback address', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }, 1).auth.mode).toBe('required');
  });

  it('follows AUTH_MODE when set', () => {
    const config = loadConfig(
      { AUTH_MODE: 'development', DATABASE_URL: 'sqlite:/tmp/shop.sqlite', HOST: '0.0.0.0' },
      1,
    );

    expect(config.auth).toEqual({ mode: 'development', modeSource: 'AUTH_MODE' });
  });

  it('applies the documented limit defaults', () => {
    const config = loadConfig({}, 1);

    expect(config.limits).toEqual({
      maxQueryCost: 1000,
      maxQueryDepth: 10,
      maxBatchOperations: 10,
      rateLimitCapacity: 1000,
      rateLimitRestoreRate: 50,
    });
    expect(config.shutdownTimeoutMs).toBe(30_000);
  });

  it('rejects a maximum cost above the bucket', () => {
    let problems: string[] = [];
    try {
      loadConfig({ MAX_QUERY_COST: '2000', RATE_LIMIT_CAPACITY: '1500' }, 1);
    } catch (error) {
      problems = (error as ConfigError).problems;
    }

    expect(problems).toEqual([
      'MAX_QUERY_COST: must not exceed RATE_LIMIT_CAPACITY (1500), or an operation at the maximum cost could never run; received "2000".',
    ]);
  });

  it('rejects an unknown AUTH_MODE', () => {
    expect(() => loadConfig({ AUTH_MODE: 'open' }, 1)).toThrow(/AUTH_MODE: .*; received "open"\./);
  });
});
