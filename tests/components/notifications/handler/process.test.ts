import assert from "node:assert/strict";
import type { ChimeMeetingEvent } from "../../../../components/notifications/handler/event";
import type { EventAction } from "../../../../components/notifications/handler/attendance";
import { jsonLogger } from "../../../../components/notifications/handler/logger";
import { createEventProcessor, createLambdaHandler, RejectedInvocationError } from "../../../../components/notifications/handler/process";
import type { DedupeStore } from "../../../../components/notifications/handler/dedupe";
import { InMemoryDedupeStore } from "../../../../components/notifications/handler/dedupe";
import { ALL_EVENT_TYPES, CHANNELS, invocation, memoryLog, sampleEvent, sqsRecord } from "./fixtures";

/** Records what reached the business action. */
class RecordingAction implements EventAction {
  readonly handled: ChimeMeetingEvent[] = [];
  failNext = 0;
  handle(event: ChimeMeetingEvent): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error("downstream unavailable"));
    }
    this.handled.push(event);
    return Promise.resolve();
  }
}

function setup() {
  const action = new RecordingAction();
  const log = memoryLog();
  const deps = { action, dedupe: new InMemoryDedupeStore(), logger: jsonLogger(log.write) };
  return { action, log, process: createEventProcessor(deps), lambda: createLambdaHandler(deps) };
}

describe("Chime event handler", () => {
  for (const channel of CHANNELS) {
    describe(`through ${channel}`, () => {
      for (const type of ALL_EVENT_TYPES) {
        it(`hands a ${type} event to the action once, with its typed detail`, async () => {
          const { action, process } = setup();
          const event = sampleEvent(type);
          assert.deepEqual(await process(invocation(channel, [event])), { batchItemFailures: [] });
          assert.equal(action.handled.length, 1);
          assert.equal(action.handled[0].eventId, event.id);
          assert.deepEqual(action.handled[0].detail, event.detail);
        });
      }
    });
  }

  for (const channel of ["sqs", "sqs+sns", "sns"] as const) {
    it(`fails only the malformed records of a ${channel} batch`, async () => {
      const { action, process } = setup();
      const good1 = sampleEvent("chime:AttendeeJoined");
      const bad = { ...sampleEvent("chime:AttendeeLeft"), detail: { eventType: "chime:AttendeeLeft" } };
      const good2 = sampleEvent("chime:MeetingEnded");
      const response = await process(invocation(channel, [good1, bad, good2]));
      const badId = channel === "sqs" || channel === "sqs+sns" ? "msg-1" : "sns-1";
      assert.deepEqual(response, { batchItemFailures: [{ itemIdentifier: badId }] });
      assert.deepEqual(
        action.handled.map((e) => e.eventId),
        [good1.id, good2.id],
      );
    });
  }

  it("fails an SQS record whose body is not JSON, and one that is not an SQS or SNS record", async () => {
    const { action, process } = setup();
    const event = sampleEvent("chime:AttendeeAdded");
    const response = await process({
      Records: [sqsRecord("{not json", "broken"), sqsRecord(JSON.stringify(event), "fine"), { eventSource: "aws:kinesis" }],
    });
    assert.deepEqual(response, { batchItemFailures: [{ itemIdentifier: "broken" }, { itemIdentifier: "record-2" }] });
    assert.equal(action.handled.length, 1);
  });

  it("delivers a duplicate once, within a batch and across invocations and channels", async () => {
    const { action, process, log } = setup();
    const event = sampleEvent("chime:AttendeeJoined");
    assert.deepEqual(await process(invocation("sqs", [event, event])), { batchItemFailures: [] });
    assert.deepEqual(await process(invocation("sqs+sns", [event])), { batchItemFailures: [] });
    assert.deepEqual(await process(invocation("eventbridge", [event])), { batchItemFailures: [] });
    assert.equal(action.handled.length, 1);
    assert.equal(log.entries().filter((e) => e.message === "duplicate skipped").length, 3);
  });

  it("fails a record whose action throws and handles it when it is redelivered", async () => {
    const { action, process } = setup();
    const event = sampleEvent("chime:AttendeeLeft");
    action.failNext = 1;
    assert.deepEqual(await process(invocation("sqs", [event])), { batchItemFailures: [{ itemIdentifier: "msg-0" }] });
    assert.deepEqual(await process(invocation("sqs", [event])), { batchItemFailures: [] });
    assert.deepEqual(
      action.handled.map((e) => e.eventId),
      [event.id],
    );
  });

  it("fails only the record whose dedupe claim throws, leaving the action untouched", async () => {
    const action = new RecordingAction();
    const log = memoryLog();
    const [first, second] = [sampleEvent("chime:AttendeeJoined"), sampleEvent("chime:AttendeeLeft")];
    const flaky: DedupeStore = {
      claim: (id) => (id === first.id ? Promise.reject(new Error("store unreachable")) : Promise.resolve(true)),
      release: () => Promise.resolve(),
    };
    const process = createEventProcessor({ action, dedupe: flaky, logger: jsonLogger(log.write) });
    assert.deepEqual(await process(invocation("sqs", [first, second])), { batchItemFailures: [{ itemIdentifier: "msg-0" }] });
    assert.deepEqual(
      action.handled.map((e) => e.eventId),
      [second.id],
    );
    assert.equal(log.entries()[0].message, "dedupe store failed");
    assert.equal(log.entries()[0].error, "store unreachable");
  });

  it("returns a partial batch response to SQS but throws for asynchronous invocations with a failure", async () => {
    const { lambda } = setup();
    const bad = { source: "aws.chime", "detail-type": "Chime Meeting State Change", id: "evt-bad", detail: {} };
    assert.deepEqual(await lambda(invocation("sqs", [bad])), { batchItemFailures: [{ itemIdentifier: "msg-0" }] });
    await assert.rejects(
      lambda(invocation("eventbridge", [bad])),
      (error: unknown) => error instanceof RejectedInvocationError && error.message === "Chime event handler rejected 1 record(s): evt-bad",
    );
    await assert.rejects(lambda(invocation("sns", [bad])), RejectedInvocationError);
    assert.deepEqual(await lambda(invocation("sns", [sampleEvent("chime:MeetingStarted")])), { batchItemFailures: [] });
  });

  it("writes one JSON log line per record naming the event but not the external user id", async () => {
    const { process, log } = setup();
    const event = sampleEvent("chime:AttendeeJoined");
    await process(invocation("sqs", [event, { source: "aws.s3" }]));
    assert.deepEqual(
      log.entries().map((e) => [e.level, e.message]),
      [
        ["info", "event processed"],
        ["warn", "record rejected"],
      ],
    );
    const processed = log.entries()[0];
    assert.deepEqual(
      { ...processed, time: undefined },
      {
        level: "info",
        time: undefined,
        message: "event processed",
        itemIdentifier: "msg-0",
        channel: "sqs",
        eventId: event.id,
        eventType: "chime:AttendeeJoined",
        meetingId: event.detail.meetingId,
      },
    );
    assert.equal(log.lines.join("\n").includes("user-0001"), false);
    assert.equal(log.entries()[1].reason, 'source: value "aws.s3" must be "aws.chime"');
  });
});
