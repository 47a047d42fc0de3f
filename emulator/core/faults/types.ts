/** One injected failure, decided per request before the operation runs. */
export type Fault =
  | { kind: "throttle" } // 429 ThrottlingException
  | { kind: "serviceFailure" } // 500 ServiceFailureException
  | { kind: "serviceUnavailable"; retryAfterSeconds: number } // 503 ServiceUnavailableException + Retry-After
  | { kind: "drop" } // socket closed without a response
  | { kind: "latency"; ms: number }; // delay, then handle the request normally

export type FaultKind = Fault["kind"];

export const FAULT_KINDS: readonly FaultKind[] = ["throttle", "serviceFailure", "serviceUnavailable", "drop", "latency"];

/**
 * A rule fires for matching calls (one operation, or every operation when `operation` is omitted):
 * with probability `rate` (default 1), and at most `count` times (default unlimited). Rules are tried in order;
 * the first that fires wins.
 */
export interface FaultRule {
  /** API operation name, e.g. "CreateMeeting". Omit to match every operation. */
  operation?: string;
  kind: FaultKind;
  /** Probability from 0 to 1 that a matching call fails; default 1. */
  rate?: number;
  /** Fire only for the next N matching calls (N >= 1); default unlimited. */
  count?: number;
  /** serviceUnavailable only: value of the Retry-After header in whole seconds; default 1. */
  retryAfterSeconds?: number;
  /** latency only (required): delay in milliseconds. */
  ms?: number;
}

export interface FaultConfig {
  rules: FaultRule[];
  /** Seed of the PRNG behind `rate`, so a run can be replayed; default a fixed seed. */
  seed?: number;
}
