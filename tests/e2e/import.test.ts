// Adopting a meeting created outside Pulumi, through the real CLI against an in-process emulator: the program
// declares the running meeting with the `import` resource option, `up` adopts it (the dynamic `Meeting` turns the
// option into an adopting create, see components/meeting/adopt-input.ts), the next `up` changes nothing, and
// `destroy` deletes it.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { ChimeSDKMeetingsClient, CreateMeetingWithAttendeesCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { emulatorStackEnv, newLocalStack, newWorkDir, repoRoot } from "../support/pulumi";
import { meetingCreatedOutsidePulumi } from "../support/meetings";

const CREDENTIALS = { accessKeyId: "AKIAE2EIMPORTTEST001", secretAccessKey: "e2e-import-secret-access-key-0001" };

function program(meetingModule: string): string {
  return `import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "${meetingModule}";
const config = new pulumi.Config("adopt");
const importId = config.get("meetingId");
const meeting = new Meeting("adopted", {
  mediaRegion: "eu-central-1",
  externalMeetingId: "adopted-townhall",
  meetingFeatures: { video: { maxResolution: "FHD" }, attendee: { maxCount: 20 } },
  tags: { team: "comms" },
  attendees: [
    { externalUserId: "host-sam" },
    { externalUserId: "viewer-alex", capabilities: { audio: "Receive", video: "Receive", content: "Receive" } },
  ],
}, importId ? { import: importId } : undefined);
export const meetingId = meeting.meetingId;
`;
}

describe("importing a running meeting (real CLI, emulator)", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;
  let meetingId: string;

  before(async () => {
    emulator = await startEmulator({ port: 0, lifecycle: false, ...CREDENTIALS });
    admin = new EmulatorAdminClient(emulator.url);
    const client = new ChimeSDKMeetingsClient({ region: "us-east-1", endpoint: emulator.url, maxAttempts: 1, credentials: CREDENTIALS });
    try {
      const res = await client.send(new CreateMeetingWithAttendeesCommand(meetingCreatedOutsidePulumi("created-outside-pulumi-e2e")));
      meetingId = res.Meeting!.MeetingId!;
    } finally {
      client.destroy();
    }
    workDir = newWorkDir("import");
    const meetingModule = path
      .relative(workDir, path.join(repoRoot, "components", "meeting", "meeting"))
      .split(path.sep)
      .join("/");
    fs.writeFileSync(
      path.join(workDir, "Pulumi.yaml"),
      "name: adopt\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
    );
    fs.writeFileSync(path.join(workDir, "index.ts"), program(meetingModule));
    stack = await newLocalStack({
      workDir,
      stackName: "import",
      env: {
        ...emulatorStackEnv({ url: emulator.url, ...CREDENTIALS, region: "us-east-1", transpileOnly: true }),
        AWS_SESSION_TOKEN: "",
      },
    });
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("adopts the meeting named by the import option without creating, changing or deleting anything", async () => {
    await stack.setConfig("adopt:meetingId", { value: meetingId });
    await admin.clearRequests();
    await stack.up();
    assert.equal((await stack.outputs()).meetingId.value, meetingId);
    const writes = (await admin.requests()).filter((r) => r.method !== "GET" && r.operation !== "ListTagsForResource");
    assert.deepEqual(
      writes.map((r) => r.operation),
      [],
      "an import only reads",
    );
  });

  it("reports no change on the next up, with or without the import option", async () => {
    const again = await stack.up();
    assert.deepEqual(again.summary.resourceChanges, { same: 2 });
    await stack.removeConfig("adopt:meetingId");
    const plain = await stack.up();
    assert.deepEqual(plain.summary.resourceChanges, { same: 2 });
    const live = await admin.listMeetings();
    assert.deepEqual(
      live.map((m) => m.meetingId),
      [meetingId],
      "still the one meeting created outside Pulumi",
    );
  });

  it("deletes the adopted meeting on destroy", async () => {
    await stack.destroy();
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
