import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { encodeAttendeeText } from "../../components/meeting/attendee-text";
import { encodePlacementText } from "../../components/meeting/placement-text";
import { MeetingPartialFailure } from "../../components/meeting/errors";
import { MeetingProvider } from "../../components/meeting/provider";
import {
  readableOutputs,
  storedAttendees,
  storedMediaPlacement,
  withStoredOutputs,
  type MeetingOperations,
  type StoredMeetingOutputs,
} from "../../components/meeting/stored-outputs";
import type { AttendeeOutput, MeetingInputs, MeetingOutputs } from "../../components/meeting/types";
import { baseInputs, stackConfig } from "./helpers";
import { suiteProviderFixture } from "./emulator-fixture";

/** Pulumi's wire markers of a secret value (pulumi/sdk `resource.SecretSig`). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Outputs as the operations return them, for the conversions alone. */
const MEETING_OUTPUTS: MeetingOutputs = {
  region: "us-east-1",
  mediaRegion: "us-east-1",
  externalMeetingId: "odd",
  meetingId: "99b97e61-8560-42be-954b-7f604b3359db",
  meetingArn: "arn:aws:chime:us-east-1:123456789012:meeting/99b97e61-8560-42be-954b-7f604b3359db",
  mediaPlacement: { signalingUrl: "wss://signal.m1.ue1.app.chime.aws/control/99b97e61-8560-42be-954b-7f604b3359db" },
  tags: {},
  attendees: [
    { externalUserId: "alice", attendeeId: "a-1", capabilities: { audio: "SendReceive", video: "None", content: "None" }, joinToken: "t" },
  ],
};

function tokens(attendees: AttendeeOutput[]): (string | undefined)[] {
  return attendees.map((a) => a.joinToken);
}

describe("the dynamic Meeting's state holds the attendees and the media placement as compact texts", function () {
  this.timeout(60_000);
  const f = suiteProviderFixture();

  /** The provider the dynamic-provider host runs: the stored module, configured for the fixture's emulator. */
  async function hostProvider(): Promise<MeetingProvider> {
    const provider = new MeetingProvider();
    const config = stackConfig({ "chime-meetings:region": "us-east-1", "chime-meetings:endpoint": f.url });
    await provider.configure({ config: config as pulumi.Config });
    return provider;
  }

  async function createdThroughHost(inputs: MeetingInputs): Promise<{ provider: MeetingProvider; id: string; outs: StoredMeetingOutputs }> {
    const provider = await hostProvider();
    const checked = await provider.check({} as never, inputs);
    const { id, outs } = await provider.create(checked.inputs!);
    return { provider, id, outs: outs! };
  }

  it("stores the attendees of a create as the text of the list, join tokens included", async () => {
    const { outs } = await createdThroughHost(baseInputs({ attendees: [{ externalUserId: "alice" }, { externalUserId: "bob-1" }] }));
    assert.equal(typeof outs.attendees, "string");
    assert.match(outs.attendees as string, /^a1,alice [0-9a-f-]{36} 333 \S+,bob-1 [0-9a-f-]{36} 333 \S+$/);
    const list = storedAttendees(outs.attendees);
    assert.deepEqual(
      list.map((a) => a.externalUserId),
      ["alice", "bob-1"],
    );
    assert.ok(list.every((a) => (a.joinToken ?? "").length > 0 && a.attendeeId.length > 0));
  });

  it("stores the media placement as its text, the meeting id written once, and reads it back as the service gave it", async () => {
    const { id, outs } = await createdThroughHost(baseInputs({}));
    assert.equal(typeof outs.mediaPlacement, "string");
    assert.match(outs.mediaPlacement as string, /^p1 %h\.k\.\S+ \S+\/calls\/%i /);
    const fromService = (await f.provider.read(id, { ...outs, mediaPlacement: undefined as never, meetingArn: "" })).props!;
    assert.deepEqual(readableOutputs(outs).mediaPlacement, fromService.mediaPlacement);
    assert.ok(fromService.mediaPlacement.signalingUrl?.endsWith(`/control/${id}`));
  });

  it("refreshes a stored state and a state in the earlier form (the list and the object) alike, keeping the join tokens", async () => {
    const { provider, id, outs } = await createdThroughHost(baseInputs({ attendees: [{ externalUserId: "alice" }] }));
    const earlierForm = readableOutputs(outs);
    for (const state of [outs, earlierForm]) {
      const read = await provider.read(id, state);
      assert.equal(typeof read.props?.attendees, "string");
      assert.equal(read.props?.mediaPlacement, outs.mediaPlacement);
      assert.deepEqual(tokens(storedAttendees(read.props?.attendees)), tokens(storedAttendees(outs.attendees)));
    }
  });

  it("diffs, updates and deletes a state in the earlier form", async () => {
    const { provider, id, outs } = await createdThroughHost(baseInputs({ attendees: [{ externalUserId: "alice" }] }));
    const earlierForm = readableOutputs(outs);
    const news = (await provider.check(earlierForm, baseInputs({ attendees: [{ externalUserId: "alice" }, { externalUserId: "carol" }] })))
      .inputs!;
    const diff = await provider.diff(id, earlierForm, news);
    assert.equal(diff.changes, true);
    assert.deepEqual(diff.replaces, []);
    const updated = (await provider.update(id, earlierForm, news)).outs!;
    assert.deepEqual(
      storedAttendees(updated.attendees).map((a) => a.externalUserId),
      ["alice", "carol"],
    );
    assert.equal(storedAttendees(updated.attendees)[0].joinToken, storedAttendees(outs.attendees)[0].joinToken);
    await provider.delete(id, updated);
    assert.deepEqual(await f.admin.listMeetings(), []);
  });

  it("lets the operations the provider plugin calls read and update a state in the stored form (an aliased meeting)", async () => {
    const { id, outs } = await createdThroughHost(baseInputs({ attendees: [{ externalUserId: "alice" }] }));
    const read = await f.provider.read(id, outs);
    assert.deepEqual(tokens(read.props!.attendees), tokens(storedAttendees(outs.attendees)));
    const news = (
      await f.provider.check(outs as never, baseInputs({ attendees: [{ externalUserId: "alice" }, { externalUserId: "carol" }] }))
    ).inputs!;
    const updated = (await f.provider.update(id, outs, news)).outs!;
    assert.deepEqual(
      updated.attendees.map((a) => a.externalUserId),
      ["alice", "carol"],
    );
  });

  it("stores a partial failure's properties (which become the state) in the same form", async () => {
    const provider = await hostProvider();
    const checked = await provider.check({} as never, baseInputs({ attendees: [{ externalUserId: "alice" }] }));
    // The reserved prefix bypasses check() as a per-attendee error of the service would: the create fails partway.
    const inputs = { ...checked.inputs!, attendees: [{ externalUserId: "alice" }, { externalUserId: "aws:x" }] };
    const err = await provider.create(inputs).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof MeetingPartialFailure, String(err));
    assert.equal(typeof err.properties.attendees, "string");
    assert.equal(typeof err.properties.mediaPlacement, "string");
    assert.ok(readableOutputs(err.properties).mediaPlacement.signalingUrl?.includes(err.id));
    assert.deepEqual(
      storedAttendees(err.properties.attendees).map((a) => a.externalUserId),
      ["alice"],
    );
    assert.match(err.message, /attendee "aws:x"/);
  });

  it("refuses stored attendees that are neither the text nor a list (the JSON text of an unreleased form included), never quoting them", () => {
    assert.throws(
      () => storedAttendees('[{"joinToken":"secret-token-1"}]'),
      (err: Error) => {
        assert.equal(err.message, 'the stored attendees are not in the "a1" text format (32 characters; not shown: they hold join tokens)');
        return true;
      },
    );
    assert.throws(() => storedAttendees(42), /^Error: the stored attendees are a number, not a list or its stored text$/);
    assert.deepEqual(storedAttendees(undefined), []);
  });

  it("refuses a stored media placement that is a number or a list, and reads a null one as none (read() then asks GetMeeting)", () => {
    assert.throws(() => storedMediaPlacement(7, "id"), /^Error: the stored media placement is a number, not an object or its stored text$/);
    assert.throws(() => storedMediaPlacement([], "id"), /^Error: the stored media placement is a list, not an object or its stored text$/);
    const readable = readableOutputs({ attendees: [], mediaPlacement: null, meetingId: "m" });
    assert.equal("mediaPlacement" in readable, false);
  });

  it("stores an output its text cannot hold as it is, instead of failing after the service created the meeting", async () => {
    const odd = {
      ...MEETING_OUTPUTS,
      attendees: [{ ...MEETING_OUTPUTS.attendees[0], capabilities: { audio: "Loud", video: "None", content: "None" } }],
    };
    const ops = withStoredOutputs({ create: () => Promise.resolve({ id: odd.meetingId, outs: odd }) } as unknown as MeetingOperations);
    const { outs } = await ops.create(baseInputs({}));
    assert.deepEqual(outs?.attendees, odd.attendees);
    assert.equal(typeof outs?.mediaPlacement, "string");
  });
});

