// The keeper end to end: the real Pulumi CLI (Automation API) on one stack of the project's program,
// against an in-process emulator whose clock the test drives. One stack, sequential steps.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type AdminMeeting, type RunningEmulator } from "../../emulator";
import { meetingReader, type MeetingReader } from "../../keeper/get-meeting";
import { probeMeetings } from "../../keeper/probe";
import { runRound, type RoundReport, type StackOps } from "../../keeper/round";
import { stackOps } from "../../keeper/stack-ops";
import { killTree } from "../reliability/support/cli";
import { newLocalStack, newWorkDir, offlineEnv, repoRoot, writeProgramProject } from "../support/pulumi";
import { emulatorEnv } from "./support";

const T = "2026-12-02T12:00:00Z";
const at = (hoursAfterT: number) => new Date(Date.parse(T) + hoursAfterT * 3_600_000).toISOString();
const LISTEN = { audio: "Receive", video: "Receive", content: "Receive" };

const KEEPER_MEETINGS = {
  support: {
    externalMeetingId: "kp-support",
    mediaRegion: "us-east-2",
    publish: true,
    tags: { team: "support" },
    meetingFeatures: { video: { maxResolution: "None" }, attendee: { maxCount: 4 } },
    attendees: [
      { externalUserId: "agent-mia" },
      { externalUserId: "guest-01", capabilities: { audio: "SendReceive", video: "None", content: "None" } },
    ],
  },
  conference: {
    externalMeetingId: "kp-conference",
    mediaRegion: "us-east-1",
    publish: true,
    window: { start: at(-24), end: at(48) },
    attendees: [{ externalUserId: "host-sam" }],
  },
  "conference-eu": {
    primary: "conference",
    externalMeetingId: "kp-conference-eu",
    mediaRegion: "eu-central-1",
    attendees: [{ externalUserId: "viewer-eu", capabilities: LISTEN }],
  },
  workshop: {
    externalMeetingId: "kp-workshop",
    mediaRegion: "us-west-2",
    window: { start: at(-24), end: at(72) },
    attendees: [{ externalUserId: "trainer-li" }],
  },
};

interface KeeperRun {
  pgid: number;
  done: Promise<{ code: number | null; output: string }>;
}

