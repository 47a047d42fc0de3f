// Upgrading a consumer's project from chime-meetings 0.1.0 (this repository at d17586c, built and packed by hand as
// its README then allowed) to the packed package of this tree: the stack it created keeps refreshing, updating and
// destroying, although 0.1.0 stored a file path of its own layout in every meeting's provider code.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { newLocalStack, repoRoot, stateFileText } from "../support/pulumi";
import { consumerDir, folderBytes, npm, packOnce } from "./support";
import packageJson from "../../package.json";

const run = promisify(execFile);
const PREVIOUS_RELEASE = "d17586c";

/** 0.1.0 as a tarball: the commit's tree, compiled with its own `npm run build`, packed without scripts. */
async function packPreviousRelease(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chime-previous-"));
  await run("bash", ["-c", `git -C "$1" archive ${PREVIOUS_RELEASE} | tar -x -C "$2"`, "archive", repoRoot, dir]);
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  await run(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir, maxBuffer: 64 << 20 });
  fs.rmSync(path.join(dir, "node_modules"));
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: dir, maxBuffer: 64 << 20 });
  return path.join(dir, (JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string }[])[0].filename);
}

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "chime-meetings";
const config = new pulumi.Config();
for (const name of ["kept", "edited"]) {
  new Meeting(name, {
    mediaRegion: "us-east-1", externalMeetingId: \`upgrade-\${name}\`,
    tags: { team: name === "edited" ? config.get("team") ?? "comms" : "comms" },
    attendees: [{ externalUserId: \`host-\${name}\` }],
  });
}
`;

describe("upgrading a consumer from chime-meetings 0.1.0 to this package (real CLI, emulator)", function () {
  this.timeout(1_200_000);
  let dir: string;
  let stateDir: string;
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let stack: Stack;

  const providers = () =>
    (
      JSON.parse(stateFileText(stateDir, "upgrade-app", "dev")) as {
        checkpoint: { latest: { resources: { type: string; urn: string; outputs?: { __provider?: string } }[] } };
      }
    ).checkpoint.latest.resources
      .filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting")
      .map((r) => [r.urn.split("::").pop()!, r.outputs?.__provider ?? ""] as const);

  before(async () => {
    const [previous, current] = await Promise.all([packPreviousRelease(), packOnce()]);
    dir = consumerDir("upgrade");
    stateDir = path.join(dir, ".state");
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: upgrade-app\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
    );
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "upgrade-app", private: true }));
    fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
    await npm(dir, ["install", previous, "typescript@5.9.3"]);
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    stack = await newLocalStack({
      workDir: dir,
      stackName: "dev",
      stateDir,
      env: {
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulator.url,
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      },
    });
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { create: 3 });
    const before = folderBytes(path.join(dir, "node_modules"));
    await npm(dir, ["install", current.tarball]);
    process.stdout.write(
      `      [figures] the consumer's node_modules: ${before} B with 0.1.0, ${folderBytes(path.join(dir, "node_modules"))} B after upgrading\n`,
    );
  });

  after(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts from a state whose provider code requires a file of 0.1.0's layout", () => {
    for (const [, code] of providers()) assert.match(code, /chime-meetings\/bin\/components\/meeting\/implementation\.js/);
    assert.equal(
      JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "chime-meetings", "package.json"), "utf8")).version,
      packageJson.version,
    );
  });

  it("refreshes both meetings through the stored 0.1.0 provider code after the upgrade", async () => {
    const refresh = await stack.refresh();
    assert.deepEqual(refresh.summary.resourceChanges, { same: 3 });
  });

  it("updates one meeting in place, which then stores the package entry point instead", async () => {
    const ids = (await admin.listMeetings()).map((m) => m.meetingId).sort();
    await stack.setConfig("team", { value: "events" });
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 2, update: 1 });
    assert.deepEqual((await admin.listMeetings()).map((m) => m.meetingId).sort(), ids);
    const byName = new Map(providers());
    assert.match(byName.get("edited")!, /require\("chime-meetings\/meeting-provider"\)/);
    assert.match(byName.get("kept")!, /implementation\.js/);
  });

  it("destroys both, the untouched one through the stored 0.1.0 provider code", async () => {
    const destroy = await stack.destroy();
    assert.equal(destroy.summary.result, "succeeded");
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
