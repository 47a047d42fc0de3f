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
  if (/chime-bench-[^/]*\/cli\.js/.test(cmdline)) return "emulator";
  return undefined;
}

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Samples the peak RSS and the CPU time of this process's descendants that belong to a Pulumi run, every
 * `intervalMs`. VmHWM is the kernel's own high-water mark, so sampling only has to catch each process before it
 * exits; CPU time is the last value seen, so a process's final interval (at most `intervalMs`) may be missed.
 */
export class PeakRssSampler {
  private readonly peaks = new Map<string, number>();
  private readonly cpu = new Map<number, { role: string; seconds: number }>();
  /** CPU already used at start() by processes alive then (the emulator outlives every run). */
  private readonly baseline = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 100): void {
    for (const pid of descendants(process.pid)) this.baseline.set(pid, cpuSeconds(pid) ?? 0);
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): Record<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return Object.fromEntries(this.peaks);
  }

  /** CPU seconds per role, summed over its processes (after stop()). */
  cpuByRole(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [pid, { role, seconds }] of this.cpu) out[role] = (out[role] ?? 0) + seconds - (this.baseline.get(pid) ?? 0);
    return out;
  }

  private sample(): void {
    for (const pid of descendants(process.pid)) {
      const role = roleOf(read(`/proc/${pid}/cmdline`) ?? "");
      if (!role) continue;
      const peak = peakMiB(pid);
      if (peak !== undefined && peak > (this.peaks.get(role) ?? 0)) this.peaks.set(role, peak);
      const seconds = cpuSeconds(pid);
      if (seconds !== undefined) this.cpu.set(pid, { role, seconds });
    }
  }
}
