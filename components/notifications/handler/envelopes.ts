import { isObject } from "../../../chime/checks";
import type { DeliveryChannel, IncomingRecord } from "./event";

type Json = Record<string, unknown>;

function decode(text: unknown, what: string): IncomingRecord["payload"] {
  if (typeof text !== "string") return { ok: false, reason: `${what} is not a string` };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false, reason: `${what} is not valid JSON` };
  }
}

/** An SNS notification as SQS stores it when raw message delivery is off. */
function isSnsNotification(value: unknown): value is Json & { Message: string } {
  return isObject(value) && value.Type === "Notification" && typeof value.Message === "string";
}

function fromSqsRecord(record: Json, index: number): IncomingRecord {
  const itemIdentifier = typeof record.messageId === "string" ? record.messageId : `record-${index}`;
  const body = decode(record.body, "SQS message body");
  if (body.ok && isSnsNotification(body.value)) {
    return { itemIdentifier, channel: "sqs+sns", payload: decode(body.value.Message, "SNS Message") };
  }
  return { itemIdentifier, channel: "sqs", payload: body };
}

function fromSnsRecord(record: Json, index: number): IncomingRecord {
  const sns = isObject(record.Sns) ? record.Sns : {};
  const itemIdentifier = typeof sns.MessageId === "string" ? sns.MessageId : `record-${index}`;
  return { itemIdentifier, channel: "sns", payload: decode(sns.Message, "SNS Message") };
}

function unknownRecord(index: number, channel: DeliveryChannel, reason: string): IncomingRecord {
  return { itemIdentifier: `record-${index}`, channel, payload: { ok: false, reason } };
}

/**
 * Splits a Lambda invocation payload into delivery records: SQS and SNS events carry `Records`; an EventBridge
 * target (or a direct invocation) receives the event itself.
 */
export function unwrapInvocation(event: unknown): IncomingRecord[] {
  if (isObject(event) && Array.isArray(event.Records)) {
    return event.Records.map((record: unknown, index: number) => {
      if (isObject(record) && record.eventSource === "aws:sqs") return fromSqsRecord(record, index);
      if (isObject(record) && record.EventSource === "aws:sns") return fromSnsRecord(record, index);
      return unknownRecord(index, "sqs", "record is neither an SQS message nor an SNS notification");
    });
  }
  const itemIdentifier = isObject(event) && typeof event.id === "string" ? event.id : "event";
  return [{ itemIdentifier, channel: "eventbridge", payload: { ok: true, value: event } }];
}

/** True for an SQS event-source-mapping invocation, the only one where a partial batch response counts. */
export function isSqsInvocation(event: unknown): boolean {
  return (
    isObject(event) &&
    Array.isArray(event.Records) &&
    event.Records.length > 0 &&
    event.Records.every((r: unknown) => isObject(r) && r.eventSource === "aws:sqs")
  );
}
