import type { ChimeEventDetail } from "../../../chime/events";

/** A validated meeting event, whichever channel (SQS, SNS, EventBridge) delivered it. */
export interface ChimeMeetingEvent<D extends ChimeEventDetail = ChimeEventDetail> {
  /** The envelope `id` when the payload has one, else a fingerprint of the detail; the idempotency key. */
  eventId: string;
  /** Envelope fields; direct SQS/SNS deliveries are documented as "the same payload" but may lack them. */
  account?: string;
  region?: string;
  time?: string;
  detail: D;
}

/** Where a record came from, for logs. "sqs+sns" is an SNS notification read from a subscribed queue. */
export type DeliveryChannel = "sqs" | "sns" | "sqs+sns" | "eventbridge";

/** One delivery unit: an SQS message, an SNS record or a whole EventBridge event. */
export interface IncomingRecord {
  /** What a partial batch response names: the SQS messageId, SNS MessageId or EventBridge id. */
  itemIdentifier: string;
  channel: DeliveryChannel;
  /** The decoded payload, or why it could not be decoded. */
  payload: { ok: true; value: unknown } | { ok: false; reason: string };
}

/** The Lambda partial batch response (functionResponseTypes: ReportBatchItemFailures). */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}
