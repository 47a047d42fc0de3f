import { seededRandom } from "./random";
import type { Fault, FaultRule } from "./types";
import { assertFaultConfig } from "./validate";

export const DEFAULT_FAULT_SEED = 20211115;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

interface ActiveRule {
  readonly rule: FaultRule;
  /** Firings left; undefined = unlimited. */
  remaining: number | undefined;
}

export interface FaultInjectorOptions {
  /** Operation names a rule may target; typos are rejected instead of silently never firing. */
  operations?: readonly string[];
}

/**
 * Decides, per incoming call, whether the emulator should fail it and how. Pure: no I/O, no timers; the HTTP layer
 * turns the returned Fault into a response (or a dropped socket, or a delay).
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number = seededRandom(DEFAULT_FAULT_SEED);
  private seed = DEFAULT_FAULT_SEED;

  constructor(private readonly options: FaultInjectorOptions = {}) {}

  /** Replaces the whole configuration (counters and PRNG restart). Throws FaultConfigError on bad input. */
  configure(cfg: unknown): void {
    assertFaultConfig(cfg, this.options.operations);
    this.seed = cfg.seed ?? DEFAULT_FAULT_SEED;
    this.random = seededRandom(this.seed);
    this.rules = cfg.rules.map((rule) => ({ rule: { ...rule }, remaining: rule.count }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault to apply to this call of `operation`, or undefined to handle it normally. */
  next(operation: string): Fault | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      if (active.remaining === 0) continue;
      const rate = rule.rate ?? 1;
      // Drawing only for fractional rates keeps count-only and always-on rules from shifting the random sequence.
      if (rate < 1 && !(this.random() < rate)) continue;
      if (active.remaining !== undefined) active.remaining -= 1;
      return toFault(rule);
    }
    return undefined;
  }

  /** The configuration in force, with firings left per rule (for the admin surface). */
  state(): { seed: number; rules: (FaultRule & { remaining?: number })[] } {
    return {
      seed: this.seed,
      rules: this.rules.map(({ rule, remaining }) => (remaining === undefined ? { ...rule } : { ...rule, remaining })),
    };
  }
}

function toFault(rule: FaultRule): Fault {
  switch (rule.kind) {
    case "serviceUnavailable":
      return { kind: "serviceUnavailable", retryAfterSeconds: rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
    case "latency":
      // The configuration check requires ms for every latency rule.
      return { kind: "latency", ms: rule.ms ?? 0 };
    default:
      return { kind: rule.kind };
  }
}
