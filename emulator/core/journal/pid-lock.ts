import * as fs from "node:fs";
import * as path from "node:path";
import { isProcessRunning } from "../process";

const LOCK = "emulator.pid";

/**
 * One emulator per data directory: two writers would interleave their journals. A lock left by a process
 * that no longer runs (kill -9) is taken over.
 */
export function lockDirectory(dir: string): void {
  const file = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
      return;
    } catch (err) {
      if (!isErrno(err, "EEXIST")) throw err;
      const owner = Number(fs.readFileSync(file, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && isProcessRunning(owner)) {
        throw new Error(`data directory ${dir} is in use by the emulator with pid ${owner}; stop it or choose another --data-dir`, {
          cause: err,
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}

/** Gives the directory back to other emulators. */
export function unlockDirectory(dir: string): void {
  fs.rmSync(path.join(dir, LOCK), { force: true });
}

function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && "code" in err && err.code === code;
}
