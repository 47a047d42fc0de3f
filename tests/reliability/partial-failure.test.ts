// Failures that outlast the SDK's retries part-way through a meeting: the engine must record what
// exists (MeetingPartialFailure → ErrorResourceInitFailed) so the next `up` completes it in place —
// no orphan, no second meeting, every attendee in the state with its join token. Real CLI, emulator.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { DEFAULT_MAX_ATTEMPTS } from "../../components/meeting/settings";
import { newLocalStack } from "../support/pulumi";
import { fleetEnv } from "./support/env";
import { declare, fleet, newFleetProject, STACK, type DeclaredMeeting } from "./support/fleet";
import { fleetProblems, stateProblems } from "./support/verify";

describe("failures that outlast the retries part-way through a meeting (real CLI)", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;
  // 30 attendees: CreateMeetingWithAttendees takes 20, BatchCreateAttendee the other 10.
  let declared: DeclaredMeeting[] = fleet(1, 30, "pf");

  async function joinInfo() {
    return (await stack.outputs()).joinInfo.value as Record<string, { attendeeId: string; joinToken?: string }[]>;
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newFleetProject("partial", declared);
    stack = await newLocalStack({ workDir, stackName: STACK, env: fleetEnv(emulator.url) });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("records a meeting whose attendee batch kept failing, and the next up adds the rest in place", async () => {
    await admin.setFaults({ rules: [{ operation: "BatchCreateAttendee", kind: "serviceFailure", count: DEFAULT_MAX_ATTEMPTS }] });
    await assert.rejects(stack.up(), /was created but adding attendees failed/);
    const afterFailure = await admin.listMeetings();
    assert.equal(afterFailure.length, 1);
    assert.equal(afterFailure[0].attendees.length, 20);
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.update, 1);
    const live = await admin.listMeetings();
    assert.equal(live[0].meetingId, afterFailure[0].meetingId, "the same meeting was completed");
    assert.deepEqual(fleetProblems(live, declared), []);
    assert.deepEqual(stateProblems(live, declared, await joinInfo()), []);
  });

  it("records how far an update got when a later attendee call kept failing, and the next up finishes it", async () => {
    const next = structuredClone(declared);
    next[0].tags = { ...next[0].tags, phase: "two" };
    next[0].attendees = [...next[0].attendees.slice(3), { externalUserId: "pf-late-joiner-1" }, { externalUserId: "pf-late-joiner-2" }];
    declare(workDir, next);
    await admin.setFaults({ rules: [{ operation: "BatchCreateAttendee", kind: "throttle", count: DEFAULT_MAX_ATTEMPTS }] });
    await assert.rejects(stack.up(), /failed part-way/);
    const state = (await stack.exportStack()).deployment as { resources: { type: string; outputs?: { tags?: Record<string, string> } }[] };
    const meeting = state.resources.find((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");
    assert.equal(meeting?.outputs?.tags?.phase, "two", "the applied tag change is in the state");
    await admin.clearFaults();
    await admin.clearRequests();
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.update, 1);
    assert.deepEqual(
      (await admin.requests()).filter((r) => r.method !== "GET").map((r) => r.operation),
      ["BatchCreateAttendee"],
    );
    declared = next;
    const live = await admin.listMeetings();
    assert.deepEqual(fleetProblems(live, declared), []);
    assert.deepEqual(stateProblems(live, declared, await joinInfo()), []);
  });
});
