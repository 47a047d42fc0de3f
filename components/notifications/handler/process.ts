import type { EventAction } from "./attendance";
import { AttendanceLog } from "./attendance";
import type { DedupeStore } from "./dedupe";
import { InMemoryDedupeStore } from "./dedupe";
import { unwrapInvocation, isSqsInvocation } from "./envelopes";
import type { BatchResponse, IncomingRecord } from "./event";
import type { Logger } from "./logger";
import { jsonLogger } from "./logger";
import { parseChimeEvent } from "./parse";

export interface HandlerDependencies {
  /** @default a fresh InMemoryDedupeStore */
  dedupe?: DedupeStore;
  /** @default an AttendanceLog that logs each entry */
  action?: EventAction;
  /** @default JSON lines on stdout */
  logger?: Logger;
}

type RecordOutcome = "processed" | "duplicate" | "failed";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Handles every record of one invocation, in order, and names the failed ones. A failure is a record that cannot be
 * decoded or parsed, or whose action threw; it fails alone, so SQS redelivers only it (and then moves it to the DLQ).
 */
export function createEventProcessor(deps: HandlerDependencies = {}): (event: unknown) => Promise<BatchResponse> {
  const logger = deps.logger ?? jsonLogger();
  const dedupe = deps.dedupe ?? new InMemoryDedupeStore();
  const action = deps.action ?? new AttendanceLog((entry) => logger.log("info", "attendance", { ...entry }));

  async function processRecord(record: IncomingRecord): Promise<RecordOutcome> {
    const where = { itemIdentifier: record.itemIdentifier, channel: record.channel };
    if (!record.payload.ok) {
      logger.log("warn", "record rejected", { ...where, reason: record.payload.reason });
      return "failed";
    }
    const parsed = parseChimeEvent(record.payload.value);
    if (!parsed.ok) {
      logger.log("warn", "record rejected", { ...where, reason: parsed.reason });
      return "failed";
    }
    const { eventId, detail } = parsed.event;
    const about = { ...where, eventId, eventType: detail.eventType, meetingId: detail.meetingId };
    let claimed: boolean;
    try {
      claimed = await dedupe.claim(eventId);
    } catch (error) {
      logger.log("error", "dedupe store failed", { ...about, error: messageOf(error) });
      return "failed";
    }
    if (!claimed) {
      logger.log("info", "duplicate skipped", about);
      return "duplicate";
    }
    try {
      await action.handle(parsed.event);
    } catch (error) {
      logger.log("error", "action failed", { ...about, error: messageOf(error) });
      await dedupe
        .release(eventId)
        .catch((releaseError: unknown) => logger.log("error", "dedupe release failed", { ...about, error: messageOf(releaseError) }));
      return "failed";
    }
    logger.log("info", "event processed", about);
    return "processed";
  }

  return async (event) => {
    const batchItemFailures: BatchResponse["batchItemFailures"] = [];
    for (const record of unwrapInvocation(event)) {
      if ((await processRecord(record)) === "failed") batchItemFailures.push({ itemIdentifier: record.itemIdentifier });
    }
    return { batchItemFailures };
  };
}

/** Raised for SNS and EventBridge invocations with a failed record: Lambda then retries and routes to its DLQ. */
export class RejectedInvocationError extends Error {
  constructor(readonly failures: BatchResponse["batchItemFailures"]) {
    super(`Chime event handler rejected ${failures.length} record(s): ${failures.map((f) => f.itemIdentifier).join(", ")}`);
    this.name = "RejectedInvocationError";
  }
}

/**
 * The Lambda entry point. Only SQS event-source mappings read a partial batch response; for asynchronous
 * invocations (SNS, EventBridge, direct) a failure must be thrown to reach the retry and dead-letter path.
 */
export function createLambdaHandler(deps: HandlerDependencies = {}): (event: unknown) => Promise<BatchResponse> {
  const processEvent = createEventProcessor(deps);
  return async (event) => {
    const response = await processEvent(event);
    if (!isSqsInvocation(event) && response.batchItemFailures.length > 0) {
      throw new RejectedInvocationError(response.batchItemFailures);
    }
    return response;
  };
}