describe("Meeting exposes the stored outputs as the list and the object, the attendees still secret (mocks)", function () {
  this.timeout(30_000);

  it("resolves meeting.attendees and meeting.mediaPlacement from a state that holds their texts, and from one that holds them", async () => {
    const MEETING_ID = "99b97e61-8560-42be-954b-7f604b3359db";
    const placement = { signalingUrl: `wss://signal.m1.ue1.app.chime.aws/control/${MEETING_ID}`, eventIngestionUrl: "https://e" };
    const list: AttendeeOutput[] = [
      {
        externalUserId: "alice",
        attendeeId: "a-1",
        joinToken: "token-1",
        capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
      },
    ];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => ({
          id: `${args.name}-id`,
          // The engine marks `attendees` secret (additionalSecretOutputs); the mocks return it marked.
          state: {
            ...args.inputs,
            meetingId: MEETING_ID,
            mediaPlacement: args.name === "text" ? encodePlacementText(placement, MEETING_ID) : placement,
            attendees: { [SECRET_SIG]: SECRET_VALUE_SIG, value: args.name === "text" ? encodeAttendeeText(list) : list },
          },
        }),
        call: (args) => args.inputs,
      },
      "chime-meetings",
      "stored",
    );
    const { Meeting } = await import("../../components/meeting/meeting");
    for (const name of ["text", "list"]) {
      const meeting = new Meeting(name, { mediaRegion: "us-east-1", externalMeetingId: name, attendees: [{ externalUserId: "alice" }] });
      const resolved = await new Promise<AttendeeOutput[]>((resolve) => meeting.attendees.apply(resolve));
      assert.deepEqual(resolved, list, name);
      assert.deepEqual(await new Promise((resolve) => meeting.mediaPlacement.apply(resolve)), placement, name);
      assert.equal(await pulumi.isSecret(meeting.attendees), true, name);
    }
  });
});
