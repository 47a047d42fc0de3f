/**
 * Opt-in request rate quotas, as the service enforces them: a token bucket per API operation, account and
 * control region, `perSecond` tokens refilled each second and holding at most `perSecond` (one second of burst).
 * A call that finds its bucket empty is answered 429 ThrottlingException and served nothing. The service
 * documents its quotas per operation and region (docs/API-NOTES.md#quotas-and-throttling);
 * the bucket shape and the burst size are this emulator's choice (docs/EMULATOR.md).
 */
interface Bucket {
  tokens: number;
  /** Clock ms of the last refill. */
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private refused = 0;

  constructor(
    readonly perSecond: number,
    private readonly accountId: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isFinite(perSecond) || perSecond <= 0) throw new RangeError(`rateLimit: value ${perSecond} must be a number above 0`);
  }

  /** Takes a token for one call; false when the caller must be throttled. */
  take(region: string, operation: string): boolean {
    const key = `${this.accountId}/${region}/${operation}`;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.perSecond, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.refused += 1;
      return false;
    }
    bucket.tokens -= 1;
    return true;
  }

  /** Calls refused so far (all operations). */
  throttledCount(): number {
    return this.refused;
  }
}
