/**
 * Vocabulary: each client has a bucket of cost points. A full bucket contains `capacity` points, and
 * it regains `restoreRate` points per second, never above capacity. An operation takes its
 * cost out of the bucket before it runs and is rejected when the bucket contains less. This is the
 * leaky bucket of Shopify's GraphQL Admin API, described from the side of the points left.
 */

/** Settings of a `LeakyBucketLimiter`. */
export interface LeakyBucketOptions {
  /** Points in a full bucket; also the most one operation can ever cost. */
  capacity: number;
  /** Points regained per second. */
  restoreRate: number;
  /** Clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}

/** A bucket's state after a charge or a look. */
export interface BucketStatus {
  /** Points in a full bucket. */
  maximumAvailable: number;
  /** Points left now, rounded down. */
  currentlyAvailable: number;
  /** Points regained per second. */
  restoreRate: number;
}

/** The outcome of `LeakyBucketLimiter.take`. */
export type TakeResult =
  | { allowed: true; status: BucketStatus }
  | { allowed: false; status: BucketStatus; retryAfterSeconds: number };

interface Bucket {
  available: number;
  updatedAt: number;
}

/**
 * Per-client cost buckets, kept in memory. Buckets that have refilled completely are dropped,
 * so memory grows only with the clients active in the last `capacity / restoreRate` seconds.
 */
export class LeakyBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: LeakyBucketOptions) {
    if (!(options.capacity > 0) || !(options.restoreRate > 0)) {
      throw new TypeError(
        `capacity and restoreRate must be positive; received ${options.capacity} and ${options.restoreRate}.`,
      );
    }
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Takes `cost` points from the client's bucket when it contains that many. Otherwise takes
   * nothing and returns the whole seconds after which the bucket will contain enough.
   */
  take(client: string, cost: number): TakeResult {
    const bucket = this.refill(client);
    if (bucket.available >= cost) {
      bucket.available -= cost;
      return { allowed: true, status: this.statusOf(bucket) };
    }
    const missing = cost - bucket.available;
    return {
      allowed: false,
      status: this.statusOf(bucket),
      retryAfterSeconds: Math.max(1, Math.ceil(missing / this.options.restoreRate)),
    };
  }

  /**
   * Returns `points` to the client's bucket (a refund when an operation cost less than it
   * requested) or, for a negative number, takes them, never below zero nor above capacity.
   */
  adjust(client: string, points: number): BucketStatus {
    const bucket = this.refill(client);
    bucket.available = Math.min(this.options.capacity, Math.max(0, bucket.available + points));
    return this.statusOf(bucket);
  }

  /** Returns the client's bucket without changing it. */
  status(client: string): BucketStatus {
    return this.statusOf(this.refill(client));
  }

  private refill(client: string): Bucket {
    const now = this.now();
    this.dropFullBuckets(now);
    let bucket = this.buckets.get(client);
    if (!bucket) {
      bucket = { available: this.options.capacity, updatedAt: now };
      this.buckets.set(client, bucket);
      return bucket;
    }
    const regained = ((now - bucket.updatedAt) / 1000) * this.options.restoreRate;
    bucket.available = Math.min(this.options.capacity, bucket.available + regained);
    bucket.updatedAt = now;
    return bucket;
  }

  private dropFullBuckets(now: number): void {
    if (now - this.lastSweep < 1000) {
      return;
    }
    this.lastSweep = now;
    // A bucket untouched for this long has refilled completely and equals a new one.
    const fullAfterMs = (this.options.capacity / this.options.restoreRate) * 1000;
    for (const [client, bucket] of this.buckets) {
      if (now - bucket.updatedAt >= fullAfterMs) {
        this.buckets.delete(client);
      }
    }
  }

  private statusOf(bucket: Bucket): BucketStatus {
    return {
      maximumAvailable: this.options.capacity,
      currentlyAvailable: Math.floor(bucket.available),
      restoreRate: this.options.restoreRate,
    };
  }
}
