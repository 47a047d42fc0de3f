// index.ts under mocks with publish and windows: which resources the program declares at a given "now".
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const MEETINGS = {
  conference: { mediaRegion: "us-east-1", publish: true, window: { start: "2026-12-01T08:00:00Z", end: "2026-12-04T18:00:00Z" } },
  "conference-eu": { primary: "conference", mediaRegion: "eu-central-1", publish: true },
  support: { mediaRegion: "us-east-2", publish: true },
  ended: { mediaRegion: "us-east-1", publish: true, window: { start: "2026-11-01T08:00:00Z", end: "2026-11-02T08:00:00Z" } },
};

describe("stack program (index.ts) with publish and windows under mocks", function () {
  this.timeout(60_000);
  const registered: Registration[] = [];
  let outputs: Record<string, unknown>;
  const savedNow = process.env.CHIME_MEETINGS_NOW;

  before(async () => {
    process.env.CHIME_MEETINGS_NOW = "2026-12-02T12:00:00Z";
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          const id = `${args.name}-id`;
          return {
            id,
            state: {
              ...args.inputs,
              meetingId: id,
              meetingArn: `arn:aws:chime:us-east-1:123456789012:meeting/${id}`,
              mediaPlacement: { audioHostUrl: `${id}.example:3478` },
            },
          };
        },
        call: (args) => args.inputs,
      },
      "chime-meetings",
      "keeper-program",
    );
    pulumi.runtime.setAllConfig({ "chime-meetings:region": "us-east-1", "chime-meetings:meetings": JSON.stringify(MEETINGS) });
    // Another test file may have run the program in this process already: run it afresh.
    delete require.cache[require.resolve("../../index")];
    outputs = (await pulumi.runtime.runInPulumiStack(async () => {
      const program = await import("../../index");
      return { addresses: program.addresses, meetings: program.meetings };
    })) as Record<string, unknown>;
  });

  after(() => {
    if (savedNow === undefined) delete process.env.CHIME_MEETINGS_NOW;
    else process.env.CHIME_MEETINGS_NOW = savedNow;
  });

  const ofType = (type: string) => registered.filter((r) => r.type === `pulumi-nodejs:dynamic/chime:${type}`);

  it("declares the meetings inside their window and leaves out the one whose window ended", () => {
    assert.deepEqual(
      ofType("Meeting")
        .map((m) => m.name)
        .sort(),
      ["conference", "conference-eu", "support"],
    );
  });

  it("declares one MeetingAddress per published meeting, named after the stack and the meeting", () => {
    const addresses = ofType("MeetingAddress");
    assert.deepEqual(addresses.map((a) => [a.name, a.inputs.parameterName]).sort(), [
      ["conference-address", "/chime-meetings/keeper-program/conference"],
      ["conference-eu-address", "/chime-meetings/keeper-program/conference-eu"],
      ["support-address", "/chime-meetings/keeper-program/support"],
    ]);
  });

  it("publishes the current meeting's id, ARN, media region and placement, and no join token", () => {
    const support = ofType("MeetingAddress").find((a) => a.name === "support-address")!;
    assert.deepEqual(JSON.parse(support.inputs.value as string), {
      MeetingId: "support-id",
      MeetingArn: "arn:aws:chime:us-east-1:123456789012:meeting/support-id",
      MediaRegion: "us-east-2",
      MediaPlacement: { AudioHostUrl: "support-id.example:3478" },
    });
  });

  it("exports the parameter name of every published meeting", () => {
    assert.deepEqual(outputs.addresses, {
      conference: "/chime-meetings/keeper-program/conference",
      "conference-eu": "/chime-meetings/keeper-program/conference-eu",
      support: "/chime-meetings/keeper-program/support",
    });
  });
});
