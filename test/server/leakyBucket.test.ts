import { LeakyBucketLimiter } from '../../src/server/limits/leakyBucket';

function limiterWithClock(capacity = 100, restoreRate = 10) {
  const clock = { ms: 0 };
  const limiter = new LeakyBucketLimiter({ capacity, restoreRate, now: () => clock.ms });
  return { limiter, clock };
}

describe('LeakyBucketLimiter', () => {
  it('starts full and takes the cost', () => {
    const { limiter } = limiterWithClock();

    const result = limiter.take('a', 30);

    expect(result.allowed).toBe(true);
    expect(result.status).toEqual({
      maximumAvailable: 100,
      currentlyAvailable: 70,
      restoreRate: 10,
    });
  });

  it('rejects a cost above the points left', () => {
    const { limiter } = limiterWithClock();
    limiter.take('a', 95);

    const result = limiter.take('a', 20);

    expect(result.allowed).toBe(false);
    expect(result.status.currentlyAvailable).toBe(5);
    // 15 points missing at 10 per second: 1.5 s, rounded up to whole seconds.
    expect(result.allowed === false && result.retryAfterSeconds).toBe(2);
  });

  it('takes nothing when it rejects', () => {
    const { limiter } = limiterWithClock();
    limiter.take('a', 95);

    limiter.take('a', 20);

    expect(limiter.status('a').currentlyAvailable).toBe(5);
  });

  it('refills at the restore rate up to capacity', () => {
    const { limiter, clock } = limiterWithClock();
    limiter.take('a', 100);

    clock.ms = 2_500;
    expect(limiter.status('a').currentlyAvailable).toBe(25);

    clock.ms = 60_000;
    expect(limiter.status('a').currentlyAvailable).toBe(100);
  });

  it('accepts again once Retry-After has passed', () => {
    const { limiter, clock } = limiterWithClock();
    limiter.take('a', 90);
    const rejected = limiter.take('a', 50);
    expect(rejected.allowed).toBe(false);

    clock.ms = (rejected.allowed === false ? rejected.retryAfterSeconds : 0) * 1000;

    expect(limiter.take('a', 50).allowed).toBe(true);
  });

  it('keeps one bucket per client', () => {
    const { limiter } = limiterWithClock();
    limiter.take('a', 100);

    expect(limiter.take('b', 100).allowed).toBe(true);
    expect(limiter.take('a', 1).allowed).toBe(false);
  });

  it('refunds and charges within bounds', () => {
    const { limiter } = limiterWithClock();
    limiter.take('a', 60);

    expect(limiter.adjust('a', 30).currentlyAvailable).toBe(70);
    expect(limiter.adjust('a', 500).currentlyAvailable).toBe(100);
    expect(limiter.adjust('a', -500).currentlyAvailable).toBe(0);
  });

  it('forgets refilled buckets', () => {
    const { limiter, clock } = limiterWithClock();
    limiter.take('a', 50);

    clock.ms = 20_000;
    limiter.take('b', 1);

    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.has('a')).toBe(false);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new LeakyBucketLimiter({ capacity: 0, restoreRate: 1 })).toThrow(
      'capacity and restoreRate must be positive; received 0 and 1.',
    );
  });
});
