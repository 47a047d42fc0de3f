// Helpers for end-to-end tests that drive the real Pulumi CLI through the Automation API,
// fully offline: file backend, passphrase secrets, no update checks, no plugin downloads.
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";

export const repoRoot = path.resolve(__dirname, "..", "..");

let binDir: string | undefined;

/**
 * The bin directory of the project's Pulumi toolchain (a new-enough `pulumi` on PATH, or the cached build).
 * Never skips: a toolchain that cannot be found or built fails the calling test.
 */
export function toolchainBinDir(): string {
  if (binDir === undefined) {
    try {
      binDir = execFileSync("bash", [path.join(repoRoot, "scripts", "pulumi-toolchain.sh")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }).trim();
    } catch (err) {
      const stderr = (err as { stderr?: string }).stderr ?? "";
      throw new Error(`the Pulumi toolchain is unavailable (scripts/pulumi-toolchain.sh failed): ${stderr.trim()}`, { cause: err });
    }
  }
  return binDir;
}

export async function pulumiCommand(): Promise<PulumiCommand> {
  const bin = toolchainBinDir();
  if (path.basename(bin) === "bin") {
    return PulumiCommand.get({ root: path.dirname(bin) });
  }
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ""}`;
  return PulumiCommand.get();
}

/** A fresh directory under .test-work/ (git-ignored) inside the repository, so node_modules resolves. */
export function newWorkDir(prefix: string): string {
  const dir = path.join(repoRoot, ".test-work", `${prefix}-${crypto.randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The environment every offline CLI run gets: file backend under `stateDir`, nothing fetched, no prompts. */
export function offlineEnv(stateDir: string, extra: Record<string, string> = {}): Record<string, string> {
  fs.mkdirSync(stateDir, { recursive: true });
  const pulumiHome = path.join(stateDir, ".pulumi-home");
  fs.mkdirSync(pulumiHome, { recursive: true });
  return {
    PATH: `${toolchainBinDir()}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_CONFIG_PASSPHRASE: "chime-meetings-test",
    PULUMI_HOME: pulumiHome,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    ...extra,
  };
}

export interface EmulatorStackEnv {
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** AWS_REGION for the programs; left unset when omitted (the region then comes from stack config). */
  region?: string;
  /** Also route SSM to the emulator. */
  ssm?: boolean;
  /** Skip ts-node's type checker in TypeScript programs (they are type-checked by `tsc`; the tests check behaviour). */
  transpileOnly?: boolean;
}

/** The environment in which the CLI and its programs reach the emulator, and no real AWS endpoint or credential. */
export function emulatorStackEnv(opts: EmulatorStackEnv): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: opts.accessKeyId,
    AWS_SECRET_ACCESS_KEY: opts.secretAccessKey,
    AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: opts.url,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(opts.region ? { AWS_REGION: opts.region } : {}),
    ...(opts.ssm ? { AWS_ENDPOINT_URL_SSM: opts.url } : {}),
    ...(opts.transpileOnly ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : {}),
  };
}

export interface LocalStackOptions {
  /** Directory holding Pulumi.yaml and the program (inside the repository). */
  workDir: string;
  stackName: string;
  /** Where the file backend keeps state; defaults to `<workDir>/.state`. */
  stateDir?: string;
  /** Extra environment for the CLI and the programs it runs (e.g. the emulator endpoint). */
  env?: Record<string, string>;
}

export async function newLocalStack(opts: LocalStackOptions): Promise<Stack> {
  const stateDir = opts.stateDir ?? path.join(opts.workDir, ".state");
  const ws = await LocalWorkspace.create({
    workDir: opts.workDir,
    pulumiCommand: await pulumiCommand(),
    envVars: offlineEnv(stateDir, opts.env),
    secretsProvider: "passphrase",
  });
  return Stack.createOrSelect(opts.stackName, ws);
}

export type EmulatorEndpoint = Pick<EmulatorStackEnv, "url" | "accessKeyId" | "secretAccessKey">;

/** The emulator's endpoint and credentials for TypeScript programs run transpile-only in us-east-1. */
export function transpiledProgramEnv(emulator: EmulatorEndpoint): Record<string, string> {
  return emulatorStackEnv({ ...emulator, region: "us-east-1", transpileOnly: true });
}

/** A stack in `workDir` whose CLI and TypeScript programs (transpile-only, us-east-1) reach the emulator at `url`. */
export function newEmulatorStack(workDir: string, stackName: string, emulator: EmulatorEndpoint): Promise<Stack> {
  return newLocalStack({ workDir, stackName, env: transpiledProgramEnv(emulator) });
}

/** Writes a minimal Node.js Pulumi project whose program is `program` (TypeScript source). */
export function writeProject(workDir: string, name: string, program: string): void {
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.ts\n`);
  fs.writeFileSync(path.join(workDir, "index.ts"), program);
}

/** Writes a Pulumi.yaml in `workDir` whose program is the repository's index.ts. */
export function writeProgramProject(workDir: string): void {
  fs.writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    [
      "name: chime-meetings",
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      `main: ${path.relative(workDir, path.join(repoRoot, "index.ts"))}`,
      "",
    ].join("\n"),
  );
}

/** The state file of a stack on the file backend, as text (for secret scans). */
export function stateFileText(stateDir: string, project: string, stack: string): string {
  const file = path.join(stateDir, ".pulumi", "stacks", project, `${stack}.json`);
  return fs.readFileSync(file, "utf8");
}
