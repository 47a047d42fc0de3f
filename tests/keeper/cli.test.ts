// The keeper command itself (keeper/cli.ts, the `chime-meetings-keeper` bin): help, version, exit codes, and
// one clear line when it cannot start, leaving nothing it started running.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { isProcessRunning } from "../../emulator/core/process";
import { newWorkDir, offlineEnv, repoRoot, toolchainBinDir } from "../support/pulumi";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function keeper(args: string[], env: Record<string, string> = {}, cwd = repoRoot): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(repoRoot, "keeper", "cli.ts"), ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const failureLines = (r: Run) => r.stderr.split("\n").filter((l) => l.startsWith("chime-meetings-keeper:"));

describe("keeper command", function () {
  this.timeout(120_000);
  const scratch: string[] = [];
  after(() => {
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("--help prints the options and the exit codes, exit 0", async () => {
    const r = await keeper(["--help"]);
    assert.equal(r.code, 0);
    for (const text of ["--stack NAME", "--cwd DIR", "--pulumi PATH", "--check probe|refresh", "exit codes:", "3    cannot start"])
      assert.ok(r.stdout.includes(text), `help mentions ${text}`);
    assert.equal(r.stderr, "");
  });

  it("--version prints the package version, exit 0", async () => {
    const r = await keeper(["--version"]);
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    assert.deepEqual([r.code, r.stdout], [0, `${version}\n`]);
  });

  it("refuses an unknown option with one line naming it, exit 2", async () => {
    const r = await keeper(["--stack", "dev", "--forever"]);
    assert.deepEqual([r.code, r.stderr], [2, "chime-meetings-keeper: --forever: unknown option (see --help)\n"]);
  });

  it("names `pulumi stack init` in one line for a stack that does not exist, exit 3", async () => {
    const dir = newWorkDir("keeper-cli");
    scratch.push(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: keeper-cli\nruntime: nodejs\n");
    const r = await keeper(["--stack", "nope", "--once", "--cwd", dir], offlineEnv(path.join(dir, ".state")));
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(failureLines(r), [
      `chime-meetings-keeper: stack "nope" does not exist in this backend: create it with \`pulumi stack init nope\` in ${dir}, or log in to the backend that holds it (\`pulumi login\` or PULUMI_BACKEND_URL)`,
    ]);
    assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, `nothing but that line:\n${r.stderr}`);
    assert.equal(r.stdout, "");
  });

  it("uses --pulumi PATH when pulumi is not on PATH, and says so in one line when neither is there", async () => {
    const dir = newWorkDir("keeper-cli");
    scratch.push(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: keeper-cli\nruntime: nodejs\n");
    const env = { ...offlineEnv(path.join(dir, ".state")), PATH: path.dirname(process.execPath) };
    const missing = await keeper(["--stack", "nope", "--cwd", dir], env);
    assert.deepEqual(
      [missing.code, failureLines(missing)],
      [
        3,
        [
          "chime-meetings-keeper: the pulumi CLI could not be run (not found on PATH): install it (https://www.pulumi.com/docs/iac/download-install/) or pass --pulumi PATH",
        ],
      ],
    );
    const explicit = await keeper(["--stack", "nope", "--cwd", dir, "--pulumi", path.join(toolchainBinDir(), "pulumi")], env);
    assert.equal(explicit.code, 3);
    assert.match(failureLines(explicit).join("\n"), /stack "nope" does not exist in this backend: create it with `pulumi stack init nope`/);
  });

  it("says a directory without Pulumi.yaml is not a project, exit 3", async () => {
    const dir = newWorkDir("keeper-cli");
    scratch.push(dir);
    const r = await keeper(["--stack", "dev", "--cwd", dir]);
    assert.deepEqual(
      [r.code, failureLines(r)],
      [
        3,
        [
          `chime-meetings-keeper: ${dir} is not a Pulumi project (no Pulumi.yaml): run the keeper there or pass --cwd with your project's directory`,
        ],
      ],
    );
  });

  it("for this repository's local stack before `npm start`: names `npm start` in one line and stops the emulator it started", async () => {
    const dir = newWorkDir("keeper-cli-local");
    scratch.push(dir);
    const env = {
      CHIME_STATE_DIR: path.join(dir, "state"),
      CHIME_EMULATOR_DIR: path.join(dir, "emulator"),
      PATH: `${toolchainBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
    };
    const r = await keeper(["--stack", "local", "--once"], env);
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(failureLines(r), [
      'chime-meetings-keeper: stack "local" does not exist in this backend: run `npm start` (it creates the local stack)',
    ]);
    const pid = Number(/started the emulator at \S+ \(pid (\d+)/.exec(r.stderr)?.[1]);
    assert.ok(pid > 0, `the keeper started an emulator:\n${r.stderr}`);
    const deadline = Date.now() + 10_000;
    while (isProcessRunning(pid) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    assert.equal(isProcessRunning(pid), false, "the emulator the keeper started is stopped");
  });
});
