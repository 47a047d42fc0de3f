// A TypeScript program using the plugin's custom resource (through the Node.js SDK generated from the
// schema) instead of the dynamic `Meeting`, through the real CLI against an in-process emulator.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";
import { EmulatorAdminClient, startEmulator, type AdminMeeting, type RunningEmulator } from "../../emulator";
import { newEmulatorStack, newWorkDir, stateFileText } from "../support/pulumi";
import { generateSdk } from "./sdk";
import { pluginProjectLines } from "./yaml-program";
import { liveMeetings } from "../support/meetings";

const ACCESS_KEY = "AKIAE2ETSPLUGIN00001";
const SECRET_KEY = "e2e-ts-plugin-secret-access-key-0001";
const PROJECT = "chime-ts-plugin";

function program(guests: string[]): string {
  return `import * as chime from "./sdk/nodejs";

const primary = new chime.Meeting("primary", {
  externalMeetingId: "ts-plugin-townhall",
  mediaRegion: "us-east-1",
  tags: { team: "comms" },
  attendees: ${JSON.stringify(["host-sam", ...guests].map((externalUserId) => ({ externalUserId })))},
});
const replica = new chime.Meeting("replica", {
  externalMeetingId: "ts-plugin-townhall-eu",
  mediaRegion: "eu-central-1",
  primaryMeetingId: primary.meetingId,
  attendees: [{ externalUserId: "viewer-eu" }],
});

export const primaryId = primary.meetingId;
export const replicaPrimaryId = replica.primaryMeetingId;
export const attendees = primary.attendees;
`;
}

describe("chime-meetings provider plugin from a TypeScript program (generated Node.js SDK, real CLI, emulator)", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;

  const live = (): Promise<Map<string, AdminMeeting>> => liveMeetings(admin);

  before(async () => {
    emulator = await startEmulator({ port: 0, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newWorkDir("ts-plugin");
    generateSdk(path.join(workDir, "sdk"), "nodejs");
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), [...pluginProjectLines(PROJECT, "nodejs"), ""].join("\n"));
    fs.writeFileSync(path.join(workDir, "index.ts"), program([]));
    stack = await newEmulatorStack(workDir, "e2e", { url: emulator.url, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("creates the meeting and its replica as chime-meetings:index:Meeting, with no serialized provider in the state", async () => {
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    const byId = await live();
    const townhall = byId.get("ts-plugin-townhall")!;
    assert.equal(byId.get("ts-plugin-townhall-eu")?.primaryMeetingId, townhall.meetingId);
    assert.equal(up.outputs.primaryId.value, townhall.meetingId);
    assert.equal(up.outputs.replicaPrimaryId.value, townhall.meetingId);
    assert.equal(up.outputs.attendees.secret, true);
    const exported = await stack.exportStack();
    const resources = exported.deployment.resources as {
      type: string;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    }[];
    const meetings = resources.filter((r) => r.type === PLUGIN_MEETING_TYPE);
    assert.equal(meetings.length, 2);
    assert.ok(!resources.some((r) => r.type.startsWith("pulumi-nodejs:dynamic")), "a dynamic resource is in the state");
    for (const m of meetings) assert.equal(m.inputs?.__provider ?? m.outputs?.__provider, undefined);
    const text = stateFileText(path.join(workDir, ".state"), PROJECT, "e2e");
    for (const a of up.outputs.attendees.value as { joinToken: string }[])
      assert.ok(!text.includes(a.joinToken), "a join token is in the state in plaintext");
  });

  it("adds an attendee in place and keeps the meeting", async () => {
    const before = (await live()).get("ts-plugin-townhall")!;
    fs.writeFileSync(path.join(workDir, "index.ts"), program(["guest-kim"]));
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 2, update: 1 });
    const after = (await live()).get("ts-plugin-townhall")!;
    assert.equal(after.meetingId, before.meetingId);
    assert.deepEqual(
      after.attendees.map((a) => a.externalUserId),
      ["host-sam", "guest-kim"],
    );
  });

  it("destroys both meetings", async () => {
    const destroy = await stack.destroy();
    assert.equal(destroy.summary.result, "succeeded");
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
