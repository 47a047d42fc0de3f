// The plugin's `chime-meetings:index:MeetingAddress` from a YAML program: the SSM parameter that publishes a
// meeting's join information follows the meeting when it is recreated (real CLI, emulator with its SSM subset).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { GetParameterCommand, ParameterNotFound, SSMClient } from "@aws-sdk/client-ssm";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { emulatorStackEnv, newLocalStack, newWorkDir } from "../support/pulumi";
import { pluginProjectLines } from "../provider-plugin/yaml-program";

const ACCESS_KEY = "AKIAE2EYAMLADDRESS01";
const SECRET_KEY = "e2e-yaml-address-secret-access-key01";
const PARAMETER = "/chime-meetings/e2e/townhall";

const PROGRAM = [
  ...pluginProjectLines("chime-yaml-address", "yaml"),
  "resources:",
  "  townhall:",
  "    type: chime-meetings:index:Meeting",
  "    properties:",
  "      externalMeetingId: yaml-address-townhall",
  "      mediaRegion: us-east-1",
  "      attendees: [{ externalUserId: host-sam }]",
  "  townhallAddress:",
  "    type: chime-meetings:index:MeetingAddress",
  "    properties:",
  `      parameterName: ${PARAMETER}`,
  "      meetingId: ${townhall.meetingId}",
  "      meetingArn: ${townhall.meetingArn}",
  "      mediaRegion: ${townhall.mediaRegion}",
  "      mediaPlacement: ${townhall.mediaPlacement}",
  "",
].join("\n");

describe("chime-meetings MeetingAddress from a YAML program (real CLI, emulator SSM)", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let ssm: SSMClient;
  let workDir: string;
  let stack: Stack;

  async function published(): Promise<{ MeetingId: string; MediaRegion: string; MediaPlacement: Record<string, string> }> {
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: PARAMETER }));
    return JSON.parse(Parameter!.Value!);
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    admin = new EmulatorAdminClient(emulator.url);
    ssm = new SSMClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
      maxAttempts: 1,
    });
    workDir = newWorkDir("yaml-address");
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), PROGRAM);
    stack = await newLocalStack({
      workDir,
      stackName: "e2e",
      env: emulatorStackEnv({ url: emulator.url, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, region: "us-east-1", ssm: true }),
    });
  });

  after(async () => {
    ssm?.destroy();
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("previews the address while the meeting's id is still unknown", async () => {
    const preview = await stack.preview();
    assert.equal(preview.changeSummary.create, 3); // the stack, the meeting, the address
    assert.deepEqual(await admin.requests(), []);
  });

  it("publishes the meeting's id, region and media placement, and no join token", async () => {
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    const [meeting] = await admin.listMeetings();
    const value = await published();
    assert.equal(value.MeetingId, meeting.meetingId);
    assert.equal(value.MediaRegion, "us-east-1");
    assert.ok(Object.keys(value.MediaPlacement).length > 0);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: PARAMETER }));
    assert.doesNotMatch(Parameter!.Value!, /joinToken|JoinToken/);
  });

  it("republishes the recreated meeting after it ended (refresh, then up)", async () => {
    const [before] = await admin.listMeetings();
    await admin.expireMeeting(before.meetingId);
    await stack.refresh();
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.replace, 1);
    assert.equal(up.summary.resourceChanges?.update, 1);
    const [after] = await admin.listMeetings();
    assert.notEqual(after.meetingId, before.meetingId);
    assert.equal((await published()).MeetingId, after.meetingId);
  });

  it("deletes the parameter and the meeting on destroy", async () => {
    await stack.destroy();
    assert.deepEqual(await admin.listMeetings(), []);
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: PARAMETER })), ParameterNotFound);
  });
});
