// `npm install git+…` of this repository: npm clones it, installs its development dependencies, runs `prepare`
// (the build) and installs the packed result, so a git install gets the same built JavaScript as a tarball.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../support/pulumi";
import { consumerDir, npm } from "./support";
import packageJson from "../../package.json";

const run = promisify(execFile);

describe("installing the package from git", function () {
  this.timeout(900_000);
  let dir: string;

  before(async () => {
    dir = consumerDir("git");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "git-consumer", private: true }));
    const { stdout } = await run("git", ["rev-parse", "HEAD"], { cwd: repoRoot });
    await npm(dir, ["install", `git+file://${repoRoot}#${stdout.trim()}`, "@pulumi/pulumi@3.248.0"]);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("builds on install: the library loads and the commands answer --version", async () => {
    const pkg = path.join(dir, "node_modules", "chime-meetings");
    for (const f of ["bin/lib/index.js", "bin/lib/index.d.ts", "bin/handler/index.js", "policy-pack/index.js"]) {
      assert.ok(fs.existsSync(path.join(pkg, f)), `${f} is installed`);
    }
    assert.ok(!fs.existsSync(path.join(pkg, "tests")), "no tests are installed");
    const { stdout } = await run(process.execPath, ["-e", 'console.log(typeof require("chime-meetings").Meeting)'], { cwd: dir });
    assert.equal(stdout.trim(), "function");
    const version = await run(path.join(dir, "node_modules", ".bin", "chime-meetings-policy-check"), ["--version"], { cwd: dir });
    assert.equal(version.stdout.trim(), packageJson.version);
  });
});
