// Several keepers on one stack, on the Pulumi CLI's PostgreSQL backend (a real PostgreSQL on 127.0.0.1, a
// database of its own): meetings end at random; never two updates at once, the keeper that finds the stack
// locked names the holder and tries again, and the run ends with exactly the declared meetings, each in
// the state and in its address. Then one keeper is killed with -9 in the middle of an `up` while the other
// keeps going. Small here; `npm run soak` (CHIME_SOAK=1) runs it with more keepers, meetings and time.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import { SSMClient } from "@aws-sdk/client-ssm";
import { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { killTree } from "../reliability/support/cli";
import { newWorkDir, offlineEnv, pulumiCommand, writeProgramProject } from "../support/pulumi";
import { divergence, fleetMeetings, overlappingUpdates, startKeeperProcess, waitForConvergence, type KeeperProcess } from "./fleet";
import { locksIn, startPostgres, type PostgresCluster } from "./postgres";
import { emulatorEnv } from "./support";

const SOAK = process.env.CHIME_SOAK === "1";
const SIZE = SOAK
  ? { keepers: 3, meetings: 12, chaosMs: 180_000, endEveryMs: 4000 }
  : { keepers: 2, meetings: 3, chaosMs: 20_000, endEveryMs: 5000 };
const STACK = "fleet";
const NOW = "2026-12-02T12:00:00Z";

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

describe(`several keepers on one stack, PostgreSQL backend (${SIZE.keepers} keepers, ${SIZE.meetings} meetings)`, function () {
  this.timeout(SOAK ? 1_800_000 : 600_000);
  let pg: PostgresCluster;
  let database: string;
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let ssm: SSMClient;
  let workDir: string;
  let stack: Stack;
  let env: Record<string, string>;
  const keepers: KeeperProcess[] = [];
  const declared = fleetMeetings(SIZE.meetings);
  const check = () => divergence({ admin, ssm, stack, stackName: STACK, declared });

  before(async () => {
    pg = await startPostgres();
    database = pg.createDatabase("keeper_fleet");
    emulator = await startEmulator({ port: 0, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    ssm = new SSMClient({ region: "us-east-1", endpoint: emulator.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    workDir = newWorkDir("keeper-fleet");
    writeProgramProject(workDir);
    env = offlineEnv(`${workDir}/.home`, { ...emulatorEnv(emulator.url, NOW), PULUMI_BACKEND_URL: pg.backendUrl(database) });
    const ws = await LocalWorkspace.create({ workDir, pulumiCommand: await pulumiCommand(), envVars: env, secretsProvider: "passphrase" });
    stack = await Stack.create(STACK, ws);
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
    await stack.setConfig("chime-meetings:meetings", { value: JSON.stringify(declared) });
    assert.equal((await stack.up()).summary.result, "succeeded");
    assert.equal(await check(), undefined);
  });

  after(async () => {
    for (const k of keepers) killTree(k.pgid);
    await Promise.all(keepers.map((k) => k.done));
    ssm?.destroy();
    await emulator?.close();
    if (pg) {
      if (database) pg.dropDatabase(database);
      pg.stop();
    }
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("keeps exactly the declared meetings while they end at random: no overlapping update, locks reported with their holder, every address live", async () => {
    for (let i = 0; i < SIZE.keepers; i++) keepers.push(startKeeperProcess(`keeper-${i + 1}`, STACK, workDir, env));
    const chaosEnd = Date.now() + SIZE.chaosMs;
    let ended = 0;
    while (Date.now() < chaosEnd) {
      await new Promise((r) => setTimeout(r, SIZE.endEveryMs * (0.5 + Math.random())));
      const live = await admin.listMeetings();
      if (live.length > 0) {
        await admin.expireMeeting(pick(live).meetingId);
        ended++;
      }
    }
    const why = await waitForConvergence(check, 120_000);
    const logs = keepers.map((k) => `--- ${k.name}\n${k.output()}`).join("\n");
    assert.equal(why, undefined, `converged:\n${logs}`);
    assert.deepEqual(await overlappingUpdates(stack), [], "no two updates of the stack overlapped");
    assert.ok(ended >= 3, `meetings were ended (${ended})`);
    const lockReports = keepers.flatMap((k) =>
      k
        .output()
        .split("\n")
        .filter((l) => /is locked \(held by \S+@\S+, pid \d+, since /.test(l))
        .map((l) => ({ k, l })),
    );
    assert.ok(lockReports.length > 0, `a keeper found the stack locked and named the holder:\n${logs}`);
    // Each keeper that found the lock completes a round after its last report (it retried; it did not give up).
    const wentOn = await waitFor(
      () =>
        lockReports.every(({ k }) => {
          const out = k.output();
          const last = [...out.matchAll(/is locked \(held by /g)].pop()!.index;
          return /round \d+: /.test(out.slice(last));
        }),
      60_000,
    );
    assert.ok(wentOn, `every keeper that found the lock went on to complete a round:\n${logs}`);
    assert.ok(
      keepers.every((k) => !/fatal|giving up/.test(k.output())),
      logs,
    );
  });

  it("converges when one keeper is killed with -9 in the middle of an up while the other keeps going", async () => {
    await admin.clearRequests();
    await admin.expireMeeting(pick(await admin.listMeetings()).meetingId);
    let victim: KeeperProcess | undefined;
    const deadline = Date.now() + 120_000;
    while (!victim && Date.now() < deadline) {
      const creating = (await admin.requests()).some((r) => r.operation.startsWith("CreateMeeting"));
      const holder = creating ? locksIn(pg, database)[0] : undefined;
      if (holder && holder.hostname === os.hostname()) {
        const pgid = Number(execFileSync("ps", ["-o", "pgid=", "-p", String(holder.pid)], { encoding: "utf8" }).trim());
        victim = keepers.find((k) => k.pgid === pgid);
      }
      if (!victim) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(victim, "a keeper was caught holding the lock during CreateMeeting");
    killTree(victim.pgid);
    assert.equal((await victim.done).signal, "SIGKILL");
    const survivor = keepers.find((k) => k !== victim)!;
    const seen = survivor.output().length;
    // A quiet round takes no lock; if the killed up got far enough that nothing is left to do, end one more
    // meeting so that the survivor needs an update.
    await admin.expireMeeting(pick(await admin.listMeetings()).meetingId);

    // The survivor cannot break the dead keeper's lock on PostgreSQL; it names it and the documented recovery.
    const advice = await waitFor(
      () =>
        /no longer runs: once no other keeper or pulumi command works on the stack, run `pulumi cancel --stack fleet --yes`/.test(
          survivor.output().slice(seen),
        ),
      90_000,
    );
    assert.ok(advice, `the survivor named the dead holder and the recovery:\n${survivor.output().slice(seen)}`);
    // The operator's recovery (docs/KEEPER.md): the holder is dead; stop the other keepers — still running, so they
    // exit 0 on SIGTERM after their step —, remove the stack's locks with `pulumi cancel` (never while a keeper runs:
    // it deletes a live keeper's lock too), and start the keepers again (a scheduler would).
    const running = keepers.filter((k) => k !== victim);
    for (const k of running) process.kill(k.pgid, "SIGTERM");
    assert.deepEqual(
      (await Promise.all(running.map((k) => k.done))).map((e) => e.code),
      running.map(() => 0),
    );
    await stack.cancel();
    for (let i = 0; i < keepers.length; i++) keepers[i] = startKeeperProcess(`${keepers[i].name}-restarted`, STACK, workDir, env);
    const why = await waitForConvergence(check, 180_000);
    assert.equal(why, undefined, `converged after the kill:\n${keepers.map((k) => `--- ${k.name}\n${k.output()}`).join("\n")}`);
    assert.deepEqual(await overlappingUpdates(stack), []);
    for (const k of keepers) process.kill(k.pgid, "SIGTERM");
    const exits = await Promise.all(keepers.map((k) => k.done));
    assert.deepEqual(
      exits.map((e) => e.code),
      keepers.map(() => 0),
      "SIGTERM stops each keeper cleanly between steps",
    );
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return condition();
}
