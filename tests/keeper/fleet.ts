// Several keeper processes on one stack of the project's program, on a PostgreSQL backend, against an
// in-process emulator: start them, end meetings at random, and check what the run left behind.
import { spawn } from "node:child_process";
import * as path from "node:path";
import type { SSMClient } from "@aws-sdk/client-ssm";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { Stack } from "@pulumi/pulumi/automation";
import type { EmulatorAdminClient } from "../../emulator";
import { meetingsInState, type Deployment } from "../../keeper/state";
import { repoRoot } from "../support/pulumi";

export interface KeeperProcess {
  name: string;
  pgid: number;
  output: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `chime-meetings-keeper --stack S --cwd DIR --interval 2s` as its own process group (transpile-only ts-node). */
export function startKeeperProcess(name: string, stack: string, workDir: string, env: Record<string, string>): KeeperProcess {
  const child = spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      path.join(repoRoot, "keeper", "cli.ts"),
      "--stack",
      stack,
      "--cwd",
      workDir,
      "--interval",
      "2s",
      "--max-failed-rounds",
      "1000",
    ],
    {
      cwd: workDir,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return {
    name,
    pgid: child.pid!,
    output: () => output,
    done: new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal }))),
  };
}

/** The fleet's stack config: `count` meetings, every other one published. */
export function fleetMeetings(
  count: number,
): Record<string, { mediaRegion: string; externalMeetingId: string; publish?: boolean; attendees: { externalUserId: string }[] }> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const name = `room-${String(i).padStart(2, "0")}`;
      return [
        name,
        {
          mediaRegion: "us-east-1",
          externalMeetingId: `fleet-${name}`,
          ...(i % 2 === 0 ? { publish: true } : {}),
          attendees: [{ externalUserId: `host-${i}` }],
        },
      ];
    }),
  );
}

/** Why the run has not converged yet, or undefined once exactly the declared meetings live, match the state and are published. */
export async function divergence(o: {
  admin: EmulatorAdminClient;
  ssm: SSMClient;
  stack: Stack;
  stackName: string;
  declared: ReturnType<typeof fleetMeetings>;
}): Promise<string | undefined> {
  const live = await o.admin.listMeetings();
  const deployment = (await o.stack.exportStack()).deployment as Deployment;
  if ((deployment.pending_operations?.length ?? 0) > 0) return `${deployment.pending_operations!.length} pending operation(s) in the state`;
  const inState = meetingsInState(deployment);
  const names = Object.keys(o.declared);
  if (live.length !== names.length) return `${live.length} live meetings for ${names.length} declared`;
  for (const name of names) {
    const same = live.filter((m) => m.externalMeetingId === o.declared[name].externalMeetingId);
    if (same.length !== 1) return `${same.length} live meetings for ${name}`;
    if (inState.get(name)?.id !== same[0].meetingId) return `${name}: state has ${inState.get(name)?.id}, live is ${same[0].meetingId}`;
    if (o.declared[name].publish) {
      const value = (await o.ssm.send(new GetParameterCommand({ Name: `/chime-meetings/${o.stackName}/${name}` }))).Parameter?.Value;
      const published = value ? (JSON.parse(value) as { MeetingId?: string }).MeetingId : undefined;
      if (published !== same[0].meetingId) return `${name}: address names ${published}, live is ${same[0].meetingId}`;
    }
  }
  return undefined;
}

/** Polls `divergence` until it is undefined or the deadline passes; returns the last reason. */
export async function waitForConvergence(check: () => Promise<string | undefined>, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let why: string | undefined = "not checked";
  while (Date.now() < deadline) {
    why = await check().catch((err: unknown) => `check failed: ${err instanceof Error ? err.message : String(err)}`);
    if (why === undefined) return undefined;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return why;
}

/** Updates of the stack's history whose [start, end] overlaps the previous one's (the backend records whole seconds). */
export async function overlappingUpdates(stack: Stack): Promise<string[]> {
  const history = (await stack.history()).map((u) => ({
    kind: u.kind,
    start: Date.parse(String(u.startTime)),
    end: Date.parse(String(u.endTime)),
  }));
  history.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  for (let i = 1; i < history.length; i++) {
    if (history[i].start < history[i - 1].end)
      out.push(
        `${history[i - 1].kind} ${new Date(history[i - 1].start).toISOString()}–${new Date(history[i - 1].end).toISOString()} overlaps ${history[i].kind} from ${new Date(history[i].start).toISOString()}`,
      );
  }
  return out;
}
