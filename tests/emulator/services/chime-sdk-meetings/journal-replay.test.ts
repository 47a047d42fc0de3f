import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateMeetingCommand, ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient, startEmulator } from "../../../../emulator";
import { capturingStderr } from "../../../support/stderr";

const meeting = (id: string) => ({
  t: "meeting",
  m: {
    meetingId: id,
    externalMeetingId: "room",
    mediaRegion: "us-east-1",
    controlRegion: "us-east-1",
    tenantIds: [],
    tags: [],
    createdAt: Date.now(),
    idleSince: Date.now(),
    attendees: [],
  },
});
const ID = "0a0b0c0d-1111-2222-3333-444455556666";

describe("emulator journal replay (validated line by line)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "chime-emulator-replay-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const journal = (lines: string) => writeFileSync(join(dir, "journal.jsonl"), lines);

  const wrong: [what: string, line: string, problem: RegExp][] = [
    ["a number", "123", /line 2 is not a journal record: it is 123, not a record object/],
    ["null", "null", /line 2 is not a journal record: it is null, not a record object/],
    [
      "a meeting without attendees",
      JSON.stringify({ ...meeting(ID), m: { ...meeting(ID).m, attendees: undefined } }),
      /line 2 is not a journal record: it m\.attendees is not a list/,
    ],
    [
      "an unknown record type",
      '{"t":"teleport","meetingId":"x"}',
      /line 2 is not a journal record: it has an unknown record type "teleport"/,
    ],
    [
      "an attendee without capabilities",
      JSON.stringify({ t: "attendee", meetingId: ID, a: { attendeeId: "a", externalUserId: "u", joined: false } }),
      /line 2 is not a journal record: it a\.capabilities needs audio, video and content/,
    ],
    [
      "a clock offset of 1e300 ms",
      '{"t":"clock","advancedMs":1e300}',
      /line 2 is not a journal record: it advancedMs must be a number from 0 to /,
    ],
  ];
  for (const [what, line, problem] of wrong) {
    it(`refuses to start on ${what}, naming the file and the line`, async () => {
      journal(`${JSON.stringify(meeting(ID))}\n${line}\n`);
      await assert.rejects(startEmulator({ dataDir: dir }), (err: Error) => {
        assert.ok(err.message.startsWith(join(dir, "journal.jsonl")), err.message);
        assert.match(err.message, problem);
        return true;
      });
    });
  }

  it("refuses to start on a line in the middle that is not JSON, naming the line", async () => {
    journal(`${JSON.stringify(meeting(ID))}\n{"t":"meet\n${JSON.stringify({ t: "reset" })}\n`);
    await assert.rejects(startEmulator({ dataDir: dir }), /journal\.jsonl: line 2 is not valid JSON .*the journal is corrupt/);
  });

  it("sets a torn last record aside in a named file with a warning and starts with the acknowledged records", async () => {
    const torn = '{"t":"meeting","m":{"meetingId":"ffff';
    journal(`${JSON.stringify(meeting(ID))}\n${torn}`);
    const { result: emulator, stderr } = await capturingStderr(() => startEmulator({ dataDir: dir }));
    try {
      assert.deepEqual(
        (await new EmulatorAdminClient(emulator.url).listMeetings()).map((m) => m.meetingId),
        [ID],
      );
    } finally {
      await emulator.close();
    }
    const aside = readdirSync(dir).filter((f) => f.startsWith("journal.jsonl.torn-"));
    assert.equal(aside.length, 1);
    assert.equal(readFileSync(join(dir, aside[0]), "utf8"), torn);
    assert.match(
      stderr,
      new RegExp(`emulator: warning: .*journal\\.jsonl line 2 is incomplete \\(${torn.length} bytes .*\\); set aside in .*${aside[0]}`),
    );
    assert.ok(!readFileSync(join(dir, "journal.jsonl"), "utf8").includes(torn), "compaction rewrote the journal without the torn record");
  });

  it("refuses to start on a corrupt ssm-parameters.json, naming the file", async () => {
    writeFileSync(join(dir, "ssm-parameters.json"), '{"us-east-1": [');
    await assert.rejects(startEmulator({ dataDir: dir }), (err: Error) => {
      assert.equal(err.message.startsWith(`${join(dir, "ssm-parameters.json")} is not valid JSON`), true, err.message);
      return true;
    });
  });

  it("replays a journal it wrote itself after a restart", async () => {
    const first = await startEmulator({ dataDir: dir });
    const client = new ChimeSDKMeetingsClient({
      endpoint: first.url,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const id = (await client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "room" }))).Meeting?.MeetingId;
    client.destroy();
    await first.close();
    const second = await startEmulator({ dataDir: dir });
    try {
      assert.deepEqual(
        (await new EmulatorAdminClient(second.url).listMeetings()).map((m) => m.meetingId),
        [id],
      );
    } finally {
      await second.close();
    }
  });
});
