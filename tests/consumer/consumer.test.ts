// A team's own Pulumi project, outside this repository, that installs the packed package and follows only the
// README and docs: scaffolded from templates/consumer by `pulumi new`, type-checked, deployed through the real CLI
// to the emulator started from the installed bin, checked by the compiled policy pack and the offline check, kept
// by the keeper bin. The consumer has no ts-node, esbuild or TypeScript hooks of its own.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient } from "../../emulator";
import { newLocalStack, offlineEnv, repoRoot, stateFileText, toolchainBinDir } from "../support/pulumi";
import { consumerDir, folderBytes, npm, packOnce, startInstalledEmulator, type InstalledEmulator, type Packed } from "./support";
import packageJson from "../../package.json";

const run = promisify(execFile);
const PINNED_PULUMI = packageJson.devDependencies["@pulumi/pulumi"];

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function command(file: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, args, { ...opts, maxBuffer: 64 << 20, timeout: 300_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("the packed package in a consumer's own project (real CLI, emulator from the installed bin)", function () {
  this.timeout(1_200_000);
  let packed: Packed;
  let dir: string;
  let stateDir: string;
  let emulator: InstalledEmulator;
  let admin: EmulatorAdminClient;
  let stack: Stack;
  let env: Record<string, string>;

  const bin = (name: string) => path.join(dir, "node_modules", ".bin", name);

  before(async () => {
    packed = await packOnce();
    dir = consumerDir("pinned");
    stateDir = path.join(dir, ".state");
    const newEnv = offlineEnv(stateDir);
    const scaffold = await command(
      "pulumi",
      [
        "new",
        path.join(repoRoot, "templates", "consumer"),
        "--generate-only",
        "--yes",
        "--force",
        "--name",
        "meetings-app",
        "--description",
        "Meetings of the consumer test",
        "--dir",
        dir,
      ],
      { cwd: dir, env: { ...process.env, ...newEnv } },
    );
    assert.equal(scaffold.code, 0, scaffold.stderr + scaffold.stdout);
    await npm(dir, ["install"]);
    const before = folderBytes(path.join(dir, "node_modules"));
    await npm(dir, ["install", packed.tarball, `@pulumi/pulumi@${PINNED_PULUMI}`]);
    process.stdout.write(
      `      [figures] tarball ${packed.files} files, ${packed.bytes} B packed, ${packed.unpackedBytes} B unpacked; consumer node_modules ${before} B before chime-meetings, ${folderBytes(path.join(dir, "node_modules"))} B after\n`,
    );
    emulator = await startInstalledEmulator(dir);
    admin = new EmulatorAdminClient(emulator.url);
    env = {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: emulator.url,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };
    stack = await newLocalStack({ workDir: dir, stackName: "dev", stateDir, env });
  });

  after(async () => {
    await emulator?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("packs built JavaScript, types, the compiled policy pack and configs, and no tests, bench, CI or stack files", () => {
    const paths = packed.paths;
    for (const f of [
      "provider/pulumi-resource-chime-meetings",
      "bin/provider/main.js",
      "bin/lib/index.js",
      "bin/lib/index.d.ts",
      "bin/lib/policies.js",
      "bin/lib/meeting-provider.js",
      "bin/handler/index.js",
      "policy-pack/PulumiPolicy.yaml",
      "policy-pack/index.js",
      "policies/config/dev.json",
      "bin/emulator/cli.js",
      "bin/policies/offline/cli.js",
      "bin/keeper/cli.js",
      "README.md",
      "LICENSE",
    ]) {
      assert.ok(paths.includes(f), `${f} is in the tarball`);
    }
    const stray = paths.filter(
      (p) => /^(tests|bench|\.ci|\.github|templates|scripts)\/|^Pulumi\.|^index\.ts$|\.ts$/.test(p) && !p.endsWith(".d.ts"),
    );
    assert.deepEqual(stray, []);
  });

  it("installs one copy of @pulumi/pulumi and no ts-node, esbuild, typescript hooks or aws-native", async () => {
    const tree = JSON.parse(await npm(dir, ["ls", "@pulumi/pulumi", "--all", "--json"])) as unknown;
    const versions = new Set<string>();
    const walk = (node: unknown) => {
      const deps = (node as { dependencies?: Record<string, { version?: string }> }).dependencies ?? {};
      for (const [name, child] of Object.entries(deps)) {
        if (name === "@pulumi/pulumi" && child.version) versions.add(child.version);
        walk(child);
      }
    };
    walk(tree);
    assert.deepEqual([...versions], [PINNED_PULUMI]);
    for (const absent of ["ts-node", "esbuild", "@pulumi/aws-native", "@pulumi/aws"]) {
      assert.ok(!fs.existsSync(path.join(dir, "node_modules", absent)), `${absent} is not installed`);
    }
  });

  it("type-checks the scaffolded program against the installed types", async () => {
    const tsc = await command(path.join(dir, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], { cwd: dir });
    assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr);
  });

  it("loads every entry point of the exports map from plain node", async () => {
    const script = [
      'const m = require("chime-meetings"); if (typeof m.Meeting !== "function") throw new Error("Meeting");',
      'const p = require("chime-meetings/policies"); if (!Array.isArray(p.allPolicies) || p.allPolicies.length < 30) throw new Error("policies");',
      'if (typeof p.chimeMeetingsPolicyPack !== "function") throw new Error("pack factory");',
      'const e = require("chime-meetings/emulator"); if (typeof e.startEmulator !== "function") throw new Error("emulator");',
      'const o = require("chime-meetings/meeting-provider"); if (typeof o.configured !== "function") throw new Error("provider");',
      'console.log("ok")',
    ].join("\n");
    const result = await command(process.execPath, ["-e", script], { cwd: dir });
    assert.equal(result.stdout.trim(), "ok", result.stderr);
  });

  for (const name of ["chime-meetings-emulator", "chime-meetings-policy-check", "chime-meetings-keeper"]) {
    it(`answers ${name} --help and --version with exit 0`, async () => {
      const help = await command(bin(name), ["--help"], { cwd: dir });
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^usage: ${name}`, "im"));
      const version = await command(bin(name), ["--version"], { cwd: dir });
      assert.equal(version.code, 0, version.stderr);
      assert.equal(version.stdout.trim(), packed.tarball.match(/-(\d+\.\d+\.\d+)\.tgz$/)![1]);
    });
  }

  it("serves the provider plugin's schema from the installed package (pulumi package get-schema)", async () => {
    const launcher = path.join(dir, "node_modules", "chime-meetings", "provider", "pulumi-resource-chime-meetings");
    const schema = await command("pulumi", ["package", "get-schema", launcher], {
      cwd: dir,
      env: { ...process.env, ...offlineEnv(stateDir) },
    });
    assert.equal(schema.code, 0, schema.stderr);
    const parsed = JSON.parse(schema.stdout) as { name: string; resources: Record<string, unknown> };
    assert.equal(parsed.name, "chime-meetings");
    assert.ok("chime-meetings:index:Meeting" in parsed.resources);
  });

  it("previews the scaffolded meetings as creates and deploys them to the emulator", async () => {
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { create: 3 });
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { create: 3 });
    const meetings = await admin.listMeetings();
    assert.deepEqual(meetings.map((m) => m.externalMeetingId).sort(), ["dev-townhall", "dev-townhall-eu"]);
    const outputs = await stack.outputs();
    const eu = meetings.find((m) => m.externalMeetingId === "dev-townhall-eu")!;
    assert.equal(eu.primaryMeetingId, outputs.meetingId.value);
    // Every meeting's attendees (their stored text holds the join tokens) are ciphertext in the state, never plain.
    const text = stateFileText(stateDir, "meetings-app", "dev");
    assert.doesNotMatch(text, /joinToken":"[^"]/);
    const stored = (
      JSON.parse(text) as { checkpoint: { latest: { resources: { type: string; outputs?: { attendees?: unknown } }[] } } }
    ).checkpoint.latest.resources
      .filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting")
      .map((r) => r.outputs?.attendees as Record<string, unknown>);
    assert.equal(stored.length, 2);
    for (const attendees of stored) {
      assert.equal(attendees["4dabf18193072939515e22adb298388d"], "1b47061264138c4ac30d75fd1eb44270");
      assert.equal(typeof attendees.ciphertext, "string");
      assert.equal(attendees.plaintext, undefined);
    }
  });

  it("stores the package entry point, not a file path, as the way to the provider's operations, in a __provider of under 200 bytes", () => {
    const state = JSON.parse(stateFileText(stateDir, "meetings-app", "dev")) as {
      checkpoint: { latest: { resources: { type: string; outputs?: { __provider?: string } }[] } };
    };
    const providers = state.checkpoint.latest.resources
      .filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting")
      .map((r) => r.outputs?.__provider ?? "");
    assert.equal(providers.length, 2);
    for (const provider of providers) {
      assert.match(provider, /require\("chime-meetings\/meeting-provider"\)\.configuredForState\(req\.config\)/);
      assert.doesNotMatch(provider, /node_modules|bin\/components/);
      // Stored twice per meeting and rewritten with the whole checkpoint after every step (docs/PERFORMANCE.md).
      assert.ok(provider.length < 200, `__provider is ${provider.length} bytes`);
    }
  });

  it("keeps each Meeting's stack trace in the state, down to the program's own line (registration skips only the SDK's promise stacks)", () => {
    const state = JSON.parse(stateFileText(stateDir, "meetings-app", "dev")) as {
      checkpoint: { latest: { resources: { type: string; sourcePosition?: string; stackTrace?: { sourcePosition?: string }[] }[] } };
    };
    const meetings = state.checkpoint.latest.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");
    assert.equal(meetings.length, 2);
    for (const m of meetings) {
      assert.ok(m.sourcePosition, "sourcePosition");
      assert.ok(
        (m.stackTrace ?? []).some((f) => /^project:\/\/\/index\.ts#\d+,\d+$/.test(f.sourcePosition ?? "")),
        JSON.stringify(m.stackTrace),
      );
    }
  });

  it("previews an in-place update of the primary as one update with its replica unchanged, and applies it in place", async () => {
    await stack.setConfig("event", { value: "q4-town-hall" });
    const ids = (await admin.listMeetings()).map((m) => m.meetingId).sort();
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 2, update: 1 });
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 2, update: 1 });
    assert.deepEqual((await admin.listMeetings()).map((m) => m.meetingId).sort(), ids);
  });

  it("passes the compiled policy pack from node_modules under the shipped dev config", async () => {
    const preview = await stack.preview({
      policyPacks: [path.join(dir, "node_modules", "chime-meetings", "policy-pack")],
      policyPackConfigs: [path.join(dir, "node_modules", "chime-meetings", "policies", "config", "dev.json")],
    });
    assert.deepEqual(preview.changeSummary, { same: 3 });
  });

  it("fails the compiled policy pack and the offline check on a media region the prod config does not allow", async () => {
    const prod = path.join(dir, "node_modules", "chime-meetings", "policies", "config", "prod.json");
    await stack.setConfig("mediaRegion", { value: "ap-south-1" });
    try {
      await assert.rejects(
        stack.preview({ policyPacks: [path.join(dir, "node_modules", "chime-meetings", "policy-pack")], policyPackConfigs: [prod] }),
        (err: Error) => /chime-meeting-limit-media-regions/.test(err.message) && /mandatory/.test(err.message),
      );
      const config = fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8");
      assert.match(config, /mediaRegion: ap-south-1/);
      const offline = await command(
        bin("chime-meetings-policy-check"),
        ["--cwd", dir, "--stack", "dev", "--config", prod, "--format", "json"],
        { cwd: dir },
      );
      assert.equal(offline.code, 1, offline.stderr);
      const report = JSON.parse(offline.stdout) as { violations: { policyName: string }[] };
      assert.deepEqual([...new Set(report.violations.map((v) => v.policyName))], ["chime-meeting-limit-media-regions"]);
    } finally {
      await stack.removeConfig("mediaRegion");
    }
  });

  it("runs a team's own pack composed from the exported rules with its own settings, as docs/POLICIES.md shows", async () => {
    const pack = path.join(dir, "policy");
    fs.mkdirSync(pack);
    fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: our meetings\n");
    fs.writeFileSync(
      path.join(pack, "package.json"),
      JSON.stringify({ name: "our-meetings-policy", version: "1.0.0", private: true, main: "index.ts" }),
    );
    fs.writeFileSync(
      path.join(pack, "index.ts"),
      [
        'import { chimeMeetingsPolicyPack, meetingPolicies, regionPolicies, tagPolicies } from "chime-meetings/policies";',
        'chimeMeetingsPolicyPack("our-meetings", {',
        "  policies: [...meetingPolicies, ...tagPolicies, ...regionPolicies],",
        '  config: { all: "mandatory", "chime-meeting-require-tag-keys": { keys: ["team", "cost-center"] } },',
        "});",
        "",
      ].join("\n"),
    );
    await assert.rejects(
      stack.preview({ policyPacks: [pack] }),
      (err: Error) =>
        /our-meetings/.test(err.message) && /chime-meeting-require-tag-keys/.test(err.message) && /cost-center/.test(err.message),
    );
  });

  it("passes the offline check bin on the consumer's program with the project's own policy config", async () => {
    const offline = await command(bin("chime-meetings-policy-check"), ["--stack", "dev", "--config", "policy-config.json"], { cwd: dir });
    assert.equal(offline.code, 0, offline.stderr + offline.stdout);
    assert.match(offline.stdout, /^2 resources checked: 0 mandatory and 0 advisory violations\.$/m);
  });

  it("refreshes, notices a meeting that ended, and replaces it (and its replica) on up --refresh", async () => {
    const before = (await stack.outputs()).meetingId.value as string;
    const refresh = await stack.refresh();
    assert.deepEqual(refresh.summary.resourceChanges, { same: 3 });
    await admin.expireMeeting(before);
    const up = await stack.up({ refresh: true });
    // The primary and its replica, which ended with it: both marked ended by the refresh, both replaced.
    assert.deepEqual(up.summary.resourceChanges, { same: 1, replace: 2 });
    const after = (await stack.outputs()).meetingId.value as string;
    assert.notEqual(after, before);
    assert.ok((await admin.listMeetings()).some((m) => m.meetingId === after));
  });

  it("keeps the stack's meetings with the keeper bin --once: an ended meeting is recreated", async () => {
    const before = (await stack.outputs()).meetingId.value as string;
    await admin.expireMeeting(before);
    const keeperEnv = {
      ...process.env,
      ...offlineEnv(stateDir, env),
      PATH: `${toolchainBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
    };
    const keeper = await command(bin("chime-meetings-keeper"), ["--cwd", dir, "--stack", "dev", "--once"], { cwd: dir, env: keeperEnv });
    assert.equal(keeper.code, 0, keeper.stdout + keeper.stderr);
    const after = (await stack.outputs()).meetingId.value as string;
    assert.notEqual(after, before);
    assert.ok((await admin.listMeetings()).some((m) => m.meetingId === after));
  });

  it("destroys every meeting", async () => {
    const destroy = await stack.destroy();
    assert.equal(destroy.summary.result, "succeeded");
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
