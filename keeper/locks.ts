import * as os from "node:os";
import { isProcessRunning } from "../emulator/core/process";

/**
 * When the lock's holder is a process of this host that no longer runs (a keeper killed with -9 on a
 * PostgreSQL, S3 or other DIY backend, where the keeper cannot remove exactly that lock itself), the
 * documented recovery; otherwise nothing. `pulumi cancel` on a DIY backend deletes every lock of the stack,
 * so it is only safe once no other keeper or pulumi command works on it: the keeper never runs it itself.
 */
export function deadHolderAdvice(err: unknown, stack: string, hostname = os.hostname()): string {
  const text = err instanceof Error ? err.message : String(err);
  const m = /created by [^\s@]+@([^\s]+) \(pid (\d+)\)/.exec(text);
  if (!m || m[1] !== hostname || isProcessRunning(Number(m[2]))) return "";
  return `; its holder (pid ${m[2]} on this host) no longer runs: once no other keeper or pulumi command works on the stack, run \`pulumi cancel --stack ${stack} --yes\` (docs/KEEPER.md, "Failures, locks and signals")`;
}