/** `npm run keep -- --stack keeper --once --work-dir <dir>` as its own process group (ts-node without type checks). */
function startKeeper(workDir: string, env: Record<string, string>): KeeperRun {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register", path.join(repoRoot, "keeper", "cli.ts"), "--stack", "keeper", "--once", "--work-dir", workDir],
    {
      cwd: repoRoot,
      env: { ...process.env, ...offlineEnv(path.join(workDir, ".state"), env), TS_NODE_TRANSPILE_ONLY: "true" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return { pgid: child.pid!, done: new Promise((resolve) => child.on("close", (code) => resolve({ code, output }))) };
}

describe("keeper end to end (real CLI, emulator with a driven clock)", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let ssm: SSMClient;
  let workDir: string;
  let stack: Stack;
  let ops: StackOps;
  let now = T;

  const live = async (): Promise<Map<string, AdminMeeting>> => new Map((await admin.listMeetings()).map((m) => [m.externalMeetingId, m]));
  const published = async (name: string) =>
    JSON.parse((await ssm.send(new GetParameterCommand({ Name: `/chime-meetings/keeper/${name}` }))).Parameter!.Value!) as {
      MeetingId: string;
      MediaRegion: string;
      MediaPlacement: Record<string, string>;
      MeetingArn: string;
    };
  const calls = async () => (await admin.requests()).map((r) => r.operation);
  const writes = async () =>
    (await admin.requests()).filter((r) => r.method !== "GET" && !r.operation.startsWith("Get")).map((r) => r.operation);
  const lines: string[] = [];
  let reader: MeetingReader;
  let supportBeforeEnding: AdminMeeting | undefined;
  const round = async (): Promise<RoundReport> => {
    stack.workspace.envVars.CHIME_MEETINGS_NOW = now;
    return runRound({
      ops,
      now: new Date(now),
      log: (l) => lines.push(l),
      retry: { attempts: 2, baseDelayMs: 1000, maxDelayMs: 2000 },
      prober: (meetings) => probeMeetings(meetings, { getMeeting: reader.getMeeting }),
    });
  };

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    ssm = new SSMClient({ region: "us-east-1", endpoint: emulator.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    for (const [k, v] of Object.entries({
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    }))
      process.env[k] ??= v;
    reader = meetingReader({ endpoint: emulator.url });
    workDir = newWorkDir("keeper");
    writeProgramProject(workDir);
    const env = emulatorEnv(emulator.url, now);
    stack = await newLocalStack({ workDir, stackName: "keeper", env });
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
    await stack.setConfig("chime-meetings:meetings", { value: JSON.stringify(KEEPER_MEETINGS) });
    ops = await stackOps(stack);
  });

  after(async () => {
    reader?.close();
    ssm?.destroy();
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("creates the declared meetings and publishes the addresses of those with publish: true", async () => {
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    const meetings = await live();
    assert.equal(meetings.size, 4);
    const support = meetings.get("kp-support")!;
    const address = await published("support");
    assert.deepEqual([address.MeetingId, address.MeetingArn, address.MediaRegion], [support.meetingId, support.meetingArn, "us-east-2"]);
    assert.match(address.MediaPlacement.AudioHostUrl, /\.app\.chime\.aws:3478$/);
    assert.ok(!JSON.stringify(address).includes("JoinToken"));
    assert.deepEqual(up.outputs.addresses.value, {
      support: "/chime-meetings/keeper/support",
      conference: "/chime-meetings/keeper/conference",
    });
  });

  it("only probes when no meeting ended: one GetMeeting per meeting, no refresh, no up, no write call", async () => {
    await admin.clearRequests();
    const report = await round();
    assert.deepEqual(report.steps, ["export", "config", "probe"]);
    assert.equal(report.checked, 4);
    assert.deepEqual(await calls(), ["GetMeeting", "GetMeeting", "GetMeeting", "GetMeeting"]);
  });

  it("reports a stack locked by a live process when a meeting ended, naming the holder, and leaves the lock alone", async () => {
    // A quiet round takes no lock (it only probes): end a meeting so that the round must run an up.
    supportBeforeEnding = (await live()).get("kp-support")!;
    await admin.expireMeeting(supportBeforeEnding.meetingId);
    const locks = path.join(workDir, ".state", ".pulumi", "locks", "organization", "chime-meetings", "keeper");
    fs.mkdirSync(locks, { recursive: true });
    const lock = path.join(locks, "0b5e4c3a-keeper-test.json");
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, username: "tester", hostname: os.hostname(), timestamp: new Date().toISOString() }),
    );
    try {
      const before = lines.length;
      await assert.rejects(round(), { name: "ConcurrentUpdateError" });
      assert.match(
        lines.slice(before).join("\n"),
        new RegExp(`^up: stack keeper is locked \\(held by tester@${os.hostname()}, pid ${process.pid}, since `),
      );
      assert.ok(fs.existsSync(lock), "a lock held by a live process is never removed");
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });

  it("recreates, in one round, a meeting the service ended after 5 minutes without attendees, and republishes its address; the others are untouched", async () => {
    const before = await live();
    for (const id of ["kp-conference", "kp-workshop"]) {
      const m = before.get(id)!;
      await admin.joinAttendee(m.meetingId, m.attendees[0].attendeeId);
    }
    await admin.advanceClock(301);
    const after = await live();
    assert.deepEqual([...after.keys()].sort(), ["kp-conference", "kp-conference-eu", "kp-workshop"]);
    await admin.clearRequests();
    const report = await round();
    assert.deepEqual(report.plan.ended, ["support"]);
    const now2 = await live();
    const oldSupport = before.get("kp-support") ?? supportBeforeEnding!;
    const newSupport = now2.get("kp-support")!;
    assert.notEqual(newSupport.meetingId, oldSupport.meetingId);
    assert.deepEqual(lines.slice(-1), [`support: ${oldSupport.meetingId} → ${newSupport.meetingId}`]);
    for (const key of ["mediaRegion", "meetingFeatures", "tags"] as const) assert.deepEqual(newSupport[key], oldSupport[key]);
    assert.deepEqual(
      newSupport.attendees.map((a) => [a.externalUserId, a.capabilities]),
      oldSupport.attendees.map((a) => [a.externalUserId, a.capabilities]),
    );
    assert.equal((await published("support")).MeetingId, newSupport.meetingId);
    for (const id of ["kp-conference", "kp-conference-eu", "kp-workshop"]) assert.equal(now2.get(id)?.meetingId, before.get(id)?.meetingId);
    assert.deepEqual((await writes()).sort(), ["CreateMeetingWithAttendees", "PutParameter"]);
    // Reads: the probe (one GetMeeting per meeting), then the up's refresh of its targets only (support and its address).
    const reads = await calls();
    assert.deepEqual(
      [reads.filter((op) => op === "GetMeeting").length, reads.filter((op) => op.startsWith("List")).sort()],
      [4, ["ListAttendees"]],
    );
    const outputs = await stack.outputs();
    assert.equal((outputs.meetings.value as Record<string, { meetingId: string }>).support.meetingId, newSupport.meetingId);
  });

  it("recreates a meeting ended at 24 hours although an attendee is connected, with its replica and address", async () => {
    const before = await live();
    await admin.advanceClock(24 * 3600);
    assert.ok(!(await live()).has("kp-conference"));
    const report = await round();
    assert.deepEqual([...report.plan.ended].sort(), ["conference", "conference-eu", "support", "workshop"]);
    const after = await live();
    assert.equal(after.size, 4);
    const conference = after.get("kp-conference")!;
    assert.notEqual(conference.meetingId, before.get("kp-conference")?.meetingId);
    assert.equal(after.get("kp-conference-eu")?.primaryMeetingId, conference.meetingId);
    assert.equal((await published("conference")).MeetingId, conference.meetingId);
  });

  it("does not recreate a meeting that ends after its window closed, and removes its replica and address", async () => {
    now = at(60); // conference's window ended at T+48h, workshop's is open until T+72h
    const before = await live();
    await admin.expireMeeting(before.get("kp-conference")!.meetingId);
    await admin.clearRequests();
    const report = await round();
    assert.deepEqual(report.plan.retired, ["conference", "conference-eu"]);
    assert.ok(!(await calls()).some((op) => op.startsWith("CreateMeeting")));
    const after = await live();
    assert.deepEqual([...after.keys()].sort(), ["kp-support", "kp-workshop"]);
    assert.equal(after.get("kp-workshop")?.meetingId, before.get("kp-workshop")?.meetingId);
    await assert.rejects(published("conference"), { name: "ParameterNotFound" });
    const state = await stack.exportStack();
    assert.ok(!(state.deployment.resources as { urn: string }[]).some((r) => r.urn.includes("::conference")));
  });

  it("removes a live meeting on up once its window has ended", async () => {
    now = at(80);
    stack.workspace.envVars.CHIME_MEETINGS_NOW = now;
    const workshop = (await live()).get("kp-workshop")!;
    await admin.clearRequests();
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.delete, 1);
    assert.ok(!(await live()).has("kp-workshop"));
    assert.ok((await admin.requests()).some((r) => r.operation === "DeleteMeeting" && r.path.endsWith(workshop.meetingId)));
    const report = await round();
    assert.deepEqual(report.plan.targets, []);
  });

  it("converges after the keeper is killed (kill -9 of its process group) in the middle of recreating a meeting: no orphan, no duplicate", async () => {
    const old = (await live()).get("kp-support")!;
    await admin.expireMeeting(old.meetingId);
    await admin.clearRequests();
    const env = emulatorEnv(emulator.url, now);
    const killed = startKeeper(workDir, env);
    let firedAt: string | undefined;
    const deadline = Date.now() + 240_000;
    while (!firedAt && Date.now() < deadline) {
      firedAt = (await calls()).find((op) => op.startsWith("CreateMeeting"));
      if (!firedAt) await new Promise((r) => setTimeout(r, 20));
    }
    killTree(killed.pgid);
    const first = await killed.done;
    assert.ok(firedAt, `the keeper never reached CreateMeeting:\n${first.output}`);
    assert.equal(first.code, null, `the keeper was killed, not finished:\n${first.output}`);
    // A kill while the CLI writes a checkpoint can leave its metadata sidecar empty (keeper/file-backend.ts);
    // make that happen every time, so the restart proves it repairs it.
    const sidecar = fs
      .readdirSync(path.join(workDir, ".state", ".pulumi", "stacks"), { recursive: true, encoding: "utf8" })
      .map((f) => path.join(workDir, ".state", ".pulumi", "stacks", f))
      .find((f) => f.endsWith(`${path.sep}keeper.json.attrs`));
    assert.ok(sidecar, "the checkpoint has a metadata sidecar");
    fs.writeFileSync(sidecar, "");

    const restarted = await startKeeper(workDir, env).done;
    assert.equal(restarted.code, 0, restarted.output);
    const supports = (await admin.listMeetings()).filter((m) => m.externalMeetingId === "kp-support");
    assert.equal(supports.length, 1, "exactly one support meeting lives");
    const state = await stack.exportStack();
    const inState = (state.deployment.resources as { urn: string; id?: string; type: string }[]).filter(
      (r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting",
    );
    assert.deepEqual(
      inState.map((r) => [r.urn.split("::").pop(), r.id]),
      [["support", supports[0].meetingId]],
    );
    assert.equal((await published("support")).MeetingId, supports[0].meetingId);
    assert.match(restarted.output, /round 1: /);
    assert.match(restarted.output, /removed an empty metadata file a killed pulumi process left \(.*keeper\.json\.attrs\)/);
    assert.deepEqual((await admin.listMeetings()).length, 1, "no orphaned meeting");
  });
});
