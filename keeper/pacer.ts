import { sleep } from "./retry";

// One second plus a margin: calls started exactly 1 s apart can arrive less than 1 s apart.
const WINDOW_MS = 1050;

/**
 * At most `perSecond` calls start in any one-second window: the Chime SDK Meetings API's rate quotas are per
 * operation per second (https://docs.aws.amazon.com/chime-sdk/latest/dg/quotas-throttling.html), and a token
 * bucket with a burst would send up to twice the rate in the first second.
 */
export class Pacer {
  private readonly starts: number[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
  ) {
    if (!Number.isFinite(perSecond) || perSecond <= 0) throw new RangeError(`perSecond: value ${perSecond} must be a positive number`);
  }

  /** Resolves when one more call may start (at once while the window has room). */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock();
      while (this.starts.length > 0 && now - this.starts[0] >= WINDOW_MS) this.starts.shift();
      if (this.starts.length < this.perSecond || signal?.aborted) {
        this.starts.push(now);
        return;
      }
      await sleep(WINDOW_MS - (now - this.starts[0]), signal);
    }
  }
}
