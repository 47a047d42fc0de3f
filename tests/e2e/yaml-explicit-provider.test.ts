// An explicit `pulumi:providers:chime-meetings` resource in a YAML program: its arguments configure the plugin
// (here the control region, which nothing else sets), through the real CLI against an in-process emulator.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { emulatorStackEnv, newLocalStack, newWorkDir } from "../support/pulumi";
import { pluginProjectLines } from "../provider-plugin/yaml-program";

const ACCESS_KEY = "AKIAE2EYAMLEXPLICIT1";
const SECRET_KEY = "e2e-yaml-explicit-secret-access-key1";

const PROGRAM = [
  ...pluginProjectLines("chime-yaml-explicit", "yaml"),
  "resources:",
  "  frankfurt:",
  "    type: pulumi:providers:chime-meetings",
  "    properties:",
  "      region: eu-central-1",
  '      maxAttempts: "2"',
  "  standup:",
  "    type: chime-meetings:index:Meeting",
  "    properties:",
  "      externalMeetingId: yaml-explicit-standup",
  "      mediaRegion: eu-central-1",
  "      attendees: [{ externalUserId: host-sam }]",
  "    options:",
  "      provider: ${frankfurt}",
  "outputs:",
  "  region: ${standup.region}",
  "",
].join("\n");

describe("chime-meetings explicit provider resource from a YAML program (real CLI, emulator)", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;

  before(async () => {
    emulator = await startEmulator({ port: 0, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newWorkDir("yaml-explicit");
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), PROGRAM);
    stack = await newLocalStack({
      workDir,
      stackName: "e2e",
      env: emulatorStackEnv({ url: emulator.url, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }),
    });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("creates the meeting through the control region named by the explicit provider's arguments", async () => {
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.outputs.region.value, "eu-central-1");
    const [meeting, ...others] = await admin.listMeetings();
    assert.equal(others.length, 0);
    assert.equal(meeting.controlRegion, "eu-central-1");
    assert.equal(meeting.externalMeetingId, "yaml-explicit-standup");
  });

  it("destroys it through the same provider", async () => {
    await stack.destroy();
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
