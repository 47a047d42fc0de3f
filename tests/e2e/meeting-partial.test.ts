// Pins host behaviour the provider relies on (pulumi-notes A8): an error carrying `id` and `properties`
// from create() makes the engine record the meeting as a partial failure instead of orphaning it.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { newLocalStack, newWorkDir, repoRoot } from "../support/pulumi";

describe("Meeting partial create through the real CLI", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;

  const attendees = Array.from({ length: 25 }, (_, i) => ({ externalUserId: `viewer-${String(i).padStart(2, "0")}` }));

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newWorkDir("meeting-partial");
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), [
      "name: chime-meetings", "runtime:", "  name: nodejs", "  options:", "    typescript: true",
      `main: ${path.relative(workDir, path.join(repoRoot, "index.ts"))}`, "",
    ].join("\n"));
    stack = await newLocalStack({
      workDir, stackName: "partial",
      env: {
        AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true",
        AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulator.url, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
    });
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
    await stack.setConfig("chime-meetings:maxAttempts", { value: "2" });
    await stack.setConfig("chime-meetings:meetings", { value: JSON.stringify({ webinar: { mediaRegion: "us-east-1", attendees } }) });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("records the meeting in the state when adding attendees fails after it was created", async () => {
    await admin.setFaults({ rules: [{ operation: "BatchCreateAttendee", kind: "serviceFailure" }] });
    await assert.rejects(stack.up(), /was created but adding attendees failed/);
    const [meeting] = await admin.listMeetings();
    assert.equal(meeting.attendees.length, 20);
    const state = await stack.exportStack();
    const recorded = (state.deployment.resources as { type: string; id?: string }[]).find((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");
    assert.equal(recorded?.id, meeting.meetingId);
  });

  it("completes the same meeting in place on the next up", async () => {
    await admin.clearFaults();
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.update, 1);
    const meetings = await admin.listMeetings();
    assert.equal(meetings.length, 1);
    assert.equal(meetings[0].attendees.length, 25);
  });

  it("destroys it", async () => {
    await stack.destroy();
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
