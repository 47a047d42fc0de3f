// Where the keeper's Pulumi runs: the `pulumi` CLI it uses, this repository's `local` stack (its offline
// environment and background emulator, as `npm start` sets them up), and stale locks on file backends.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { isProcessRunning } from "../emulator/core/process";
import { fileBackendRoot, removeEmptySidecars, removeStaleLocks } from "./file-backend";
import { packageRoot } from "../lib/package-info";
import { summarizeError } from "./retry";

/** A failure before the first round (no CLI, project, stack or backend): one line, exit 3. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SetupError";
  }
}

/**
 * The `pulumi` the keeper runs: `--pulumi PATH` (or CHIME_MEETINGS_PULUMI), else the one on PATH. Its
 * directory is put first on PATH so that the engine's own child processes find the same CLI.
 */
export async function resolvePulumi(explicit: string | undefined, envVars: Record<string, string>): Promise<PulumiCommand> {
  if (explicit !== undefined) {
    const file = path.resolve(explicit);
    if (path.basename(file) !== "pulumi" || !fs.existsSync(file))
      throw new SetupError(`--pulumi: value ${JSON.stringify(explicit)} must be the path of an existing executable named pulumi`);
    envVars.PATH = `${path.dirname(file)}${path.delimiter}${envVars.PATH ?? process.env.PATH ?? ""}`;
    process.env.PATH = envVars.PATH;
  }
  try {
    return await PulumiCommand.get();
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const why = /ENOENT/.test(text) ? "not found on PATH" : summarizeError(err);
    throw new SetupError(
      `the pulumi CLI could not be run (${why}): install it (https://www.pulumi.com/docs/iac/download-install/) or pass --pulumi PATH`,
    );
  }
}

/** True for this repository's own checkout (not an installed package): only there does `--stack local` start the emulator. */
export function isRepositoryLocalStack(stack: string, workDir: string): boolean {
  const root = packageRoot();
  return (
    stack === "local" &&
    path.resolve(workDir) === root &&
    fs.existsSync(path.join(root, "scripts", "start", "emulator.ts")) &&
    fs.existsSync(path.join(root, "Pulumi.local.yaml"))
  );
}

export interface LocalStack {
  env: Record<string, string>;
  /** Stops the emulator if this keeper started it (a reused one keeps running). */
  stop(): void;
}

/** Starts the emulator like `npm start` does (or reuses the live one); its URL and whether it was started here. */
function localEmulator(root: string, emulatorDir: string): Promise<{ url: string; started: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join("scripts", "start", "emulator.ts")], {
      cwd: root,
      env: { ...process.env, CHIME_EMULATOR_DIR: emulatorDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      process.stderr.write(err);
      if (code === 0 && out.trim()) resolve({ url: out.trim(), started: /\[emulator\] started/.test(err) });
      else reject(new SetupError(`the local emulator did not start (exit ${code}); see ${path.join(emulatorDir, "emulator.log")}`));
    });
  });
}

/**
 * This repository's `local` stack, as scripts/start.sh sets it up: file backend in .pulumi-state/ (or
 * CHIME_STATE_DIR), the local-only passphrase, no update checks or plugin downloads, the emulator's test
 * credentials, and its URL for both Chime and SSM. Ambient AWS session settings are removed from this
 * process so they never reach the emulator.
 */
export async function localStack(): Promise<LocalStack> {
  const root = packageRoot();
  const stateDir = path.resolve(root, process.env.CHIME_STATE_DIR ?? ".pulumi-state");
  const emulatorDir = path.resolve(root, process.env.CHIME_EMULATOR_DIR ?? ".emulator-data");
  fs.mkdirSync(stateDir, { recursive: true });
  for (const k of ["AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"]) delete process.env[k];
  const env = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true" };
  Object.assign(process.env, env);
  const { url, started } = await localEmulator(root, emulatorDir);
  let stopped = false;
  // The probe runs in this process: it reaches the emulator through the same variables as the engine.
  process.env.AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS = url;
  process.env.AWS_ENDPOINT_URL_SSM = url;
  return {
    env: {
      PULUMI_BACKEND_URL: `file://${stateDir}`,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "chime-meetings-local",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...env,
      AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: url,
      AWS_ENDPOINT_URL_SSM: url,
    },
    stop: () => {
      if (!started || stopped) return;
      stopped = true;
      const pid = Number(fs.readFileSync(path.join(emulatorDir, "emulator.pid"), "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && isProcessRunning(pid)) process.kill(pid, "SIGTERM");
    },
  };
}

/**
 * On a file backend, removes the locks of `pulumi` processes of this host that no longer run (a killed
 * keeper or CLI); a lock of a live process or another host is never touched (keeper/file-backend.ts).
 */
export function clearStaleLocks(backendUrl: string | undefined, project: string, stack: string): string[] {
  const root = fileBackendRoot(backendUrl);
  return root ? removeStaleLocks(root, project, stack) : [];
}

/** On a file backend, removes the empty metadata sidecars a killed `pulumi` process can leave (keeper/file-backend.ts). */
export function clearEmptySidecars(backendUrl: string | undefined): string[] {
  const root = fileBackendRoot(backendUrl);
  return root ? removeEmptySidecars(root) : [];
}
