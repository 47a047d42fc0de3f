import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleEmulatorCliTo } from "../support/emulator-bundle";
import {
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient } from "../../emulator";
import { parseCliArgs } from "../../emulator/cli";

const ROOT = join(__dirname, "..", "..");
/** The CLI compiled once to plain JS (esbuild), so each child starts in milliseconds instead of booting ts-node. */
let CLI: string[] = [];

interface Child {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  firstLine: string;
}

/** Starts the real CLI as a child process and waits for its first stdout line. */
function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const proc = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    proc.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        const firstLine = out.slice(0, nl);
        resolve({ proc, firstLine, url: firstLine.replace(/^listening on /, "") });
      }
    });
    proc.once("exit", (code) => reject(new Error(`emulator exited with ${code} before listening: ${err}`)));
  });
}

function exited(proc: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
  return new Promise((resolve) => proc.once("exit", (code, signal) => resolve({ code, signal })));
}

const clientFor = (url: string, creds = { accessKeyId: "test", secretAccessKey: "test" }) =>
  new ChimeSDKMeetingsClient({ endpoint: url, region: "us-east-1", maxAttempts: 1, credentials: creds });

describe("emulator CLI", function () {
  this.timeout(60_000);
  const children: ChildProcessWithoutNullStreams[] = [];
  let dir: string;
  let buildDir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "chime-emulator-test-"));
    buildDir = mkdtempSync(join(tmpdir(), "chime-emulator-cli-"));
    CLI = [bundleEmulatorCliTo(join(buildDir, "cli.js"))];
  });
  after(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  });
  const start = async (args: string[], env?: NodeJS.ProcessEnv) => {
    const child = await startCli(args, env);
    children.push(child.proc);
    return child;
  };

  it('prints exactly "listening on http://HOST:PORT" first and stops cleanly on SIGTERM', async () => {
    const child = await start(["--port", "0"]);
    assert.match(child.firstLine, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    child.proc.kill("SIGTERM");
    assert.deepEqual(await exited(child.proc), { code: 0, signal: null });
  });

  it("keeps every acknowledged write across a kill -9 when started with --data-dir", async () => {
    const first = await start(["--port", "0", "--data-dir", dir]);
    const client = clientFor(first.url);
    const admin = new EmulatorAdminClient(first.url);
    const { Meeting } = await client.send(
      new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "durable", ClientRequestToken: "durable-token" }),
    );
    const id = Meeting?.MeetingId as string;
    const { Attendee } = await client.send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    await client.send(new TagResourceCommand({ ResourceARN: Meeting?.MeetingArn, Tags: [{ Key: "team", Value: "blue" }] }));
    await admin.joinAttendee(id, Attendee?.AttendeeId as string);
    await admin.advanceClock(3600);
    const { Meeting: gone } = await client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "deleted" }));
    await client.send(new DeleteMeetingCommand({ MeetingId: gone?.MeetingId }));
    const clockBefore = await admin.now();
    client.destroy();
    first.proc.kill("SIGKILL");
    assert.equal((await exited(first.proc)).signal, "SIGKILL");
    assert.ok(
      !readFileSync(join(dir, "journal.jsonl"), "utf8").includes(Attendee?.JoinToken as string),
      "join tokens never reach the journal",
    );

    const second = await start(["--port", "0", "--data-dir", dir]);
    const again = clientFor(second.url);
    const admin2 = new EmulatorAdminClient(second.url);
    assert.deepEqual((await again.send(new GetMeetingCommand({ MeetingId: id }))).Meeting, Meeting);
    assert.deepEqual((await again.send(new GetAttendeeCommand({ MeetingId: id, AttendeeId: Attendee?.AttendeeId }))).Attendee, Attendee);
    assert.deepEqual((await again.send(new ListTagsForResourceCommand({ ResourceARN: Meeting?.MeetingArn }))).Tags, [
      { Key: "team", Value: "blue" },
    ]);
    assert.equal((await admin2.listMeetings()).find((m) => m.meetingId === id)?.attendees[0].joined, true);
    assert.ok((await admin2.now()).getTime() >= clockBefore.getTime(), "the advanced clock survives");
    await assert.rejects(again.send(new GetMeetingCommand({ MeetingId: gone?.MeetingId })), { name: "NotFoundException" });
    const replay = await again.send(
      new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "durable", ClientRequestToken: "durable-token" }),
    );
    assert.equal(replay.Meeting?.MeetingId, id, "idempotency tokens survive a restart");
    again.destroy();
    second.proc.kill("SIGTERM");
    assert.equal((await exited(second.proc)).code, 0);
  });

  it("accepts the credentials given by flags and refuses the defaults then", async () => {
    const child = await start([
      "--port",
      "0",
      "--access-key-id",
      "AKIDEXAMPLE",
      "--secret-access-key",
      "s3cret",
      "--account-id",
      "111122223333",
    ]);
    const ok = await clientFor(child.url, { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cret" }).send(
      new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "creds" }),
    );
    assert.match(ok.Meeting?.MeetingArn ?? "", /:111122223333:meeting\//);
    await assert.rejects(clientFor(child.url).send(new GetMeetingCommand({ MeetingId: ok.Meeting?.MeetingId })), {
      name: "UnrecognizedClientException",
    });
    child.proc.kill("SIGINT");
    assert.equal((await exited(child.proc)).code, 0);
  });

  it("--help prints the usage and exits 0; an unknown flag exits 2 with a message", () => {
    const help = spawnSync(process.execPath, [...CLI, "--help"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: chime-meetings-emulator \[options\]/);
    for (const flag of [
      "--host",
      "--port",
      "--data-dir",
      "--access-key-id",
      "--secret-access-key",
      "--account-id",
      "--no-lifecycle",
      "--clock-speed",
    ]) {
      assert.ok(help.stdout.includes(flag), `help mentions ${flag}`);
    }
    const bad = spawnSync(process.execPath, [...CLI, "--frobnicate"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--frobnicate/);
  });
});

describe("emulator CLI argument parsing", () => {
  it("maps every flag to an option", () => {
    assert.deepEqual(
      parseCliArgs(
        [
          "--host",
          "::1",
          "--port",
          "4566",
          "--data-dir",
          "/d",
          "--account-id",
          "111122223333",
          "--no-lifecycle",
          "--clock-speed",
          "60",
          "--rate-limit",
          "5",
          "--allow-default-credentials",
        ],
        {},
      ),
      {
        host: "::1",
        port: 4566,
        dataDir: "/d",
        accessKeyId: undefined,
        secretAccessKey: undefined,
        accountId: "111122223333",
        lifecycle: false,
        clockSpeed: 60,
        rateLimit: 5,
        allowDefaultCredentials: true,
      },
    );
  });
  it("reads credentials from the environment when no flags are given, and flags win", () => {
    const env = { CHIME_EMULATOR_ACCESS_KEY_ID: "envkey", CHIME_EMULATOR_SECRET_ACCESS_KEY: "envsecret" };
    const fromEnv = parseCliArgs([], env);
    assert.equal(fromEnv !== "help" && fromEnv.accessKeyId, "envkey");
    assert.equal(fromEnv !== "help" && fromEnv.secretAccessKey, "envsecret");
    const fromFlags = parseCliArgs(["--access-key-id", "flagkey"], env);
    assert.equal(fromFlags !== "help" && fromFlags.accessKeyId, "flagkey");
  });
  it("rejects a port that is not a number, naming the flag", () => {
    assert.throws(() => parseCliArgs(["--port", "http"], {}), /--port: value "http" must be a number/);
  });
});
