import { inspect } from "node:util";
import { storedAttendees } from "../../components/meeting/stored-outputs";
import assert from "node:assert/strict";
import { MeetingPartialFailure } from "../../components/meeting/errors";
import type { MeetingInputs } from "../../components/meeting/types";
import { baseInputs } from "./helpers";
import { suiteProviderFixture } from "./emulator-fixture";

function people(n: number, prefix = "user"): { externalUserId: string }[] {
  return Array.from({ length: n }, (_, i) => ({ externalUserId: `${prefix}-${String(i).padStart(3, "0")}` }));
}

describe("Meeting provider create() against the emulator", function () {
  this.timeout(60_000);
  const f = suiteProviderFixture({ clearRequests: true });

  /** What the engine does: check() first (derives region and token), then create(). */
  async function checkThenCreate(inputs: MeetingInputs) {
    const checked = await f.provider.check({} as never, inputs);
    assert.deepEqual(checked.failures, []);
    return f.provider.create(checked.inputs!);
  }

  const counts: [number, string[]][] = [
    [0, ["CreateMeeting"]],
    [5, ["CreateMeetingWithAttendees"]],
    [25, ["CreateMeetingWithAttendees", "BatchCreateAttendee"]],
    [130, ["CreateMeetingWithAttendees", "BatchCreateAttendee", "BatchCreateAttendee"]],
  ];
  for (const [n, expected] of counts) {
    it(`creates a meeting with ${n} attendees in ${expected.length} API call(s)`, async () => {
      const { id, outs } = await checkThenCreate(baseInputs({ attendees: people(n) }));
      assert.deepEqual(await f.operations(), expected);
      assert.equal(outs?.meetingId, id);
      assert.equal(outs?.attendees.length, n);
      const [meeting] = await f.admin.listMeetings();
      assert.equal(meeting.meetingId, id);
      assert.equal(meeting.attendees.length, n);
    });
  }

  it("returns attendees in input order with ids, effective capabilities and join tokens", async () => {
    const attendees = [
      { externalUserId: "zoe-viewer", capabilities: { audio: "Receive" as const, video: "Receive" as const, content: "None" as const } },
      { externalUserId: "adam-host" },
    ];
    const { outs } = await checkThenCreate(baseInputs({ attendees, tags: { team: "comms" } }));
    assert.deepEqual(
      outs?.attendees.map((a) => a.externalUserId),
      ["zoe-viewer", "adam-host"],
    );
    assert.deepEqual(outs?.attendees[0].capabilities, { audio: "Receive", video: "Receive", content: "None" });
    assert.deepEqual(outs?.attendees[1].capabilities, { audio: "SendReceive", video: "SendReceive", content: "SendReceive" });
    for (const a of outs?.attendees ?? []) {
      assert.match(a.attendeeId, /^[0-9a-f-]{36}$/);
      assert.ok((a.joinToken ?? "").length >= 2);
    }
    assert.deepEqual(outs?.tags, { team: "comms" });
    assert.match(outs?.meetingArn ?? "", /^arn:aws:chime:us-east-1:123456789012:meeting\//);
    assert.equal(outs?.region, "us-east-1");
    assert.ok(outs?.mediaPlacement.signalingUrl);
  });

  it("returns the same meeting when a create is retried with the same inputs (idempotency token)", async () => {
    const inputs = baseInputs({ attendees: people(30) });
    const first = await checkThenCreate(inputs);
    const second = await checkThenCreate(inputs);
    assert.equal(second.id, first.id);
    assert.deepEqual(
      second.outs?.attendees.map((a) => a.attendeeId),
      first.outs?.attendees.map((a) => a.attendeeId),
    );
    assert.equal((await f.admin.listMeetings()).length, 1);
  });

  it("creates a new meeting after the old one with the same token has ended", async () => {
    const inputs = baseInputs();
    const first = await checkThenCreate(inputs);
    await f.admin.expireMeeting(first.id);
    const second = await checkThenCreate(inputs);
    assert.notEqual(second.id, first.id);
  });

  it("retries throttled calls with backoff and succeeds", async () => {
    await f.admin.setFaults({ rules: [{ operation: "CreateMeetingWithAttendees", kind: "throttle", count: 2 }] });
    const { id } = await checkThenCreate(baseInputs({ attendees: people(2) }));
    const log = (await f.admin.requests()).filter((r) => r.operation === "CreateMeetingWithAttendees").map((r) => r.status);
    assert.deepEqual(log, [429, 429, 200]);
    assert.equal((await f.admin.listMeetings())[0].meetingId, id);
  });

  it("retries server failures (5xx) too", async () => {
    await f.admin.setFaults({ rules: [{ operation: "CreateMeeting", kind: "serviceFailure", count: 1 }] });
    await checkThenCreate(baseInputs());
    const log = (await f.admin.requests()).filter((r) => r.operation === "CreateMeeting").map((r) => r.status);
    assert.deepEqual(log, [500, 200]);
  });

  it("keeps the meeting id and the created attendees when refused attendees fail the create", async () => {
    const checked = await f.provider.check({} as never, baseInputs({ attendees: people(3) }));
    // Bypasses check() for one attendee, as if the service had tightened a rule: the create must fail, not drop it.
    // The reserved prefix is a per-attendee error (a shape error, e.g. a 1-character id, would refuse the whole request).
    const inputs = { ...checked.inputs!, attendees: [...people(3), { externalUserId: "aws:x" }], __provider: "exports.handler = 1" };
    const err = await f.provider.create(inputs as MeetingInputs).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof MeetingPartialFailure, String(err));
    const [meeting] = await f.admin.listMeetings();
    assert.equal(err.id, meeting.meetingId);
    assert.equal(err.properties.meetingId, meeting.meetingId);
    assert.deepEqual(
      storedAttendees(err.properties.attendees).map((a) => a.externalUserId),
      ["user-000", "user-001", "user-002"],
    );
    assert.equal(err.properties.__provider, "exports.handler = 1");
    assert.match(err.message, /attendee "aws:x": BadRequest/);
    // Printed, the error shows no join token (the properties the host reads by name are not enumerable).
    const tokens = storedAttendees(err.properties.attendees).map((a) => a.joinToken!);
    const printed = [inspect(err, { depth: 10 }), JSON.stringify(err), String(err)].join("\n");
    for (const token of tokens) assert.ok(!printed.includes(token), "a join token is printed with the error");
  });

  it("keeps the meeting id when adding the later attendees fails after all retries", async () => {
    await f.admin.setFaults({ rules: [{ operation: "BatchCreateAttendee", kind: "throttle" }] });
    const checked = await f.provider.check({} as never, baseInputs({ attendees: people(25) }));
    const err = await f.provider.create(checked.inputs!).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof MeetingPartialFailure, String(err));
    const [meeting] = await f.admin.listMeetings();
    assert.equal(err.id, meeting.meetingId);
    assert.equal(err.properties.attendees.length, 20);
    assert.match(err.message, /ThrottlingException/);
  });

  it("reports the attendees of earlier batches when a later batch fails", async () => {
    await f.admin.setFaults({
      rules: [
        { operation: "BatchCreateAttendee", kind: "latency", ms: 1, count: 1 },
        { operation: "BatchCreateAttendee", kind: "serviceFailure" },
      ],
    });
    const checked = await f.provider.check({} as never, baseInputs({ attendees: people(150) }));
    const err = await f.provider.create(checked.inputs!).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof MeetingPartialFailure, String(err));
    assert.equal(err.properties.attendees.length, 120);
    assert.equal((await f.admin.listMeetings())[0].attendees.length, 120);
  });

  it("leaves nothing behind when the meeting itself cannot be created", async () => {
    await f.admin.setFaults({ rules: [{ operation: "CreateMeeting", kind: "throttle" }] });
    const checked = await f.provider.check({} as never, baseInputs());
    const err = await f.provider.create(checked.inputs!).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof Error && !(err instanceof MeetingPartialFailure), String(err));
    assert.deepEqual(await f.admin.listMeetings(), []);
  });
});
