/**
 * The program's side of an `up`: registering N Meetings against N echo resources over the same inputs, under
 * Pulumi's mocks (no engine, no provider), each in a fresh process loaded through ts-node as a TypeScript program
 * is, alternating, SCALE_REPS rounds, medians. Also how many of the SDK's debuggable promises each side creates
 * (each captures a stack trace), and the same registration with stack traces off (`--stack-trace-limit=0`), which
 * isolates what those captures cost.
 *   SCALE_COUNT=400 SCALE_REPS=3 node -r ts-node/register/transpile-only bench/scale/registration.ts
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { loadavg } from "node:os";
import * as pulumi from "@pulumi/pulumi";
import { fmt, median } from "./stats";

const COUNT = Number(process.env.SCALE_COUNT ?? 400);
const REPS = Number(process.env.SCALE_REPS ?? 3);
const SIDES = ["meeting", "echo"] as const;
type RegistrationSide = (typeof SIDES)[number];

function argsFor(i: number): {
  mediaRegion: string;
  externalMeetingId: string;
  tags: Record<string, string>;
  attendees: { externalUserId: string }[];
} {
  return {
    mediaRegion: "us-east-1",
    externalMeetingId: `scale-${i}`,
    tags: { bench: "scale", index: String(i) },
    attendees: [{ externalUserId: `user-${i}-0` }, { externalUserId: `user-${i}-1` }],
  };
}

/** Child mode: registers COUNT resources of one side and prints the milliseconds and the promise count. */
async function child(side: RegistrationSide): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the Pulumi SDK, loaded in the child only
  const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
    debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown>;
  };
  const original = debuggable.debuggablePromise;
  let promises = 0;
  debuggable.debuggablePromise = (p, ctx) => {
    promises += 1;
    return original(p, ctx);
  };
  let registered = 0;
  let allRegistered!: () => void;
  const done = new Promise<void>((resolve) => (allRegistered = resolve));
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        registered += 1;
        if (registered === COUNT) allRegistered();
        return { id: `${a.name}-id`, state: a.inputs };
      },
      call: (a) => a.inputs,
    },
    "scale",
    "registration",
  );
  pulumi.runtime.setAllConfig({ "chime-meetings:region": "us-east-1" });
  const { Meeting } = await import("../../components/meeting/meeting");
  const echo: pulumi.dynamic.ResourceProvider = {
    create: (inputs: Record<string, unknown>) => Promise.resolve({ id: "echo", outs: inputs }),
  };
  class Echo extends pulumi.dynamic.Resource {
    constructor(name: string, args: pulumi.Inputs) {
      super(echo, name, args, undefined, "scale", "Echo");
    }
  }
  const t0 = performance.now();
  for (let i = 0; i < COUNT; i += 1) {
    if (side === "meeting") new Meeting(`m${i}`, argsFor(i));
    else new Echo(`m${i}`, argsFor(i));
  }
  await done;
  console.log(JSON.stringify({ ms: performance.now() - t0, promises }));
}

function runChild(side: RegistrationSide, stacks: boolean): { ms: number; promises: number } {
  const args = [...(stacks ? [] : ["--stack-trace-limit=0"]), "-r", "ts-node/register/transpile-only", __filename, side];
  const out = execFileSync(process.execPath, args, {
    cwd: path.join(__dirname, "..", ".."),
    encoding: "utf8",
    env: { ...process.env, SCALE_COUNT: String(COUNT) },
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number; promises: number };
}

function main(): void {
  const samples = new Map<string, { ms: number; promises: number }[]>();
  for (let rep = 0; rep < REPS; rep += 1) {
    const order = rep % 2 === 0 ? SIDES : [...SIDES].reverse();
    for (const stacks of [true, false]) {
      for (const side of order) {
        const key = `${side} ${stacks ? "stacks" : "no stacks"}`;
        samples.set(key, [...(samples.get(key) ?? []), runChild(side, stacks)]);
      }
    }
    console.log(`round ${rep + 1} done (load ${loadavg()[0].toFixed(2)})`);
  }
  const result: Record<string, { medianMs: number; ms: number[]; promisesPerResource: number }> = {};
  for (const [key, runs] of samples) {
    result[key] = { medianMs: median(runs.map((r) => r.ms)), ms: runs.map((r) => r.ms), promisesPerResource: runs[0].promises / COUNT };
    console.log(
      `${key}: ${fmt(result[key].medianMs, 0)} ms for ${COUNT} (${runs.map((r) => fmt(r.ms, 0)).join(", ")}), ${fmt(result[key].promisesPerResource, 1)} debuggable promises per resource`,
    );
  }
  console.log(`RESULT registration ${JSON.stringify({ count: COUNT, reps: REPS, ...result })}`);
}

const side = process.argv[2] as RegistrationSide | undefined;
if (side) void child(side);
else main();
