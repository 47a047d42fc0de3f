/** Bounded retries with exponential backoff, and the errors worth naming. */

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Stops waiting (not the running attempt) when aborted. */
  signal?: AbortSignal;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  /** Errors that another attempt cannot fix (bad config): thrown at once. */
  isPermanent?: (err: unknown) => boolean;
}

export function backoffDelay(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** (attempt - 1));
}

/** "Full jitter": a random delay up to the exponential backoff, so that many callers retrying at once spread out. */
export function jitteredDelay(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  return Math.round(random() * backoffDelay(attempt, base, max));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

export async function withRetry<T>(fn: () => Promise<T>, o: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= o.attempts || o.isPermanent?.(err) || o.signal?.aborted) throw err;
      const delay = backoffDelay(attempt, o.baseDelayMs, o.maxDelayMs);
      o.onRetry?.(err, attempt, delay);
      await sleep(delay, o.signal);
      if (o.signal?.aborted) throw err;
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * "the stack is currently locked" (file backend) or "Another update is currently in progress" (Pulumi
 * Cloud): another update owns the stack. Never break such a lock; wait and try again.
 */
export function isStackLocked(err: unknown): boolean {
  const name = typeof err === "object" && err !== null ? (err as { name?: unknown }).name : undefined;
  return name === "ConcurrentUpdateError" || /stack is currently locked|another update is currently in progress/i.test(messageOf(err));
}

/** One line about who holds the lock, from the CLI's message (`created by user@host (pid N) at time`). */
export function lockHolder(err: unknown): string {
  const m = /created by ([^\s]+) \(pid (\d+)\) at ([^\s]+)/.exec(messageOf(err));
  return m ? `held by ${m[1]}, pid ${m[2]}, since ${m[3]}` : "held by another update";
}

/** The useful part of a CLI failure: the `error:` lines, else the last lines, never the whole log. */
export function summarizeError(err: unknown): string {
  const text = messageOf(err);
  const errors = text
    .split("\n")
    .map((l) => /\berror: .*/i.exec(l)?.[0].trim())
    .filter((l): l is string => l !== undefined);
  const lines =
    errors.length > 0
      ? errors
      : text
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .slice(-3);
  return [...new Set(lines)].join(" | ").slice(0, 800);
}
