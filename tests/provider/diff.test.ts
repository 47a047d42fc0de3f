import assert from "node:assert/strict";
import { UNKNOWN } from "../../components/meeting/unknown";
import { attendee, baseInputs, configuredProvider, stateFor } from "./helpers";

const ID = "11111111-2222-3333-4444-555555555555";

describe("Meeting provider diff()", () => {
  const olds = stateFor(baseInputs({ region: "us-east-1", tags: { team: "comms" }, clientRequestToken: "pulumi-abc" }), [
    attendee("alice", "a1"),
    attendee("bob1", "b1"),
  ]);
  const news = (overrides: Record<string, unknown> = {}) => ({
    ...baseInputs({
      region: "us-east-1",
      tags: { team: "comms" },
      clientRequestToken: "pulumi-abc",
      attendees: [{ externalUserId: "alice" }, { externalUserId: "bob1" }],
    }),
    ...overrides,
  });

  it("reports no change when nothing changed", async () => {
    const provider = await configuredProvider();
    assert.deepEqual(await provider.diff(ID, olds, news()), { changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces a meeting a refresh marked ended, naming generation as the reason", async () => {
    const provider = await configuredProvider();
    assert.deepEqual(await provider.diff(ID, { ...olds, ended: true }, news({ generation: 1 })), {
      changes: true,
      replaces: ["generation"],
      deleteBeforeReplace: false,
    });
  });

  it("reports no change when only the provider's own code changed", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(
      ID,
      { ...olds, __provider: "exports.handler = old" } as never,
      { ...news(), __provider: "exports.handler = new" } as never,
    );
    assert.equal(result.changes, false);
  });

  it("updates in place without replacing when only tags change", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(ID, olds, news({ tags: { team: "comms", event: "q4" } }));
    assert.deepEqual(result, { changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces the meeting when the media region changes", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(ID, olds, news({ mediaRegion: "eu-central-1" }));
    assert.deepEqual(result, { changes: true, replaces: ["mediaRegion"], deleteBeforeReplace: false });
  });

  it("replaces the meeting when the control region changes", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(ID, olds, news({ region: "us-west-2" }));
    assert.deepEqual(result.replaces, ["region"]);
  });

  it("compares an omitted region with the configured default region", async () => {
    const provider = await configuredProvider({ "chime-meetings:region": "us-west-2" });
    const result = await provider.diff(ID, olds, news({ region: undefined }));
    assert.deepEqual(result.replaces, ["region"]);
  });

  it("lists every changed create-only field in replaces", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(
      ID,
      olds,
      news({ externalMeetingId: "other", tenantIds: ["tenant-a"], meetingFeatures: { audio: { echoReduction: "AVAILABLE" } } }),
    );
    assert.deepEqual(result.replaces, ["externalMeetingId", "meetingFeatures", "tenantIds"]);
  });

  it("treats the service's echo of default features as no change", async () => {
    const provider = await configuredProvider();
    const echoed = {
      ...olds,
      meetingFeatures: { video: { maxResolution: "HD" as const }, content: { maxResolution: "FHD" as const } },
      tenantIds: [],
    };
    assert.equal((await provider.diff(ID, echoed, news())).changes, false);
  });

  it("updates in place when an attendee is added", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(
      ID,
      olds,
      news({ attendees: [{ externalUserId: "alice" }, { externalUserId: "bob1" }, { externalUserId: "carol" }] }),
    );
    assert.deepEqual(result, { changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("updates in place when an attendee is removed", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(ID, olds, news({ attendees: [{ externalUserId: "alice" }] }));
    assert.deepEqual(result, { changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("updates in place when an attendee's capabilities change", async () => {
    const provider = await configuredProvider();
    const attendees = [
      { externalUserId: "alice", capabilities: { audio: "Receive", video: "None", content: "None" } },
      { externalUserId: "bob1" },
    ];
    assert.deepEqual(await provider.diff(ID, olds, news({ attendees })), { changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("sees no change when explicit capabilities equal the defaults the attendee already has", async () => {
    const provider = await configuredProvider();
    const all = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
    const attendees = [{ externalUserId: "alice", capabilities: all }, { externalUserId: "bob1" }];
    assert.equal((await provider.diff(ID, olds, news({ attendees }))).changes, false);
  });

  it("replaces when a create-only input is unknown during a preview", async () => {
    const provider = await configuredProvider();
    const result = await provider.diff(ID, olds, news({ primaryMeetingId: UNKNOWN }));
    assert.deepEqual(result.replaces, ["primaryMeetingId"]);
  });

  it("reports an in-place change when the attendee list is unknown during a preview", async () => {
    const provider = await configuredProvider();
    assert.deepEqual(await provider.diff(ID, olds, news({ attendees: UNKNOWN })), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
