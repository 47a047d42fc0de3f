// Meetings end on their own (spec: at the latest 24 h after they start). `up --refresh` must notice
// the ended ones and restore exactly the declared set, with a predictable number of API calls:
// refresh reads each meeting (ListAttendees, whose NotFound means it ended, then ListTagsForResource while it lives),
// and up creates only what ended.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type AdminMeeting, type RunningEmulator } from "../../emulator";
import { newLocalStack } from "../support/pulumi";
import { fleetEnv } from "./support/env";
import { recordFigure, SOAK } from "./support/figures";
import { fleet, newFleetProject, STACK } from "./support/fleet";
import { fleetProblems } from "./support/verify";

const MEETINGS = SOAK ? 50 : 12;
const EXPIRED = SOAK ? 10 : 4;
const ATTENDEES = 3;
const PAST_24_HOURS = 25 * 3600;

/** Deterministic pick of `k` of `items` (a seeded Fisher–Yates prefix), so failures replay. */
function pick<T>(items: T[], k: number, seed: number): T[] {
  const copy = [...items];
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

function countByOperation(ops: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const op of ops) out[op] = (out[op] ?? 0) + 1;
  return out;
}

describe(`expiry: ${EXPIRED} of ${MEETINGS} meetings ended, then every meeting past 24 h, restored by up --refresh`, function () {
  this.timeout(SOAK ? 1_800_000 : 300_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;
  const declared = fleet(MEETINGS, ATTENDEES, "exp");

  async function refreshUp(): Promise<{ calls: Record<string, number>; live: AdminMeeting[]; seconds: number }> {
    await admin.clearRequests();
    const started = Date.now();
    const up = await stack.up({ refresh: true });
    assert.equal(up.summary.result, "succeeded");
    const calls = countByOperation((await admin.requests()).map((r) => r.operation));
    return { calls, live: await admin.listMeetings(), seconds: Math.round((Date.now() - started) / 1000) };
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, lifecycle: true });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newFleetProject("expiry", declared);
    stack = await newLocalStack({ workDir, stackName: STACK, env: fleetEnv(emulator.url) });
    await stack.up();
    assert.deepEqual(fleetProblems(await admin.listMeetings(), declared), []);
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it(`recreates exactly the ${EXPIRED} ended meetings, reading each meeting once and creating nothing else`, async () => {
    const before = await admin.listMeetings();
    const ended = pick(before, EXPIRED, 42);
    for (const m of ended) await admin.expireMeeting(m.meetingId);
    const { calls, live, seconds } = await refreshUp();
    recordFigure("expiry-some", {
      meetings: MEETINGS,
      expired: EXPIRED,
      calls,
      total: Object.values(calls).reduce((a, b) => a + b, 0),
      seconds,
    });
    assert.deepEqual(fleetProblems(live, declared), []);
    const endedIds = new Set(ended.map((m) => m.meetingId));
    const kept = before
      .filter((m) => !endedIds.has(m.meetingId))
      .map((m) => m.meetingId)
      .sort();
    assert.deepEqual(
      live
        .map((m) => m.meetingId)
        .filter((id) => !endedIds.has(id) && kept.includes(id))
        .sort(),
      kept,
    );
    assert.ok(
      live.every((m) => !endedIds.has(m.meetingId)),
      "an ended meeting id is live again",
    );
    assert.deepEqual(calls, {
      ListAttendees: MEETINGS,
      ListTagsForResource: MEETINGS - EXPIRED,
      CreateMeetingWithAttendees: EXPIRED,
    });
  });

  it("recreates every meeting once the clock passes 24 h, with one ListAttendees and one create each", async () => {
    const before = new Set((await admin.listMeetings()).map((m) => m.meetingId));
    await admin.advanceClock(PAST_24_HOURS);
    assert.deepEqual(await admin.listMeetings(), [], "every meeting ended at 24 h");
    const { calls, live, seconds } = await refreshUp();
    recordFigure("expiry-all", { meetings: MEETINGS, calls, total: Object.values(calls).reduce((a, b) => a + b, 0), seconds });
    assert.deepEqual(fleetProblems(live, declared), []);
    assert.ok(live.every((m) => !before.has(m.meetingId)));
    assert.deepEqual(calls, { ListAttendees: MEETINGS, CreateMeetingWithAttendees: MEETINGS });
  });

  it("changes nothing on the next up --refresh", async () => {
    const { calls } = await refreshUp();
    assert.deepEqual(calls, { ListAttendees: MEETINGS, ListTagsForResource: MEETINGS });
  });
});
