import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const MEETINGS = {
  townhall: {
    mediaRegion: "us-east-1",
    tags: { team: "comms" },
    attendees: [
      { externalUserId: "host-sam" },
      { externalUserId: "viewer-alex", capabilities: { audio: "Receive", video: "Receive", content: "Receive" } },
    ],
  },
  "townhall-eu": { primary: "townhall", mediaRegion: "eu-central-1" },
  "support-room": { mediaRegion: "us-east-2", meetingFeatures: { attendee: { maxCount: 4 } } },
};

describe("stack program (index.ts) under mocks", function () {
  this.timeout(60_000);
  const registered: Registration[] = [];
  let outputs: Record<string, unknown>;

  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          const meetingId = `${args.name}-meeting-id`;
          const attendees = ((args.inputs.attendees as { externalUserId: string }[] | undefined) ?? []).map((a, i) => ({
            ...a,
            attendeeId: `${args.name}-a${i}`,
            joinToken: `token-${args.name}-${i}`,
          }));
          return {
            id: meetingId,
            state: {
              ...args.inputs,
              meetingId,
              meetingArn: `arn:aws:chime:us-east-1:123456789012:meeting/${meetingId}`,
              region: "us-east-1",
              attendees,
            },
          };
        },
        call: (args) => args.inputs,
      },
      "chime-meetings",
      "program-test",
    );
    pulumi.runtime.setAllConfig({ "chime-meetings:region": "us-east-1", "chime-meetings:meetings": JSON.stringify(MEETINGS) });
    // Other test files run the program in this process too: forget the cached module so it runs again here.
    delete require.cache[require.resolve("../../index")];
    outputs = (await pulumi.runtime.runInPulumiStack(async () => {
      const program = await import("../../index");
      return { meetings: program.meetings, joinInfo: program.joinInfo };
    })) as Record<string, unknown>;
  });

  const meetings = () => registered.filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");

  it("declares one Meeting per configured meeting", () => {
    assert.deepEqual(
      meetings()
        .map((m) => m.name)
        .sort(),
      ["support-room", "townhall", "townhall-eu"],
    );
  });

  it("wires a replica's primaryMeetingId from its primary's meetingId output", () => {
    assert.equal(meetings().find((m) => m.name === "townhall-eu")?.inputs.primaryMeetingId, "townhall-meeting-id");
  });

  it("passes the configured inputs, defaulting externalMeetingId to the logical name", () => {
    const townhall = meetings().find((m) => m.name === "townhall")?.inputs;
    assert.equal(townhall?.externalMeetingId, "townhall");
    assert.deepEqual(townhall?.tags, { team: "comms" });
    assert.equal(townhall?.notificationsConfiguration, undefined);
  });

  it("declares no other custom resource (the local stack needs no resource plugin)", () => {
    const others = registered.filter((r) => r.type !== "pulumi-nodejs:dynamic/chime:Meeting" && r.type !== "pulumi:pulumi:Stack");
    assert.deepEqual(others, []);
  });

  it("exports each meeting's id, ARN and attendee names", () => {
    const summary = (outputs.meetings as Record<string, Record<string, unknown>>)["townhall-eu"];
    assert.equal(summary.meetingId, "townhall-eu-meeting-id");
    assert.equal(summary.meetingArn, "arn:aws:chime:us-east-1:123456789012:meeting/townhall-eu-meeting-id");
    assert.equal(summary.primary, "townhall");
    assert.deepEqual((outputs.meetings as Record<string, Record<string, unknown>>).townhall.attendees, ["host-sam", "viewer-alex"]);
  });

  it("exports join tokens only in joinInfo", () => {
    const info = (outputs.joinInfo as Record<string, { attendees: { joinToken: string }[] }>).townhall;
    assert.deepEqual(
      info.attendees.map((a) => a.joinToken),
      ["token-townhall-0", "token-townhall-1"],
    );
    assert.ok(!JSON.stringify(outputs.meetings).includes("token-"));
  });
});
