// The consumer's side of the package: pack this repository as `npm pack` does, and install the tarball into a fresh
// Pulumi project outside the repository, as a team would in its own repository.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../support/pulumi";

const run = promisify(execFile);

export interface Packed {
  tarball: string;
  files: number;
  bytes: number;
  unpackedBytes: number;
  paths: string[];
}

let packed: Promise<Packed> | undefined;

/** `npm pack` of this repository (prepack builds it) into a temporary folder; once per test process. */
export function packOnce(): Promise<Packed> {
  packed ??= (async () => {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), "chime-pack-"));
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dest], { cwd: repoRoot, maxBuffer: 64 << 20 });
    const info = (
      JSON.parse(stdout.slice(stdout.indexOf("["))) as {
        filename: string;
        entryCount: number;
        size: number;
        unpackedSize: number;
        files: { path: string }[];
      }[]
    )[0];
    return {
      tarball: path.join(dest, info.filename),
      files: info.entryCount,
      bytes: info.size,
      unpackedBytes: info.unpackedSize,
      paths: info.files.map((f) => f.path),
    };
  })();
  return packed;
}

/** A new empty folder outside the repository (under the OS temp folder), so nothing resolves from the repository. */
export function consumerDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `chime-consumer-${prefix}-`));
  if (!path.relative(repoRoot, dir).startsWith("..")) throw new Error(`consumer folder ${dir} is inside the repository`);
  return dir;
}

/** npm in the consumer project (registry packages come from the npm cache when present). */
export async function npm(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { stdout } = await run("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], { cwd, env, maxBuffer: 64 << 20 });
  return stdout;
}

/** Total size of a folder in bytes (for the node_modules figures). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

export interface InstalledEmulator {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the emulator from the consumer's installed bin and waits for its "listening on URL" line. */
export function startInstalledEmulator(cwd: string, args: string[] = []): Promise<InstalledEmulator> {
  const bin = path.join(cwd, "node_modules", ".bin", "chime-meetings-emulator");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["--port", "0", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`emulator did not start: ${err}`));
    }, 60_000);
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}: ${err}`));
    });
  });
}
