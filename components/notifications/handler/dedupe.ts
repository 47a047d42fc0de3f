/**
 * Remembers which events were handled, so a redelivery (SQS at-least-once, or the same event arriving through the
 * queue and the topic) runs the action once. `claim` must be atomic in shared stores (e.g. a conditional put).
 */
export interface DedupeStore {
  /** True when this call is the first to claim the id (the caller should handle the event). */
  claim(eventId: string): Promise<boolean>;
  /** Forget a claim whose handling failed, so a retry can handle the event. */
  release(eventId: string): Promise<void>;
}

export interface InMemoryDedupeOptions {
  /** How long a handled id is remembered. @default 24 h (the longest a meeting lives) */
  ttlMs?: number;
  /** Oldest ids are forgotten beyond this many. @default 10000 */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Per-process store: it deduplicates within one warm Lambda environment only. Use a shared store (DynamoDB, Redis)
 * where concurrent environments may receive the same event.
 */
export class InMemoryDedupeStore implements DedupeStore {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: InMemoryDedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  claim(eventId: string): Promise<boolean> {
    return Promise.resolve(this.claimNow(eventId));
  }

  release(eventId: string): Promise<void> {
    this.seen.delete(eventId);
    return Promise.resolve();
  }

  private claimNow(eventId: string): boolean {
    const now = this.now();
    const claimedAt = this.seen.get(eventId);
    if (claimedAt !== undefined && now - claimedAt < this.ttlMs) return false;
    this.seen.delete(eventId);
    this.seen.set(eventId, now);
    this.evictOldest();
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Map iteration follows insertion order, so the first keys are the oldest claims. */
  private evictOldest(): void {
    for (const key of this.seen.keys()) {
      if (this.seen.size <= this.maxEntries) return;
      this.seen.delete(key);
    }
  }
}
