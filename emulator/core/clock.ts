import { echoValue } from "../../chime/violation";

/** Largest admin clock offset: far beyond any test, far below what breaks Date (±8.64e15 ms). */
export const MAX_CLOCK_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000;

/**
 * The emulator's notion of "now", in epoch milliseconds: real time scaled by `speed`, plus whatever the
 * admin API has advanced. Only the advanced offset is persisted; the scaled part restarts with the process.
 */
export class Clock {
  private readonly realStart = Date.now();
  private offsetMs = 0;

  constructor(private readonly speed = 1) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`clockSpeed: value ${speed} must be a positive number`);
  }

  now(): number {
    const real = Date.now();
    return this.speed === 1 ? real + this.offsetMs : this.realStart + (real - this.realStart) * this.speed + this.offsetMs;
  }

  /**
   * The offset after advancing by `seconds`, without applying it (the caller journals it first). The total is
   * bounded so that "now" stays a valid date for timers, events and every restart.
   */
  advancedAfter(seconds: unknown): number {
    const room = (MAX_CLOCK_OFFSET_MS - this.offsetMs) / 1000;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || seconds > room) {
      throw new RangeError(
        `seconds: value ${echoValue(seconds)} must be a number from 0 to ${Math.floor(room)} ` +
          `(the emulator clock advances at most ${MAX_CLOCK_OFFSET_MS / 1000} seconds in total)`,
      );
    }
    return this.offsetMs + Math.round(seconds * 1000);
  }

  get advancedMs(): number {
    return this.offsetMs;
  }

  restoreAdvance(ms: number): void {
    this.offsetMs = ms;
  }
}
