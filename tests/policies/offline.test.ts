import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PolicyViolation } from "../../policies/offline/types";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(__dirname, "fixtures");

interface CheckResult {
  status: number | null;
  stderr: string;
  report?: { resources: number; violations: PolicyViolation[] };
}

/** Runs `policies/offline/cli.ts` in its own process (mocks are process-global), as `npm run policy:check` does. */
function policyCheck(program: string, config = join(FIXTURES, "all-mandatory.json")): CheckResult {
  const child = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register",
      "policies/offline/cli.ts",
      "--stack",
      "test",
      "--cwd",
      FIXTURES,
      "--program",
      join(FIXTURES, program),
      "--config",
      config,
      "--format",
      "json",
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } },
  );
  const report = child.status === 0 || child.status === 1 ? (JSON.parse(child.stdout) as CheckResult["report"]) : undefined;
  return { status: child.status, stderr: child.stderr, report };
}

function names(result: CheckResult): string[] {
  return [...new Set((result.report?.violations ?? []).map((v) => v.policyName))].sort();
}

describe("offline policy check (mocks, no credentials, no provider plugin)", function () {
  this.timeout(180_000);

  it("passes the hardened notification setup with every rule mandatory", () => {
    const result = policyCheck("good.ts");
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.report?.resources, 9);
    assert.deepEqual(result.report?.violations, []);
  });

  const variants: [string, string][] = [
    ["queue-policy-without-conditions.ts", "sqs-queue-require-source-conditions"],
    ["unencrypted-topic.ts", "sns-topic-enforce-encryption"],
    ["queue-without-dlq.ts", "sqs-queue-configure-dead-letter-queue"],
  ];
  for (const [program, rule] of variants) {
    it(`fails ${program} with exactly ${rule} and exit code 1`, () => {
      const result = policyCheck(program);
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(names(result), [rule]);
    });
  }

  it("exits 0 when the only violations are advisory (dev levels)", () => {
    const result = policyCheck("unencrypted-topic.ts", join(ROOT, "policies", "config", "dev.json"));
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      result.report?.violations.map((v) => [v.policyName, v.enforcementLevel]),
      [["sns-topic-enforce-encryption", "advisory"]],
    );
  });

  it("passes the project's MeetingNotifications component (all options on) with every rule mandatory", () => {
    const result = policyCheck("component.ts");
    assert.equal(result.status, 0, result.stderr);
    assert.ok((result.report?.resources ?? 0) > 10);
    assert.deepEqual(result.report?.violations, []);
  });

  it("refuses the component without a KMS key under prod, which asks for KMS-encrypted queues", () => {
    const result = policyCheck("component-sqs-managed-sse.ts", join(ROOT, "policies", "config", "prod.json"));
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(names(result), ["sqs-queue-enforce-encryption"]);
  });

  for (const stack of ["local", "dev"]) {
    it(`passes the shipped ${stack} stack program (index.ts) under policies/config/dev.json`, () => {
      const child = spawnSync(
        process.execPath,
        ["-r", "ts-node/register", "policies/offline/cli.ts", "--stack", stack, "--config", "policies/config/dev.json", "--format", "json"],
        { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } },
      );
      assert.equal(child.status, 0, child.stderr + child.stdout);
      const report = JSON.parse(child.stdout) as NonNullable<CheckResult["report"]>;
      assert.ok(report.resources >= 1);
      assert.deepEqual(
        report.violations.filter((v) => v.enforcementLevel === "mandatory"),
        [],
      );
    });
  }

  it("exits 2 naming the stack when Pulumi.<stack>.yaml is missing", () => {
    const child = spawnSync(process.execPath, ["-r", "ts-node/register", "policies/offline/cli.ts", "--stack", "nope", "--cwd", FIXTURES], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    });
    assert.equal(child.status, 2);
    assert.match(child.stderr, /--stack: value "nope" has no .*Pulumi\.nope\.yaml/);
  });

  function cli(args: string[]) {
    return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "policies/offline/cli.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  it("answers --help with the flags and exit codes, and --version with the package version, both exit 0", () => {
    const help = cli(["--help"]);
    assert.equal(help.status, 0, help.stderr);
    for (const flag of ["--stack", "--cwd", "--config", "--program", "--format", "--version"]) assert.ok(help.stdout.includes(flag), flag);
    assert.match(help.stdout, /Exit codes: 0 no mandatory violation, 1 at least one mandatory violation, 2/);
    const version = cli(["--version"]);
    assert.equal(version.status, 0, version.stderr);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it("takes --flag=value as well as --flag value", () => {
    const child = cli([
      `--cwd=${FIXTURES}`,
      "--stack=test",
      `--program=${join(FIXTURES, "good.ts")}`,
      `--config=${join(FIXTURES, "all-mandatory.json")}`,
      "--format=json",
    ]);
    assert.equal(child.status, 0, child.stderr);
    assert.equal((JSON.parse(child.stdout) as { resources: number }).resources, 9);
  });

  it("refuses an unknown flag in one line with exit 2", () => {
    const child = cli(["--stack", "dev", "--stak", "x"]);
    assert.equal(child.status, 2);
    assert.match(child.stderr, /^chime-meetings-policy-check: Unknown option '--stak'.*\nTry --help\.\n$/s);
  });

  it("refuses a --config file that holds no object, naming the file and the value, with exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-config-"));
    try {
      const file = join(dir, "levels.json");
      writeFileSync(file, JSON.stringify(["mandatory"]));
      const child = cli(["--stack", "test", "--cwd", FIXTURES, "--program", join(FIXTURES, "good.ts"), "--config", file]);
      assert.equal(child.status, 2);
      assert.equal(
        child.stderr,
        `chime-meetings-policy-check: --config: ${file}: value ["mandatory"] must be a JSON object of policy names\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names pulumi stack init when the stack has no config file", () => {
    const child = cli(["--stack", "nope", "--cwd", FIXTURES]);
    assert.equal(child.status, 2);
    assert.match(child.stderr, /pulumi stack init nope/);
    assert.equal(child.stderr.trim().split("\n").length, 1);
  });
});
