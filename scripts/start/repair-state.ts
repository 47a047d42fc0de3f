// Repairs the local file backend after an interrupted `npm start` (keeper/file-backend.ts says what and why),
// so the next run is neither refused as locked nor stopped by an unreadable checkpoint.
import * as path from "node:path";
import { removeEmptySidecars, removeStaleLocks } from "../../keeper/file-backend";

function main(): void {
  const [stateDir, project, stack] = process.argv.slice(2);
  for (const file of removeEmptySidecars(stateDir)) {
    process.stderr.write(`[start] removed an empty metadata file left by an interrupted pulumi run (${file})\n`);
  }
  for (const lock of removeStaleLocks(stateDir, project, stack)) {
    process.stderr.write(`[start] removed the lock of an interrupted pulumi run (${path.basename(lock)})\n`);
  }
}

if (require.main === module) main();
