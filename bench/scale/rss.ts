import * as fs from "node:fs";

/** Parent pid of every live process (Linux /proc). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      out.set(Number(entry), ppid);
    } catch {
      // the process exited between readdir and read
    }
  }
  return out;
}

function descendants(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Peak resident set (VmHWM, MiB) of a process, as the kernel tracks it. */
function peakMiB(pid: number): number | undefined {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(read(`/proc/${pid}/status`) ?? "");
  return m ? Number(m[1]) / 1024 : undefined;
}

/** Which part of a `pulumi` run a process is, from its command line. */
export function roleOf(cmdline: string): string | undefined {
  if (cmdline.includes("dynamic-provider")) return "provider (node)";
  if (/(^|\/)pulumi\0/.test(cmdline)) return "pulumi CLI";
  if (cmdline.includes("pulumi-language-nodejs")) return "language host";
  if (cmdline.includes("run-plugin") || cmdline.includes("@pulumi/pulumi/cmd/run")) return "program (node)";
  return undefined;
}

/**
 * Samples the peak RSS of this process's descendants that belong to a Pulumi run, every `intervalMs`.
 * VmHWM is the kernel's own high-water mark, so sampling only has to catch each process before it exits.
 */
export class PeakRssSampler {
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 100): void {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): Record<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return Object.fromEntries(this.peaks);
  }

  private sample(): void {
    for (const pid of descendants(process.pid)) {
      const role = roleOf(read(`/proc/${pid}/cmdline`) ?? "");
      if (!role) continue;
      const peak = peakMiB(pid);
      if (peak !== undefined && peak > (this.peaks.get(role) ?? 0)) this.peaks.set(role, peak);
    }
  }
}
