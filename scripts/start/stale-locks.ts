// Removes locks of the local file backend left by a `pulumi` process that no longer runs on this host
// (e.g. an interrupted `npm start`), so the next run is not refused with "the stack is currently locked".
// A lock held by a live process, or by another host, is left alone.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isProcessRunning } from "../../emulator/process";

interface LockFile {
  pid?: number;
  hostname?: string;
}

export function staleLocks(locksDir: string, hostname = os.hostname()): string[] {
  if (!fs.existsSync(locksDir)) return [];
  return fs.readdirSync(locksDir).filter((f) => f.endsWith(".json")).map((f) => path.join(locksDir, f)).filter((file) => {
    try {
      const lock = JSON.parse(fs.readFileSync(file, "utf8")) as LockFile;
      return lock.hostname === hostname && typeof lock.pid === "number" && !isProcessRunning(lock.pid);
    } catch {
      return false;
    }
  });
}

function main(): void {
  const [stateDir, project, stack] = process.argv.slice(2);
  const locksDir = path.join(stateDir, ".pulumi", "locks", "organization", project, stack);
  for (const file of staleLocks(locksDir)) {
    for (const f of [file, `${file}.attrs`]) fs.rmSync(f, { force: true });
    process.stderr.write(`[start] removed the lock of an interrupted pulumi run (${path.basename(file)})\n`);
  }
}

if (require.main === module) main();
