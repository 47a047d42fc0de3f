// The peer range of @pulumi/pulumi (>=3.248.0 <4) proven at its far end: a consumer on a newer 3.x release, which
// needs Node.js 22 (installed from the npm registry's `node` package), type-checks and deploys meetings through the
// real CLI with one copy of @pulumi/pulumi.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { newLocalStack, toolchainBinDir } from "../support/pulumi";
import { consumerDir, npm, packOnce } from "./support";

const run = promisify(execFile);
/** A 3.x release newer than the pinned development version (3.248.0). */
export const NEWER_PULUMI = "3.276.0";
const NODE_22 = "22.23.3";

/** Node.js 22 from the npm registry, cached beside the Pulumi toolchain; returns its bin directory. */
async function node22BinDir(): Promise<string> {
  const root = path.join(os.homedir(), ".cache", "chime-meetings", `node-${NODE_22}`);
  const bin = path.join(root, "node_modules", "node", "bin");
  if (!fs.existsSync(path.join(bin, "node"))) {
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "node-22", private: true }));
    await npm(root, ["install", `node@${NODE_22}`]);
  }
  return bin;
}

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "chime-meetings";
const primary = new Meeting("primary", {
  mediaRegion: "us-east-1", externalMeetingId: "newer-primary", tags: { team: new pulumi.Config().get("team") ?? "comms" },
  meetingFeatures: { attendee: { maxCount: pulumi.output(10) } }, attendees: [{ externalUserId: pulumi.output("host-1") }],
});
new Meeting("replica", { mediaRegion: "eu-central-1", externalMeetingId: "newer-replica", primaryMeetingId: primary.id });
export const meetingId = primary.meetingId;
export const nodeVersion = process.version;
`;

describe(`a consumer on @pulumi/pulumi ${NEWER_PULUMI} and Node.js 22 (real CLI, emulator)`, function () {
  this.timeout(1_200_000);
  let dir: string;
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let stack: Stack;
  let nodeBin: string;

  before(async () => {
    const [packed, bin] = await Promise.all([packOnce(), node22BinDir()]);
    nodeBin = bin;
    dir = consumerDir("newer");
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: newer-app\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
    );
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "newer-app", private: true }));
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "commonjs",
          target: "ES2022",
          moduleResolution: "node",
          skipLibCheck: true,
          types: ["node"],
        },
        files: ["index.ts"],
      }),
    );
    fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
    await npm(dir, ["install", packed.tarball, `@pulumi/pulumi@${NEWER_PULUMI}`, "typescript@5.9.3", "@types/node@22"]);
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    stack = await newLocalStack({
      workDir: dir,
      stackName: "dev",
      env: {
        PATH: `${nodeBin}${path.delimiter}${toolchainBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulator.url,
      },
    });
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
  });

  after(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`installs one copy of @pulumi/pulumi, ${NEWER_PULUMI}, under the package's peer range`, async () => {
    const { stdout } = await run("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable", "--long"], { cwd: dir });
    const copies = new Set(
      stdout
        .trim()
        .split("\n")
        .filter((l) => l.includes("@pulumi/pulumi@"))
        .map((l) => l.split(":")[0]),
    );
    assert.deepEqual([...copies], [path.join(dir, "node_modules", "@pulumi", "pulumi")]);
    assert.match(stdout, new RegExp(`@pulumi/pulumi@${NEWER_PULUMI.replace(/\./g, "\\.")}`));
  });

  it("type-checks a program with Input-typed nested arguments", async () => {
    await run(path.join(nodeBin, "node"), [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."], {
      cwd: dir,
    });
  });

  it("deploys, updates the primary in place with its replica unchanged, and destroys, on Node.js 22", async () => {
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { create: 3 });
    assert.match((await stack.outputs()).nodeVersion.value as string, /^v22\./);
    assert.deepEqual((await admin.listMeetings()).map((m) => m.externalMeetingId).sort(), ["newer-primary", "newer-replica"]);
    await stack.setConfig("team", { value: "events" });
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 2, update: 1 });
    const update = await stack.up();
    assert.deepEqual(update.summary.resourceChanges, { same: 2, update: 1 });
    const destroy = await stack.destroy();
    assert.equal(destroy.summary.result, "succeeded");
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
