// Import of a running meeting by its MeetingId: read() without prior state reads the meeting, its attendees and
// tags from the API, and returns inputs such that the program declaring the same meeting diffs as no change.
import assert from "node:assert/strict";
import { ChimeSDKMeetingsClient, CreateMeetingWithAttendeesCommand } from "@aws-sdk/client-chime-sdk-meetings";
import type { MeetingInputs, MeetingOutputs } from "../../components/meeting/types";
import { startProviderFixture, type ProviderFixture } from "./emulator-fixture";
import { meetingCreatedOutsidePulumi } from "../support/meetings";

describe("Meeting provider import: read() of a meeting created outside Pulumi", function () {
  this.timeout(60_000);
  let f: ProviderFixture;
  let client: ChimeSDKMeetingsClient;
  let meetingId: string;

  before(async () => {
    f = await startProviderFixture();
    client = new ChimeSDKMeetingsClient({
      region: "us-east-1",
      endpoint: f.url,
      maxAttempts: 1,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const res = await client.send(new CreateMeetingWithAttendeesCommand(meetingCreatedOutsidePulumi("created-outside-pulumi-1")));
    meetingId = res.Meeting!.MeetingId!;
  });

  after(async () => {
    client?.destroy();
    await f?.close();
  });

  /** What a program declaring the same meeting passes (the Meeting class adds the seed). */
  const declared = (): MeetingInputs => ({
    mediaRegion: "eu-central-1",
    externalMeetingId: "adopted-townhall",
    idempotencySeed: "chime-meetings/test/adopted",
    meetingFeatures: { video: { maxResolution: "FHD" }, attendee: { maxCount: 20 } },
    tags: { team: "comms" },
    attendees: [
      { externalUserId: "host-sam" },
      { externalUserId: "viewer-alex", capabilities: { audio: "Receive", video: "Receive", content: "Receive" } },
    ],
  });

  it("reads the meeting, its attendees (with their join tokens as listed) and its tags in the configured region", async () => {
    const result = await f.provider.read(meetingId, undefined);
    assert.equal(result.id, meetingId);
    const props = result.props!;
    assert.deepEqual(
      [props.region, props.mediaRegion, props.externalMeetingId, props.meetingArn, props.tags],
      ["us-east-1", "eu-central-1", "adopted-townhall", `arn:aws:chime:eu-central-1:123456789012:meeting/${meetingId}`, { team: "comms" }],
    );
    assert.deepEqual(props.meetingFeatures, { video: { maxResolution: "FHD" }, attendee: { maxCount: 20 } });
    assert.deepEqual(
      props.attendees.map((a) => [a.externalUserId, a.capabilities.audio, typeof a.joinToken]),
      [
        ["host-sam", "SendReceive", "string"],
        ["viewer-alex", "Receive", "string"],
      ],
    );
    assert.ok(props.mediaPlacement.audioHostUrl);
    assert.equal(props.clientRequestToken, undefined, "the original ClientRequestToken cannot be read back");
  });

  it("returns inputs that make the same declaration check and diff as no change", async () => {
    const result = await f.provider.read(meetingId, undefined);
    const olds = result.inputs as unknown as MeetingInputs;
    const checked = await f.provider.check(olds, declared());
    assert.deepEqual(checked.failures, []);
    const diff = await f.provider.diff(meetingId, result.props!, checked.inputs!);
    assert.deepEqual(diff, { changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("sees a changed declaration as the change it is: another tag is an update, another media region a replacement", async () => {
    const result = await f.provider.read(meetingId, undefined);
    const olds = result.inputs as unknown as MeetingInputs;
    const tagged = await f.provider.check(olds, { ...declared(), tags: { team: "comms", phase: "two" } });
    assert.deepEqual(await f.provider.diff(meetingId, result.props!, tagged.inputs!), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const moved = await f.provider.check(olds, { ...declared(), mediaRegion: "us-east-1" });
    assert.deepEqual((await f.provider.diff(meetingId, result.props!, moved.inputs!)).replaces, ["mediaRegion"]);
  });

  it("answers an import of a MeetingId that does not exist with an empty result", async () => {
    assert.deepEqual(await f.provider.read("00000000-0000-4000-8000-000000000000", undefined as unknown as MeetingOutputs), {});
  });

  describe("adoption through the import resource option (create with adoptMeetingId)", () => {
    it("adopts the running meeting without a create call, applying a declared extra tag in place", async () => {
      const checked = await f.provider.check(
        {} as MeetingInputs,
        { ...declared(), tags: { team: "comms", phase: "two" }, adoptMeetingId: meetingId } as MeetingInputs,
      );
      assert.deepEqual(checked.failures, []);
      await f.admin.clearRequests();
      const created = await f.provider.create(checked.inputs!);
      assert.equal(created.id, meetingId);
      assert.deepEqual(created.outs!.tags, { team: "comms", phase: "two" });
      assert.equal(created.outs!.clientRequestToken, checked.inputs!.clientRequestToken);
      const writes = (await f.admin.requests())
        .filter((r) => r.method !== "GET" && r.operation !== "ListTagsForResource")
        .map((r) => r.operation);
      assert.deepEqual(writes, ["TagResource"]);
    });

    it("refuses to adopt a meeting whose create-only inputs differ from the declaration, naming each", async () => {
      const checked = await f.provider.check(
        {} as MeetingInputs,
        { ...declared(), mediaRegion: "us-east-1", adoptMeetingId: meetingId } as MeetingInputs,
      );
      await assert.rejects(f.provider.create(checked.inputs!), (err: Error) => {
        assert.equal(
          err.message,
          `import: meeting ${meetingId} differs from the declaration in create-only inputs, which only a replacement can change ` +
            '(mediaRegion: live "eu-central-1", declared "us-east-1"); declare the live values to import it',
        );
        return true;
      });
    });

    it("fails check() for an import id that is not a MeetingId, and forgets the id once the resource has state", async () => {
      const bad = await f.provider.check({} as MeetingInputs, { ...declared(), adoptMeetingId: "not-a-meeting" } as MeetingInputs);
      assert.deepEqual(bad.failures, [
        { property: "adoptMeetingId", reason: 'import: value "not-a-meeting" must be a MeetingId (a GUID)' },
      ]);
      const later = await f.provider.check(declared(), { ...declared(), adoptMeetingId: meetingId } as MeetingInputs);
      assert.equal("adoptMeetingId" in later.inputs!, false);
    });
  });
});
