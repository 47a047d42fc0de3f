import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  GetMeetingCommand,
  TagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient } from "../../../../emulator";
import { crash, startCliChild, stop, type CliChild } from "../../cli-child";

const clientFor = (url: string) =>
  new ChimeSDKMeetingsClient({
    endpoint: url,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });

type Outcome = { ok: true; meetingId: string } | { ok: false; name: string; status?: number; message: string };

async function create(client: ChimeSDKMeetingsClient, token: string): Promise<Outcome> {
  try {
    const r = await client.send(
      new CreateMeetingCommand({
        ClientRequestToken: token,
        MediaRegion: "us-east-1",
        ExternalMeetingId: `room-${token}`,
        Tags: [{ Key: "purpose", Value: "a tag to make each journal record a few hundred bytes long" }],
      }),
    );
    return { ok: true, meetingId: r.Meeting?.MeetingId as string };
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { ok: false, name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
}

/** Retries an assertion on output that arrives through a pipe (stderr is not in step with HTTP answers). */
async function eventually(check: () => void, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe("emulator journal at a full disk (RLIMIT_FSIZE on the real CLI)", function () {
  this.timeout(60_000);
  let dir: string;
  const children: CliChild[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "chime-emulator-disk-full-"));
  });
  after(async () => {
    for (const c of children) await crash(c);
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses writes with a 503 once the journal cannot grow, answers no retry from memory, and recovers exactly the acknowledged writes", async () => {
    const limited = await startCliChild(["--data-dir", dir, "--port", "0"], { fileSizeLimitKb: 16 });
    children.push(limited);
    const client = clientFor(limited.url);
    const acknowledged: string[] = [];
    let refused: { token: string; outcome: Outcome } | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const token = `token-${i}`;
      const outcome = await create(client, token);
      if (outcome.ok) acknowledged.push(outcome.meetingId);
      else refused = { token, outcome };
    }
    assert.ok(refused, "the file-size limit was never reached");
    assert.ok(acknowledged.length > 5, `only ${acknowledged.length} creates before the limit`);
    assert.deepEqual(
      { name: (refused.outcome as { name: string }).name, status: (refused.outcome as { status: number }).status },
      { name: "ServiceUnavailableException", status: 503 },
    );
    assert.match(
      (refused.outcome as { message: string }).message,
      /could not write its journal \(.*journal\.jsonl: .*\); the change was not applied/,
    );
    await eventually(() =>
      assert.match(limited.stderr(), /emulator: the journal refused a write, which was not applied: .*journal\.jsonl: (EFBIG|ENOSPC)/),
    );

    // The client's retry of the refused create is refused again: memory holds nothing the disk refused.
    const retry = await create(client, refused.token);
    assert.equal(retry.ok, false);
    assert.equal((retry as { status: number }).status, 503);
    // A write too large for the room left is refused and leaves nothing behind; a small one may still fit.
    const arn = `arn:aws:chime:us-east-1:123456789012:meeting/${acknowledged[0]}`;
    const bigTags = Array.from({ length: 49 }, (_, i) => ({ Key: `key-${i}`, Value: "v".repeat(256) }));
    await assert.rejects(client.send(new TagResourceCommand({ ResourceARN: arn, Tags: bigTags })), { name: "ServiceUnavailableException" });
    const attendeeIds: string[] = [];
    try {
      attendeeIds.push(
        (await client.send(new CreateAttendeeCommand({ MeetingId: acknowledged[0], ExternalUserId: "alice" }))).Attendee
          ?.AttendeeId as string,
      );
    } catch (err) {
      assert.equal((err as Error).name, "ServiceUnavailableException");
    }
    assert.equal((await client.send(new GetMeetingCommand({ MeetingId: acknowledged[0] }))).Meeting?.MeetingId, acknowledged[0]);
    const state = async (url: string) =>
      (await new EmulatorAdminClient(url).listMeetings())
        .map((m) => ({ id: m.meetingId, tags: m.tags.length, attendees: m.attendees.map((a) => a.attendeeId) }))
        .sort((a, b) => a.id.localeCompare(b.id));
    const before = await state(limited.url);
    assert.deepEqual(
      before.map((m) => m.id),
      [...acknowledged].sort(),
    );
    assert.deepEqual(before.find((m) => m.id === acknowledged[0])?.attendees, attendeeIds);
    assert.ok(before.every((m) => m.tags === 1));
    client.destroy();
    await crash(limited);

    const restarted = await startCliChild(["--data-dir", dir, "--port", "0"]);
    children.push(restarted);
    assert.deepEqual(await state(restarted.url), before, "acknowledged writes after the restart = acknowledged writes before");
    const client2 = clientFor(restarted.url);
    const created = await create(client2, refused.token);
    assert.equal(created.ok, true, "the refused create succeeds once the disk has room");
    client2.destroy();
    await stop(restarted);
  });
});
