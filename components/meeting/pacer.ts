/**
 * Client-side pacing below the API's rate quota: calls of one operation leave at most `limit` per second, evenly
 * spaced (no burst), and the pace adapts to the service's answer: a throttled call halves that operation's rate,
 * every call that succeeds gives back a twentieth of the limit (additive increase, multiplicative decrease).
 * Chime SDK Meetings quotas are per operation and region:
 * https://docs.aws.amazon.com/general/latest/gr/chime-sdk.html
 */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The slowest pace adaptation goes to, as a share of the limit. */
const FLOOR_SHARE = 1 / 16;
const RECOVERY_SHARE = 1 / 20;

interface Lane {
  rate: number;
  /** Earliest time the next call of this operation may leave (clock ms). */
  next: number;
}

export interface PacerStats {
  /** Calls the service answered with throttling, per operation. */
  throttled: Record<string, number>;
  /** The current rate per operation (calls per second). */
  rates: Record<string, number>;
}

export class Pacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly throttledCalls: Record<string, number> = {};

  /** `limit` calls per second per key; 0 or less disables pacing. */
  constructor(
    readonly limit: number,
    private readonly clock: PacerClock = REAL_CLOCK,
  ) {}

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { rate: this.limit, next: 0 };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /** Resolves when a call of `key` may be sent; reserves its slot. */
  async acquire(key: string): Promise<void> {
    if (this.limit <= 0) return;
    const lane = this.lane(key);
    const now = this.clock.now();
    const slot = Math.max(now, lane.next);
    lane.next = slot + 1000 / lane.rate;
    if (slot > now) await this.clock.sleep(slot - now);
  }

  /** The call was throttled: halve the rate and push the next slot out by one new interval. */
  throttled(key: string): void {
    this.throttledCalls[key] = (this.throttledCalls[key] ?? 0) + 1;
    if (this.limit <= 0) return;
    const lane = this.lane(key);
    lane.rate = Math.max(this.limit * FLOOR_SHARE, lane.rate / 2);
    lane.next = Math.max(lane.next, this.clock.now() + 1000 / lane.rate);
  }

  succeeded(key: string): void {
    if (this.limit <= 0) return;
    const lane = this.lane(key);
    lane.rate = Math.min(this.limit, lane.rate + this.limit * RECOVERY_SHARE);
  }

  stats(): PacerStats {
    const rates: Record<string, number> = {};
    for (const [key, lane] of this.lanes) rates[key] = lane.rate;
    return { throttled: { ...this.throttledCalls }, rates };
  }
}
