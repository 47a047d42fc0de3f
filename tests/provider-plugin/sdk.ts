// Generates the plugin's SDKs from its schema with the toolchain's chime-gen-sdk, and prepares a Python venv.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { schemaJson } from "../../provider/schema";
import { repoRoot, toolchainBinDir } from "../support/pulumi";

/** The Python SDK matching the CLI the toolchain builds, and the generated SDK's other dependencies. */
export const PYTHON_PULUMI = "pulumi==3.248.0";
const PYTHON_SDK_DEPENDENCIES = ["parver>=0.2.1", "semver>=2.8.1"];

/** Runs a command to completion; returns stdout and stderr together, throws with both on a non-zero exit. */
function run(cmd: string, args: string[], cwd = repoRoot, extraEnv: Record<string, string> = {}): string {
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PIP_DISABLE_PIP_VERSION_CHECK: "1", ...extraEnv };
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.error?.message ?? `exit ${r.status}`}):\n${output}`);
  return output;
}

/** Writes the schema into `dir` and generates the SDK of `language` into `<dir>/<language>`. */
export function generateSdk(dir: string, language: "python" | "nodejs" | "go"): string {
  fs.mkdirSync(dir, { recursive: true });
  const schemaFile = path.join(dir, "schema.json");
  fs.writeFileSync(schemaFile, schemaJson());
  const out = path.join(dir, language);
  const generator = path.join(toolchainBinDir(), "chime-gen-sdk");
  if (fs.existsSync(generator)) {
    run(generator, ["-schema", schemaFile, "-language", language, "-out", out]);
  } else {
    // A `pulumi` on PATH (toolchain step 1) is an upstream distribution, whose language hosts generate SDKs.
    run(path.join(toolchainBinDir(), "pulumi"), ["package", "gen-sdk", schemaFile, "--language", language, "--out", dir]);
  }
  return out;
}

/**
 * A venv under .test-work/ with `pulumi` from PyPI, created once and reused by later runs (pip is the slow part);
 * returns its python.
 */
export function pythonVenv(): string {
  const dir = path.join(repoRoot, ".test-work", `python-venv-${PYTHON_PULUMI.replace(/[^a-z0-9.]+/gi, "-")}`);
  const python = path.join(dir, "bin", "python");
  const ready = path.join(dir, ".ready");
  const wanted = `${[PYTHON_PULUMI, ...PYTHON_SDK_DEPENDENCIES].join(" ")}\n`;
  if (!fs.existsSync(ready) || fs.readFileSync(ready, "utf8") !== wanted) {
    fs.rmSync(dir, { recursive: true, force: true });
    run("python3", ["-m", "venv", dir]);
    run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", PYTHON_PULUMI, ...PYTHON_SDK_DEPENDENCIES]);
    fs.writeFileSync(ready, wanted);
  }
  return python;
}

export function pipInstall(python: string, packageDir: string): void {
  run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--force-reinstall", packageDir]);
}

export function runPython(python: string, args: string[], cwd: string): string {
  return run(python, args, cwd);
}

/** Runs `go` in `cwd` with module downloads allowed (the Go module proxy), as the toolchain builds do. */
export function runGo(args: string[], cwd: string): string {
  return run("go", args, cwd, { GOFLAGS: `${process.env.GOFLAGS ?? "-buildvcs=false"} -mod=mod` });
}
