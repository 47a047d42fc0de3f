// Where the keeper's Pulumi runs: the toolchain, the `local` stack's offline environment (the same as
// `npm start`: scripts/start.sh) with its running emulator, and stale locks on file backends.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { staleLocks } from "../scripts/start/stale-locks";

export const REPO_ROOT = path.resolve(__dirname, "..");

/** The bin directory of the project's Pulumi CLI (scripts/pulumi-toolchain.sh). */
export function toolchainBinDir(): string {
  try {
    return execFileSync("bash", [path.join(REPO_ROOT, "scripts", "pulumi-toolchain.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (err) {
    throw new Error(`the Pulumi toolchain is unavailable (scripts/pulumi-toolchain.sh failed): ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
}

export async function pulumiCommandAt(binDir: string): Promise<PulumiCommand> {
  return path.basename(binDir) === "bin" ? PulumiCommand.get({ root: path.dirname(binDir) }) : PulumiCommand.get();
}

/** Starts the emulator like `npm start` does (or reuses the live one) and returns its URL. */
function localEmulatorUrl(emulatorDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join("scripts", "start", "emulator.ts")], {
      cwd: REPO_ROOT, env: { ...process.env, CHIME_EMULATOR_DIR: emulatorDir }, stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 && out.trim() ? resolve(out.trim()) : reject(new Error(`the local emulator did not start (exit ${code})`))));
  });
}

/**
 * The `local` stack's environment, as scripts/start.sh sets it: file backend in .pulumi-state/ (or
 * CHIME_STATE_DIR), the local-only passphrase, no update checks or plugin downloads, the emulator's test
 * credentials, and its URL for both Chime and SSM. Ambient AWS session settings are removed from this
 * process so they never reach the emulator.
 */
export async function localStackEnv(): Promise<Record<string, string>> {
  const stateDir = path.resolve(REPO_ROOT, process.env.CHIME_STATE_DIR ?? ".pulumi-state");
  const emulatorDir = path.resolve(REPO_ROOT, process.env.CHIME_EMULATOR_DIR ?? ".emulator-data");
  fs.mkdirSync(stateDir, { recursive: true });
  for (const k of ["AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"]) delete process.env[k];
  const url = await localEmulatorUrl(emulatorDir);
  return {
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "chime-meetings-local",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: url,
    AWS_ENDPOINT_URL_SSM: url,
  };
}

/**
 * On a file backend, removes the locks of `pulumi` processes of this host that no longer run (a killed
 * keeper or CLI); a lock of a live process or another host is never touched (scripts/start/stale-locks.ts).
 */
export function clearStaleLocks(backendUrl: string | undefined, project: string, stack: string): string[] {
  if (!backendUrl?.startsWith("file://")) return [];
  const root = backendUrl.slice("file://".length).replace(/^~(?=\/|$)/, process.env.HOME ?? "~");
  const locksDir = path.join(root, ".pulumi", "locks", "organization", project, stack);
  const removed = staleLocks(locksDir);
  for (const file of removed) for (const f of [file, `${file}.attrs`]) fs.rmSync(f, { force: true });
  return removed.map((f) => path.basename(f));
}
