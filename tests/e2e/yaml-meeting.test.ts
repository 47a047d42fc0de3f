// The `chime-meetings` provider plugin from a Pulumi YAML program, through the real CLI and the YAML
// language host of the toolchain, against an in-process emulator.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type AdminMeeting, type RunningEmulator } from "../../emulator";
import { emulatorStackEnv, newLocalStack, newWorkDir, repoRoot, stateFileText } from "../support/pulumi";
import { writeYamlProgram, type YamlMeeting } from "../provider-plugin/yaml-program";
import { liveMeetings } from "../support/meetings";

const ACCESS_KEY = "AKIAE2EYAMLPLUGIN001";
const SECRET_KEY = "e2e-yaml-plugin-secret-access-key-01";
const PROJECT = "chime-yaml";
const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };
const LISTEN_ONLY = { audio: "Receive", video: "Receive", content: "Receive" };

interface AttendeeOut {
  externalUserId: string;
  attendeeId: string;
  joinToken: string;
}

function primary(): YamlMeeting {
  return {
    externalMeetingId: "yaml-townhall",
    mediaRegion: "us-east-1",
    tags: { team: "comms" },
    attendees: [
      { externalUserId: "host-sam", capabilities: ALL },
      { externalUserId: "viewer-alex", capabilities: LISTEN_ONLY },
    ],
  };
}

function replica(): YamlMeeting {
  return { externalMeetingId: "yaml-townhall-eu", mediaRegion: "eu-central-1", attendees: [{ externalUserId: "viewer-eu" }] };
}

