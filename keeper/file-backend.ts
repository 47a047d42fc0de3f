// Repairs of a local `file://` backend after a `pulumi` process was killed (kill -9, a crashed CI job):
//  - its lock stays behind, and the next run is refused with "the stack is currently locked";
//  - the blob library behind the file backend writes each file's `.attrs` sidecar in place (create, then
//    encode), so a kill between the two leaves an empty sidecar, and every later read of that file fails
//    with "failed to load checkpoint: EOF" although the checkpoint itself (written by rename) is whole.
// A lock of a live process or of another host is never touched; an empty sidecar carries nothing (a valid
// one holds at least `{}`), and the library treats a missing one as "no attributes".
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isProcessRunning } from "../emulator/core/process";

interface LockFile {
  pid?: number;
  hostname?: string;
}

/** The directory a `file://` backend URL names, or undefined for any other backend. */
export function fileBackendRoot(backendUrl: string | undefined): string | undefined {
  if (!backendUrl?.startsWith("file://")) return undefined;
  const withoutQuery = backendUrl.slice("file://".length).replace(/\?.*$/, "");
  return withoutQuery.replace(/^~(?=\/|$)/, process.env.HOME ?? "~");
}

export function staleLocks(locksDir: string, hostname = os.hostname()): string[] {
  if (!fs.existsSync(locksDir)) return [];
  return fs
    .readdirSync(locksDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(locksDir, f))
    .filter((file) => {
      try {
        const lock = JSON.parse(fs.readFileSync(file, "utf8")) as LockFile;
        return lock.hostname === hostname && typeof lock.pid === "number" && !isProcessRunning(lock.pid);
      } catch {
        return false;
      }
    });
}

/** Removes the stale locks of one stack; returns the names of the removed lock files. */
export function removeStaleLocks(stateRoot: string, project: string, stack: string, hostname = os.hostname()): string[] {
  const locksDir = path.join(stateRoot, ".pulumi", "locks", "organization", project, stack);
  const removed = staleLocks(locksDir, hostname);
  for (const file of removed) for (const f of [file, `${file}.attrs`]) fs.rmSync(f, { force: true });
  return removed.map((f) => path.basename(f));
}

/** Empty `.attrs` sidecars under the backend's stacks and locks directories. */
export function emptySidecars(stateRoot: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && entry.name.endsWith(".attrs") && fs.statSync(file).size === 0) found.push(file);
    }
  };
  for (const dir of ["stacks", "locks"]) walk(path.join(stateRoot, ".pulumi", dir));
  return found;
}

/** Removes empty sidecars; returns their paths relative to the backend's directory. */
export function removeEmptySidecars(stateRoot: string): string[] {
  const removed = emptySidecars(stateRoot);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed.map((f) => path.relative(stateRoot, f));
}
