// `npm start` (scripts/start.sh) end to end, isolated from the developer's own .pulumi-state/ and
// .emulator-data/: first run creates the local stack's meetings, a second run reuses the emulator and
// changes nothing.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { newWorkDir, repoRoot } from "../support/pulumi";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runStart(env: NodeJS.ProcessEnv): Promise<Run> {
  return runBash(path.join(repoRoot, "scripts", "start.sh"), [], env);
}

function runBash(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [script, ...args], { cwd: repoRoot, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The shell commands of the README's ```sh blocks, comments stripped. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "");
}

/** Meeting name → meeting id from the printed table. */
function tableIds(stdout: string): Record<string, string> {
  const rows = stdout.split("\n").filter((line) => /^\S+\s+[0-9a-f]{8}-[0-9a-f-]{27}\s/.test(line));
  return Object.fromEntries(rows.map((line) => line.split(/\s+/).slice(0, 2)));
}

describe("npm start (scripts/start.sh)", function () {
  this.timeout(600_000);
  let workDir: string;
  let env: NodeJS.ProcessEnv;
  let first: Run;
  const stackFile = path.join(repoRoot, "Pulumi.local.yaml");
  const stackFileBefore = fs.readFileSync(stackFile, "utf8");

  before(async () => {
    workDir = newWorkDir("start");
    env = {
      ...process.env,
      CHIME_STATE_DIR: path.join(workDir, "state"),
      CHIME_EMULATOR_DIR: path.join(workDir, "emulator"),
      PULUMI_HOME: path.join(workDir, "pulumi-home"),
    };
    delete env.PULUMI_CONFIG_PASSPHRASE; // the script's local default must match Pulumi.local.yaml's salt
    first = await runStart(env);
  });

  after(() => {
    const pid = Number(fs.readFileSync(path.join(workDir, "emulator", "emulator.pid"), "utf8"));
    if (Number.isInteger(pid) && pid > 0) process.kill(pid);
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("starts the emulator, creates the local stack's meetings and prints them", () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /\[emulator\] started the emulator at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(first.stdout, /^NAME\s+MEETING ID\s+MEDIA REGION\s+ATTENDEES\s+TAGS$/m);
    assert.deepEqual(Object.keys(tableIds(first.stdout)).sort(), ["classroom-101", "support-room", "townhall", "townhall-eu"]);
    assert.match(first.stdout, /townhall-eu\s+\S+\s+eu-central-1 \(replica of townhall\)/);
  });

  it("reuses the running emulator and changes nothing on a second run", async () => {
    const second = await runStart(env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /\[emulator\] reusing the emulator/);
    assert.match(second.stderr, /5 unchanged/);
    assert.deepEqual(tableIds(second.stdout), tableIds(first.stdout));
  });

  it("runs every other command the README shows, as written, after npm start", async () => {
    const commands = readmeCommands();
    assert.ok(commands.includes("npm start") && commands.includes("npm test"));
    // npm start ran above; npm test is the command running this test.
    const others = commands.filter((c) => c !== "npm start" && c !== "npm test");
    assert.ok(others.length >= 2, others.join("; "));
    for (const command of others) {
      const script = path.join(workDir, "readme-command.sh");
      fs.writeFileSync(script, `set -euo pipefail\ncd ${JSON.stringify(repoRoot)}\n${command}\n`);
      const result = await runBash(script, [], env);
      assert.equal(result.code, 0, `${command}\n${result.stdout}\n${result.stderr}`);
    }
  });

  it("leaves Pulumi.local.yaml as committed", () => {
    assert.equal(fs.readFileSync(stackFile, "utf8"), stackFileBefore);
  });
});
