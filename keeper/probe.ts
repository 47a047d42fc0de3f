// The cheap check of a round: one GetMeeting per meeting of the state, paced below the API's quota.
import { Pacer } from "./pacer";
import { jitteredDelay, sleep, summarizeError } from "./retry";
import type { StateMeeting } from "./state";

/** What the API says about one meeting: it answers (live) or NotFound (ended). Anything else is thrown. */
export type GetMeeting = (meeting: StateMeeting) => Promise<"live" | "ended">;

export interface ProbeOptions {
  getMeeting: GetMeeting;
  /** Calls started per second at most (GetMeeting's quota); @default 10 */
  requestsPerSecond?: number;
  /** Calls in flight at most; @default 5 */
  concurrency?: number;
  /** Attempts per meeting for throttling, 5xx and network errors; @default 5 */
  attempts?: number;
  /** First backoff ceiling; doubled per attempt up to `maxDelayMs`, the delay drawn at random below it. @default 250 */
  baseDelayMs?: number;
  /** @default 4000 */
  maxDelayMs?: number;
  random?: () => number;
  signal?: AbortSignal;
}

export interface ProbeReport {
  live: string[];
  ended: string[];
  /** Meetings whose state could not be learnt (retries exhausted, or an error another attempt cannot fix): never treated as ended. */
  unknown: { name: string; error: string }[];
  /** GetMeeting calls sent, retries included. */
  calls: number;
  /** Calls answered by throttling, a 5xx or a network error, then retried. */
  retried: number;
  ms: number;
}

const TRANSIENT_NAMES = new Set([
  "ThrottlingException",
  "ThrottledClientException",
  "TooManyRequestsException",
  "ServiceFailureException",
  "ServiceUnavailableException",
  "InternalServerError",
  "InternalFailure",
  "TimeoutError",
  "RequestTimeout",
]);

const NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up|timed? ?out/i;

/** Throttling, a 5xx, or no HTTP answer at all (reset, refused, timed out): worth another attempt. */
export function isTransientProbeError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name !== undefined && TRANSIENT_NAMES.has(e.name)) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status === 429 || status >= 500;
  return NETWORK.test(`${e.code ?? ""} ${e.message ?? ""}`);
}

/**
 * Probes every meeting: at most `concurrency` calls in flight and `requestsPerSecond` started per second;
 * transient failures are retried with jittered exponential backoff. A meeting is "ended" only when the API
 * said NotFound.
 */
export async function probeMeetings(meetings: Map<string, StateMeeting>, o: ProbeOptions): Promise<ProbeReport> {
  const started = Date.now();
  const pacer = new Pacer(o.requestsPerSecond ?? 10);
  const attempts = o.attempts ?? 5;
  const report: ProbeReport = { live: [], ended: [], unknown: [], calls: 0, retried: 0, ms: 0 };
  const queue = [...meetings];
  const probeOne = async (name: string, meeting: StateMeeting): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      await pacer.take(o.signal);
      report.calls++;
      try {
        const outcome = await o.getMeeting(meeting);
        (outcome === "ended" ? report.ended : report.live).push(name);
        return;
      } catch (err) {
        const transient = isTransientProbeError(err);
        if (!transient || attempt >= attempts || o.signal?.aborted) {
          report.unknown.push({ name, error: summarizeError(err) });
          return;
        }
        report.retried++;
        await sleep(jitteredDelay(attempt, o.baseDelayMs ?? 250, o.maxDelayMs ?? 4000, o.random), o.signal);
      }
    }
  };
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await probeOne(...next);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 5, queue.length)) }, worker));
  for (const list of [report.live, report.ended]) list.sort();
  report.unknown.sort((a, b) => a.name.localeCompare(b.name));
  report.ms = Date.now() - started;
  return report;
}
