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

  advance(seconds: number): void {
    if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new RangeError(`seconds: value ${seconds} must be a non-negative number`);
    this.offsetMs += seconds * 1000;
  }

  get advancedMs(): number {
    return this.offsetMs;
  }

  restoreAdvance(ms: number): void {
    this.offsetMs = ms;
  }
}
