/**
 * State compatibility of the small `__provider`: meetings created by an older copy of components/meeting
 * (UPGRADE_FROM_DIR, e.g. a checkout from before the change) must survive an `up` with the current code
 * without any change or write, and refresh and destroy them. Prints one line per step; exits 1 on a mismatch.
 *   UPGRADE_FROM_DIR=/path/to/old/components/meeting node -r ts-node/register/transpile-only bench/scale/upgrade.ts
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { EmulatorAdminClient, startEmulator } from "../../emulator";
import { newEmulatorStack, newWorkDir, repoRoot } from "../../tests/support/pulumi";
import { countByOperation, writes } from "./calls";
import { writeProgram } from "./programs";

const COUNT = 3;

async function main(): Promise<void> {
  const from = process.env.UPGRADE_FROM_DIR;
  if (!from) throw new Error("set UPGRADE_FROM_DIR to the old components/meeting directory");
  const emulator = await startEmulator({ port: 0, lifecycle: false });
  const admin = new EmulatorAdminClient(emulator.url);
  const workDir = newWorkDir("scale-upgrade");
  try {
    const write = (dir: string | undefined) => {
      if (dir) process.env.SCALE_MEETING_DIR = dir;
      else delete process.env.SCALE_MEETING_DIR;
      writeProgram("meeting", workDir, repoRoot);
    };
    write(from);
    const stack = await newEmulatorStack(workDir, "upgrade", { url: emulator.url, accessKeyId: "test", secretAccessKey: "test" });
    await stack.setConfig("scale:count", { value: String(COUNT) });
    await stack.setConfig("scale:attendeeCounts", { value: "[2]" });
    const providerSize = async () => {
      const res = (await stack.exportStack()).deployment.resources as { type: string; outputs?: { __provider?: string } }[];
      return res.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).map((r) => r.outputs?.__provider?.length ?? 0);
    };
    await stack.up();
    console.log(`old code: up created ${COUNT} meetings; __provider sizes in outputs ${JSON.stringify(await providerSize())}`);
    write(undefined);
    await admin.clearRequests();
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: COUNT + 1 });
    assert.deepEqual(writes(await admin.requests()), []);
    console.log(`new code: up over the old state: ${JSON.stringify(up.summary.resourceChanges)}, 0 writes`);
    await admin.clearRequests();
    await stack.refresh();
    const reads = countByOperation(await admin.requests());
    assert.deepEqual(reads, { GetMeeting: COUNT, ListAttendees: COUNT, ListTagsForResource: COUNT });
    console.log(`new code: refresh read ${JSON.stringify(reads)}; __provider sizes in outputs now ${JSON.stringify(await providerSize())}`);
    await admin.clearRequests();
    await stack.destroy();
    assert.deepEqual(countByOperation(await admin.requests()), { DeleteMeeting: COUNT });
    assert.deepEqual(await admin.listMeetings(), []);
    console.log(`new code: destroy deleted all ${COUNT} meetings`);
  } finally {
    await emulator.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