describe("chime-meetings provider plugin from a YAML program (real CLI, YAML host, emulator)", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;

  const live = (): Promise<Map<string, AdminMeeting>> => liveMeetings(admin);

  async function writeOperations(): Promise<string[]> {
    return (await admin.requests()).filter((r) => r.method !== "GET").map((r) => r.operation);
  }

  async function attendeesOut(name: "primaryAttendees" | "replicaAttendees"): Promise<AttendeeOut[]> {
    return (await stack.outputs())[name].value as AttendeeOut[];
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newWorkDir("yaml-plugin");
    writeYamlProgram(workDir, PROJECT, primary(), replica());
    stack = await newLocalStack({
      workDir,
      stackName: "e2e",
      env: emulatorStackEnv({ url: emulator.url, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }),
    });
    // No AWS_REGION: the control region reaches the plugin only through its provider configuration.
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("fails the preview on bad input, naming the field, the value and the rule, before any request reaches the API", async () => {
    writeYamlProgram(workDir, PROJECT, { ...primary(), externalMeetingId: "x" }, replica());
    await assert.rejects(stack.preview(), (err: Error) => {
      assert.match(err.message, /externalMeetingId/);
      assert.match(err.message, /"x"/);
      return true;
    });
    assert.deepEqual(await admin.requests(), []);
    writeYamlProgram(workDir, PROJECT, primary(), replica());
  });

  it("previews both meetings as creates without calling the API", async () => {
    const preview = await stack.preview();
    assert.equal(preview.changeSummary.create, 3); // the stack and two meetings
    assert.deepEqual(await admin.requests(), []);
  });

  it("runs the policy pack on the plugin's meetings: a media region outside the allowed list fails the preview", async () => {
    const configFile = path.join(workDir, "policy-config.json");
    fs.writeFileSync(configFile, JSON.stringify({ "chime-meeting-limit-media-regions": { allowedRegions: ["eu-central-1"] } }));
    let output = "";
    await assert.rejects(
      stack.preview({
        policyPacks: [path.join(repoRoot, "policies")],
        policyPackConfigs: [configFile],
        onOutput: (o) => {
          output += o;
        },
      }),
    );
    assert.match(output, /\[mandatory\].*chime-meeting-limit-media-regions/);
    assert.match(output, /chime-meetings:index:Meeting 'primary'/);
    assert.doesNotMatch(output, /chime-meetings:index:Meeting 'replica'.*chime-meeting-limit-media-regions/);
    assert.deepEqual(await admin.requests(), []);
  });

  it("creates both meetings, the replica wired to the primary, join tokens as secret outputs", async () => {
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    const byId = await live();
    assert.deepEqual([...byId.keys()].sort(), ["yaml-townhall", "yaml-townhall-eu"]);
    const townhall = byId.get("yaml-townhall")!;
    assert.equal(townhall.controlRegion, "us-east-1");
    assert.equal(byId.get("yaml-townhall-eu")?.primaryMeetingId, townhall.meetingId);
    assert.equal(up.outputs.primaryId.value, townhall.meetingId);
    assert.equal(up.outputs.replicaPrimaryId.value, townhall.meetingId);
    assert.deepEqual(
      townhall.attendees.map((a) => [a.externalUserId, a.capabilities]),
      [
        ["host-sam", ALL],
        ["viewer-alex", LISTEN_ONLY],
      ],
    );
    assert.equal(up.outputs.primaryAttendees.secret, true);
    const attendees = await attendeesOut("primaryAttendees");
    assert.deepEqual(
      attendees.map((a) => a.attendeeId),
      townhall.attendees.map((a) => a.attendeeId),
    );
    assert.ok(attendees.every((a) => typeof a.joinToken === "string" && a.joinToken.length > 0));
  });

  it("changes nothing and writes nothing on a second up", async () => {
    await admin.clearRequests();
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 3 });
    assert.deepEqual(await writeOperations(), []);
  });

  it("updates attendees and tags in place, keeping the meeting and the other attendees' join tokens", async () => {
    const before = await live();
    const tokensBefore = await attendeesOut("primaryAttendees");
    const next = primary();
    next.tags = { team: "comms", event: "q4" };
    next.attendees = [...next.attendees, { externalUserId: "guest-kim" }];
    writeYamlProgram(workDir, PROJECT, next, replica());
    await admin.clearRequests();
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 2, update: 1 });
    assert.deepEqual((await writeOperations()).sort(), ["BatchCreateAttendee", "TagResource"]);
    const townhall = (await live()).get("yaml-townhall")!;
    assert.equal(townhall.meetingId, before.get("yaml-townhall")?.meetingId);
    assert.deepEqual(townhall.tags.map((t) => `${t.key}=${t.value}`).sort(), ["event=q4", "team=comms"]);
    const tokensAfter = await attendeesOut("primaryAttendees");
    assert.deepEqual(
      tokensAfter.map((a) => a.externalUserId),
      ["host-sam", "viewer-alex", "guest-kim"],
    );
    const sam = (list: AttendeeOut[]) => list.find((a) => a.externalUserId === "host-sam")?.joinToken;
    assert.equal(sam(tokensAfter), sam(tokensBefore));
  });

  it("refreshes without drift while the meetings are live", async () => {
    const refresh = await stack.refresh();
    assert.equal(refresh.summary.result, "succeeded");
    assert.deepEqual(refresh.summary.resourceChanges, { same: 3 });
  });

  it("keeps an ended meeting on refresh, marked ended, and replaces it on up with a new id and new join tokens", async () => {
    const before = (await live()).get("yaml-townhall-eu")!;
    const tokensBefore = new Set((await attendeesOut("replicaAttendees")).map((a) => a.joinToken));
    await admin.expireMeeting(before.meetingId);
    const refresh = await stack.refresh();
    assert.deepEqual(refresh.summary.resourceChanges, { same: 2, update: 1 });
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.replace, 1);
    const after = await live();
    const recreated = after.get("yaml-townhall-eu")!;
    assert.notEqual(recreated.meetingId, before.meetingId);
    assert.equal(recreated.primaryMeetingId, after.get("yaml-townhall")?.meetingId);
    const tokensAfter = await attendeesOut("replicaAttendees");
    assert.ok(tokensAfter.every((a) => a.joinToken && !tokensBefore.has(a.joinToken)));
  });

  it("keeps join tokens and credentials out of the state file in plaintext", async () => {
    const text = stateFileText(path.join(workDir, ".state"), PROJECT, "e2e");
    const tokens = [...(await attendeesOut("primaryAttendees")), ...(await attendeesOut("replicaAttendees"))].map((a) => a.joinToken);
    assert.equal(tokens.length, 4);
    for (const token of tokens) assert.ok(!text.includes(token), "a join token is in the state in plaintext");
    for (const secret of [ACCESS_KEY, SECRET_KEY, emulator.url]) assert.ok(!text.includes(secret), `${secret} is in the state`);
    const exported = await stack.exportStack();
    const meetings = (exported.deployment.resources as { type: string; outputs: Record<string, unknown> }[]).filter(
      (r) => r.type === "chime-meetings:index:Meeting",
    );
    assert.equal(meetings.length, 2);
    for (const m of meetings) {
      assert.equal(
        (m.outputs.attendees as Record<string, unknown>)["4dabf18193072939515e22adb298388d"],
        "1b47061264138c4ac30d75fd1eb44270",
      );
      assert.equal(m.outputs.__provider, undefined);
    }
  });

  it("destroys both meetings", async () => {
    const destroy = await stack.destroy();
    assert.equal(destroy.summary.result, "succeeded");
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
