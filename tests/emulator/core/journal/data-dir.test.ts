import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChimeSDKMeetingsClient, CreateMeetingCommand, GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { startEmulator } from "../../../../emulator";

const client = (url: string) =>
  new ChimeSDKMeetingsClient({
    endpoint: url,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });

describe("emulator data directory", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "chime-emulator-dir-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second emulator on a directory in use, and frees it on close", async () => {
    const first = await startEmulator({ dataDir: dir });
    await assert.rejects(
      startEmulator({ dataDir: dir }),
      new RegExp(`data directory ${dir} is in use by the emulator with pid ${process.pid}`),
    );
    await first.close();
    assert.equal(existsSync(join(dir, "emulator.pid")), false);
    const second = await startEmulator({ dataDir: dir });
    await second.close();
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    writeFileSync(join(dir, "emulator.pid"), "999999999");
    const e = await startEmulator({ dataDir: dir });
    assert.equal(readFileSync(join(dir, "emulator.pid"), "utf8"), String(process.pid));
    await e.close();
  });

  it("ignores a torn last journal line (a write that was never acknowledged)", async () => {
    const first = await startEmulator({ dataDir: dir });
    const { Meeting } = await client(first.url).send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "kept" }));
    await first.close();
    appendFileSync(join(dir, "journal.jsonl"), '{"t":"meeting","m":{"meetingId":"trunc');
    const second = await startEmulator({ dataDir: dir });
    assert.equal(
      (await client(second.url).send(new GetMeetingCommand({ MeetingId: Meeting?.MeetingId }))).Meeting?.ExternalMeetingId,
      "kept",
    );
    await second.close();
  });

  it("refuses to start on a journal corrupted before its last line, naming the line", async () => {
    writeFileSync(join(dir, "journal.jsonl"), 'garbage\n{"t":"reset"}\n');
    await assert.rejects(startEmulator({ dataDir: dir }), /journal\.jsonl: line 1 is not valid JSON .* the journal is corrupt/);
    assert.equal(existsSync(join(dir, "emulator.pid")), false, "the lock is released after a failed start");
  });

  it("keeps its files private to the user", async () => {
    const e = await startEmulator({ dataDir: dir });
    await e.close();
    assert.equal(statSync(join(dir, "join-token.key")).mode & 0o077, 0);
    assert.equal(statSync(join(dir, "journal.jsonl")).mode & 0o077, 0);
  });
});
