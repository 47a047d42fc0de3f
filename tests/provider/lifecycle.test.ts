import { storedAttendees } from "../../components/meeting/stored-outputs";
import assert from "node:assert/strict";
import { MeetingPartialFailure } from "../../components/meeting/errors";
import type { AttendeeInputs, MeetingInputs, MeetingOutputs } from "../../components/meeting/types";
import { baseInputs } from "./helpers";
import { startProviderFixture, suiteProviderFixture } from "./emulator-fixture";

describe("Meeting provider read(), update() and delete() against the emulator", function () {
  this.timeout(60_000);
  const f = suiteProviderFixture();

  async function created(inputs: MeetingInputs): Promise<{ id: string; outs: MeetingOutputs }> {
    const checked = await f.provider.check({} as never, inputs);
    const { id, outs } = await f.provider.create(checked.inputs!);
    await f.admin.clearRequests();
    return { id, outs: outs! };
  }

  /** The engine's update path: check(old inputs, new) → diff → update. */
  async function updated(olds: MeetingOutputs, news: MeetingInputs): Promise<MeetingOutputs> {
    const checked = await f.provider.check(olds, news);
    assert.deepEqual(checked.failures, []);
    const diff = await f.provider.diff(olds.meetingId, olds, checked.inputs!);
    assert.deepEqual(diff.replaces, []);
    return (await f.provider.update(olds.meetingId, olds, checked.inputs!)).outs!;
  }

  const alice: AttendeeInputs = { externalUserId: "alice" };
  const bob: AttendeeInputs = { externalUserId: "bob-1" };

  describe("read()", () => {
    it("returns the meeting, all attendees (paginated), tags and matching inputs", async () => {
      const attendees = Array.from({ length: 120 }, (_, i) => ({ externalUserId: `viewer-${i}` }));
      const { id, outs } = await created(baseInputs({ attendees, tags: { team: "comms" } }));
      const result = await f.provider.read(id, outs);
      assert.equal(result.id, id);
      assert.equal(result.props?.attendees.length, 120);
      assert.deepEqual(
        result.props?.attendees.map((a) => a.attendeeId),
        outs.attendees.map((a) => a.attendeeId),
      );
      assert.deepEqual(result.props?.tags, { team: "comms" });
      // No GetMeeting (the meeting's own fields cannot change): the first attendee page, then the second and the
      // tags side by side (in any order).
      const [first, ...rest] = await f.operations();
      assert.equal(first, "ListAttendees");
      assert.deepEqual(rest.sort(), ["ListAttendees", "ListTagsForResource"]);
      const inputs = result.inputs as unknown as MeetingInputs;
      assert.equal(inputs.mediaRegion, "us-east-1");
      assert.equal(inputs.clientRequestToken, outs.clientRequestToken);
      assert.equal((await f.provider.diff(id, result.props, inputs)).changes, false);
    });

    it("reads a state without the meeting's media placement or ARN with GetMeeting first, and fills them in", async () => {
      const { id, outs } = await created(baseInputs({ attendees: [alice] }));
      const { mediaPlacement, meetingArn, ...older } = outs;
      const result = await f.provider.read(id, older as MeetingOutputs);
      assert.deepEqual([result.props?.mediaPlacement, result.props?.meetingArn], [mediaPlacement, meetingArn]);
      assert.deepEqual(await f.operations(), ["GetMeeting", "ListAttendees", "ListTagsForResource"]);
    });

    it("confirms an empty attendee list with GetMeeting, beside the tags", async () => {
      const { id, outs } = await created(baseInputs({ attendees: [] }));
      const result = await f.provider.read(id, outs);
      assert.deepEqual([result.props?.ended, result.props?.attendees], [undefined, []]);
      const [first, ...rest] = await f.operations();
      assert.equal(first, "ListAttendees");
      assert.deepEqual(rest.sort(), ["GetMeeting", "ListTagsForResource"]);
    });

    it("keeps the join tokens handed out at creation for attendees that still exist", async () => {
      const { id, outs } = await created(baseInputs({ attendees: [alice, bob] }));
      const state = { ...outs, attendees: outs.attendees.map((a, i) => (i === 0 ? { ...a, joinToken: "token-from-state" } : a)) };
      const result = await f.provider.read(id, state);
      assert.deepEqual(
        result.props?.attendees.map((a) => a.joinToken),
        ["token-from-state", outs.attendees[1].joinToken],
      );
    });

    it("reports tags and attendees changed outside Pulumi", async () => {
      const { id, outs } = await created(baseInputs({ attendees: [alice, bob], tags: { team: "comms" } }));
      await f.provider.update(id, outs, baseInputs({ ...outs, attendees: [alice], tags: {} }));
      const result = await f.provider.read(id, outs);
      assert.deepEqual(
        result.props?.attendees.map((a) => a.externalUserId),
        ["alice"],
      );
      assert.deepEqual(result.props?.tags, {});
    });

    it("keeps a meeting that has ended in the state, marked ended in its outputs and inputs, and reads it only once", async () => {
      const { id, outs } = await created(baseInputs());
      await f.admin.expireMeeting(id);
      const result = await f.provider.read(id, outs);
      assert.equal(result.id, id);
      assert.equal(result.props?.ended, true);
      assert.equal(result.props?.meetingId, id);
      assert.equal((result.inputs as unknown as MeetingInputs).ended, true);
      assert.equal((result.inputs as unknown as MeetingInputs).clientRequestToken, outs.clientRequestToken);
      assert.deepEqual(await f.operations(), ["ListAttendees"], "a meeting that is gone costs one call");
      const again = await f.provider.read(id, result.props);
      assert.deepEqual(again.props, result.props);
      assert.deepEqual(await f.operations(), ["ListAttendees"], "an ended meeting is not read again");
    });

    it("replaces an ended meeting with a new one created under a new ClientRequestToken (generation 1), the same on a retry", async () => {
      const { id, outs } = await created(baseInputs());
      await f.admin.expireMeeting(id);
      const ended = await f.provider.read(id, outs);
      // The engine's replacement: check over the stored state, diff, then check again with no old inputs for the create.
      const first = await f.provider.check(ended.inputs as unknown as MeetingInputs, baseInputs());
      assert.deepEqual(first.failures, []);
      const diff = await f.provider.diff(id, ended.props!, first.inputs!);
      assert.deepEqual([diff.changes, diff.replaces], [true, ["generation"]]);
      const checked = await f.provider.check({} as never, baseInputs());
      assert.deepEqual(checked.inputs, first.inputs);
      assert.equal(checked.inputs?.generation, 1);
      assert.equal(checked.inputs?.ended, undefined);
      assert.notEqual(checked.inputs?.clientRequestToken, outs.clientRequestToken);
      await f.provider.check(ended.inputs as unknown as MeetingInputs, baseInputs());
      const retried = await f.provider.check({} as never, baseInputs());
      assert.equal(
        retried.inputs?.clientRequestToken,
        checked.inputs?.clientRequestToken,
        "a retried replacement over the same state reuses the token",
      );
      const next = await f.provider.create(checked.inputs);
      assert.notEqual(next.id, id);
      assert.equal(next.outs?.generation, 1);
      assert.equal(next.outs?.ended, undefined);
      const replayed = await f.provider.create(retried.inputs!);
      assert.equal(replayed.id, next.id, "the same token returns the same meeting");
      assert.deepEqual(
        (await f.admin.listMeetings()).map((m) => m.meetingId),
        [next.id],
      );
      const settled = await f.provider.check(checked.inputs, baseInputs());
      assert.equal(settled.inputs?.clientRequestToken, checked.inputs?.clientRequestToken, "the live recreated meeting keeps its token");
      assert.equal((await f.provider.diff(next.id, next.outs, settled.inputs!)).changes, false);
    });
  });

  describe("update()", () => {
    it("changes tags in place with UntagResource and TagResource", async () => {
      const { outs } = await created(baseInputs({ tags: { team: "comms", event: "q3" } }));
      const next = await updated(outs, baseInputs({ tags: { team: "comms", owner: "sam" } }));
      assert.deepEqual(next.tags, { team: "comms", owner: "sam" });
      assert.deepEqual(await f.operations(), ["UntagResource", "TagResource"]);
      const [meeting] = await f.admin.listMeetings();
      assert.deepEqual(meeting.tags.map((t) => `${t.key}=${t.value}`).sort(), ["owner=sam", "team=comms"]);
      assert.equal(next.meetingId, outs.meetingId);
    });

    it("adds, removes and re-capabilities attendees in place, keeping the others' join tokens", async () => {
      const carol: AttendeeInputs = { externalUserId: "carol" };
      const { outs } = await created(baseInputs({ attendees: [alice, bob] }));
      const muted: AttendeeInputs = { externalUserId: "alice", capabilities: { audio: "Receive", video: "Receive", content: "Receive" } };
      const next = await updated(outs, baseInputs({ attendees: [muted, carol] }));
      assert.deepEqual((await f.operations()).sort(), ["BatchCreateAttendee", "DeleteAttendee", "UpdateAttendeeCapabilities"]);
      assert.deepEqual(
        next.attendees.map((a) => a.externalUserId),
        ["alice", "carol"],
      );
      assert.equal(next.attendees[0].attendeeId, outs.attendees[0].attendeeId);
      assert.equal(next.attendees[0].joinToken, outs.attendees[0].joinToken);
      assert.deepEqual(next.attendees[0].capabilities, muted.capabilities);
      assert.ok(next.attendees[1].joinToken);
      const [meeting] = await f.admin.listMeetings();
      assert.deepEqual(meeting.attendees.map((a) => a.externalUserId).sort(), ["alice", "carol"]);
      assert.deepEqual(meeting.attendees.find((a) => a.externalUserId === "alice")?.capabilities, muted.capabilities);
    });

    it("makes no API call when nothing changed in place", async () => {
      const { outs } = await created(baseInputs({ attendees: [alice], tags: { team: "comms" } }));
      await f.provider.update(outs.meetingId, outs, {
        ...baseInputs({ attendees: [alice], tags: { team: "comms" } }),
        region: "us-east-1",
      });
      assert.deepEqual(await f.operations(), []);
    });

    it("reports what was applied, with the meeting id, when an update fails part-way", async () => {
      const { outs } = await created(baseInputs({ attendees: [alice], tags: { team: "comms" } }));
      await f.admin.setFaults({ rules: [{ operation: "BatchCreateAttendee", kind: "serviceFailure" }] });
      const err = await updated(outs, baseInputs({ attendees: [alice, bob], tags: { team: "support" } })).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof MeetingPartialFailure, String(err));
      assert.equal(err.id, outs.meetingId);
      assert.deepEqual(err.properties.tags, { team: "support" });
      assert.deepEqual(
        storedAttendees(err.properties.attendees).map((a) => a.externalUserId),
        ["alice"],
      );
    });
  });

  describe("delete()", () => {
    it("deletes the meeting", async () => {
      const { id, outs } = await created(baseInputs());
      await f.provider.delete(id, outs);
      assert.deepEqual(await f.admin.listMeetings(), []);
    });

    it("deletes a meeting a refresh marked ended without an API call", async () => {
      const { id, outs } = await created(baseInputs());
      await f.admin.expireMeeting(id);
      const ended = await f.provider.read(id, outs);
      await f.admin.clearRequests();
      await f.provider.delete(id, ended.props!);
      assert.deepEqual(await f.operations(), []);
    });

    it("succeeds when the meeting is already gone", async () => {
      const { id, outs } = await created(baseInputs());
      await f.admin.expireMeeting(id);
      await f.provider.delete(id, outs);
      assert.deepEqual(await f.operations(), ["DeleteMeeting"]);
    });

    it("sends reads and deletes to the control region stored in the state", async () => {
      const { id, outs } = await created(baseInputs({ region: "us-west-2", mediaRegion: "us-west-2" }));
      const elsewhere = await startProviderFixture({ "chime-meetings:region": "us-east-1", "chime-meetings:endpoint": f.url });
      try {
        assert.equal((await elsewhere.provider.read(id, outs)).id, id);
        await elsewhere.provider.delete(id, outs);
        assert.deepEqual(await f.admin.listMeetings(), []);
      } finally {
        await elsewhere.close();
      }
    });
  });
});
